import { expect } from '@open-wc/testing';
import { fullJitter, nextDelay, parseRetryAfter } from '../../src/sync/backoff.js';
import { mergeAnnotation, isShareable, toWire } from '../../src/sync/annotation-wire.js';
import { mulberry32 } from '../../demo/mock-endpoint/faults.js';
import { makeAnnotation } from './helpers.js';

describe('backoff', () => {
  it('waits a uniform time below an exponentially growing, capped ceiling', () => {
    const options = { baseMs: 100, capMs: 1_000, random: mulberry32(1) };
    for (let attempt = 1; attempt <= 8; attempt++) {
      const ceiling = Math.min(1_000, 100 * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i++) expect(fullJitter(attempt, options)).to.be.within(0, ceiling - 1);
    }
    expect(fullJitter(3, { ...options, random: () => 0.999999 })).to.equal(399);
  });

  it('reads Retry-After in seconds or as a date, and never waits less than it', () => {
    expect(parseRetryAfter('3')).to.equal(3_000);
    expect(parseRetryAfter(null)).to.equal(null);
    expect(parseRetryAfter('soon')).to.equal(null);
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:00:05 GMT', now)).to.equal(5_000);
    expect(nextDelay(1, 2_000, { baseMs: 10, capMs: 100, random: () => 0.5 })).to.equal(2_000);
  });
});

describe('annotation wire rules', () => {
  const reader = crypto.randomUUID();
  it('shares highlights anonymously and notes only when shared', () => {
    const highlight = makeAnnotation({ creator: reader });
    expect(isShareable(highlight)).to.equal(true);
    expect(toWire(highlight)).not.to.have.property('creator');
    expect(isShareable(makeAnnotation({ creator: reader, note: 'x' }))).to.equal(false);
    expect(isShareable(makeAnnotation({ creator: reader, note: 'x', visibility: 'private' }))).to.equal(false);
    const shared = makeAnnotation({ creator: reader, note: 'x', visibility: 'shared' });
    expect(isShareable(shared)).to.equal(true);
    expect(toWire({ ...shared, 'plaudit:status': 'hidden' })).not.to.have.property('plaudit:status');
  });

  it('merges: later reader text wins, server-owned status always wins', () => {
    const base = makeAnnotation({ creator: reader, note: 'old', visibility: 'shared' });
    const server = { ...base, 'plaudit:status': 'hidden' as const };
    const later = { ...base, modified: '2099-01-01T00:00:00.000Z', body: { ...base.body!, value: 'reader' } };
    expect(mergeAnnotation(later, server).body!.value).to.equal('reader');
    expect(mergeAnnotation(later, server)['plaudit:status']).to.equal('hidden');
    const serverLater = { ...server, modified: '2100-01-01T00:00:00.000Z', body: { ...base.body!, value: 'server' } };
    expect(mergeAnnotation(later, serverLater).body!.value).to.equal('server');
  });
});
