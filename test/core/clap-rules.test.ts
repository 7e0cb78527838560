import { expect } from '@open-wc/testing';
import { clampCount, holdInterval, HOLD_DELAY_MS, parseMaxClaps } from '../../src/core/clap-rules.js';

describe('clap rules', () => {
  it('holding reaches 50 claps in a few seconds, speeding up', () => {
    let elapsed = HOLD_DELAY_MS;
    for (let n = 0; n < 49; n++) elapsed += holdInterval(n);
    expect(elapsed).to.be.within(2500, 6000);
    expect(holdInterval(10)).to.be.lessThan(holdInterval(0));
  });

  it('accepts only positive integers for max-claps', () => {
    expect(parseMaxClaps(null)).to.equal(50);
    expect(parseMaxClaps(' 12 ')).to.equal(12);
    expect(parseMaxClaps(7)).to.equal(7);
    for (const bad of ['0', '-3', '2.5', 'lots', '', '1e3', 2.5]) expect(parseMaxClaps(bad)).to.equal(null);
  });

  it('clamps corrupt or out-of-range counts into 0..max', () => {
    expect(clampCount('7', 50)).to.equal(0);
    expect(clampCount(-4, 50)).to.equal(0);
    expect(clampCount(99, 50)).to.equal(50);
    expect(clampCount(NaN, 50)).to.equal(0);
    expect(clampCount(12.7, 50)).to.equal(12);
    expect(clampCount(12, 50)).to.equal(12);
  });
});
