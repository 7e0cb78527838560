import { fixture, html } from '@open-wc/testing';
import { failWrites, type WriteFailure } from '../../helpers/storage-failure.js';
import { waitUntil } from '../../helpers/wait.js';

export type { WriteFailure };
import '../../../src/components/article/article.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';

let counter = 0;

/** A fresh article id per test, so stored annotations never leak between tests. */
export function uniqueId(): string {
  counter++;
  return `test-article-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`;
}

export const ARTICLE_HTML = `<article>
  <h1>On sorting</h1>
  <p>Sorting is the first algorithm many of us meet. It hides a surprising amount of design.</p>
  <p>Quicksort picks a pivot, <em>partitions</em> the rest, and recurses. Merge sort splits, sorts and merges.</p>
  <p>Stable sorts keep equal items in order. That matters more often than you would think!</p>
</article>`;

export async function makeArticle(
  id = uniqueId(),
  body = ARTICLE_HTML,
  attrs = '',
): Promise<PlauditArticleElement> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<plaudit-article article-id="${id}" no-claps ${attrs}>${body}</plaudit-article>`;
  const el = wrapper.querySelector('plaudit-article')!;
  await el.loaded;
  return el;
}

/** The Range of the `occurrence`th match of `text` within one text node of `root`. */
export function findRange(root: Node, text: string, occurrence = 0): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    for (let i = data.indexOf(text); i !== -1; i = data.indexOf(text, i + 1)) {
      if (seen++ === occurrence) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + text.length);
        return range;
      }
    }
  }
  throw new Error(`text not found: ${text}`);
}

/** A range from the start of `from` to the end of `to` (each found in one text node of `root`). */
export function spanning(root: Node, from: string, to: string): Range {
  const a = findRange(root, from);
  const b = findRange(root, to);
  const range = document.createRange();
  range.setStart(a.startContainer, a.startOffset);
  range.setEnd(b.endContainer, b.endOffset);
  return range;
}

export function select(range: Range): void {
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

export function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

export async function toolbar(el: PlauditArticleElement) {
  await waitUntil(() => shadow(el).querySelector('plaudit-selection-toolbar'), 'toolbar did not appear');
  const bar = shadow(el).querySelector('plaudit-selection-toolbar')!;
  await bar.updateComplete;
  return bar;
}

/** A button by its accessible text in a shadow root. */
export function buttonNamed(root: ParentNode, name: string | RegExp): HTMLButtonElement {
  const buttons = [...root.querySelectorAll('button')];
  const found = buttons.find((b) => {
    const label = (b.getAttribute('aria-label') ?? b.textContent ?? '').trim().replace(/\s+/g, ' ');
    return typeof name === 'string' ? label === name : name.test(label);
  });
  if (!found) throw new Error(`no button named ${String(name)}`);
  return found;
}

export function pressKey(target: EventTarget, key: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
}

/** The deepest focused element. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export async function highlightSelection(el: PlauditArticleElement, text: string, occurrence = 0): Promise<void> {
  select(findRange(el, text, occurrence));
  const bar = await toolbar(el);
  const before = el.annotations.length;
  buttonNamed(bar.shadowRoot!, 'Highlight').click();
  await waitUntil(() => el.annotations.length === before + 1, 'highlight not saved');
  await waitUntil(() => !shadow(el).querySelector('plaudit-selection-toolbar'), 'toolbar stayed');
}

/** Makes writes to the `annotations` store fail (see `failWrites`); other stores, claps and identity, still work. */
export const failAnnotationWrites = (mode: WriteFailure): (() => void) => failWrites('annotations', mode);

/** Counts `unhandledrejection` events on the window until `stop` is called. */
export function watchUnhandledRejections(): { readonly reasons: unknown[]; stop(): void } {
  const reasons: unknown[] = [];
  const listener = (event: PromiseRejectionEvent) => reasons.push(event.reason);
  window.addEventListener('unhandledrejection', listener);
  return { reasons, stop: () => window.removeEventListener('unhandledrejection', listener) };
}

/** Selects `passage` and opens the note editor from the toolbar's Add note; resolves with the editor, rendered. */
export async function openNoteEditor(el: PlauditArticleElement, passage: string) {
  select(findRange(el, passage));
  buttonNamed((await toolbar(el)).shadowRoot!, 'Add note').click();
  await waitUntil(() => shadow(el).querySelector('plaudit-note-editor'), 'the editor did not open');
  const editor = shadow(el).querySelector('plaudit-note-editor')!;
  await editor.updateComplete;
  return editor;
}

/** Writes a note on `passage` as a reader does: Add note, the text, Save. */
export async function addNote(el: PlauditArticleElement, passage: string, text: string): Promise<void> {
  const editor = await openNoteEditor(el, passage);
  const before = el.annotations.length;
  editor.shadowRoot!.querySelector('textarea')!.value = text;
  buttonNamed(editor.shadowRoot!, 'Save').click();
  await waitUntil(() => el.annotations.length === before + 1 && !shadow(el).querySelector('plaudit-note-editor'), 'the note was not saved');
}

/** An article with its claps (no `no-claps`) in a page's `<div class="page">`, loaded. */
export async function articleOnPage(id = uniqueId()): Promise<PlauditArticleElement> {
  const page = await fixture<HTMLDivElement>(html`<div class="page"></div>`);
  page.innerHTML = `<plaudit-article article-id="${id}">${ARTICLE_HTML}</plaudit-article>`;
  const el = page.querySelector('plaudit-article')!;
  await el.loaded;
  return el;
}

/** A click on the middle of the first match of `text` (on annotated text, it opens the annotation, or the chooser). */
export function clickText(el: PlauditArticleElement, text: string): void {
  const range = findRange(el, text);
  const rect = range.getClientRects()[0]!;
  const init = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true, composed: true };
  range.startContainer.parentElement!.dispatchEvent(new MouseEvent('click', init));
}
