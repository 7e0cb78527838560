/**
 * Reads the selectors of a stored annotation defensively: records come from
 * storage, sync and older versions, so anything may be missing or malformed.
 * A bad record becomes a reason string (the annotation is then an orphan),
 * never an exception.
 */
import type { TextPositionSelector, TextQuoteSelector } from './annotation.js';

/** The part of an annotation that anchoring reads; typed loosely because stored data is not trusted. */
export interface AnchorRecord {
  target?: { selector?: unknown } | null;
  'plaudit:textHash'?: string;
}

export interface ParsedSelectors {
  quote: TextQuoteSelector | null;
  position: TextPositionSelector | null;
}

/** The usable selectors of `record`, or why there are none. */
export function parseSelectors(record: unknown): ParsedSelectors | string {
  if (typeof record !== 'object' || record === null) return 'record is not an object';
  const target = (record as AnchorRecord).target;
  if (typeof target !== 'object' || target === null) return 'record has no target';
  const list = target.selector;
  const selectors = Array.isArray(list) ? list : [list];
  let quote: TextQuoteSelector | null = null;
  let position: TextPositionSelector | null = null;
  for (const s of selectors as unknown[]) {
    if (typeof s !== 'object' || s === null) continue;
    const sel = s as Record<string, unknown>;
    if (sel.type === 'TextQuoteSelector' && quote === null && typeof sel.exact === 'string' && sel.exact.length > 0) {
      quote = {
        type: 'TextQuoteSelector',
        exact: sel.exact,
        prefix: typeof sel.prefix === 'string' ? sel.prefix : '',
        suffix: typeof sel.suffix === 'string' ? sel.suffix : '',
      };
    } else if (sel.type === 'TextPositionSelector' && position === null && isOffset(sel.start) &&
      isOffset(sel.end) && sel.start < sel.end) {
      position = { type: 'TextPositionSelector', start: sel.start, end: sel.end };
    }
  }
  if (quote === null && position === null) return 'no valid TextQuoteSelector or TextPositionSelector';
  return { quote, position };
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
