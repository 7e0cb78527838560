import { expect } from '@open-wc/testing';
import { sentenceSpans, spanIndexAt } from '../../src/core/sentences.js';

describe('sentences', () => {
  it('splits with Intl.Segmenter, trims, and breaks at block boundaries', () => {
    const text = 'Title Para one. Para two! Last';
    const spans = sentenceSpans(text, [6]);
    expect(spans.map((s) => text.slice(s.start, s.end))).to.deep.equal(['Title', 'Para one.', 'Para two!', 'Last']);
    expect(spanIndexAt(spans, 8)).to.equal(1);
    expect(spanIndexAt(spans, 100)).to.equal(-1);
  });

  it('splits the same under a malformed language tag, as pages write them (lang="en_US")', () => {
    const text = 'Para one. Para two! Last';
    expect(sentenceSpans(text, [], 'en_US')).to.deep.equal(sentenceSpans(text));
  });
});
