/**
 * Re-anchoring: finds where a stored annotation belongs in the current text
 * model. Selectors are tried in this fixed order, cheapest first:
 *
 * (a) the stored TextPositionSelector, if the quote is still there and its
 *     context still agrees → 'anchored';
 * (b) exact search for the quote; prefix, suffix and distance to the old
 *     position choose among repeats → 'anchored' at the old position, else 'moved'
 *     (a match very far from the old position is kept only if (c) finds no
 *     well-scoring edited passage near the old position: it may be a copy);
 * (c) fuzzy search (`fuzzy-anchor.ts`, loaded on first need), near the old
 *     position first, then wider → 'moved', or 'orphan' below `ORPHAN_THRESHOLD`.
 *
 * A record with no usable selector is an orphan with a reason; nothing throws.
 */
import { AnchorStatus, type TextQuoteSelector } from './annotation.js';
import { parseSelectors } from './anchor-selectors.js';
import {
  combineScore, ORPHAN_THRESHOLD, positionSimilarity, prefixAgreement, suffixAgreement,
} from './anchor-score.js';
import { textHash } from './text-hash.js';
import type { TextModel } from './text-model.js';
import { yieldToMain } from './yield-to-main.js';

export interface AnchorResult {
  status: AnchorStatus;
  /** Model offsets; -1 for an orphan. */
  start: number;
  end: number;
  /** Confidence in [0, 1]; 1 is the stored quote, at the stored place, with its context. */
  score: number;
  /** Why an annotation is an orphan. */
  reason?: string;
}

/** Context agreement (0..1) needed to trust an exact match without looking elsewhere. */
const POSITION_CONTEXT_MIN = 0.5;
/** Context agreement below which a lone exact match of a short quote is not trusted. */
const EXACT_CONTEXT_MIN = 0.25;
/** A quote at least this long that occurs once is trusted whatever its context. */
const DISTINCTIVE_QUOTE_LENGTH = 16;
/** How far around the old position exact search looks before searching everything. */
const NEAR = 8192;
const FAR_MIN = 2000;
/** Score a nearby edited passage needs to win over a far exact copy. */
const NEAR_PREFERRED = 0.85;
const FAR_SHARE = 0.05;
/** Occurrences of a repeated quote that are compared; more is pathological (e.g. "the"). */
const MAX_CANDIDATES = 5000;

export function orphan(reason: string, score = 0): AnchorResult {
  return { status: AnchorStatus.Orphan, start: -1, end: -1, score, reason };
}

/**
 * Steps (a) and (b). Returns null when the quote is not found exactly (or only
 * where context disagrees), meaning the fuzzy step should run.
 */
export function anchorExact(model: TextModel, quote: TextQuoteSelector, oldStart: number | null): AnchorResult | null {
  const { text } = model;
  const { exact } = quote;
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  const contextWeight = prefix.length + suffix.length;
  const agreement = (start: number): number => contextWeight === 0 ? 1 :
    (prefixAgreement(text, start, prefix) * prefix.length +
      suffixAgreement(text, start + exact.length, suffix) * suffix.length) / contextWeight;
  const scoreAt = (start: number, status: AnchorStatus): AnchorResult => ({
    status, start, end: start + exact.length,
    score: combineScore({
      quote: 1,
      prefix: prefixAgreement(text, start, prefix),
      suffix: suffixAgreement(text, start + exact.length, suffix),
      position: positionSimilarity(start, oldStart, text.length),
    }),
  });

  if (oldStart !== null && text.startsWith(exact, oldStart) && agreement(oldStart) >= POSITION_CONTEXT_MIN) {
    return scoreAt(oldStart, AnchorStatus.Anchored);
  }

  // Unrelated edits usually shift a passage a little: look around the old place
  // first (a sliced string is a view, not a copy), then the whole text.
  let found = oldStart === null ? null :
    bestOccurrence(text, exact, oldStart, Math.max(0, oldStart - NEAR), oldStart + exact.length + NEAR, agreement);
  if (found === null || found.agreement < POSITION_CONTEXT_MIN) {
    found = bestOccurrence(text, exact, oldStart, 0, text.length, agreement);
  }
  if (found === null) return null;
  const { start: best, agreement: bestAgreement, count } = found;
  const trusted = bestAgreement >= EXACT_CONTEXT_MIN || (count === 1 && exact.length >= DISTINCTIVE_QUOTE_LENGTH);
  if (!trusted) return null;
  return scoreAt(best, best === oldStart ? AnchorStatus.Anchored : AnchorStatus.Moved);
}

