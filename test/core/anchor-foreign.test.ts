import { expect, fixture, html } from '@open-wc/testing';
import { anchor, anchorAll, type AnchorResult } from '../../src/core/anchor.js';
import { describeOffsets } from '../../src/core/describe.js';
import { textHash } from '../../src/core/text-hash.js';
import { buildTextModel, offsetsToRange, type TextModel } from '../../src/core/text-model.js';
import { apache, hypothesis, rawSpan, recogito, SOURCE } from './anchor-foreign-engines.js';

/**
 * A blog post as its CMS writes it: indented, lines wrapped, JSON-LD inside the
 * article, two blocks that touch, a <br>, an emoji. Other tools count and quote
 * its raw textContent; Plaudit's model collapses all of that.
 */
const POST = `
  <h1>Keeping a sourdough starter alive</h1>
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"HowTo","name":"Keeping a sourdough starter alive"}</script>
  <p class="byline">By Mara Lind · 4 min read 🥖</p>
  <p>
    A sourdough starter is flour and water that the air has colonised. Feed the
    starter once a day, and keep the jar somewhere warm: the kitchen shelf is
    better than the fridge.
  </p>
  <h2>Feeding</h2><p>Discard half of the starter, then add equal weights of flour and water.<br>Stir, cover loosely, and wait.</p>
  <blockquote>
    <p>The starter is ready when it doubles in four to six hours.</p>
  </blockquote>
  <ul>
    <li>Use the same flour every time.</li>
    <li>Keep the lid loose: the starter needs air.</li>
  </ul>
  <p>If the starter smells of nail varnish, it is hungry; feed it twice a day until the smell goes.</p>
`;

let root: Element;
let model: TextModel;
beforeEach(async () => {
  root = await fixture(html`<article></article>`);
  root.innerHTML = POST;
  model = buildTextModel(root);
});

/** Model offsets of the n-th occurrence of `quote` in the model text. */
function at(quote: string, nth = 0): [number, number] {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = model.text.indexOf(quote, i + 1);
  if (i < 0) throw new Error(`no ${quote}`);
  return [i, i + quote.length];
}
const rangeOf = (quote: string, nth = 0): Range => offsetsToRange(model, ...at(quote, nth));
const occurrences = (quote: string): number => model.text.split(quote).length - 1;
const placed = (r: AnchorResult): string => (r.status === 'orphan' ? `orphan: ${r.reason}` : model.text.slice(r.start, r.end));
const quoteRecord = (selector: unknown): unknown => ({ target: { source: SOURCE, selector } });

describe('anchoring annotations from Hypothesis (raw textContent offsets and 32-character context, target array)', () => {
  it('anchors passages at their exact text though the offsets count the script and indentation', async () => {
    const quotes = ['Feed the starter once a day', 'the kitchen shelf is better than the fridge.', 'Feeding Discard half', 'water. Stir, cover loosely', 'By Mara Lind'];
    for (const quote of quotes) {
      const record = hypothesis(root, rangeOf(quote));
      expect(rawSpan(root, rangeOf(quote))[0] - at(quote)[0], quote).to.be.above(90);
      const result = await anchor(model, record);
      expect(placed(result), quote).to.equal(quote);
      expect([result.start, result.end]).to.deep.equal(at(quote));
    }
  });

  it('anchors each occurrence of one-to-three-word quotes exactly, by its context', async () => {
    const quotes = ['the', 'starter', 'the starter', 'sourdough starter', 'a', 'and'];
    const expected: Array<[number, number]> = [];
    const records: unknown[] = [];
    for (const quote of quotes) {
      for (let n = 0; n < occurrences(quote); n++) {
        expected.push(at(quote, n));
        records.push(hypothesis(root, rangeOf(quote, n)));
      }
    }
    expect(records.length).to.be.above(40);
    const results = await anchorAll(model, records);
    expect(results.map((r) => [r.start, r.end])).to.deep.equal(expected);
    // One at a time too, where no neighbour tells how far the offsets are off.
    for (let i = 0; i < records.length; i += 5) expect([(await anchor(model, records[i])).start]).to.deep.equal([expected[i][0]]);
  });
});

