import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/claps/claps.js';
import type { PlauditClapsElement } from '../../src/components/claps/claps.component.js';
import { acquireSyncEngine, type SyncEngine } from '../../src/sync/sync-engine.js';
import { uniqueArticle } from '../helpers/claps.js';
import { BASE, freshClientDb, startTestMock, waitUntil, type TestMock } from './helpers.js';
import { ManualSyncClock, ManualVisibility } from './sync-clock.js';

const OTHER_READER = '2f1c6a52-8d0e-4c4b-9a7e-3b9d7c1e5a40';

/**
 * Another reader's claps reach this page without a reload: when the tab becomes
 * visible again and on the periodic refresh, one request per article however
 * many `<plaudit-claps>` show it, conditional so an unchanged story is a 304.
 */
describe('totals refresh', () => {
  let mock: TestMock;
  let clock: ManualSyncClock;
  let visibility: ManualVisibility;
  let engine: SyncEngine | null;
  let article: string;

  before(async () => {
    mock = await startTestMock();
  });
  after(() => mock.stop());

  beforeEach(async () => {
    await mock.reset();
    await freshClientDb();
    article = uniqueArticle('refresh');
    clock = new ManualSyncClock();
    visibility = new ManualVisibility();
    // Created here so the elements share an engine on the manual clock; they acquire it by endpoint.
    engine = acquireSyncEngine(BASE, {
      fetch: mock.fetch,
      clock,
      visibility,
      locks: null,
      debounceMs: 5,
      totalsRefresh: { random: () => 0.5 },
    });
  });
  afterEach(() => engine?.release());

  const gets = () => mock.log.entries.filter((e) => e.method === 'GET' && e.url.endsWith(`/articles/${article}/claps`));
  const otherReaderClaps = (count: number, rev: number) => mock.store.putClaps(article, OTHER_READER, { count, rev });

  async function mountThree(): Promise<[HTMLElement, PlauditClapsElement[]]> {
    const root = await fixture<HTMLElement>(html`<div>
      <plaudit-claps article-id=${article} endpoint=${BASE}></plaudit-claps>
      <plaudit-claps article-id=${article} endpoint=${BASE}></plaudit-claps>
      <plaudit-claps article-id=${article} endpoint=${BASE}></plaudit-claps>
    </div>`);
    const elements = [...root.querySelectorAll<PlauditClapsElement>('plaudit-claps')];
    await waitUntil(() => gets().some((e) => e.outcome === 200), 'the totals are fetched on connect');
    return [root, elements];
  }

  it("shows another reader's claps on returning to the tab and on the periodic refresh, one request each", async () => {
    await otherReaderClaps(2, 1);
    const [root, elements] = await mountThree();
    await waitUntil(() => elements.every((el) => el.total === 2), 'every element shows the total');
    expect(gets(), 'one GET on connect for three elements').to.have.length(1);

    // While the tab is hidden nothing is asked, however long it stays hidden.
    await otherReaderClaps(5, 2);
    visibility.set('hidden');
    clock.advance(10 * 60_000);
    expect(gets()).to.have.length(1);

    visibility.set('visible');
    await waitUntil(() => elements.every((el) => el.total === 5), 'the new total shows on return');
    expect(gets()).to.have.length(2);
    expect(gets()[1]!.outcome).to.equal(200);
    expect(gets()[1]!.headers['if-none-match'], 'a conditional request').to.match(/^W\/"/);

    await otherReaderClaps(9, 3);
    clock.advance(30_000);
    await waitUntil(() => elements.every((el) => el.total === 9), 'the periodic refresh brings the new total');
    expect(gets()).to.have.length(3);

    clock.advance(30_000);
    await waitUntil(() => gets().length === 4 && gets()[3]!.outcome === 304, 'an unchanged story answers 304');
    expect(gets()[3]!.headers['if-none-match']).to.be.a('string');
    await Promise.all(elements.map((el) => el.updateComplete));
    expect(elements.map((el) => el.total), 'a 304 keeps the last totals').to.deep.equal([9, 9, 9]);
    expect(gets().map((e) => e.outcome)).to.deep.equal([200, 200, 200, 304]);
    root.remove();
  });

  it('leaves no timer or listener once the last element disconnects', async () => {
    const [root] = await mountThree();
    expect(clock.pending, 'the refresh is set').to.be.greaterThan(0);
    engine!.release();
    engine = null;
    root.remove();
    // Disconnecting runs synchronously: the engine and its refresh go with the last element.
    expect(clock.pending).to.equal(0);
    expect(visibility.listeners).to.equal(0);
    const before = gets().length;
    visibility.visibilityState = 'visible';
    visibility.dispatchEvent(new Event('visibilitychange'));
    clock.advance(5 * 60_000);
    expect(gets()).to.have.length(before);
  });

  it('makes no request for an element without an endpoint', async () => {
    engine!.release();
    engine = null;
    const el = await fixture<PlauditClapsElement>(html`<plaudit-claps article-id=${article}></plaudit-claps>`);
    await el.ready;
    visibility.set('hidden');
    visibility.set('visible');
    clock.advance(5 * 60_000);
    expect(mock.log.entries).to.have.length(0);
    expect(visibility.listeners).to.equal(0);
    el.remove();
  });
});
