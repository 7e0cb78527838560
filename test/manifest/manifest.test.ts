import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CustomElementDeclaration, Package } from 'custom-elements-manifest';
import '../../src/plaudit.js';
import '../../src/plaudit-review.js';
import type { PlauditArticleElement } from '../../src/components/article/article.component.js';
import type { PlauditClapsElement } from '../../src/components/claps/claps.component.js';
import type { PlauditReviewElement } from '../../src/components/review/review.component.js';
import { waitUntil } from '../helpers/wait.js';
import {
  ARTICLE_HTML, buttonNamed, failAnnotationWrites, findRange, highlightSelection, pressKey, select, shadow, toolbar, uniqueId,
} from '../components/article/helpers.js';
import { allNotes, EDITOR_TOKEN, seedHandMade, serveMock } from '../components/review/helpers.js';
import { BASE } from '../sync/helpers.js';
import { accessor, contractProblems, Seen } from './seen.js';
import { failWrites } from '../helpers/storage-failure.js';

/**
 * custom-elements.json against the live elements: what the manifest documents
 * exists, is observed, renders and fires, and what an element renders or
 * dispatches on itself is documented. The schema itself is checked in Node
 * (scripts/check-manifest.mjs: ajv is CommonJS and does not load here).
 */

const PUBLIC_TAGS = ['plaudit-article', 'plaudit-claps', 'plaudit-review', 'plaudit-sync-status'];

let manifest: Package;
const elements = new Map<string, CustomElementDeclaration>();
/** The watchers of this test's elements, stopped after it. */
const watching: Seen[] = [];

function declaration(tag: string): CustomElementDeclaration {
  const found = elements.get(tag);
  if (!found) throw new Error(`custom-elements.json has no <${tag}>`);
  return found;
}

/** Creates the element with its attributes (and properties), starts watching it, then connects it. */
async function mount<T extends HTMLElement>(
  tag: string,
  attributes: Record<string, string>,
  inner = '',
  properties: Partial<T> = {},
): Promise<[T, Seen]> {
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  Object.assign(el, properties);
  el.innerHTML = inner;
  const seen = new Seen(el, declaration(tag));
  watching.push(seen);
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  return [el, seen];
}

/** Everything documented was seen, and everything seen is documented. */
function expectSeenAsDocumented(seen: Seen): void {
  expect(contractProblems(seen), `<${seen.doc.tagName}> against its JSDoc`).to.deep.equal([]);
}

/** A click at the middle of a range, as a reader's. */
function clickAt(range: Range): void {
  const rect = range.getClientRects()[0]!;
  const init = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true, composed: true };
  (range.startContainer.parentElement ?? document.body).dispatchEvent(new MouseEvent('click', init));
}

/** Makes every write to the claps store fail as a full disk would; returns the undo. */
const failClapWrites = (): (() => void) => failWrites('claps', 'throw', ['put']);

