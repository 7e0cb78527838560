/**
 * The other ways of doing Plaudit's jobs, as the benchmark runs them: the
 * "single-pass floor" (index the text once, indexOf each quote), and the two
 * peer libraries. Peers that take very long are timed on a prefix of the
 * records and extrapolated (reported as such).
 */
import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { toRange } from 'dom-anchor-text-quote';
import type { TextPositionSelector, TextQuoteSelector } from '../../src/core/annotation.js';

export interface Stored {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** The least work any text-quote anchorer must do: one text pass, one indexOf per quote. */
export function floorAnchor(root: Element, stored: readonly Stored[]): Array<Range | null> {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const chunks: string[] = [];
  let length = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const data = (n as Text).data;
    nodes.push(n as Text);
    starts.push(length);
    chunks.push(data);
    length += data.length;
  }
  const text = chunks.join('');
  const locate = (offset: number, end: boolean): [Text, number] => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (end ? starts[mid] < offset : starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [nodes[lo], offset - starts[lo]];
  };
  return stored.map(({ quote }) => {
    const i = text.indexOf(quote.exact);
    if (i < 0) return null;
    const range = document.createRange();
    range.setStart(...locate(i, false));
    range.setEnd(...locate(i + quote.exact.length, true));
    return range;
  });
}

export interface PeerRun {
  ms: number;
  ranges: Array<Range | null>;
  /** How many records were timed, when fewer than all (the time is extrapolated). */
  timed: number;
  error?: string;
}

/** Runs `one` per record until done or `budgetMs` is spent, then extrapolates the time. */
async function timeEach(
  stored: readonly Stored[],
  one: (s: Stored) => Promise<Range | null> | Range | null,
  budgetMs: number,
): Promise<PeerRun> {
  const ranges: Array<Range | null> = [];
  const t0 = performance.now();
  try {
    for (const s of stored) {
      ranges.push(await one(s));
      if (performance.now() - t0 > budgetMs) break;
    }
  } catch (e) {
    return { ms: NaN, ranges, timed: ranges.length, error: String(e) };
  }
  const ms = performance.now() - t0;
  return { ms: (ms * stored.length) / ranges.length, ranges, timed: ranges.length };
}

/** dom-anchor-text-quote: exact search, then diff-match-patch fuzzy search around the hint. */
export function runDomAnchorTextQuote(root: Element, stored: readonly Stored[], budgetMs: number): Promise<PeerRun> {
  return timeEach(stored, (s) => toRange(root, s.quote, { hint: s.position.start }), budgetMs);
}

/** @apache-annotator/dom: exact matching only (it has no fuzzy step); the first match is taken. */
export function runApacheAnnotator(root: Element, stored: readonly Stored[], budgetMs: number): Promise<PeerRun> {
  return timeEach(stored, async (s) => {
    const matches = createTextQuoteSelectorMatcher(s.quote)(root) as AsyncGenerator<Range>;
    const first = await matches.next();
    await matches.return(undefined);
    return first.done ? null : first.value;
  }, budgetMs);
}
