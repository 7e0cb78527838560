/**
 * Reads the selectors of a stored annotation defensively: records come from
 * storage, sync, older versions and other W3C Web Annotation tools
 * (Hypothesis, Apache Annotator, Recogito...), so anything may be missing,
 * malformed or shaped differently. A bad record becomes a reason string (the
 * annotation is then an orphan), never an exception.
 *
 * Shapes accepted, as the W3C model allows them:
 * - `target` is one target or an array of them; the first whose selectors give
 *   a quote is used (else the first with a position). A bare IRI has no selector.
 * - `selector` is one selector or an array; `type` may be `oa:`-prefixed.
 * - A selector may be `refinedBy` another, to any depth: a TextQuoteSelector
 *   refining a FragmentSelector, CssSelector, XPathSelector or RangeSelector is
 *   used (searched in the whole article: the outer scope is not resolved).
 * - A TextPositionSelector counts only at the top level: a refining one
 *   counts from the start of the refined part, not of the article.
 * - Every other selector type is ignored.
 *
 * Quotes are brought to the text model's whitespace, since other tools quote
 * raw `textContent`: runs of whitespace become one space, and whitespace at
 * either end of `exact` moves into the prefix or suffix.
 */
import type { TextPositionSelector, TextQuoteSelector } from './annotation.js';

/** The part of an annotation that anchoring reads; typed loosely because stored data is not trusted. */
export interface AnchorRecord {
  target?: unknown;
  'plaudit:textHash'?: string;
}

/** A quote brought to the model's whitespace; `raw` keeps the stored `exact` (trimmed) when that differed. */
export interface AnchorQuote extends TextQuoteSelector {
  raw?: string;
}

export interface ParsedSelectors {
  quote: AnchorQuote | null;
  position: TextPositionSelector | null;
}

/** HTML's ASCII whitespace, which the text model collapses (a no-break space is text). */
const WHITESPACE = /[ \t\n\r\f]+/g;
const EDGE_WHITESPACE = /^[ \t\n\r\f]+|[ \t\n\r\f]+$/g;
/** Whitespace the model would have collapsed. */
const UNCOLLAPSED = /[\t\n\r\f]| {2}/;
/** Deeper refinement chains are not followed (a cyclic object would never end). */
const MAX_DEPTH = 8;

/**
 * The quote of a stored or imported record, wherever it sits (an array of
 * targets, a single selector, a `refinedBy` chain), brought to the text model's
 * whitespace; null when it has none.
 */
export function storedQuote(record: unknown): TextQuoteSelector | null {
  const parsed = parseSelectors(record);
  return typeof parsed === 'string' ? null : parsed.quote;
}

/** The text of `storedQuote(record)`, or '' when there is none. */
export const quoteText = (record: unknown): string => storedQuote(record)?.exact ?? '';

/** The usable selectors of `record`, or why there are none. */
export function parseSelectors(record: unknown): ParsedSelectors | string {
  if (typeof record !== 'object' || record === null) return 'record is not an object';
  const target = (record as AnchorRecord).target;
  const targets = Array.isArray(target) ? target : [target];
  let fallback: ParsedSelectors | null = null;
  let sawTarget = false;
  for (const t of targets) {
    if (typeof t !== 'object' || t === null) continue;
    sawTarget = true;
    const parsed = parseTarget((t as { selector?: unknown }).selector);
    if (parsed.quote !== null) return parsed;
    fallback ??= parsed.position !== null ? parsed : null;
  }
  if (!sawTarget) return 'record has no target';
  return fallback ?? 'no valid TextQuoteSelector or TextPositionSelector';
}

function parseTarget(list: unknown): ParsedSelectors {
  const selectors = Array.isArray(list) ? list : [list];
  let position: TextPositionSelector | null = null;
  for (const s of selectors) {
    const sel = asSelector(s);
    if (sel !== null && typeOf(sel) === 'TextPositionSelector' && isOffset(sel.start) && isOffset(sel.end) && sel.start < sel.end) {
      position ??= { type: 'TextPositionSelector', start: sel.start, end: sel.end };
    }
  }
  // A top-level quote first, then one found in a refinement.
  const quote = selectors.reduce<AnchorQuote | null>((q, s) => q ?? quoteIn(s, 0, false), null) ??
    selectors.reduce<AnchorQuote | null>((q, s) => q ?? quoteIn(s, 0, true), null);
  return { quote, position };
}

/** The first usable TextQuoteSelector at `selector` or, when `deep`, among its refinements. */
function quoteIn(selector: unknown, depth: number, deep: boolean): AnchorQuote | null {
  const sel = asSelector(selector);
  if (sel === null || depth > MAX_DEPTH) return null;
  if (typeOf(sel) === 'TextQuoteSelector' && typeof sel.exact === 'string') {
    const quote = normaliseQuote(sel.exact, stringOr(sel.prefix), stringOr(sel.suffix));
    if (quote !== null) return quote;
  }
  if (!deep) return null;
  const refinements = Array.isArray(sel.refinedBy) ? sel.refinedBy : [sel.refinedBy];
  for (const r of refinements) {
    const found = quoteIn(r, depth + 1, true);
    if (found !== null) return found;
  }
  return null;
}

/**
 * `exact` with whitespace collapsed and trimmed, its edge whitespace moved
 * into the context; null when nothing but whitespace is left.
 */
export function normaliseQuote(exact: string, prefix: string, suffix: string): AnchorQuote | null {
  // Plaudit's own quotes are already in the model's whitespace: no copies made.
  if (!UNCOLLAPSED.test(exact) && !UNCOLLAPSED.test(prefix) && !UNCOLLAPSED.test(suffix) && exact.length > 0 &&
    !exact.startsWith(' ') && !exact.endsWith(' ')) {
    return { type: 'TextQuoteSelector', exact, prefix, suffix };
  }
  const collapsed = exact.replace(WHITESPACE, ' ');
  const lead = collapsed.startsWith(' ') ? ' ' : '';
  const trail = collapsed.endsWith(' ') ? ' ' : '';
  const core = collapsed.slice(lead.length, collapsed.length - trail.length);
  if (core.length === 0) return null;
  const quote: AnchorQuote = {
    type: 'TextQuoteSelector',
    exact: core,
    prefix: (prefix + lead).replace(WHITESPACE, ' '),
    suffix: (trail + suffix).replace(WHITESPACE, ' '),
  };
  const raw = exact.replace(EDGE_WHITESPACE, '');
  if (raw !== core) quote.raw = raw;
  return quote;
}

function asSelector(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : null;
}

/** The selector's type without a JSON-LD prefix (`oa:TextQuoteSelector`, or the full IRI). */
function typeOf(sel: Record<string, unknown>): string {
  const type = sel.type ?? sel['@type'];
  return typeof type === 'string' ? type.replace(/^(?:oa:|http:\/\/www\.w3\.org\/ns\/oa#)/, '') : '';
}

function stringOr(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
