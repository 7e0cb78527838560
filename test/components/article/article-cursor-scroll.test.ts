/**
 * The reading cursor keeps the current sentence clear of its bar at the foot
 * of the viewport, over a long run of sentences, by real key presses only.
 * Geometry is the browser's own: the current sentence's Range against the bar.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { waitUntil } from '../../helpers/wait.js';
import { deepActive, makeArticle, shadow, uniqueId } from './helpers.js';
import { chord, isFirefox, isWebKit } from './keys.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';

const sentence = (p: number, s: number) =>
  `Paragraph ${p} sentence ${s} says a little more about sorting, merging and the patience of algorithms.`;

/** Many paragraphs, short and long: one is taller than the viewport, so moving within it must scroll too. */
function longArticle(): string {
  const counts = [3, 4, 2, 28, 3, 5, 2, 4];
  return `<article><h1>A long read</h1>${counts
    .map((n, p) => `<p>${Array.from({ length: n }, (_, s) => sentence(p, s)).join(' ')}</p>`)
    .join('')}</article>`;
}

/** The current sentence's box and the bar's, as drawn now. */
function geometry(el: PlauditArticleElement) {
  const box = el.layer!.cursor.range()!.getBoundingClientRect();
  const bar = shadow(el).querySelector('.cursor')!.getBoundingClientRect();
  return { box, bar };
}

/** Wholly inside the viewport and above the bar: nothing of it hidden. */
function clear(el: PlauditArticleElement): boolean {
  const { box, bar } = geometry(el);
  return box.top >= 0 && box.bottom <= bar.top && box.height > 0;
}

function describeGeometry(el: PlauditArticleElement): string {
  const { box, bar } = geometry(el);
  return `sentence ${Math.round(box.top)}..${Math.round(box.bottom)}, bar from ${Math.round(bar.top)}, viewport ${innerHeight}`;
}

async function startCursor(el: PlauditArticleElement): Promise<Element> {
  const before = document.createElement('button');
  before.textContent = 'Before the article';
  el.parentElement!.before(before);
  before.focus();
  await chord('Alt', 'Shift', 'KeyR');
  await waitUntil(() => deepActive()?.classList.contains('cursor'), 'cursor not focused');
  return before;
}

describe('<plaudit-article> reading cursor scrolling, keyboard only', () => {
  let before: Element | null = null;
  let emulated = false;
  afterEach(async () => {
    before?.remove();
    before = null;
    scrollTo(0, 0);
    window.focus();
    if (emulated) await emulateMedia({ reducedMotion: 'no-preference' });
    emulated = false;
  });

  it('keeps each sentence of a long run wholly above the bar, down and back up', async () => {
    const el = await makeArticle(uniqueId(), longArticle());
    before = await startCursor(el);
    await expect(el).to.be.accessible();
    const live = shadow(el).querySelector('[role=status]')!;
    await waitUntil(() => live.textContent === 'A long read', `announced ${live.textContent}`);
    const seen: string[] = [];
    for (let i = 0; i < 48; i++) {
      const previous = el.layer!.cursor.index;
      await chord('ArrowDown');
      await waitUntil(() => el.layer!.cursor.index === previous + 1, 'the cursor did not move');
      const text = el.layer!.cursor.range()!.toString();
      await waitUntil(() => live.textContent === text, `announced ${live.textContent}`);
      // Smooth scrolling takes a moment: wait for the sentence to come clear (never a fixed delay).
      await waitUntil(() => clear(el), `"${text}" is hidden: ${describeGeometry(el)}`);
      seen.push(text);
    }
    expect(new Set(seen).size).to.equal(48);
    // The run went through the paragraph taller than the viewport, to text that starts below the first screen.
    expect(seen.some((s) => s.startsWith('Paragraph 3 sentence 20'))).to.equal(true);
    expect(geometry(el).box.top + scrollY).to.be.greaterThan(innerHeight);
    for (let i = 0; i < 12; i++) {
      await chord('ArrowUp');
      await waitUntil(() => clear(el), `hidden on the way back: ${describeGeometry(el)}`);
    }
    await chord('Escape');
    await waitUntil(() => !shadow(el).querySelector('.cursor'), 'cursor did not end');
    expect(deepActive()).to.equal(before);
  });

  it('with reduced motion, the sentence is clear as soon as it is drawn (no smooth scrolling)', async function () {
    // Only Chromium's driver emulates the media feature (Firefox's BiDi and WebDriver refuse).
    if (isFirefox || isWebKit) this.skip();
    await emulateMedia({ reducedMotion: 'reduce' });
    emulated = true;
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches) this.skip();
    const el = await makeArticle(uniqueId(), longArticle());
    before = await startCursor(el);
    for (let i = 0; i < 14; i++) {
      const previous = el.layer!.cursor.index;
      await chord('ArrowDown');
      await waitUntil(() => el.layer!.cursor.index === previous + 1, 'the cursor did not move');
      await el.updateComplete;
      await el.updateComplete;
      expect(clear(el), describeGeometry(el)).to.equal(true);
    }
    await chord('Escape');
  });
});