describe('custom-elements.json', () => {
  // The mock endpoint through msw's service worker, emptied before each test.
  serveMock();

  before(async () => {
    const response = await fetch('/custom-elements.json');
    if (!response.ok) throw new Error('/custom-elements.json is missing: run npm run build first.');
    manifest = (await response.json()) as Package;
    for (const mod of manifest.modules) {
      for (const d of mod.declarations ?? []) {
        const element = d as CustomElementDeclaration;
        if (element.tagName) elements.set(element.tagName, element);
      }
    }
  });

  afterEach(() => {
    document.getSelection()?.removeAllRanges();
    for (const seen of watching.splice(0)) seen.stop();
  });

  it('lists the four public elements, each registered under its tag with the class it names', async () => {
    expect([...elements.keys()].sort()).to.deep.equal(PUBLIC_TAGS);
    // The status line is registered with the sync code, which an article with an endpoint loads.
    await mount('plaudit-article', { 'article-id': uniqueId(), endpoint: BASE, 'no-claps': '' }, ARTICLE_HTML);
    await customElements.whenDefined('plaudit-sync-status');
    for (const tag of PUBLIC_TAGS) {
      expect(customElements.get(tag)?.name, `<${tag}> is registered`).to.equal(declaration(tag).name);
    }
  });

  it('documents attributes the elements observe, each with a settable property', () => {
    for (const tag of PUBLIC_TAGS) {
      const doc = declaration(tag);
      const type = customElements.get(tag) as CustomElementConstructor & { observedAttributes?: string[] };
      const el = document.createElement(tag) as unknown as Record<string, unknown>;
      for (const attribute of doc.attributes ?? []) {
        const what = `<${tag}> ${attribute.name}`;
        const readOnce = /\bread once\b/i.test(attribute.description ?? '');
        expect(readOnce || (type.observedAttributes ?? []).includes(attribute.name), `${what} is observed`).to.equal(true);
        if (!attribute.fieldName) continue;
        expect(attribute.fieldName in el, `${what}: property ${attribute.fieldName}`).to.equal(true);
        expect(Boolean(accessor(el, attribute.fieldName)?.set), `${what}: ${attribute.fieldName} can be set`).to.equal(true);
      }
    }
  });

  it('documents properties and methods that every instance has', () => {
    for (const tag of PUBLIC_TAGS) {
      const el = document.createElement(tag) as unknown as Record<string, unknown>;
      for (const member of declaration(tag).members ?? []) {
        const what = `<${tag}> ${member.name}`;
        if (member.kind === 'method') {
          expect(typeof el[member.name], `${what} is a method`).to.equal('function');
          continue;
        }
        expect(member.name in el, `${what} exists`).to.equal(true);
        const descriptor = accessor(el, member.name);
        if (descriptor?.get) expect(!descriptor.set, `${what}: read-only as documented`).to.equal(Boolean(member.readonly));
      }
    }
  });

  it('<plaudit-claps>: fires each documented event, renders each documented part, uses each documented CSS property', async () => {
    const [el, seen] = await mount<PlauditClapsElement>('plaudit-claps', { 'article-id': uniqueId() });
    await el.ready;
    const button = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="button"]')!;
    button().click();
    await waitUntil(() => el.count === 1 && seen.heard.has('plaudit-clap'), 'the clap was not recorded');
    // A write that fails shows the "not saved" hint; the next one that works hides it.
    const restore = failClapWrites();
    const warn = console.warn;
    console.warn = () => {};
    try {
      button().click();
      await waitUntil(() => el.count === 2 && seen.parts.has('hint'), 'no hint after a failed write');
    } finally {
      restore();
      console.warn = warn;
    }
    await el.undo();
    await waitUntil(() => el.count === 0);
    expectSeenAsDocumented(seen);
  });

  it('<plaudit-article> with an endpoint: fires each documented event, renders each documented part, uses each documented CSS property', async () => {
    const { acquireSyncEngine } = await import('../../src/sync/sync-engine.js');
    const engine = acquireSyncEngine(BASE, { debounceMs: 5, backoff: { baseMs: 5, capMs: 20 } });
    const clipboard = navigator.clipboard;
    try {
      const [el, seen] = await mount<PlauditArticleElement>('plaudit-article', { 'article-id': uniqueId(), endpoint: BASE }, ARTICLE_HTML);
      await el.loaded;
      const root = shadow(el);
      const popup = (kind: string) => root.querySelector<HTMLElement>(`.${kind}`);

      // Two overlapping highlights (the toolbar each time); a click on both opens the chooser.
      await highlightSelection(el, 'Quicksort picks a pivot');
      await highlightSelection(el, 'picks a');
      clickAt(findRange(el, 'picks'));
      await waitUntil(() => popup('chooser'), 'no chooser');
      pressKey(popup('chooser')!, 'Escape');
      const [first, second] = el.annotations.map((a) => a.annotation.id);

      // The card, and its "Copy link" without a clipboard: the link to copy by hand.
      await el.focusAnnotation(first!);
      await waitUntil(() => popup('card'), 'no card');
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
      buttonNamed(popup('card')!, 'Copy link').click();
      await waitUntil(() => popup('link'), 'no link to copy by hand');
      Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
      // A native modal <dialog>: Escape is the browser's own close request (a synthetic keydown is not,
      // and WebKit would deliver one late, to whatever is open by then), so close it with Done.
      buttonNamed(popup('link')!, 'Done').click();

      // A note on the first: an update.
      await el.focusAnnotation(first!);
      await waitUntil(() => popup('card'), 'no card');
      buttonNamed(popup('card')!, 'Add note').click();
      await waitUntil(() => root.querySelector('plaudit-note-editor')?.shadowRoot?.querySelector('textarea'), 'no note editor');
      const editor = root.querySelector('plaudit-note-editor')!;
      const box = editor.shadowRoot!.querySelector('textarea')!;
      box.value = 'A note';
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      buttonNamed(editor.shadowRoot!, 'Save').click();
      await waitUntil(() => seen.heard.has('plaudit-annotation-update'), 'no update');

      // The panel; deleting the second (the Undo toast); the reading cursor.
      await el.openNotes();
      await waitUntil(() => root.querySelector('plaudit-notes-panel'), 'no panel');
      buttonNamed(root, /^Notes/).click();
      await el.focusAnnotation(second!);
      await waitUntil(() => popup('card'), 'no card');
      buttonNamed(popup('card')!, 'Delete').click();
      await waitUntil(() => seen.heard.has('plaudit-annotation-delete') && seen.parts.has('undo'), 'no delete and Undo');
      await el.startReadingCursor();
      await waitUntil(() => popup('cursor'), 'no reading cursor');
      pressKey(popup('cursor')!, 'Escape');
      // Focus goes back once the bar has gone (WebKit drops a selection made before that).
      await el.updateComplete;

      // A highlight the browser refuses to store: the notice with Try again.
      const restore = failAnnotationWrites('throw');
      const warn = console.warn;
      console.warn = () => {};
      try {
        select(findRange(el, 'Stable sorts'));
        buttonNamed((await toolbar(el)).shadowRoot!, 'Highlight').click();
        await waitUntil(() => seen.parts.has('notice'), 'no notice after a failed write');
      } finally {
        restore();
        console.warn = warn;
      }

      await waitUntil(() => seen.heard.has('plaudit-sync-status'), 'no plaudit-sync-status', { timeout: 10_000 });
      expectSeenAsDocumented(seen);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
      engine.release();
    }
  });

  it('<plaudit-sync-status>: renders each documented part, uses each documented CSS property', async () => {
    const [el, seen] = await mount('plaudit-sync-status', { endpoint: BASE });
    await waitUntil(() => el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim(), 'the status line is empty');
    expectSeenAsDocumented(seen);
  });

  it('<plaudit-review>: fires each documented event, renders each documented part, uses each documented CSS property', async () => {
    await seedHandMade();
    const [el, seen] = await mount<PlauditReviewElement>('plaudit-review', { endpoint: BASE }, '', { token: EDITOR_TOKEN });
    const list = await allNotes(el);
    list.focusList();
    const focused = () => (list.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index;
    await waitUntil(() => focused() === '0', 'the first row did not take focus');
    await sendKeys({ press: 'r' });
    await waitUntil(() => seen.heard.has('plaudit-moderate'), 'no plaudit-moderate');
    const veto = (e: Event) => e.preventDefault();
    document.addEventListener('plaudit-review-open', veto);
    try {
      await sendKeys({ press: 'o' });
      await waitUntil(() => seen.heard.has('plaudit-review-open'), 'no plaudit-review-open');
    } finally {
      document.removeEventListener('plaudit-review-open', veto);
    }
    expectSeenAsDocumented(seen);
  });
});
