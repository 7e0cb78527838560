// What an author embeds is dist/, not src/: these tests load the built reader
// bundle (run `npm run build` first; `npm run test:dist` does) and check that it
// works and that a page makes the requests the README promises.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';

/** Resolves with the first truthy value `get` returns. */
async function until<T>(get: () => T | null | undefined, message: string): Promise<T> {
  let value: T | null | undefined;
  await waitUntil(() => (value = get()), message);
  return value!;
}

const BUNDLE = '/dist/plaudit.js';
const distRequests = (): string[] => performance.getEntriesByType('resource')
  .map((e) => new URL(e.name).pathname)
  .filter((path) => path.startsWith('/dist/'));

type ArticleElement = HTMLElement & {
  loaded: Promise<void>;
  annotations: ReadonlyArray<{ status: string }>;
};

describe('the built reader bundle, dist/plaudit.js', () => {
  let el: ArticleElement;
  const articleHtml = '<article><h1>Built</h1><p>The first paragraph of a story that nobody has read yet, with a passage worth keeping.</p>' +
    '<p>A second paragraph, so that the passage has context on both sides of it.</p></article>';

  before(async () => {
    const host = document.createElement('div');
    host.innerHTML = `<plaudit-article article-id="dist-${crypto.randomUUID()}">${articleHtml}</plaudit-article>`;
    document.body.append(host);
    const url = BUNDLE; // A variable, so TypeScript does not resolve the path.
    await import(url);
    el = host.firstElementChild as ArticleElement;
    await customElements.whenDefined('plaudit-article');
  });

  it('loads as one file up front, and the clap button works from it', async () => {
    const claps = await until(() => el.shadowRoot?.querySelector('plaudit-claps'), 'no clap button');
    const button = await until(() => claps.shadowRoot?.querySelector('button'), 'clap button not rendered');
    expect(button.getAttribute('aria-label') ?? button.textContent).to.match(/^Clap/);
    expect(distRequests()).to.deep.equal([BUNDLE]);
    button.click();
    await waitUntil(() => /You: 1 of 50/.test(claps.shadowRoot!.textContent ?? ''), 'the clap was not counted');
  });

  it('loads the annotation layer as one more file, and highlights without touching the article', async () => {
    const before = el.innerHTML;
    await el.loaded;
    const text = el.querySelector('p')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, text.data.indexOf('a passage'));
    range.setEnd(text, text.data.indexOf(' worth'));
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    const bar = await until(() => el.shadowRoot!.querySelector('plaudit-selection-toolbar')?.shadowRoot, 'no toolbar');
    const highlight = await until(() => [...bar.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Highlight'), 'no Highlight button');
    highlight.click();
    await waitUntil(() => el.annotations.length === 1, 'the highlight was not saved');
    expect(el.annotations[0].status).to.equal('anchored');
    expect(el.innerHTML).to.equal(before);
    const files = distRequests();
    expect(files).to.have.length(2);
    expect(files[1]).to.match(/^\/dist\/chunks\/plaudit-annotate-[\w-]+\.js$/);
  });

  it('loads no sync code without an endpoint', () => {
    expect(distRequests().some((path) => path.includes('sync'))).to.equal(false);
  });

  it('loads no language chunk on an English page, and German from its own chunk on a German page', async () => {
    expect(distRequests().some((path) => path.includes('strings-'))).to.equal(false);
    const host = document.createElement('div');
    host.lang = 'de';
    host.innerHTML = '<plaudit-claps article-id="dist-de"></plaudit-claps>';
    document.body.append(host);
    try {
      const button = await until(() => host.firstElementChild!.shadowRoot?.querySelector('button[part=button]'), 'no German clap button');
      expect(button.getAttribute('aria-label')).to.equal('Für diesen Beitrag klatschen');
      expect(distRequests().filter((path) => path.includes('strings-'))).to.satisfy(
        (files: string[]) => files.length === 1 && /^\/dist\/chunks\/plaudit-strings-de-[\w-]+\.js$/.test(files[0]!),
      );
    } finally {
      host.remove();
    }
  });
});

describe('the built review bundle, dist/plaudit-review.js', () => {
  it('is its own file: the reader bundle never loads any review code', async () => {
    const reader = await (await fetch(BUNDLE)).text();
    expect(reader).not.to.contain('plaudit-review');
    const meta = (await (await fetch('/dist/meta.json')).json()) as Record<string, { outputs: Record<string, unknown> }>;
    const readerFiles = Object.keys(meta.plaudit!.outputs);
    expect(readerFiles.some((f) => f.includes('review'))).to.equal(false);
    // English only: no language chunks, which it would never load.
    expect(Object.keys(meta['plaudit-review']!.outputs).filter((f) => f.includes('strings-'))).to.deep.equal([]);
  });

  it('defines <plaudit-review>, which shows this browser\'s own data without an endpoint', async () => {
    const url = '/dist/plaudit-review.js';
    await import(url);
    const el = document.createElement('plaudit-review');
    document.body.append(el);
    await until(() => el.shadowRoot?.querySelector('.source'), 'the review did not render');
    expect(el.shadowRoot!.querySelector('.source')!.textContent).to.contain("This browser's own");
    await until(() => el.shadowRoot!.querySelector('table.stories, .empty'), 'no stories view');
    el.remove();
  });
});
