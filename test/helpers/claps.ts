import { fixture, html } from '@open-wc/testing';
import '../../src/components/claps/claps.js';
import type { PlauditClapsElement } from '../../src/components/claps/claps.component.js';
import { drawn } from './page-style.js';
import { failWrites, silenceWarnings } from './storage-failure.js';
import { waitUntil } from './wait.js';

let counter = 0;
/** A fresh article id per test, so tests never share stored claps. */
export function uniqueArticle(name = 'story'): string {
  return `${name}-${Date.now().toString(36)}-${counter++}`;
}

export async function clapsFixture(articleId: string, max?: string): Promise<PlauditClapsElement> {
  const el = await fixture<PlauditClapsElement>(
    html`<plaudit-claps article-id=${articleId} max-claps=${max ?? '50'}></plaudit-claps>`,
  );
  await el.ready;
  await el.updateComplete;
  return el;
}

export function clapButton(el: PlauditClapsElement): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!;
}

export function undoButton(el: PlauditClapsElement): HTMLButtonElement | null {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Undo claps"]');
}

export function part(el: PlauditClapsElement, name: string): string {
  return el.shadowRoot!.querySelector(`[part="${name}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function press(el: PlauditClapsElement): void {
  clapButton(el).dispatchEvent(new PointerEvent('pointerdown', { button: 0, pointerId: 7, bubbles: true, composed: true }));
}

export function release(el: PlauditClapsElement): void {
  clapButton(el).dispatchEvent(new PointerEvent('pointerup', { button: 0, pointerId: 7, bubbles: true, composed: true }));
}

export function key(el: PlauditClapsElement, type: 'keydown' | 'keyup', keyName: string, repeat = false): void {
  clapButton(el).dispatchEvent(new KeyboardEvent(type, { key: keyName, repeat, bubbles: true, composed: true, cancelable: true }));
}

/** Waits until the element's stored count has been written and rendered. */
export async function settled(el: PlauditClapsElement): Promise<void> {
  await el.ready;
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  }
}

export function liveRegion(el: PlauditClapsElement): string {
  return el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';
}

export const inside = (el: PlauditClapsElement, part: string) => el.shadowRoot!.querySelector(`[part="${part}"]`);

/** Presses and holds the button (the bubble shows while held), runs `whileHeld`, then lets go and waits for the burst to be written. */
export async function clapHeld(el: PlauditClapsElement, whileHeld: () => void): Promise<void> {
  press(el);
  await waitUntil(() => inside(el, 'bubble')?.classList.contains('shown'), 'the bubble did not show');
  whileHeld();
  release(el);
  await settled(el);
  await waitUntil(() => inside(el, 'undo'), 'no Undo claps after a clap');
}

/** Each documented part, with a background no part of Plaudit uses, to tell them apart. */
export const CLAPS_PARTS = ['base', 'button', 'bubble', 'total', 'count', 'undo', 'hint'] as const;
export const partColour = (i: number) => `rgb(${i + 1}, 111, 222)`;

/**
 * Every part's background, in the state that shows it: the bubble while the
 * button is held; the Undo claps button once clapped; the hint when the
 * browser refused to store the claps.
 */
export async function drawnClapsParts(el: PlauditClapsElement): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  const restoreWrites = failWrites('claps', 'throw', ['put']);
  const spy = silenceWarnings();
  try {
    await clapHeld(el, () => void (seen.bubble = drawn(inside(el, 'bubble'), 'backgroundColor', 'part bubble')));
    await waitUntil(() => inside(el, 'hint'), 'no hint when the claps could not be stored');
  } finally {
    restoreWrites();
    spy.restore();
  }
  for (const part of CLAPS_PARTS) seen[part] ??= drawn(inside(el, part), 'backgroundColor', `part ${part}`);
  return seen;
}
