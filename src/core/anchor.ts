/**
 * Re-anchoring: finds where a stored annotation belongs in the current text
 * model. Records may be Plaudit's own or come from other W3C Web Annotation
 * tools (Hypothesis, Apache Annotator, Recogito...): `anchor-selectors.ts`
 * reads either shape and brings a quote to the model's whitespace. Selectors
 * are tried in this fixed order, cheapest first (`anchor-steps.ts`):
 *
 * (a) the stored TextPositionSelector, if the quote is still there and at
 *     least half its context (16+ characters of it, or all if less is stored)
 *     agrees → 'anchored';
 * (b) exact search for the quote, near the expected position first, then the
 *     whole text; if it is nowhere as stored, the same search ignoring spaces
 *     (other tools' quotes lack the space the model has where blocks touch or
 *     at a <br>). Context counts for the length actually stored, a space on one
 *     side only being skipped. The occurrence whose context all agrees wins;
 *     else, among the plausible ones (a quarter of the context and 8+
 *     characters, or all if less is stored), a decisive position chooses, else
 *     context compared by edit distance. A unique quote of 16+ characters needs
 *     no context. → 'anchored' at the old position (or, with none stored, where
 *     all context agrees), else 'moved';
 * (c) fuzzy search (`fuzzy-anchor.ts`, loaded on first need), near the
 *     expected position first, then wider → 'moved', or 'orphan' below
 *     `ORPHAN_THRESHOLD`.
 *
 * An exact match may be a copy of a passage edited elsewhere. When it is far
 * from the position, or (its context not all agreeing) 256+ characters from a
 * position corrected by neighbours, it is kept only if no edited passage near
 * the position fits well (one scoring 0.85 wins; one about as good makes an
 * orphan). With no position, a match whose context partly agrees is kept unless
 * an edited passage elsewhere fits clearly better (orphan if about as well).
 * A quote without context is an orphan far from its position, or away from it
 * with an edited look-alike at the position.
 *
 * Repeats that context cannot tell apart (a short quote without context,
 * copies with equally agreeing context) are narrowed by the quote's raw
 * whitespace against the page's own text, then left to the position: the
 * nearest occurrence is taken only if it is within the far distance and every
 * other is 256+ characters farther, or it is exactly at the position. With no
 * position only a sole occurrence is taken. Anything else is an orphan, never
 * a guess.
 *
 * A position is only a hint (other tools count raw `textContent`, so offsets
 * are off by tens or hundreds): it is never a reason to place an annotation
 * where its quote does not match. A position with no quote is used only on the
 * very text it was counted on (`plaudit:textHash`) and only in range.
 * `anchorAll` first takes what needs no hint, then, in document order, corrects
 * each remaining hint by how far the nearest anchored annotation of the same
 * kind (with or without `plaudit:textHash`) moved; a hint corrected by one
 * within 4,096 characters may also choose among occurrences that all match a
 * short stored context (another tool's minimal context).
 *
 * A record with no usable selector is an orphan with a reason; nothing throws.
 */
import { AnchorStatus, type TextQuoteSelector } from './annotation.js';
import { findExact, isFar, resolveTies } from './anchor-exact.js';
import { orphan, type AnchorResult } from './anchor-result.js';
import { ORPHAN_THRESHOLD } from './anchor-score.js';
import { parseSelectors } from './anchor-selectors.js';
import { exactStep, fuzzyStep, type FuzzyModule, type Parsed } from './anchor-steps.js';
import { partitionPoint } from './bisect.js';
import { textHash } from './text-hash.js';
import type { TextModel } from './text-model.js';
import { yieldToMain } from './yield-to-main.js';

export type { AnchorResult };
export { isFar, orphan };

/** A neighbour this close (old offsets) corrects a position well enough to outrank short context. */
const CALIBRATION_RANGE = 4096;

/**
 * Steps (a) and (b) for one quote, the position (if any) breaking ties at
 * `oldStart`. Returns null when the quote is not found exactly (or only where
 * context disagrees), meaning the fuzzy step should run.
 */
export function anchorExact(model: TextModel, quote: TextQuoteSelector, oldStart: number | null): AnchorResult | null {
  const found = findExact(model, quote, oldStart, oldStart);
  if (found === null) return null;
  return 'ties' in found ? resolveTies(model, quote, found.ties, oldStart, oldStart) : found.result;
}

let fuzzyModule: Promise<FuzzyModule> | null = null;

/** The fuzzy matcher, imported on first need so bundles can split it out. */
export function loadFuzzyAnchor(): Promise<FuzzyModule> {
  fuzzyModule ??= import('./fuzzy-anchor.js');
  return fuzzyModule;
}

interface AnchorContext {
  hash: string | null;
}

