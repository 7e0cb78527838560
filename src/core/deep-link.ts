import type { TextQuoteSelector } from './annotation.js';

/** The URL key that carries an annotation id, in the query or in the fragment. */
export const DEEP_LINK_KEY = 'plaudit';

/** Quotes longer than this many words are linked by their first and last words only. */
const LONG_QUOTE_WORDS = 8;
const EDGE_WORDS = 4;
const CONTEXT_WORDS = 3;

/**
 * Percent-encodes one text-fragment term: everything `encodeURIComponent` does,
 * plus `-` (it marks prefix and suffix), and `,` and `&` (they separate terms and directives).
 */
export function encodeFragmentTerm(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');
}

const words = (text: string): string[] => text.trim().split(/\s+/).filter(Boolean);

/**
 * A text directive, `text=[prefix-,]start[,end][,-suffix]`, for a quote. Browsers
 * match terms on word boundaries, so the context keeps only whole words: a stored
 * prefix or suffix cut at its length limit loses its partial outer word.
 * https://wicg.github.io/scroll-to-text-fragment/
 */
export function textDirective(quote: TextQuoteSelector): string {
  const exact = words(quote.exact);
  const terms: string[] = [];
  const prefix = contextWords(quote.prefix, 'end');
  if (prefix) terms.push(`${encodeFragmentTerm(prefix)}-`);
  if (exact.length > LONG_QUOTE_WORDS) {
    terms.push(encodeFragmentTerm(exact.slice(0, EDGE_WORDS).join(' ')));
    terms.push(encodeFragmentTerm(exact.slice(-EDGE_WORDS).join(' ')));
  } else {
    terms.push(encodeFragmentTerm(exact.join(' ')));
  }
  const suffix = contextWords(quote.suffix, 'start');
  if (suffix) terms.push(`-${encodeFragmentTerm(suffix)}`);
  return `text=${terms.join(',')}`;
}

/** The whole words of a context string nearest the quote (`end` of a prefix, `start` of a suffix). */
function contextWords(context: string | undefined, side: 'start' | 'end'): string {
  if (!context) return '';
  const list = words(context);
  // A context that does not reach whitespace on its far side may have been cut mid-word.
  const cut = side === 'end' ? !/^\s/.test(context) : !/\s$/.test(context);
  if (cut && list.length > 1) {
    if (side === 'end') list.shift();
    else list.pop();
  } else if (cut) {
    return '';
  }
  return (side === 'end' ? list.slice(-CONTEXT_WORDS) : list.slice(0, CONTEXT_WORDS)).join(' ');
}

/**
 * The link to a passage: the page address, then a fragment that carries the
 * annotation id for Plaudit (when there is one) and a text directive for every
 * other reader (`#plaudit=<id>:~:text=...`). Browsers strip the directive from
 * `location.hash`, which leaves `#plaudit=<id>` for Plaudit to read.
 */
export function buildDeepLink(pageUrl: string, quote: TextQuoteSelector, annotationId?: string): string {
  const url = new URL(pageUrl);
  url.hash = '';
  const key = annotationId ? `${DEEP_LINK_KEY}=${encodeURIComponent(annotationId).replace(/%3A/gi, ':')}` : '';
  return `${url.href}#${key}:~:${textDirective(quote)}`;
}

/**
 * The annotation id a page address asks for, from `?plaudit=` or `#plaudit=`,
 * or null. A bare uuid is read as `urn:uuid:<uuid>`.
 */
export function readDeepLink(href: string): string | null {
  const url = new URL(href);
  const hash = url.hash.slice(1).split(':~:')[0] ?? '';
  const raw = url.searchParams.get(DEEP_LINK_KEY) ?? new URLSearchParams(hash).get(DEEP_LINK_KEY);
  if (!raw) return null;
  return raw.startsWith('urn:') ? raw : `urn:uuid:${raw}`;
}
