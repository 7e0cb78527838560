/**
 * Sync under load: 1,000 changes queued while offline, then the network
 * returns. Figures are printed; the request count and the in-flight cap are
 * asserted (they are counts, not timings). `npm run bench`.
 */
import { expect } from '@open-wc/testing';
import { getReaderIdentity } from '../../src/storage/reader-identity.js';
import { createSyncEngine } from '../../src/sync/sync-engine.js';
import { mulberry32 } from '../../demo/mock-endpoint/faults.js';
import { BASE, freshClientDb, makeAnnotation, startTestMock, waitUntil, writeAnnotation, writeClaps, type TestMock } from '../sync/helpers.js';

const CHANGES = 1_000;
const CAP = 4;

describe('sync benchmark', function () {
  this.timeout(600_000);
  let mock: TestMock;
  before(async () => {
    mock = await startTestMock({ random: mulberry32(42) });
  });
  after(() => mock.stop());

  for (const weather of ['clear', 'stormy'] as const) {
    it(`flushes ${CHANGES} queued changes when the network returns (${weather})`, async () => {
      await mock.reset();
      const db = await freshClientDb();
      const reader = await getReaderIdentity(db);
      let inFlight = 0;
      let maxInFlight = 0;
      const counted: typeof fetch = async (input, init) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        try {
          return await mock.fetch(input, init);
        } finally {
          inFlight--;
        }
      };
      mock.faults.set({ offline: true });
      const engine = createSyncEngine(BASE, { fetch: counted, maxInFlight: CAP, debounceMs: 20, timeoutMs: 2_000, backoff: { baseMs: 5, capMs: 50, random: mulberry32(7) } });
      for (let i = 0; i < CHANGES / 2; i++) await writeClaps(db, `story-${i}`, 1 + (i % 50));
      for (let i = 0; i < CHANGES / 2; i++) await writeAnnotation(db, makeAnnotation({ creator: reader.id, note: `note ${i}`, visibility: 'shared', articleId: `story-${i}` }));
      expect(await db.count('outbox')).to.equal(CHANGES);
      await engine.flushNow(); // offline: nothing gets through
      mock.log.clear();
      maxInFlight = 0;

      if (weather === 'stormy') mock.faults.set({ offline: false, errorRate: 0.1, loseResponseRate: 0.03, duplicateRate: 0.03, retryAfterSeconds: 0 });
      else mock.faults.heal();
      const start = performance.now();
      dispatchEvent(new Event('online'));
      await waitUntil(async () => (await db.count('outbox')) === 0, 'everything is sent', 300_000);
      const elapsed = performance.now() - start;
      engine.release();

      const requests = mock.log.entries.length;
      const failedAttempts = mock.log.entries.filter((e) => typeof e.outcome !== 'number' || e.outcome >= 400).length;
      const lost = mock.log.entries.filter((e) => e.outcome === 'network-error').length;
      console.log(
        `[bench] sync ${weather}: ${CHANGES} changes -> ${requests} requests (${failedAttempts} failed attempts, ${lost} lost), ` +
          `max in flight ${maxInFlight} (cap ${CAP}), ${elapsed.toFixed(0)} ms, ${(elapsed / CHANGES).toFixed(2)} ms/change`,
      );
      expect(maxInFlight).to.be.at.most(CAP);
      if (weather === 'clear') expect(requests).to.equal(CHANGES);
      // Each failed attempt costs at most one retry, plus one GET when a lost create comes back as 412.
      else expect(requests).to.be.at.most(CHANGES + 2 * failedAttempts);
      expect((await mock.store.annotationsOf(null)).length).to.equal(CHANGES / 2);
      expect((await mock.store.totals('story-49', reader.id)).mine).to.equal(50);
    });
  }
});