/** The record's quote and old position, or its result when it has no quote (a bare position, or nothing usable). */
function parse(model: TextModel, record: unknown, context: AnchorContext): Parsed | AnchorResult {
  const parsed = parseSelectors(record);
  if (typeof parsed === 'string') return orphan(parsed);
  const { quote, position } = parsed;
  const stored = (record as { 'plaudit:textHash'?: unknown })['plaudit:textHash'];
  if (quote !== null) return { quote, oldStart: position?.start ?? null, own: typeof stored === 'string' };
  // A bare position can only be trusted on the very text it was made on.
  context.hash ??= textHash(model.text);
  if (position !== null && stored === context.hash && position.end <= model.text.length) {
    return { status: AnchorStatus.Anchored, start: position.start, end: position.end, score: 1 };
  }
  return orphan('only a TextPositionSelector, and the text changed');
}

interface LastPass {
  /** The exact step already found nothing (that does not depend on the position): it is not run again. */
  exactNone?: boolean;
  /** `expected` was corrected by an annotation anchored near it (see `findExact`). */
  calibrated?: boolean;
}

/** The last pass for one record: exact, then fuzzy, expecting the passage at `expected`. */
async function anchorParsed(model: TextModel, parsed: Parsed, expected: number | null, pass: LastPass = {}): Promise<AnchorResult> {
  const result = pass.exactNone ? { farExact: null } : exactStep(model, parsed, expected, true, pass.calibrated ?? false)!;
  return 'status' in result ? result : fuzzyStep(await loadFuzzyAnchor(), model, parsed, expected, result);
}

/** Anchors one stored annotation (see the module comment for the order). */
export async function anchor(model: TextModel, record: unknown): Promise<AnchorResult> {
  const parsed = parse(model, record, { hash: null });
  return 'status' in parsed ? parsed : anchorParsed(model, parsed, parsed.oldStart);
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
 * for all first; the rest (fuzzy search, and repeats only a position can choose
 * between) then use each old position corrected by how far the nearest anchored
 * neighbour of the same kind moved: records with `plaudit:textHash` count model
 * offsets, others may count another tool's text. Results are in the records' order.
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
  // Pass 1, exact: most records end here. Their shifts tell pass 2 where the rest went.
  const pending: Array<{ index: number; parsed: Parsed; kind: number; exactNone: boolean }> = [];
  // By kind: 0, Plaudit's own records (offsets in a text model); 1, any other.
  const shifts: Array<Array<[oldStart: number, shift: number]>> = [[], []];
  for (let i = 0; i < records.length; i++) {
    await pause();
    const parsed = parse(model, records[i], context);
    if ('status' in parsed) {
      results[i] = parsed;
      continue;
    }
    const kind = parsed.own ? 0 : 1;
    const result = exactStep(model, parsed, parsed.oldStart, false);
    if (result === null || !('status' in result)) {
      pending.push({ index: i, parsed, kind, exactNone: result !== null });
      continue;
    }
    results[i] = result;
    if (result.status !== AnchorStatus.Orphan && parsed.oldStart !== null) shifts[kind].push([parsed.oldStart, result.start - parsed.oldStart]);
  }
  // Pass 2: the rest, in document order, each expected where the nearest
  // anchored neighbour of the same kind moved; what it finds tells the next,
  // so a drift that grows through the text (another tool's offsets) is followed.
  for (const list of shifts) list.sort((a, b) => a[0] - b[0]);
  pending.sort((a, b) => (a.parsed.oldStart ?? Infinity) - (b.parsed.oldStart ?? Infinity));
  for (const { index, parsed, kind, exactNone } of pending) {
    await pause();
    const { oldStart } = parsed;
    const neighbour = oldStart === null ? null : nearestShift(shifts[kind], oldStart);
    const expected = oldStart === null ? null : oldStart + (neighbour?.shift ?? 0);
    const calibrated = neighbour !== null && neighbour.distance <= CALIBRATION_RANGE;
    const result = await anchorParsed(model, parsed, expected, { exactNone, calibrated });
    results[index] = result;
    // A far copy kept by the far rule says nothing about where its neighbours went.
    if (result.status !== AnchorStatus.Orphan && oldStart !== null && !isFar(result.start, expected, model.text.length)) {
      shifts[kind].splice(lowerBound(shifts[kind], oldStart), 0, [oldStart, result.start - oldStart]);
    }
  }
  return results;
}

/** The first index whose old start is at least `oldStart`. */
function lowerBound(shifts: ReadonlyArray<[number, number]>, oldStart: number): number {
  return partitionPoint(shifts.length, (i) => shifts[i][0] < oldStart);
}

/** The annotation whose old start is nearest `oldStart`: how far it is and how far it moved (null if none). */
function nearestShift(shifts: ReadonlyArray<[number, number]>, oldStart: number): { distance: number; shift: number } | null {
  const lo = lowerBound(shifts, oldStart);
  const after = shifts[lo];
  const before = shifts[lo - 1];
  const pick = after === undefined || (before !== undefined && oldStart - before[0] <= after[0] - oldStart) ? before : after;
  return pick === undefined ? null : { distance: Math.abs(oldStart - pick[0]), shift: pick[1] };
}

export { ORPHAN_THRESHOLD };
