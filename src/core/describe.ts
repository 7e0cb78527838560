/**
 * Turns a passage of the text model into W3C selectors. Both are stored: the
 * position is tried first because it is cheap, the quote (with context to
 * choose among repeats) survives edits. See `anchor.ts` for the order.
 */
import type { Selector, TextPositionSelector, TextQuoteSelector } from './annotation.js';
import { rangeToOffsets, type TextModel } from './text-model.js';

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** The quote of `[start, end)` in the model, with up to 32 characters of prefix and suffix. */
export function describeQuote(model: TextModel, start: number, end: number): TextQuoteSelector {
  const { text } = model;
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

/** The offsets of `[start, end)` in the model. */
export function describePosition(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end };
}

/** Both selectors for `[start, end)`, quote first. */
export function describeOffsets(model: TextModel, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  return [describeQuote(model, start, end), describePosition(start, end)];
}

/** Selectors for a reader's selection; null when it is outside the article or only whitespace. */
export function describeRange(model: TextModel, range: AbstractRange): Selector[] | null {
  const offsets = rangeToOffsets(model, range);
  return offsets === null ? null : describeOffsets(model, offsets.start, offsets.end);
}
