import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import type { ArticleDetail, ReviewPage } from '../../src/sync/protocol.js';
import { seedServer } from '../../demo/mock-endpoint/seed.js';
import { ServerStore } from '../../demo/mock-endpoint/server-store.js';
import { startTestMock, type TestMock } from '../sync/helpers.js';
import { editorClient, READERS } from './editor-fixtures.js';

describe('mock endpoint: the clap log in the server store', () => {
  let mock: TestMock;
  before(async () => {
    mock = await startTestMock();
  });
  after(() => mock.stop());
  beforeEach(() => mock.reset());
  afterEach(() => {
    mock.store.clock = Date.now;
  });
  const { at, get } = editorClient(() => mock);

  it('upgrades a database that kept tokens in clear by dropping that state: no clear token survives, the store works', async () => {
    const name = 'plaudit-mock-server-upgrade-test';
    await ServerStore.destroy(name);
    const old = await openDB(name, 2, {
      upgrade(db) {
        db.createObjectStore('readers', { keyPath: 'readerId' }).createIndex('by-token', 'token');
        db.createObjectStore('claps', { keyPath: ['articleId', 'readerId'] }).createIndex('by-article', 'articleId');
        db.createObjectStore('articles', { keyPath: 'id' });
        db.createObjectStore('annotations', { keyPath: 'uuid' }).createIndex('by-article', 'articleId');
        db.createObjectStore('meta');
        db.createObjectStore('clapLog', { autoIncrement: true }).createIndex('by-article', 'articleId');
      },
    });
    await old.put('readers', { readerId: READERS[0], token: 'a-clear-reader-token-0001' });
    await old.put('claps', { articleId: 'old-story', readerId: READERS[0], count: 7, rev: 3, updated: '2026-11-01T10:00:00.000Z' });
    old.close();
    const store = await ServerStore.open(name);
    try {
      const snapshot = await store.snapshot();
      expect(JSON.stringify(snapshot)).not.to.contain('a-clear-reader-token-0001');
      expect(await store.totals('old-story', null)).to.deep.equal({ total: 0, clappers: 0, mine: 0 });
      await store.putClaps('old-story', READERS[0]!, { count: 5, rev: 4 });
      expect((await store.clapLog('old-story')).map((c) => c.delta)).to.deep.equal([5]);
    } finally {
      store.close();
      await ServerStore.destroy(name);
    }
  });

  it('seeds a clap log that sums to the stored counts and spreads over several days', async () => {
    at('12-10T12:00');
    await seedServer(mock.store);
    const detail = await get<ArticleDetail>('/articles/letterpress-revival');
    expect(detail.stats.total).to.equal(detail.totals.total);
    expect(detail.stats.clappers).to.equal(detail.totals.clappers);
    expect(detail.daily.reduce((sum, d) => sum + d.claps, 0)).to.equal(detail.totals.total);
    expect(detail.daily.filter((d) => d.claps > 0).length).to.be.greaterThan(3);
    expect(detail.orphans).to.equal(0);
    expect(detail.passages.length).to.be.within(5, 10);
    const marks = detail.passages.map((p) => p.highlights + p.notes);
    expect(marks, 'most marked first').to.deep.equal([...marks].sort((a, b) => b - a));
    for (const claps of await mock.store.db.getAll('claps')) {
      const sum = (await mock.store.clapLog(claps.articleId)).filter((c) => c.readerId === claps.readerId).reduce((s, c) => s + c.delta, 0);
      expect(sum, `${claps.articleId} ${claps.readerId}`).to.equal(claps.count);
    }
    const list = await get<ReviewPage>('/review/annotations?article=letterpress-revival&limit=500');
    expect(list.total).to.equal(detail.stats.annotations);
    expect(new Set(list.items.map((i) => i.status)).size, 'new, reviewed and hidden notes').to.be.greaterThan(1);
  });
});
