import { expect } from '@open-wc/testing';
import type { PlauditDatabase } from '../../src/storage/open-database.js';
import { getReaderIdentity } from '../../src/storage/reader-identity.js';
import type { ClapTotals } from '../../src/sync/protocol.js';
import { createSyncEngine, type SyncEngine } from '../../src/sync/sync-engine.js';
import { SyncState } from '../../src/sync/sync-status.js';
import { BASE, freshClientDb, makeAnnotation, startTestMock, waitUntil, writeAnnotation, writeClaps, type TestMock } from './helpers.js';

/**
 * Two engines for one endpoint in one page stand in for two tabs: Web Locks are
 * per origin, so they contend for the same lock, and BroadcastChannel delivers
 * between them.
 */
describe('two tabs', () => {
  let mock: TestMock;
  let db: PlauditDatabase;
  let tabs: SyncEngine[];
  let holding = 0;
  let maxHolding = 0;
  let turns: number[];

  before(async () => {
    mock = await startTestMock();
  });
  after(() => mock.stop());

  beforeEach(async () => {
    await mock.reset();
    db = await freshClientDb();
    holding = 0;
    maxHolding = 0;
    turns = [0, 0];
    mock.faults.set({ latencyMs: 15 });
    tabs = [0, 1].map((i) => {
      const engine = createSyncEngine(BASE, { fetch: mock.fetch, debounceMs: 5, backoff: { baseMs: 5, capMs: 30 } });
      // Count who is inside the lock at any moment.
      const run = engine.leader.run.bind(engine.leader);
      engine.leader.run = (task) =>
        run(async () => {
          holding++;
          turns[i]!++;
          maxHolding = Math.max(maxHolding, holding);
          try {
            return await task();
          } finally {
            holding--;
          }
        });
      return engine;
    });
  });
  afterEach(() => tabs.forEach((t) => t.release()));

  it('lets one tab flush at a time, and both end in the same state', async () => {
    expect(tabs[0]!.leader.exclusive, 'Web Locks are available').to.equal(true);
    const reader = await getReaderIdentity(db);
    for (let i = 1; i <= 30; i++) {
      await writeClaps(db, `article-${i % 3}`, i);
      if (i % 5 === 0) await writeAnnotation(db, makeAnnotation({ creator: reader.id, note: `note ${i}`, visibility: 'shared' }));
      tabs[i % 2]!.notifyChanged();
      if (i % 4 === 0) await new Promise((r) => setTimeout(r, 8));
    }
    await waitUntil(async () => (await db.count('outbox')) === 0, 'the shared outbox is empty', 15_000);
    await waitUntil(() => tabs.every((t) => t.status.state === SyncState.Synced), 'both tabs say Synced');
    // One leader may drain the whole outbox in one turn (its loop picks up what arrives meanwhile),
    // and a tab that finds it empty takes no turn. So a tab that has not led yet is asked to, with a
    // change of its own: it takes the lock once the other has let go.
    for (const [i, tab] of tabs.entries()) {
      if (turns[i] !== 0) continue;
      await writeClaps(db, 'article-extra', i + 1);
      tab.notifyChanged();
      await waitUntil(async () => turns[i]! > 0 && (await db.count('outbox')) === 0, `tab ${i + 1} never took the lock`, 15_000);
    }
    expect(maxHolding).to.equal(1);
    expect(turns[0]! + turns[1]!).to.be.greaterThan(1);
    expect((await mock.store.annotationsOf(null)).length).to.equal(6);
    expect((await mock.store.totals('article-0', reader.id)).mine).to.equal(30);
    expect((await mock.store.totals('article-1', reader.id)).mine).to.equal(28);
  });

  it('tells the other tab the totals it received', async () => {
    const seen: ClapTotals[] = [];
    tabs[1]!.subscribeTotals('shared-article', (t) => seen.push(t));
    await waitUntil(() => seen.length >= 1, 'the first totals');
    await writeClaps(db, 'shared-article', 4);
    tabs[0]!.notifyChanged();
    await waitUntil(() => seen.some((t) => t.total === 4), 'tab 2 hears the new total');
  });

  it('a waiting tab flushes what another tab left when that tab goes away', async () => {
    await tabs[0]!.flushNow();
    await tabs[1]!.flushNow();
    mock.faults.set({ offline: true });
    await writeClaps(db, 'left-behind', 3);
    tabs[0]!.notifyChanged();
    await waitUntil(() => tabs[0]!.status.state === SyncState.Offline, 'tab 1 is offline');
    tabs[0]!.release();
    mock.faults.heal();
    tabs[1]!.notifyChanged();
    await waitUntil(async () => (await db.count('outbox')) === 0, 'tab 2 sent it');
    expect((await mock.store.totals('left-behind', null)).total).to.equal(3);
  });
});
