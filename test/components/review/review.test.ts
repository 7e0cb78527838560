import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../helpers/wait.js';
import {
  buttonNamed, CLAPS, notesList, readers, reviewFixture, root, seedHandMade, storiesTable, STORY,
  serveMock,
} from './helpers.js';

/**
 * Dark mode where the browser's driver can emulate it: Chromium's (DevTools protocol).
 * Firefox's WebDriver BiDi and WebKit's WebDriver cannot, and the runner fails the whole
 * run when the command is refused, so it is not even tried there.
 */
async function emulateDark(): Promise<boolean> {
  if (!/Chrome\//.test(navigator.userAgent)) return false;
  await emulateMedia({ colorScheme: 'dark' });
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

const cells = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());

describe('<plaudit-review> over a server', () => {
  const served = serveMock();

  it('passes an axe check on the sign-in form, the stories, a story and all notes', async () => {
    await seedHandMade();
    const signIn = await reviewFixture({ token: null });
    await waitUntil(() => root(signIn).querySelector('form.sign-in'));
    await expect(signIn).to.be.accessible();
    const el = await reviewFixture();
    await storiesTable(el);
    await expect(el).to.be.accessible();
    el.openStory(STORY.id);
    await notesList(el);
    await waitUntil(() => root(el).querySelector('.heat mark'), 'no heat map');
    await expect(el).to.be.accessible();
    el.showView('notes');
    await notesList(el);
    await expect(el).to.be.accessible();
    // The same views in dark mode, where the browser's driver can emulate it (Chromium here).
    if (await emulateDark()) {
      try {
        await expect(el).to.be.accessible();
        el.openStory(STORY.id);
        await waitUntil(() => root(el).querySelector('.heat mark'), 'no heat map');
        await expect(el).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    }
  });

  it('shows every number computed from what readers did (seven hand-made readers)', async () => {
    await seedHandMade();
    const el = await reviewFixture();
    const table = await storiesTable(el);
    const row = [...table.tBodies[0]!.rows].find((r) => r.textContent!.includes(STORY.title))!;
    // Story, claps, fans, claps per fan, weighted Σ√claps, highlights, notes, new notes.
    expect(cells(row).slice(1, 8)).to.deep.equal(['82', '7', '11.7', '19.9', '2', '3', '3']);
    expect(CLAPS.reduce((a, b) => a + b, 0)).to.equal(82);
    el.openStory(STORY.id);
    await waitUntil(() => root(el).querySelector('.heat mark'), 'no heat map', { timeout: 10_000 });
    // Distribution: one reader each at 1, 2, 3, 5, 8, 13 and 50 claps (the table alternative).
    const distribution = [...root(el).querySelectorAll('figure.chart')[0]!.querySelectorAll('tbody tr')].map(cells);
    expect(distribution).to.deep.equal(CLAPS.map((c) => [String(c), '1']));
    // "something quotable": two highlights and two notes (notes 1 and 3) cover it.
    const marks = [...root(el).querySelectorAll('.heat mark')];
    const quotable = marks.find((m) => m.textContent === 'something quotable')!;
    expect(quotable.getAttribute('title')).to.equal('4 readers');
    const top = root(el).querySelector('.passages li')!;
    expect(top.textContent).to.contain('something quotable').and.contain('2 highlights, 2 notes');
    expect(top.querySelector('a')!.href).to.match(/^https:\/\/blog\.example\.com\/hand-made-story#:~:text=/);
  });

  it('sorts by any column with the mouse or the keyboard, and says how with aria-sort', async () => {
    await seedHandMade();
    await fetch('/api/plaudit/articles/second-story', {
      method: 'PUT',
      headers: { Authorization: `Bearer ${readers[0]!.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Zebra story', url: 'https://blog.example.com/z', textHash: 'zzzz', paragraphs: ['Z.'] }),
    });
    const el = await reviewFixture();
    const table = await storiesTable(el);
    await waitUntil(() => table.tBodies[0]!.rows.length === 2);
    const header = (name: string) => [...table.querySelectorAll('thead th')].find((th) => th.textContent!.includes(name))!;
    expect(header('Weighted').getAttribute('aria-sort')).to.equal('descending');
    const titles = () => [...root(el).querySelectorAll('table.stories tbody th')].map((th) => th.textContent!.trim().replace(/\s*↗$/, ''));
    expect(titles()).to.deep.equal([STORY.title, 'Zebra story']);
    header('Story').querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => header('Story').getAttribute('aria-sort') === 'ascending');
    expect(titles()).to.deep.equal([STORY.title, 'Zebra story']);
    await sendKeys({ press: ' ' });
    await waitUntil(() => header('Story').getAttribute('aria-sort') === 'descending');
    expect(titles()).to.deep.equal(['Zebra story', STORY.title]);
    const search = root(el).querySelector<HTMLInputElement>('input[data-search]')!;
    search.value = 'zeb';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => titles().length === 1);
    expect(titles()).to.deep.equal(['Zebra story']);
  });

  it('asks for an editor token, and answers a wrong one and a reader\'s token with a clear message', async () => {
    await seedHandMade();
    const el = await reviewFixture({ token: null });
    await waitUntil(() => root(el).querySelector('form.sign-in'));
    const form = root(el).querySelector<HTMLFormElement>('form.sign-in')!;
    expect(form.textContent).to.contain('Editor token');
    const signIn = async (token: string) => {
      const input = root(el).querySelector<HTMLInputElement>('form.sign-in input')!;
      input.value = token;
      buttonNamed(root(el), 'Sign in').click();
    };
    await signIn(readers[0]!.token);
    await waitUntil(() => root(el).querySelector('[role=alert]'), 'no message for a reader token');
    expect(root(el).querySelector('[role=alert]')!.textContent).to.contain('editor token');
    expect(root(el).querySelector('form.sign-in'), 'the form shows again').to.exist;
    expect(root(el).querySelector('table.stories')).to.equal(null);
    expect(sessionStorage.length, 'a refused token is not kept').to.equal(0);
    await signIn('not-a-token');
    await waitUntil(() => /did not accept/.test(root(el).querySelector('[role=alert]')?.textContent ?? ''), 'no message for a malformed token');
    await signIn('editor-demo-token');
    await storiesTable(el);
    expect(sessionStorage.getItem(`plaudit-review-token:${el.endpoint}`)).to.equal('editor-demo-token');
    expect(el.getAttribute('token'), 'never an attribute').to.equal(null);
  });

  it('re-anchors against a changed story: a passage that is gone is an orphan, listed and counted, not dropped', async () => {
    await seedHandMade();
    const changed = [STORY.paragraphs[0], 'New first words. The first paragraph says something quotable about type and ink.', 'The second paragraph was rewritten.'];
    await fetch(`/api/plaudit/articles/${STORY.id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${readers[0]!.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: STORY.title, url: STORY.url, textHash: 'changed', paragraphs: changed }),
    });
    const el = await reviewFixture();
    await storiesTable(el);
    el.openStory(STORY.id);
    const list = await notesList(el);
    await waitUntil(() => list.total === 5);
    expect(root(el).querySelector('.passages + .note')!.textContent).to.match(/1 annotation no longer anchors/);
    const quotable = [...root(el).querySelectorAll('.heat mark')].find((m) => m.textContent === 'something quotable')!;
    expect(quotable.getAttribute('title'), 'the moved passage keeps its four readers').to.equal('4 readers');
    const orphans = [...Array(5).keys()].map((i) => list.itemAt(i)!).filter((item) => item.anchor.status === 'orphan');
    expect(orphans.map((o) => o.annotation.body?.value)).to.deep.equal(['I disagree.']);
    expect(list.shadowRoot!.querySelectorAll('.row .badge.orphan')).to.have.length(1);
  });

  it('says clearly when the server fails, and recovers by itself once it is back', async () => {
    await seedHandMade();
    served.mock.faults.set({ errorRate: 1 });
    const el = await reviewFixture();
    await waitUntil(() => root(el).querySelector('[role=alert]'), 'no message for a failing server', { timeout: 10_000 });
    expect(root(el).querySelector('[role=alert]')!.textContent).to.match(/server|reach/i);
    expect(root(el).querySelector('form.sign-in'), 'a server error is not an auth error').to.equal(null);
    served.mock.faults.heal();
    await storiesTable(el);
    expect(root(el).querySelector('[role=alert]')).to.equal(null);
  });

  it('renders a note full of markup as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    await seedHandMade([hostile]);
    const el = await reviewFixture();
    await storiesTable(el);
    el.showView('notes');
    const list = await notesList(el);
    await waitUntil(() => list.shadowRoot!.querySelector('.note-text'));
    expect(list.shadowRoot!.querySelector('.note-text')!.textContent).to.equal(hostile);
    expect(list.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