describe('anchoring annotations from Apache Annotator (shortest unique context, one selector object)', () => {
  it('anchors quotes whose context is empty or a few characters long', async () => {
    const quotes = ['the', 'starter', 'sourdough starter', 'kitchen shelf', 'doubles in four to six hours', 'Stir'];
    for (const quote of quotes) {
      for (let n = 0; n < occurrences(quote); n++) {
        const record = apache(root, rangeOf(quote, n));
        const result = await anchor(model, record);
        expect([result.start, result.end], `${quote} #${n} ${JSON.stringify(record)}`).to.deep.equal(at(quote, n));
      }
    }
    const unique = apache(root, rangeOf('kitchen shelf')) as { target: { selector: { prefix: string; suffix: string } } };
    expect(unique.target.selector.prefix + unique.target.selector.suffix).to.equal('');
  });

  it('uses a quote that refines a FragmentSelector, CssSelector or XPathSelector', async () => {
    const quote = { type: 'TextQuoteSelector', exact: 'the same flour', prefix: 'Use ', suffix: ' every' };
    const shapes = [
      { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3236', value: 'tips', refinedBy: quote },
      { type: 'CssSelector', value: 'article > ul > li:first-child', refinedBy: quote },
      { type: 'XPathSelector', value: '/ul[1]/li[1]', refinedBy: { type: 'CssSelector', value: 'li', refinedBy: [quote] } },
    ];
    for (const selector of shapes) expect(placed(await anchor(model, quoteRecord(selector))), selector.type).to.equal('the same flour');
  });
});

describe('anchoring annotations from Recogito (quote without context, textContent position)', () => {
  it('anchors a distinctive quote, and a short unique one', async () => {
    for (const quote of ['flour and water that the air has colonised', 'varnish']) {
      expect(placed(await anchor(model, recogito(root, rangeOf(quote))))).to.equal(quote);
    }
  });

  it('puts a repeated short quote without context at the occurrence its position singles out, or makes it an orphan', async () => {
    // "starter" occurs seven times, tens of characters apart: an offset counted over other text cannot choose.
    const record = recogito(root, rangeOf('starter', 3));
    expect((await anchor(model, record)).status).to.equal('orphan');
    // The same offsets in Plaudit's own coordinates land on it exactly.
    const own = quoteRecord([{ type: 'TextQuoteSelector', exact: 'starter' }, { type: 'TextPositionSelector', start: at('starter', 3)[0], end: at('starter', 3)[1] }]);
    expect((await anchor(model, own)).start).to.equal(at('starter', 3)[0]);
    // No position: nothing chooses.
    expect((await anchor(model, quoteRecord({ type: 'TextQuoteSelector', exact: 'starter' }))).reason).to.match(/occurs/);
  });

  it('takes the nearest occurrence when the others are far from the position, and not when the position is nowhere near', async () => {
    root.innerHTML = `${POST}<p>${'Proof the dough overnight in a cool room. '.repeat(40)}</p><p>Feed it and the jar stays happy.</p>`;
    model = buildTextModel(root);
    const [first, second] = [at('jar'), at('jar', 1)];
    expect(second[0] - first[0]).to.be.above(1500);
    const near = (start: number) => quoteRecord([{ type: 'TextQuoteSelector', exact: 'jar' }, { type: 'TextPositionSelector', start, end: start + 3 }]);
    expect((await anchor(model, near(first[0] + 120))).start).to.equal(first[0]);
    expect((await anchor(model, near(second[0] - 90))).start).to.equal(second[0]);
    expect((await anchor(model, near(Math.round((first[0] + second[0]) / 2)))).status).to.equal('orphan');
  });
});

describe('whitespace where the context meets the quote', () => {
  const cases: Array<[string, { exact: string; prefix?: string; suffix?: string }, string]> = [
    ['prefix ending in a newline and indentation', { exact: 'starter once a day', prefix: 'air has colonised. Feed the\n    ', suffix: ', and keep the jar somewhere' }, 'starter once a day'],
    ['prefix without the space the model puts between two touching blocks', { exact: 'Discard half', prefix: 'better than the fridge.\n  \n  Feeding', suffix: ' of the starter' }, 'Discard half'],
    ['suffix without the space the model puts at a <br>', { exact: 'flour and water.', prefix: 'add equal weights of ', suffix: 'Stir, cover' }, 'flour and water.'],
    ['a quote across touching blocks, with no space in it', { exact: 'FeedingDiscard', prefix: 'than the fridge.\n  \n  ', suffix: ' half' }, 'Feeding Discard'],
    ['a quote with the source\'s line break and a trailing newline', { exact: 'Feed the\n    starter\n', prefix: 'colonised. ', suffix: 'once' }, 'Feed the starter'],
    ['empty prefix and suffix', { exact: 'better than the fridge', prefix: '', suffix: '' }, 'better than the fridge'],
    ['a five-character prefix that agrees', { exact: 'the starter', prefix: 'Feed ', suffix: '' }, 'the starter'],
    ['a two-character suffix that agrees', { exact: 'the starter', prefix: '', suffix: ' n' }, 'the starter'],
  ];
  for (const [name, quote, expected] of cases) {
    it(name, async () => {
      const result = await anchor(model, quoteRecord({ type: 'TextQuoteSelector', ...quote }));
      expect(placed(result)).to.equal(expected);
      expect(result.status).to.equal('anchored');
    });
  }

  it('a prefix that agrees five characters picks its occurrence over a hint at another', async () => {
    const [start] = at('the starter', 2);
    const result = await anchor(model, quoteRecord([{ type: 'TextQuoteSelector', exact: 'the starter', prefix: 'Feed ', suffix: '' }, { type: 'TextPositionSelector', start, end: start + 11 }]));
    expect(result.start).to.equal(model.text.indexOf('Feed the starter') + 5);
  });
});

describe('a foreign TextPositionSelector is a hint', () => {
  it('never places an annotation where its quote does not match', async () => {
    const [start, end] = rawSpan(root, rangeOf('Stir, cover loosely'));
    const absent = quoteRecord([{ type: 'TextQuoteSelector', exact: 'Knead for ten minutes' }, { type: 'TextPositionSelector', start, end }]);
    expect((await anchor(model, absent)).status).to.equal('orphan');
    // The offsets point at other text in the model: the quote wins.
    const moved = quoteRecord([{ type: 'TextQuoteSelector', exact: 'Stir, cover loosely' }, { type: 'TextPositionSelector', start: 10, end: 29 }]);
    expect(placed(await anchor(model, moved))).to.equal('Stir, cover loosely');
  });

  it('does not pull a short quote with context to an occurrence that happens to sit at the offset', async () => {
    const [target] = at('the', 5);
    const decoy = at('the', 4)[0];
    const record = quoteRecord([
      { type: 'TextPositionSelector', start: decoy, end: decoy + 3 },
      { type: 'TextQuoteSelector', exact: 'the', prefix: model.text.slice(target - 20, target), suffix: model.text.slice(target + 3, target + 23) },
    ]);
    expect((await anchor(model, record)).start).to.equal(target);
  });

  it('is used alone, without a quote, only on the text it was counted on and in range', async () => {
    const own = (start: number, end: number, hash = textHash(model.text)) => ({ target: { selector: { type: 'TextPositionSelector', start, end } }, 'plaudit:textHash': hash });
    expect(placed(await anchor(model, own(...at('kitchen shelf'))))).to.equal('kitchen shelf');
    expect((await anchor(model, own(model.text.length - 2, model.text.length + 5))).status).to.equal('orphan');
    expect((await anchor(model, own(...at('kitchen shelf'), 'othertext'))).status).to.equal('orphan');
  });
});

describe('foreign record shapes', () => {
  const quote = { type: 'TextQuoteSelector', exact: 'Keep the lid loose', prefix: 'every time.\n    ', suffix: ': the' };
  it('reads targets in an array, one selector object, nested refinements and unknown selector types', async () => {
    const shapes: unknown[] = [
      { target: [{ source: SOURCE, selector: quote }] },
      { target: ['https://bakery.example/other', { source: SOURCE }, { source: SOURCE, selector: [{ type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/ul[1]/li[2]' }, endSelector: { type: 'XPathSelector', value: '/ul[1]/li[2]' } }, quote] }] },
      { target: { source: SOURCE, selector: [{ type: 'SvgSelector', value: '<svg/>' }, { type: 'DataPositionSelector', start: 1, end: 9 }, { type: 'oa:TextQuoteSelector', exact: quote.exact }] } },
      { target: { source: SOURCE, selector: { type: 'FragmentSelector', value: 'xpointer(/doc)', refinedBy: { type: 'TextPositionSelector', start: 0, end: 4, refinedBy: quote } } } },
      { target: [{ source: SOURCE, selector: describeOffsets(model, ...at('Keep the lid loose')) }] },
    ];
    for (const record of shapes) expect(placed(await anchor(model, record)), JSON.stringify(record)).to.equal('Keep the lid loose');
  });

  it('orphans records with no usable selector, with a reason, without throwing', async () => {
    const cyclic: Record<string, unknown> = { type: 'FragmentSelector', value: 'x' };
    cyclic.refinedBy = cyclic;
    const records: unknown[] = [
      { target: 'https://bakery.example/journal/keeping-a-starter' },
      { target: [] },
      { target: [{ source: SOURCE, selector: { type: 'XPathSelector', value: '/p[2]' } }] },
      { target: { selector: { type: 'FragmentSelector', value: 'p2', refinedBy: { type: 'CssSelector', value: 'p' } } } },
      { target: { selector: cyclic } },
      { target: { selector: { type: 'TextQuoteSelector', exact: ' \n\t ' } } },
      { target: { selector: [{ type: 'RangeSelector' }, null, 7, 'TextQuoteSelector'] } },
    ];
    const results = await anchorAll(model, records);
    for (const r of results) {
      expect(r.status).to.equal('orphan');
      expect(r.reason).to.be.a('string');
    }
  });
});
