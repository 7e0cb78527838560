import { expect } from '@open-wc/testing';
import {
  applyClaps,
  holdInterval,
  HOLD_DELAY_MS,
  parseMaxClaps,
  sanitizeCount,
} from '../../src/core/clap-rules.js';

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
    for (const bad of ['0', '-3', '2.5', 'lots', '', '1e3']) expect(parseMaxClaps(bad)).to.equal(null);
  });

  it('repairs corrupt counts into 0..max', () => {
    expect(sanitizeCount('7', 50)).to.deep.equal({ count: 0, repaired: true });
    expect(sanitizeCount(-4, 50)).to.deep.equal({ count: 0, repaired: true });
    expect(sanitizeCount(99, 50)).to.deep.equal({ count: 50, repaired: true });
    expect(sanitizeCount(NaN, 50)).to.deep.equal({ count: 0, repaired: true });
    expect(sanitizeCount(12, 50)).to.deep.equal({ count: 12, repaired: false });
  });

  it('never goes past the cap or below zero', () => {
    expect(applyClaps(48, 5, 50)).to.equal(50);
    expect(applyClaps(3, -10, 50)).to.equal(0);
  });
});
