import { expect } from '@open-wc/testing';
import type { PlauditDatabase } from '../../src/storage/open-database.js';
import { readRetryAt } from '../../src/storage/outbox-store.js';
import { createSyncEngine, type SyncEngine } from '../../src/sync/sync-engine.js';
import { BASE, freshClientDb, startTestMock, waitUntil, writeClaps, type TestMock } from './helpers.js';
import { ManualSyncClock, ManualVisibility } from './sync-clock.js';

/**
 * A `Retry-After` outlives the page: the time it names is kept with the outbox,
 * and a new engine on the same database (a reload) waits until then.
 */
describe('Retry-After across a reload', () => {
  let mock: TestMock;
  let db: PlauditDatabase;
  let clock: ManualSyncClock;
  let engines: SyncEngine[];

  before(async () => {
    mock = await startTestMock();
  });
  after(() => mock.stop());

  beforeEach(async () => {
    await mock.reset();
    db = await freshClientDb();
    clock = new ManualSyncClock();
    engines = [];
  });
  afterEach(() => engines.forEach((e) => e.release()));

  /** An engine as a freshly loaded page makes one. */
  const load = () => {
    const engine = createSyncEngine(BASE, {
      fetch: mock.fetch,
      clock,
      visibility: new ManualVisibility(),
      locks: null,
      debounceMs: 5,
      backoff: { baseMs: 5, capMs: 40 },
    });
    engines.push(engine);
    return engine;
  };
  const puts = () => mock.log.entries.filter((e) => e.method === 'PUT');

  for (const form of ['seconds', 'date'] as const) {
    it(`waits out a 503's Retry-After (${form === 'seconds' ? 'delta-seconds' : 'an HTTP date'}) after a reload`, async () => {
      const start = clock.now();
      const resumeAt = start + 120_000;
      mock.busy.answer(1, { status: 503, seconds: 120, form, now: () => clock.now() });
      await writeClaps(db, 'letterpress-revival', 3);

      const first = load();
      await first.flushNow();
      expect(puts().map((e) => e.outcome)).to.deep.equal([503]);
      expect(await readRetryAt(db, BASE)).to.equal(resumeAt);
      first.release(); // the reader reloads the page

      mock.log.clear();
      const second = load();
      await second.flushNow();
      expect(mock.log.entries, 'nothing sent before the stored time').to.have.length(0);
      expect(clock.dueTimes, 'the pass is scheduled for the stored time').to.deep.equal([resumeAt]);

      // A change a minute later asks for a flush: it too waits for the stored time.
      clock.advance(60_000);
      second.notifyChanged();
      clock.advance(5);
      await waitUntil(() => clock.dueTimes.length === 1 && clock.dueTimes[0] === resumeAt, 'rescheduled for the stored time');
      clock.advance(resumeAt - 1 - clock.now());
      expect(mock.log.entries).to.have.length(0);

      clock.advance(1);
      await waitUntil(async () => (await db.count('outbox')) === 0, 'flushed at the stored time');
      expect(puts().map((e) => e.outcome)).to.deep.equal([200]);
      expect(await mock.store.readerClaps('letterpress-revival', (await db.get('claps', 'letterpress-revival'))!.readerId)).to.include({ count: 3 });
      await waitUntil(async () => (await readRetryAt(db, BASE)) === 0, 'the stored time is forgotten once through');
    });
  }
});
