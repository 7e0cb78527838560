/**
 * Deterministic articles for the benchmark and the accuracy test: varied blocks
 * (h2, p, blockquote, ul/li) with inline a/em/strong, a Zipf-like vocabulary,
 * curly quotes, em dashes and some repeated sentences; passages to annotate; and
 * an edited copy that tracks where every passage should land (ground truth).
 *
 * Blocks are separated by exactly one space in the HTML, so the article's
 * `textContent` equals Plaudit's text model: peers and Plaudit match the same
 * strings, and offsets here are model offsets.
 */
import { mulberry32 } from '../../demo/mock-endpoint/faults.js';

export type Mark = 'a' | 'em' | 'strong' | null;
export interface Token {
  text: string;
  mark: Mark;
}
export interface Block {
  tag: 'h2' | 'p' | 'blockquote' | 'li';
  tokens: Token[];
}
/** A passage is identified by its first and last tokens, which edits never remove. */
export interface Passage {
  first: Token;
  last: Token;
}
export interface Rendered {
  html: string;
  text: string;
  spans: Map<Token, [number, number]>;
}
export type EditKind =
  | 'insert-before' | 'delete-after' | 'reword-near' | 'insert-inside' | 'delete-inside' | 'reword-inside' | 'typo-inside';
export const EDIT_KINDS: readonly EditKind[] = [
  'insert-before', 'delete-after', 'reword-near', 'insert-inside', 'delete-inside', 'reword-inside', 'typo-inside',
];


const FUNCTION_WORDS = ('the of and to a in is that it for as was with on be by this are at from or an but not ' +
  'which have had were one all their there been has when who will more if out so up said what its about into ' +
  'than them can only other new some could time these two may then do first any my now such like our over').split(' ');
const SYLLABLES = ('ka lo mi ren tor vas quel dim sor pan ter lu gri fen hol zan mar ost ple vin cor dal sen ' +
  'bri tum nel fas ro ge wal ind ach ber lis mon tra cul pe').split(' ');
const FLAVOUR = ['don’t', 'it’s', '—', '“really”', '‘so’', 'naïve', 'café', '…'];

function makeVocabulary(random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < 3000) {
    const n = 1 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

export interface Article {
  blocks: Block[];
  passages: Passage[];
}

interface Words {
  word(): string;
}

function wordSource(random: () => number): Words {
  const vocabulary = makeVocabulary(random);
  return {
    word() {
      const r = random();
      if (r < 0.4) return FUNCTION_WORDS[Math.floor(random() * random() * FUNCTION_WORDS.length)];
      if (r < 0.42) return FLAVOUR[Math.floor(random() * FLAVOUR.length)];
      // Zipf-like: low indices are much more frequent.
      return vocabulary[Math.floor(vocabulary.length * random() ** 2.5)];
    },
  };
}

function sentence(random: () => number, words: Words, length: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    let w = words.word();
    if (i === 0) w = w.charAt(0).toUpperCase() + w.slice(1);
    if (i > 2 && i < length - 2 && random() < 0.06) w += ',';
    out.push(w);
  }
  out[out.length - 1] += random() < 0.1 ? '?' : '.';
  return out;
}

function blockOf(random: () => number, tag: Block['tag'], texts: string[]): Block {
  const tokens: Token[] = texts.map((text) => ({ text, mark: null }));
  const marks: Mark[] = ['a', 'em', 'strong'];
  for (let s = Math.floor(random() * 3); s > 0 && tag !== 'h2'; s--) {
    const at = Math.floor(random() * tokens.length);
    const mark = marks[Math.floor(random() * 3)];
    const len = 1 + Math.floor(random() * 4);
    for (let i = at; i < Math.min(tokens.length, at + len); i++) tokens[i].mark = mark;
  }
  return { tag, tokens };
}

/** An article of about `wordCount` words and `passageCount` non-overlapping passages of 5-15 words. */
export function generateArticle(seed: number, wordCount: number, passageCount: number): Article {
  const random = mulberry32(seed);
  const words = wordSource(random);
  const sentences: string[][] = [];
  const paragraph = (min: number, max: number): string[] => {
    const target = min + Math.floor(random() * (max - min));
    const out: string[] = [];
    while (out.length < target) {
      // Some sentences repeat earlier ones, so quotes need context to choose among copies.
      const s = sentences.length > 10 && random() < 0.03
        ? sentences[Math.floor(random() * sentences.length)]
        : sentence(random, words, 6 + Math.floor(random() * 15));
      sentences.push(s);
      out.push(...s);
    }
    return out;
  };
  const blocks: Block[] = [];
  let count = 0;
  while (count < wordCount) {
    const r = random();
    const before = blocks.length;
    if (r < 0.1) blocks.push(blockOf(random, 'h2', sentence(random, words, 3 + Math.floor(random() * 6))));
    else if (r < 0.2) blocks.push(blockOf(random, 'blockquote', paragraph(15, 60)));
    else if (r < 0.3) {
      for (let i = 3 + Math.floor(random() * 4); i > 0; i--) blocks.push(blockOf(random, 'li', paragraph(6, 25)));
    } else blocks.push(blockOf(random, 'p', paragraph(30, 120)));
    for (let i = before; i < blocks.length; i++) count += blocks[i].tokens.length;
  }
  return { blocks, passages: pickPassages(random, blocks, passageCount) };
}

