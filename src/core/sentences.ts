import { partitionPoint } from './bisect.js';

/** A half-open span `[start, end)` of offsets in a text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * The sentences of `text` as spans, trimmed of surrounding whitespace; spans that
 * hold only whitespace or punctuation are dropped. `breaks` are offsets that always
 * end a sentence (block boundaries: a heading without a full stop must not run into
 * the paragraph after it). Boundaries come from `Intl.Segmenter`; where it is
 * missing, a simple rule splits after `.`, `!` or `?` followed by whitespace.
 */
export function sentenceSpans(text: string, breaks: readonly number[] = [], locale?: string): TextSpan[] {
  const raw: TextSpan[] = [];
  let from = 0;
  for (const end of [...breaks, text.length].sort((a, b) => a - b)) {
    if (end <= from) continue;
    for (const span of segment(text.slice(from, end), locale)) {
      raw.push({ start: from + span.start, end: from + span.end });
    }
    from = end;
  }
  return raw.map((span) => trim(text, span)).filter((span): span is TextSpan => span !== null);
}

function segment(text: string, locale?: string): TextSpan[] {
  if (typeof Intl.Segmenter === 'function') {
    let segmenter: Intl.Segmenter;
    try {
      segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    } catch {
      // A malformed page language (`lang="en_US"`): the browser's own rules, not a thrown cursor.
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    return Array.from(segmenter.segment(text), (s) => ({ start: s.index, end: s.index + s.segment.length }));
  }
  const spans: TextSpan[] = [];
  const pattern = /[.!?]+["'’”)\]]*\s+/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    spans.push({ start, end: match.index + match[0].length });
    start = match.index + match[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

function trim(text: string, { start, end }: TextSpan): TextSpan | null {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return /[\p{L}\p{N}]/u.test(text.slice(start, end)) ? { start, end } : null;
}

/** The index of the span that holds `offset`, or of the first span after it; -1 when none. */
export function spanIndexAt(spans: readonly TextSpan[], offset: number): number {
  const i = partitionPoint(spans.length, (k) => spans[k]!.end <= offset);
  return i < spans.length ? i : -1;
}
