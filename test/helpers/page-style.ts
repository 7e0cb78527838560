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
