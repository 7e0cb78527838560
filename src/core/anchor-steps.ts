/**
 * Re-anchoring one quote (see `anchor.ts` for the order): the exact step, then
 * the fuzzy step, and the rules between them for an exact match that may be a
 * copy of a passage edited elsewhere (far from the position, away from a
 * calibrated one, or with no position at all).
 */
import { AnchorStatus } from './annotation.js';
import { farDistance, findExact, HINT_MARGIN, isFar, rawMatches, resolveTies } from './anchor-exact.js';
import { orphan, type AnchorResult } from './anchor-result.js';
import type { AnchorQuote } from './anchor-selectors.js';
import type { TextModel } from './text-model.js';

export type FuzzyModule = typeof import('./fuzzy-anchor.js');

/** Score a nearby edited passage needs to win over a far exact copy. */
const NEAR_PREFERRED = 0.85;
/** How much better one of two plausible passages must score to be chosen (else: orphan). */
const RIVAL_MARGIN = 0.05;
/** Quote similarity at which an edited passage at the position makes an exact copy elsewhere doubtful. */
const LOOK_ALIKE = 0.7;

export interface Parsed {
  quote: AnchorQuote;
  oldStart: number | null;
  /** The record is Plaudit's own: it has `plaudit:textHash`, its offsets count a text model. */
  own: boolean;
}

/** A quote that needs the fuzzy step; `farExact`: an exact match that may be a copy, kept unless the fuzzy step finds better. */
export interface NeedsFuzzy {
  farExact: AnchorResult | null;
}

/**
 * Steps (a) and (b) with the passage expected at `expected`. On a first pass
 * (`final` false) anything that rests on the position is left for later (null),
 * when the neighbours' shifts correct it. `{ farExact: null }`: not found
 * exactly, whatever the position.
 */
export function exactStep(
  model: TextModel,
  { quote, oldStart, own }: Parsed,
  expected: number | null,
  final: boolean,
  calibrated = false,
): AnchorResult | NeedsFuzzy | null {
  const found = findExact(model, quote, oldStart, expected, { ownQuote: own, calibrated });
  if (found === null) return { farExact: null };
  const hasContext = Boolean(quote.prefix || quote.suffix);
  if ('ties' in found) {
    if (!final && expected !== null) return null;
    // The position chose a copy away from it: an edited passage at the position may be the one.
    const chosen = resolveTies(model, quote, found.ties, oldStart, expected);
    const away = chosen.status !== AnchorStatus.Orphan && expected !== null && Math.abs(chosen.start - expected) > HINT_MARGIN;
    return away && (calibrated || !hasContext) ? { farExact: chosen } : chosen;
  }
  const { result, certain, full } = found;
  // A match whose context does not all agree may be a copy of a passage edited
  // elsewhere: with no position, or away from a calibrated one, the fuzzy step
  // looks (as it does beside any far match). On the first pass, a match away
  // from the uncorrected position waits for the correction.
  const far = isFar(result.start, expected, model.text.length);
  const unplaced = oldStart === null && !full && hasContext;
  const away = !full && expected !== null && Math.abs(result.start - expected) > HINT_MARGIN;
  if (!final) return certain && !far && !unplaced && !away ? result : null;
  return far || unplaced || (away && (calibrated || !hasContext)) ? { farExact: result } : result;
}

export function fuzzyStep(fuzzy: FuzzyModule, model: TextModel, { quote, oldStart }: Parsed, expected: number | null, need: NeedsFuzzy): AnchorResult {
  const expectedStart = expected ?? undefined;
  const { farExact } = need;
  if (farExact === null) return fuzzy.anchorFuzzy(model, quote, oldStart, { expectedStart });
  if (oldStart === null) {
    // The best passage elsewhere, scored as this one is: one clearly better
    // was the passage, edited; one about as good leaves no way to choose.
    const rival = fuzzy.anchorFuzzy(model, quote, null, { exclude: [farExact.start, farExact.end] });
    // Another exact occurrence was already ranked below this one by the exact step.
    if (rival.status === AnchorStatus.Orphan || model.text.slice(rival.start, rival.end) === quote.exact) return farExact;
    // The page's own line breaks, as the other tool quoted them, can tell the two apart.
    const raw = rawMatches(model, quote, farExact.start, farExact.end);
    if (raw !== null && raw !== rawMatches(model, quote, rival.start, rival.end)) return raw ? farExact : rival;
    const own = fuzzy.scorePassage(model, quote, farExact.start, farExact.end, null);
    if (rival.score > own + RIVAL_MARGIN) return rival;
    if (own > rival.score + RIVAL_MARGIN) return farExact;
    return orphan('the quote and its context fit two places about equally well, and no position says which');
  }
  const exclude = [farExact.start, farExact.end] as const;
  if (!quote.prefix && !quote.suffix) {
    // Nothing but its letters backs a quote without context: far from its
    // position, or away from it with an edited look-alike at the position.
    if (isFar(farExact.start, expected, model.text.length)) return orphan('the quote is found only far from its position, with no context to confirm it');
    // Anything nearer the position than the copy is, and at least what the position can be off by.
    const radius = Math.max(HINT_MARGIN * 2, Math.abs(farExact.start - expected!));
    const lookAlike = fuzzy.quoteSimilarityNear(model, quote.exact, expected!, radius, exclude);
    return lookAlike >= LOOK_ALIKE ? orphan('an edited copy of the quote is at its position, the exact one elsewhere, and no context says which') : farExact;
  }
  const near = fuzzy.anchorFuzzy(model, quote, oldStart, { within: farDistance(model.text.length), expectedStart, exclude });
  if (near.status === AnchorStatus.Orphan) return farExact;
  if (near.score >= NEAR_PREFERRED) return near;
  // An edited passage where the position says, fitting about as well as the far copy: no way to choose.
  if (fuzzy.scorePassage(model, quote, farExact.start, farExact.end, oldStart) < near.score + RIVAL_MARGIN) {
    return orphan('an edited passage near its position and an exact copy far from it fit about equally well');
  }
  return farExact;
}
