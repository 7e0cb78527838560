/**
 * How other W3C Web Annotation tools describe a DOM Range, re-implemented
 * after their source so the tests need no bundling: all of them read raw
 * `textContent` (script text, newlines and indentation included, no space where
 * two blocks touch in the HTML), unlike Plaudit's rendered text model.
 *
 * - Hypothesis (client `annotator/anchoring`): RangeSelector with XPaths, a
 *   TextPositionSelector over `textContent`, a TextQuoteSelector with 32 raw
 *   characters of context; the target is an array.
 * - Apache Annotator (`describeTextQuote`, default options): the shortest
 *   context that makes the quote unique, extended to word ends; often empty.
 *   Exported as one selector object, often refining a FragmentSelector.
 *   Or that quote with Apache's TextPositionSelector beside it.
 * - Recogito: quote without context, plus a TextPositionSelector over `textContent`.
 */
import type { TextQuoteSelector } from '../../src/core/annotation.js';

export const SOURCE = 'https://bakery.example/journal/keeping-a-starter';

/** Offset of a DOM point in `root.textContent`. */
export function rawOffset(root: Node, container: Node, offset: number): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = walker.nextNode(); t !== null; t = walker.nextNode()) {
    if (t === container) return n + offset;
    n += (t as Text).data.length;
  }
  throw new Error('point is not in a text node under root');
}

export function rawSpan(root: Node, range: Range): [number, number] {
  return [rawOffset(root, range.startContainer, range.startOffset), rawOffset(root, range.endContainer, range.endOffset)];
}

/** Hypothesis-style XPath of the element holding `node`, relative to `root`. */
function xpathOf(root: Node, node: Node): string {
  const steps: string[] = [];
  for (let el = node.nodeType === 1 ? node as Element : node.parentElement; el !== null && el !== root; el = el.parentElement) {
    let index = 1;
    for (let s = el.previousElementSibling; s !== null; s = s.previousElementSibling) if (s.tagName === el.tagName) index++;
    steps.unshift(`${el.tagName.toLowerCase()}[${index}]`);
  }
  return `/${steps.join('/')}`;
}

export function hypothesis(root: Element, range: Range): unknown {
  const raw = root.textContent ?? '';
  const [start, end] = rawSpan(root, range);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    motivation: 'highlighting',
    target: [{
      source: SOURCE,
      selector: [
        {
          type: 'RangeSelector',
          startContainer: xpathOf(root, range.startContainer), startOffset: range.startOffset,
          endContainer: xpathOf(root, range.endContainer), endOffset: range.endOffset,
        },
        { type: 'TextPositionSelector', start, end },
        {
          type: 'TextQuoteSelector', exact: raw.slice(start, end),
          prefix: raw.slice(Math.max(0, start - 32), start), suffix: raw.slice(end, end + 32),
        },
      ],
    }],
  };
}

/** Apache Annotator's `describeTextQuote` with default options, over raw text. */
export function apacheQuote(raw: string, start: number, end: number): TextQuoteSelector {
  const exact = raw.slice(start, end);
  const wordStart = (at: number): number => {
    let i = at;
    while (i > 0 && at - i < 50 && !/\s/.test(raw[i - 1])) i--;
    return i;
  };
  const wordEnd = (at: number): number => {
    let i = at;
    while (i < raw.length && i - at < 50 && !/\s/.test(raw[i])) i++;
    return i;
  };
  let from = wordStart(start);
  let to = wordEnd(end);
  for (;;) {
    const needle = raw.slice(from, to);
    let other = -1;
    for (let i = raw.indexOf(needle); i !== -1; i = raw.indexOf(needle, i + 1)) {
      if (i !== from) {
        other = i;
        break;
      }
    }
    if (other < 0) return { type: 'TextQuoteSelector', exact, prefix: raw.slice(from, start), suffix: raw.slice(end, to) };
    // Read on both sides until the two matches differ, then on to the end of that word.
    const shift = other - from;
    let p = from - 1;
    while (p >= 0 && p + shift >= 0 && raw[p] === raw[p + shift]) p--;
    let s = to;
    while (s < raw.length && raw[s] === raw[s + shift]) s++;
    if (p < 0 && s >= raw.length) throw new Error('cannot disambiguate');
    if (p >= 0) from = wordStart(p);
    if (s < raw.length) to = wordEnd(s + 1);
  }
}

export function apache(root: Element, range: Range): unknown {
  const [start, end] = rawSpan(root, range);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    target: { source: SOURCE, selector: apacheQuote(root.textContent ?? '', start, end) },
  };
}

/**
 * Apache Annotator's quote with its `describeTextPosition` beside it (counted
 * in code points over the text nodes: the same as `textContent` offsets when
 * the text has no astral characters).
 */
export function apacheWithPosition(root: Element, range: Range): unknown {
  const [start, end] = rawSpan(root, range);
  const quote = apacheQuote(root.textContent ?? '', start, end);
  return { target: { source: SOURCE, selector: [quote, { type: 'TextPositionSelector', start, end }] } };
}

export function recogito(root: Element, range: Range): unknown {
  const [start, end] = rawSpan(root, range);
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    body: [{ type: 'TextualBody', value: 'nice', purpose: 'commenting' }],
    target: {
      selector: [
        { type: 'TextQuoteSelector', exact: (root.textContent ?? '').slice(start, end) },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  };
}
