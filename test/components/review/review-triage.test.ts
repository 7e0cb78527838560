import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PlauditReviewNotes } from '../../../src/components/review/review-notes.component.js';
import type { PlauditModerateEvent } from '../../../src/events/plaudit-moderate.js';
import type { PlauditReviewOpenEvent } from '../../../src/events/plaudit-review-open.js';
import { waitUntil } from '../../helpers/wait.js';
import { BASE } from '../../sync/helpers.js';
import { allNotes, annotation, buttonNamed, EDITOR_TOKEN, readers, reviewFixture, root, seedHandMade, serveMock } from './helpers.js';
import type { TestMock } from '../../sync/helpers.js';

const FIVE = ['one', 'two', 'three', 'four', 'five'].map((n) => `Note number ${n}`);


/** The focused element inside the list's shadow root. */
const focused = (list: PlauditReviewNotes) => list.shadowRoot!.activeElement as HTMLElement | null;
const status = (list: PlauditReviewNotes) => list.shadowRoot!.querySelector('[role=status][aria-live=polite]')!.textContent!;

async function serverStatus(mock: TestMock, id: string): Promise<string> {
  const stored = await mock.store.getAnnotation(id.slice(9));
  return stored?.annotation['plaudit:status'] ?? 'new';
}

describe('<plaudit-review> triage and moderation', () => {
  const served = serveMock();
  const mockOf = () => served.mock;

  it('triages five notes by keyboard alone: j/k move, r reviews, h hides, u undoes, focus stays, each announced', async () => {
    await seedHandMade(FIVE);
    const el = await reviewFixture();
    const list = await allNotes(el);
    const kind = list.shadowRoot!.querySelectorAll('select')[1]!;
    kind.value = 'note';
    kind.dispatchEvent(new Event('change'));
    await waitUntil(() => list.total === 5 && list.itemAt(0), 'the note filter did not apply');
    const heard: string[] = [];
    const onModerate = (e: PlauditModerateEvent) => heard.push(`${e.detail.previous}>${e.detail.status}`);
    document.addEventListener('plaudit-moderate', onModerate);
    try {
      list.focusList();
      await waitUntil(() => focused(list)?.dataset.index === '0', 'the first row did not take focus');
      // Newest first: "five" was written last.
      const idAt = (i: number) => list.itemAt(i)!.annotation.id;
      expect(list.itemAt(0)!.annotation.body!.value).to.equal('Note number five');
      await sendKeys({ press: 'r' });
      await waitUntil(() => list.itemAt(0)!.status === 'reviewed', 'r did not mark reviewed');
      expect(await serverStatus(mockOf(), idAt(0))).to.equal('reviewed');
      expect(status(list)).to.match(/Reviewed: note by Reader /);
      expect(focused(list)?.dataset.index, 'focus stays on the row').to.equal('0');
      await sendKeys({ press: 'j' });
      await waitUntil(() => focused(list)?.dataset.index === '1');
      await sendKeys({ press: 'h' });
      await waitUntil(() => list.itemAt(1)!.status === 'hidden', 'h did not hide');
      expect(await serverStatus(mockOf(), idAt(1))).to.equal('hidden');
      expect(status(list)).to.match(/Hidden: note by/);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'j' });
      await waitUntil(() => focused(list)?.dataset.index === '3');
      await sendKeys({ press: 'r' });
      await waitUntil(() => list.itemAt(3)!.status === 'reviewed');
      await sendKeys({ press: 'u' });
      await waitUntil(() => list.itemAt(3)!.status === 'new', 'u did not undo');
      expect(await serverStatus(mockOf(), idAt(3))).to.equal('new');
      expect(status(list)).to.match(/^Undone: New/);
      await sendKeys({ press: 'k' });
      await waitUntil(() => focused(list)?.dataset.index === '2');
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => focused(list)?.dataset.index === '1');
      expect(list.shadowRoot!.querySelector('[aria-selected=true]')!.getAttribute('aria-posinset')).to.equal('2');
      expect(heard).to.deep.equal(['new>reviewed', 'new>hidden', 'new>reviewed', 'reviewed>new']);
      // The hidden note reaches no reader, its own author included.
      const hiddenId = idAt(1);
      const author = readers.find((r) => r.id === list.itemAt(1)!.annotation.creator)!;
      const own = await (await fetch(`${BASE}/annotations/?article=hand-made-story&page=0`, {
        headers: { Authorization: `Bearer ${author.token}` },
      })).json();
      expect(own.items.map((a: { id: string }) => a.id)).not.to.include(hiddenId);
    } finally {
      document.removeEventListener('plaudit-moderate', onModerate);
    }
  });

  it('"/" focuses search, "?" lists the shortcuts, "o" asks the host before opening the passage', async () => {
    await seedHandMade();
    const el = await reviewFixture();
    const list = await allNotes(el);
    list.focusList();
    await waitUntil(() => focused(list)?.dataset.index === '0');
    await sendKeys({ press: '/' });
    await waitUntil(() => list.shadowRoot!.activeElement?.matches('input[type=search]'), '/ did not focus search');
    await sendKeys({ press: 'Escape' });
    list.focusList();
    await waitUntil(() => focused(list)?.dataset.index === '0');
    let opened: PlauditReviewOpenEvent | null = null;
    const onOpen = (e: PlauditReviewOpenEvent) => {
      opened = e;
      e.preventDefault();
    };
    document.addEventListener('plaudit-review-open', onOpen);
    try {
      await sendKeys({ press: 'o' });
      await waitUntil(() => opened, 'no plaudit-review-open on document');
      const detail = opened!.detail;
      expect(detail.url).to.match(/^https:\/\/blog\.example\.com\/hand-made-story#plaudit=urn:uuid:[0-9a-f-]+:~:text=/);
      expect(detail.annotation.id).to.equal(list.itemAt(0)!.annotation.id);
    } finally {
      document.removeEventListener('plaudit-review-open', onOpen);
    }
    await sendKeys({ press: '?' });
    const help = root(el).querySelector<HTMLDialogElement>('dialog.help')!;
    await waitUntil(() => help.open, '? did not open the shortcut list');
    expect(help.textContent).to.contain('Mark reviewed').and.contain('Undo');
    await expect(el).to.be.accessible();
    help.close();
  });

  it('a 412 shows what another editor changed, and keeps the editor\'s choice only when confirmed', async () => {
    const [, , note] = await seedHandMade(['Contested note']);
    const el = await reviewFixture();
    const list = await allNotes(el);
    await waitUntil(() => list.itemAt(0)?.annotation.id === note!.id);
    // Another editor hides it first.
    const other = await fetch(`${BASE}/annotations/${note!.id.slice(9)}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${EDITOR_TOKEN}`, 'Content-Type': 'application/json', 'If-Match': list.itemAt(0)!.etag },
      body: JSON.stringify({ 'plaudit:status': 'hidden' }),
    });
    expect(other.status).to.equal(200);
    await list.moderate('reviewed');
    const dialog = list.shadowRoot!.querySelector<HTMLDialogElement>('dialog.conflict')!;
    await waitUntil(() => dialog.open, 'no conflict dialog');
    expect(dialog.textContent).to.contain('Another editor changed this note').and.contain('Hidden').and.contain('Reviewed');
    await expect(el).to.be.accessible();
    expect(await serverStatus(mockOf(), note!.id), 'nothing saved before the editor confirms').to.equal('hidden');
    buttonNamed(dialog, /^Keep theirs/).click();
    await waitUntil(() => !dialog.open && list.itemAt(0)!.status === 'hidden');
    await list.moderate('reviewed');
    expect(await serverStatus(mockOf(), note!.id), 'no conflict now: saved').to.equal('reviewed');
    await fetch(`${BASE}/annotations/${note!.id.slice(9)}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${EDITOR_TOKEN}`, 'Content-Type': 'application/json', 'If-Match': list.itemAt(0)!.etag },
      body: JSON.stringify({ 'plaudit:status': 'new' }),
    });
    await list.moderate('hidden');
    await waitUntil(() => dialog.open);
    buttonNamed(dialog, /^Apply mine/).click();
    await waitUntil(async () => (await serverStatus(mockOf(), note!.id)) === 'hidden', 'the confirmed choice was not saved');
  });

  it('holds only the pages near the rows in view, and still undoes an action scrolled far away', async () => {
    await seedHandMade([]);
    const notes = Array.from({ length: 450 }, (_, i) => annotation(i % readers.length, 'something quotable', `Long list note ${i}`, 1000 - i));
    const imported = await fetch(`${BASE}/review/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${EDITOR_TOKEN}`, 'Content-Type': 'application/ld+json' },
      body: JSON.stringify({ items: notes }),
    });
    expect(imported.status).to.equal(200);
    const el = await reviewFixture();
    const list = await allNotes(el);
    await waitUntil(() => list.total === 452);
    const first = list.itemAt(0)!;
    await list.moderate('reviewed');
    expect(await serverStatus(mockOf(), first.annotation.id)).to.equal('reviewed');
    list.focusList();
    await sendKeys({ press: 'End' });
    await waitUntil(() => list.itemAt(451), 'the last page never loaded', { timeout: 10_000 });
    expect(list.itemAt(0), 'the first page was let go').to.equal(undefined);
    expect(focused(list)?.dataset.index, 'focus stays on the row while its page loads').to.equal('451');
    await sendKeys({ press: 'u' });
    await waitUntil(() => /undone|Undone/.test(status(list)), 'u did nothing');
    expect(status(list)).to.match(/^Undone: New/);
    expect(await serverStatus(mockOf(), first.annotation.id)).to.equal('new');
  });

  it('a second review open at the same time sees the first one\'s moderation without a reload', async () => {
    await seedHandMade(['Seen by two editors']);
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <plaudit-review endpoint=${BASE} .token=${EDITOR_TOKEN}></plaudit-review>
      <plaudit-review endpoint=${BASE} .token=${EDITOR_TOKEN}></plaudit-review>
    </div>`);
    const [first, second] = [...wrapper.querySelectorAll('plaudit-review')];
    const a = await allNotes(first!);
    const b = await allNotes(second!);
    const id = a.itemAt(0)!.annotation.id;
    expect(b.itemAt(0)!.annotation.id).to.equal(id);
    await a.moderate('hidden');
    expect(a.itemAt(0)!.status).to.equal('hidden');
    await waitUntil(() => b.itemAt(0)?.status === 'hidden', 'the second review never saw it', { timeout: 15_000 });
    expect(b.shadowRoot!.querySelector('.row.hidden')).to.exist;
  });
});
