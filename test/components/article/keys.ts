/**
 * Real key presses for the keyboard-only tests: chords go through the browser's
 * own input (`@web/test-runner-commands`, via the foreign-page helpers), never
 * synthetic events, and waits are for what the reader would see, never sleeps.
 */
import { chord } from '../../foreign/input.js';
import { waitUntil } from '../../helpers/wait.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import { deepActive, findRange, select } from './helpers.js';

export { chord, isFirefox, isWebKit, type } from '../../foreign/input.js';

/** What has focus, as a test reads it: the element's accessible name, else its text, else its tag. */
export function focusedName(): string {
  const el = deepActive();
  if (!el || el === document.body) return '(none)';
  const label = (el as HTMLInputElement).labels?.[0]?.textContent;
  return (el.getAttribute('aria-label') ?? label ?? el.textContent ?? '').trim().replace(/\s+/g, ' ') || el.tagName.toLowerCase();
}

/**
 * Presses Tab (or Shift+Tab) until `done` holds, at most `max` times; returns
 * what had focus after each press. Fails when `done` never holds.
 */
export async function tabUntil(done: () => boolean, max: number, back = false): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < max && !done(); i++) {
    await (back ? chord('Shift', 'Tab') : chord('Tab'));
    seen.push(focusedName());
  }
  if (!done()) throw new Error(`not reached after ${max} presses; focus went: ${seen.join(' → ')}`);
  return seen;
}

/** Highlights `text` from the keyboard: a selection (as caret browsing leaves it), Alt+Shift+H, Enter. */
export async function highlightByKeys(el: PlauditArticleElement, text: string): Promise<void> {
  const count = el.annotations.length;
  select(findRange(el, text));
  await chord('Alt', 'Shift', 'KeyH');
  await waitUntil(() => deepActive()?.closest('[role=toolbar]'), 'toolbar not focused');
  await chord('Enter');
  await waitUntil(() => el.annotations.length === count + 1, 'highlight not saved');
}