interface Occurrence {
  start: number;
  agreement: number;
  /** Occurrences seen in the searched span. */
  count: number;
}

/** The occurrence of `exact` in `text[from, to)` whose context agrees best (distance breaks near-ties). */
function bestOccurrence(
  text: string,
  exact: string,
  oldStart: number | null,
  from: number,
  to: number,
  agreement: (start: number) => number,
): Occurrence | null {
  const span = from === 0 && to >= text.length ? text : text.slice(from, to);
  let best: Occurrence | null = null;
  let bestKey = -Infinity;
  let count = 0;
  for (let i = span.indexOf(exact); i !== -1 && count < MAX_CANDIDATES; i = span.indexOf(exact, i + 1)) {
    count++;
    const start = from + i;
    const a = agreement(start);
    const key = a - (oldStart === null ? 0 : Math.abs(start - oldStart) / (text.length + 1) * 0.01);
    if (key > bestKey) {
      bestKey = key;
      best = { start, agreement: a, count: 0 };
    }
  }
  if (best !== null) best.count = count;
  return best;
}

/**
 * An exact match this far from the old position may be an identical copy of a
 * passage that was edited in place (repeated sentences share their context too),
 * so the fuzzy step first looks near the old position. Unrelated edits rarely
 * shift text this far.
 */
export function isFar(start: number, oldStart: number | null, textLength: number): boolean {
  return oldStart !== null && Math.abs(start - oldStart) > farDistance(textLength);
}

function farDistance(textLength: number): number {
  return Math.max(FAR_MIN, textLength * FAR_SHARE);
}

type FuzzyModule = typeof import('./fuzzy-anchor.js');
let fuzzyModule: Promise<FuzzyModule> | null = null;

/** The fuzzy matcher, imported on first need so bundles can split it out. */
export function loadFuzzyAnchor(): Promise<FuzzyModule> {
  fuzzyModule ??= import('./fuzzy-anchor.js');
  return fuzzyModule;
}

interface AnchorContext {
  hash: string | null;
}

interface NeedsFuzzy {
  quote: TextQuoteSelector;
  oldStart: number | null;
  /** A far exact match, used unless an edited passage is found near the old position. */
  farExact: AnchorResult | null;
}

/** Everything but the fuzzy step, synchronously: the common case allocates no promise. */
function anchorWithoutFuzzy(model: TextModel, record: unknown, context: AnchorContext): AnchorResult | NeedsFuzzy {
  const parsed = parseSelectors(record);
  if (typeof parsed === 'string') return orphan(parsed);
  const { quote, position } = parsed;
  if (quote === null) {
    // A bare position can only be trusted on the very text it was made on.
    const stored = (record as { 'plaudit:textHash'?: unknown })['plaudit:textHash'];
    context.hash ??= textHash(model.text);
    if (position !== null && stored === context.hash && position.end <= model.text.length) {
      return { status: AnchorStatus.Anchored, start: position.start, end: position.end, score: 1 };
    }
    return orphan('only a TextPositionSelector, and the text changed');
  }
  const oldStart = position?.start ?? null;
  const exact = anchorExact(model, quote, oldStart);
  if (exact === null) return { quote, oldStart, farExact: null };
  return isFar(exact.start, oldStart, model.text.length) ? { quote, oldStart, farExact: exact } : exact;
}

