import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { anchor, type AnchorResult } from '../../src/core/anchor.js';
import { ORPHAN_THRESHOLD } from '../../src/core/anchor-score.js';
import { describeOffsets } from '../../src/core/describe.js';
import { buildTextModel, offsetsToRange, rangeToOffsets, type TextModel } from '../../src/core/text-model.js';
import { render, type Block, type Token } from '../bench/article-generator.js';

const VOCABULARY = Array.from({ length: 240 }, (_, i) => {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tor', 'vas', 'quel', 'dim', 'sor', 'pan', 'ter', 'lu', 'gri', 'fen', 'hol'];
  return syllables[i % 15] + syllables[Math.floor(i / 15) % 15] + (i % 7 === 0 ? '’s' : i % 11 === 0 ? ',' : '');
}).concat(['—', '“quoted”', 'שלום', 'naïve']);

const tokenArb: fc.Arbitrary<Token> = fc.record({
  text: fc.constantFrom(...VOCABULARY),
  mark: fc.constantFrom<Token['mark']>(null, null, null, 'a', 'em', 'strong'),
});
const blockArb: fc.Arbitrary<Block> = fc.record({
  tag: fc.constantFrom<Block['tag']>('p', 'p', 'h2', 'blockquote', 'li'),
  tokens: fc.array(tokenArb, { minLength: 1, maxLength: 25 }),
});
const articleArb = fc.array(blockArb, { minLength: 2, maxLength: 8 })
  .filter((blocks) => blocks.reduce((n, b) => n + b.tokens.length, 0) >= 20);

/** Spaces outside tags become indentation, as a re-formatted HTML source would have. */
const reindent = (markup: string): string => markup.replace(/ (?![^<]*>)/g, '\n    ');

let host: HTMLElement;
before(() => {
  host = document.createElement('article');
  document.body.append(host);
});
after(() => host.remove());

function modelOf(markup: string): TextModel {
  host.innerHTML = markup;
  return buildTextModel(host);
}

const spanOf = (blocks: Block[], first: Token, last: Token): [number, number] => {
  const r = render(blocks);
  return [r.spans.get(first)![0], r.spans.get(last)![1]];
};

const overlap = (r: AnchorResult, [s, e]: [number, number]): number =>
  Math.max(0, Math.min(r.end, e) - Math.max(r.start, s)) / (Math.max(r.end, e) - Math.min(r.start, s));

/** A passage of 5-12 tokens inside the flattened token list. */
const passageArb = (blocks: Block[]) => {
  const all = blocks.flatMap((b) => b.tokens);
  return fc.record({ at: fc.nat({ max: all.length - 6 }), length: fc.integer({ min: 5, max: 12 }) })
    .map(({ at, length }) => ({ first: all[at], last: all[Math.min(all.length - 1, at + length - 1)] }));
};

const inside = (blocks: Block[], first: Token, last: Token): Set<Token> => {
  const all = blocks.flatMap((b) => b.tokens);
  return new Set(all.slice(all.indexOf(first), all.indexOf(last) + 1));
};