function pickPassages(random: () => number, blocks: Block[], count: number): Passage[] {
  const taken = new Set<Token>();
  const passages: Passage[] = [];
  const candidates = blocks.filter((b) => b.tokens.length >= 8);
  for (let attempt = 0; passages.length < count && attempt < count * 50; attempt++) {
    const block = candidates[Math.floor(random() * candidates.length)];
    const length = 5 + Math.floor(random() * 11);
    if (block.tokens.length < length + 2) continue;
    const start = Math.floor(random() * (block.tokens.length - length + 1));
    const slice = block.tokens.slice(Math.max(0, start - 3), start + length + 3);
    if (slice.some((t) => taken.has(t))) continue;
    slice.forEach((t) => taken.add(t));
    passages.push({ first: block.tokens[start], last: block.tokens[start + length - 1] });
  }
  return passages;
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** HTML and text of the blocks, with each token's text offsets. */
export function render(blocks: readonly Block[]): Rendered {
  const html: string[] = [];
  const text: string[] = [];
  const spans = new Map<Token, [number, number]>();
  let length = 0;
  blocks.forEach((block, b) => {
    const prev = blocks[b - 1];
    const next = blocks[b + 1];
    if (b > 0) {
      html.push(' ');
      text.push(' ');
      length += 1;
    }
    if (block.tag === 'li' && prev?.tag !== 'li') html.push('<ul>');
    html.push(`<${block.tag}>`);
    block.tokens.forEach((token, i) => {
      const before = block.tokens[i - 1];
      const after = block.tokens[i + 1];
      if (i > 0) {
        if (before.mark !== token.mark || token.mark === null) html.push(' ');
        text.push(' ');
        length += 1;
      }
      if (token.mark !== null && before?.mark !== token.mark) html.push(token.mark === 'a' ? '<a href="#x">' : `<${token.mark}>`);
      html.push(escape(token.text));
      if (token.mark !== null && after?.mark !== token.mark) html.push(`</${token.mark}>`);
      else if (token.mark !== null) html.push(' ');
      spans.set(token, [length, length + token.text.length]);
      text.push(token.text);
      length += token.text.length;
    });
    html.push(`</${block.tag}>`);
    if (block.tag === 'li' && next?.tag !== 'li') html.push('</ul>');
  });
  return { html: html.join(''), text: text.join(''), spans };
}

export interface EditedArticle {
  blocks: Block[];
  /** Index in `article.passages` → what was done to it. */
  changed: Map<number, EditKind>;
}

/**
 * A copy where `share` of the passages change (cycling through every edit kind)
 * and unrelated blocks are inserted and deleted, so positions shift throughout.
 */
export function editArticle(article: Article, seed: number, share: number): EditedArticle {
  const random = mulberry32(seed);
  const words = wordSource(random);
  const blocks = article.blocks.map((b) => ({ tag: b.tag, tokens: [...b.tokens] }));
  const blockOfToken = new Map<Token, Block>();
  for (const b of blocks) for (const t of b.tokens) blockOfToken.set(t, b);
  const changed = new Map<number, EditKind>();
  const total = Math.round(article.passages.length * share);
  const newWords = (n: number): Token[] => Array.from({ length: n }, () => ({ text: words.word(), mark: null }));
  for (let k = 0; k < total; k++) {
    const index = Math.floor((k * article.passages.length) / total);
    const passage = article.passages[index];
    const block = blockOfToken.get(passage.first)!;
    const tokens = block.tokens;
    const first = tokens.indexOf(passage.first);
    const last = tokens.indexOf(passage.last);
    const interior = first + 1 + Math.floor(random() * Math.max(1, last - first - 1));
    let kind = EDIT_KINDS[k % EDIT_KINDS.length];
    if (kind === 'delete-inside' && last - first < 5) kind = 'reword-inside';
    switch (kind) {
      case 'insert-before': tokens.splice(first, 0, ...newWords(1 + Math.floor(random() * 3))); break;
      case 'delete-after':
        if (last + 1 < tokens.length) tokens.splice(last + 1, Math.min(2, tokens.length - last - 1));
        else tokens.push(...newWords(2));
        break;
      case 'reword-near':
        if (first > 0) tokens.splice(Math.max(0, first - 2), Math.min(2, first), ...newWords(2));
        else tokens.splice(last + 1, 2, ...newWords(2));
        break;
      case 'insert-inside': tokens.splice(interior, 0, ...newWords(1)); break;
      case 'delete-inside': tokens.splice(interior, 1); break;
      case 'reword-inside': tokens[interior] = { text: `${words.word()}s`, mark: tokens[interior].mark }; break;
      case 'typo-inside': {
        const t = tokens[interior];
        const at = Math.floor(random() * t.text.length);
        tokens[interior] = { text: `${t.text.slice(0, at)}x${t.text.slice(at + 1)}`, mark: t.mark };
        break;
      }
    }
    changed.set(index, kind);
  }
  // Unrelated edits: new paragraphs inserted and passage-free blocks deleted, shifting later text.
  const inPassage = new Set<Block>(article.passages.map((p) => blockOfToken.get(p.first)!));
  for (let i = 0; i < 20; i++) {
    const at = Math.floor(random() * blocks.length);
    if (blocks[at].tag !== 'li' && !inPassage.has(blocks[at])) blocks.splice(at, 1);
    const into = Math.floor(random() * blocks.length);
    if (blocks[into].tag !== 'li') blocks.splice(into, 0, { tag: 'p', tokens: newWords(20 + Math.floor(random() * 40)) });
  }
  return { blocks, changed };
}

/** Where a passage is in a rendering: from its first token's start to its last token's end. */
export function passageSpan(rendered: Rendered, passage: Passage): [number, number] {
  return [rendered.spans.get(passage.first)![0], rendered.spans.get(passage.last)![1]];
}
