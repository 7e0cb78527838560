import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';

/**
 * A host page's own stylesheet, for a describe block: each call appends a
 * `<style>` to document.head, as a page's author would write it, and every one
 * is removed after each test (with the selection, and light mode back).
 */
export function pageStyles(): (css: string) => void {
  const added: HTMLStyleElement[] = [];
  afterEach(async () => {
    for (const sheet of added.splice(0)) sheet.remove();
    document.getSelection()?.removeAllRanges();
    await emulateMedia({ colorScheme: 'light' }).catch(() => {});
  });
  return (css) => void added.push(document.head.appendChild(Object.assign(document.createElement('style'), { textContent: css })));
}

/**
 * Emulates a colour scheme; `skip` (the test's `this.skip()`) when the browser
 * cannot (only Chromium's driver emulates `prefers-color-scheme`).
 */
export async function inScheme(scheme: 'light' | 'dark', skip: () => void): Promise<void> {
  await emulateMedia({ colorScheme: scheme }).catch(() => {});
  if (!matchMedia(`(prefers-color-scheme: ${scheme})`).matches) skip();
}

/** `getComputedStyle(el)[property]`, with `el` named in the failure. */
export function drawn(el: Element | null | undefined, property: keyof CSSStyleDeclaration, what: string): string {
  if (!el) throw new Error(`${what}: not rendered`);
  return String(getComputedStyle(el)[property]);
}

/**
 * One thing a documented CSS property decides: the property (and where it is
 * drawn, in brackets), what is drawn with none set, and a page's value, which
 * is drawn as written.
 */
export type PropertyRow = readonly [drawnAs: string, byDefault: string, set: string];

/** One set of documented CSS properties, as `itDrawsProperties` checks it. */
export interface PropertyContract<T> {
  /** Makes the element and puts it where what the properties decide is drawn. */
  make: () => Promise<T>;
  /** What is drawn, keyed as the rows' first column. */
  read: (el: T) => Promise<Record<string, string>> | Record<string, string>;
  rows: readonly PropertyRow[];
  /** The selectors the page sets them on. */
  on: readonly string[];
  /** The colour scheme (default light); dark is emulated in Chromium only, and skipped elsewhere. */
  scheme?: 'light' | 'dark';
}

/**
 * Two tests of a set of properties, in this order: with none set, the defaults
 * are drawn; then, set on each of `on` in the page's stylesheet, the page's values.
 * `addPageStyle` is the describe block's `pageStyles()`.
 */
export function itDrawsProperties<T>(addPageStyle: (css: string) => void, c: PropertyContract<T>): void {
  const scheme = c.scheme ?? 'light';
  const property = (drawnAs: string) => drawnAs.split(' ')[0]!;
  const declarations = new Map(c.rows.map(([drawnAs, , set]) => [property(drawnAs), set]));
  const names = [...declarations.keys()].join(', ');
  const expected = (column: 1 | 2) => Object.fromEntries(c.rows.map((row) => [row[0], row[column]]));
  it(`with none set, ${scheme} mode draws the documented defaults`, async function () {
    await inScheme(scheme, () => this.skip());
    expect(await c.read(await c.make())).to.deep.equal(expected(1));
  });
  for (const where of c.on) {
    it(`${scheme} mode draws ${names} set on ${where}`, async function () {
      await inScheme(scheme, () => this.skip());
      addPageStyle(`${where} { ${[...declarations].map(([name, value]) => `${name}: ${value};`).join(' ')} }`);
      expect(await c.read(await c.make())).to.deep.equal(expected(2));
    });
  }
}