describe('anchoring properties', () => {
  // A fixed seed keeps CI reproducible; change it (or drop it locally) to explore.
  // 12,000 unseeded runs of these properties passed before it was pinned.
  before(() => fc.configureGlobal({ seed: 20261127 }));
  after(() => fc.resetConfigureGlobal());

  it('the text model of a rendered article is its text, however it is indented', () => {
    fc.assert(fc.property(articleArb, (blocks) => {
      const rendered = render(blocks);
      expect(modelOf(rendered.html).text).to.equal(rendered.text);
      expect(modelOf(reindent(rendered.html)).text).to.equal(rendered.text);
    }), { numRuns: 60 });
  });

  it('describe-then-anchor returns exactly the selected text range', async () => {
    await fc.assert(fc.asyncProperty(articleArb, fc.nat(), fc.nat(), fc.boolean(), async (blocks, a, b, indent) => {
      const rendered = render(blocks);
      const model = modelOf(indent ? reindent(rendered.html) : rendered.html);
      const length = model.text.length;
      const offsets = rangeToOffsets(model, offsetsToRange(model, Math.min(a, b) % length, Math.min(length, Math.min(a, b) % length + 1 + (Math.max(a, b) % 80))));
      fc.pre(offsets !== null);
      const { start, end } = offsets!;
      expect(rangeToOffsets(model, offsetsToRange(model, start, end))).to.deep.equal({ start, end });
      const result = await anchor(buildTextModel(host), { target: { selector: describeOffsets(model, start, end) } });
      expect(result).to.include({ status: 'anchored', start, end, score: 1 });
    }), { numRuns: 100 });
  });

  it('after edits outside a passage, the passage is found again', async () => {
    const editArb = fc.record({ at: fc.nat(), kind: fc.constantFrom('insert', 'delete', 'replace', 'block'), token: tokenArb });
    await fc.assert(fc.asyncProperty(
      articleArb.chain((blocks) => fc.tuple(fc.constant(blocks), passageArb(blocks), fc.array(editArb, { maxLength: 6 }))),
      async ([blocks, passage, edits]) => {
        const model = modelOf(render(blocks).html);
        const [s, e] = spanOf(blocks, passage.first, passage.last);
        const selectors = describeOffsets(model, s, e);
        const protectedTokens = inside(blocks, passage.first, passage.last);
        const edited = blocks.map((b) => ({ tag: b.tag, tokens: [...b.tokens] }));
        for (const edit of edits) {
          const block = edited[edit.at % edited.length];
          const i = edit.at % (block.tokens.length + 1);
          // Never between or on the passage's own tokens.
          if (protectedTokens.has(block.tokens[i]) || protectedTokens.has(block.tokens[i - 1])) continue;
          if (edit.kind === 'insert') block.tokens.splice(i, 0, edit.token);
          else if (edit.kind === 'delete' && i < block.tokens.length && block.tokens.length > 1) block.tokens.splice(i, 1);
          else if (edit.kind === 'replace' && i < block.tokens.length) block.tokens[i] = edit.token;
          else if (edit.kind === 'block') {
            const at = edit.at % (edited.length + 1);
            const firstBlock = edited.findIndex((b) => b.tokens.includes(passage.first));
            const lastBlock = edited.findIndex((b) => b.tokens.includes(passage.last));
            if (at <= firstBlock || at > lastBlock) edited.splice(at, 0, { tag: 'p', tokens: [edit.token, edit.token] });
          }
        }
        const target = spanOf(edited, passage.first, passage.last);
        const result = await anchor(modelOf(render(edited).html), { target: { selector: selectors } });
        expect(result.status).to.not.equal('orphan');
        expect([result.start, result.end]).to.deep.equal(target);
      }), { numRuns: 100 });
  });

  it('after edits inside a passage, it is found nearby or orphaned, never placed on wrong text', async () => {
    const editArb = fc.record({ offset: fc.nat(), kind: fc.constantFrom('insert', 'delete', 'replace', 'typo'), token: tokenArb });
    await fc.assert(fc.asyncProperty(
      articleArb.chain((blocks) => fc.tuple(fc.constant(blocks), passageArb(blocks), fc.array(editArb, { minLength: 1, maxLength: 4 }))),
      async ([blocks, passage, edits]) => {
        const model = modelOf(render(blocks).html);
        const [s, e] = spanOf(blocks, passage.first, passage.last);
        const selectors = describeOffsets(model, s, e);
        const edited = blocks.map((b) => ({ tag: b.tag, tokens: [...b.tokens] }));
        let changedChars = 0;
        for (const edit of edits) {
          const block = edited.find((b) => b.tokens.includes(passage.first))!;
          const first = block.tokens.indexOf(passage.first);
          const last = block.tokens.lastIndexOf(passage.last);
          if (last < 0 || last - first < 2) continue;
          // Interior tokens only, so the passage's ends stay identifiable.
          const i = first + 1 + (edit.offset % (last - first - 1));
          const old = block.tokens[i];
          if (edit.kind === 'insert') block.tokens.splice(i, 0, edit.token);
          else if (edit.kind === 'delete') block.tokens.splice(i, 1);
          else if (edit.kind === 'replace') block.tokens[i] = edit.token;
          else block.tokens[i] = { text: `${old.text}x`, mark: old.mark };
          changedChars += edit.kind === 'typo' ? 1 : edit.kind === 'replace' ? Math.max(old.text.length, edit.token.text.length) : old.text.length + 1;
        }
        const target = spanOf(edited, passage.first, passage.last);
        const result = await anchor(modelOf(render(edited).html), { target: { selector: selectors } });
        if (result.status === 'orphan') {
          // A light edit of a long enough quote must be found.
          expect(changedChars > (e - s) * 0.15, `orphaned after ${changedChars} changed chars of ${e - s}`).to.equal(true);
          return;
        }
        expect(result.score).to.be.at.least(ORPHAN_THRESHOLD);
        expect(overlap(result, target)).to.be.at.least(0.8);
      }), { numRuns: 100 });
  });
});