function finishWithFuzzy(fuzzy: FuzzyModule, model: TextModel, need: NeedsFuzzy, shift = 0): AnchorResult {
  const expectedStart = need.oldStart === null ? undefined : need.oldStart + shift;
  if (need.farExact === null) return fuzzy.anchorFuzzy(model, need.quote, need.oldStart, { expectedStart });
  const near = fuzzy.anchorFuzzy(model, need.quote, need.oldStart, { within: farDistance(model.text.length), expectedStart });
  return near.status !== AnchorStatus.Orphan && near.score >= NEAR_PREFERRED ? near : need.farExact;
}

async function anchorOne(model: TextModel, record: unknown, context: AnchorContext): Promise<AnchorResult> {
  const result = anchorWithoutFuzzy(model, record, context);
  if ('status' in result) return result;
  return finishWithFuzzy(await loadFuzzyAnchor(), model, result);
}

/** Anchors one stored annotation (see the module comment for the order). */
export function anchor(model: TextModel, record: unknown): Promise<AnchorResult> {
  return anchorOne(model, record, { hash: null });
}

export interface AnchorAllOptions {
  /** Stops the work; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Milliseconds of work between yields to the main thread (default 8). */
  yieldEvery?: number;
}

/**
 * Anchors many annotations, yielding to the main thread every `yieldEvery` ms
 * so start-up with hundreds of notes keeps tasks short. Exact anchoring runs
 * for all first; the fuzzy step then starts its search where the nearest
 * anchored neighbour says the text moved. Results are in the records' order.
 * `ORPHAN_THRESHOLD` is exported for callers that show scores.
 */
export async function anchorAll(
  model: TextModel,
  records: readonly unknown[],
  options: AnchorAllOptions = {},
): Promise<AnchorResult[]> {
  const { signal } = options;
  const budget = options.yieldEvery ?? 8;
  const context: AnchorContext = { hash: null };
  const results: AnchorResult[] = new Array(records.length);
  signal?.throwIfAborted();
  let sliceStart = performance.now();
  const pause = async (): Promise<void> => {
    if (performance.now() - sliceStart < budget) return;
    await yieldToMain();
    signal?.throwIfAborted();
    sliceStart = performance.now();
  };
  // Pass 1, exact: most records end here. Their shifts tell pass 2 where edited passages went.
  const pending: Array<{ index: number; need: NeedsFuzzy }> = [];
  const shifts: Array<[oldStart: number, shift: number]> = [];
  for (let i = 0; i < records.length; i++) {
    await pause();
    const result = anchorWithoutFuzzy(model, records[i], context);
    if (!('status' in result)) {
      pending.push({ index: i, need: result });
      continue;
    }
    results[i] = result;
    const oldStart = oldStartOf(records[i]);
    if (result.status !== AnchorStatus.Orphan && oldStart !== null) shifts.push([oldStart, result.start - oldStart]);
  }
  if (pending.length === 0) return results;
  // Pass 2, fuzzy, near where the neighbouring annotations moved to.
  shifts.sort((a, b) => a[0] - b[0]);
  const fuzzy = await loadFuzzyAnchor();
  for (const { index, need } of pending) {
    await pause();
    results[index] = finishWithFuzzy(fuzzy, model, need, need.oldStart === null ? 0 : nearestShift(shifts, need.oldStart));
  }
  return results;
}

function oldStartOf(record: unknown): number | null {
  const parsed = parseSelectors(record);
  return typeof parsed === 'string' ? null : parsed.position?.start ?? null;
}

/** The shift of the annotation whose old start is nearest `oldStart` (0 if none). */
function nearestShift(shifts: ReadonlyArray<[number, number]>, oldStart: number): number {
  let lo = 0;
  let hi = shifts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (shifts[mid][0] < oldStart) lo = mid + 1;
    else hi = mid;
  }
  const after = shifts[lo];
  const before = shifts[lo - 1];
  if (after === undefined) return before?.[1] ?? 0;
  if (before === undefined) return after[1];
  return oldStart - before[0] <= after[0] - oldStart ? before[1] : after[1];
}

export { ORPHAN_THRESHOLD };
