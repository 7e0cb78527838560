import { expect } from '@open-wc/testing';
import type { AnnotationPage, ArticleDetail, ArticleSummary, ClapTotals } from '../../src/sync/protocol.js';
import { EDITOR_TOKEN } from '../../demo/mock-endpoint/handlers.js';
import { SEED_READERS, seedServer } from '../../demo/mock-endpoint/seed.js';
import { SEED_NOTES, SEED_STORIES } from '../../demo/mock-endpoint/seed-stories.js';
import { BASE, makeAnnotation, startTestMock, type TestMock } from '../sync/helpers.js';

const READER = '0b8d6f0e-7c1a-4c5e-9d33-2f1a6b7c8d90';
const TOKEN = 'a'.repeat(64);
const auth = (token = TOKEN) => ({ Authorization: `Bearer ${token}` });
const json = { 'Content-Type': 'application/json' };
const ld = { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' };

describe('mock endpoint', () => {
  let mock: TestMock;
  let f: typeof fetch;
  before(async () => {
    mock = await startTestMock();
    f = mock.fetch;
  });
  after(() => mock.stop());
  beforeEach(() => mock.reset());

  const putClaps = (body: unknown, headers: Record<string, string> = { ...auth(), ...json }, reader = READER) =>
    f(`${BASE}/articles/story-1/claps/${reader}`, { method: 'PUT', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('keeps the highest revision per reader, so retries and duplicates are harmless', async () => {
    expect((await putClaps({ count: 5, rev: 2 })).status).to.equal(200);
    const stale = await putClaps({ count: 3, rev: 1 });
    expect(await stale.json()).to.deep.equal({ total: 5, clappers: 1, mine: 5 });
    await putClaps({ count: 5, rev: 2 });
    const totals = (await (await f(`${BASE}/articles/story-1/claps`, { headers: auth() })).json()) as ClapTotals;
    expect(totals).to.deep.equal({ total: 5, clappers: 1, mine: 5 });
  });

  it('validates requests like a real server', async () => {
    expect((await putClaps({ count: 1, rev: 1 }, json)).status, 'no token').to.equal(401);
    expect((await putClaps({ count: 1, rev: 1 }, { ...auth(), 'Content-Type': 'text/plain' })).status, 'media type').to.equal(415);
    expect((await putClaps('{nope', { ...auth(), ...json })).status, 'bad JSON').to.equal(400);
    expect((await putClaps({ count: 51, rev: 1 })).status, 'too many claps').to.equal(422);
    expect((await putClaps({ count: 1, rev: 0 })).status, 'bad rev').to.equal(422);
    expect((await putClaps({ count: 1, rev: 1 }, undefined, 'not-a-uuid')).status, 'bad reader id').to.equal(400);
    const bad = await putClaps({ count: 1.5, rev: 1 });
    expect(await bad.json()).to.have.keys(['error', 'reason']);
    const big = await f(`${BASE}/articles/story-1`, {
      method: 'PUT',
      headers: { ...auth(), ...json },
      body: JSON.stringify({ title: 't', url: 'https://x.example/', textHash: 'abcd', paragraphs: ['x'.repeat(1_100_000)] }),
    });
    expect(big.status, 'too large').to.equal(413);
  });

  it('follows the Web Annotation Protocol: conditional writes, ETags, JSON-LD', async () => {
    const note = makeAnnotation({ creator: READER, note: 'hello', visibility: 'shared', articleId: 'story-1' });
    const uuid = note.id.slice(9);
    const url = `${BASE}/annotations/${uuid}`;
    expect((await f(url, { method: 'PUT', headers: { ...auth(), ...ld }, body: JSON.stringify(note) })).status, 'no precondition').to.equal(428);
    const created = await f(url, { method: 'PUT', headers: { ...auth(), ...ld, 'If-None-Match': '*' }, body: JSON.stringify(note) });
    expect(created.status).to.equal(201);
    expect(created.headers.get('Content-Type')).to.contain('application/ld+json');
    const etag = created.headers.get('ETag')!;
    expect(etag).to.match(/^".+"$/);
    const again = await f(url, { method: 'PUT', headers: { ...auth(), ...ld, 'If-None-Match': '*' }, body: JSON.stringify(note) });
    expect(again.status).to.equal(412);
    expect(again.headers.get('ETag')).to.equal(etag);
    const got = await f(url, { headers: auth() });
    expect(got.headers.get('ETag')).to.equal(etag);
    expect((await f(url, { method: 'DELETE', headers: { ...auth(), 'If-Match': '"stale"' } })).status).to.equal(412);
    expect((await f(url, { method: 'DELETE', headers: { ...auth(), 'If-Match': etag } })).status).to.equal(204);
    expect((await f(url, { headers: auth() })).status).to.equal(404);
    const priv = { ...note, 'plaudit:visibility': 'private' };
    expect((await f(url, { method: 'PUT', headers: { ...auth(), ...ld, 'If-None-Match': '*' }, body: JSON.stringify(priv) })).status, 'private').to.equal(422);
    const wrongId = await f(`${BASE}/annotations/${crypto.randomUUID()}`, { method: 'PUT', headers: { ...auth(), ...ld, 'If-None-Match': '*' }, body: JSON.stringify(note) });
    expect(wrongId.status).to.equal(422);
  });

  it('pages the container as W3C AnnotationPages, filtered by article; the editor sees all', async () => {
    for (let i = 0; i < 55; i++) {
      const a = makeAnnotation({ creator: READER, note: `n${i}`, visibility: 'shared', articleId: i < 52 ? 'story-1' : 'story-2' });
      await f(`${BASE}/annotations/${a.id.slice(9)}`, { method: 'PUT', headers: { ...auth(), ...ld, 'If-None-Match': '*' }, body: JSON.stringify(a) });
    }
    const first = (await (await f(`${BASE}/annotations/?article=story-1`, { headers: auth(EDITOR_TOKEN) })).json()) as AnnotationPage;
    expect(first.type).to.equal('AnnotationPage');
    expect(first.partOf.total).to.equal(52);
    expect(first.items).to.have.length(50);
    expect(first.next).to.equal(`${BASE}/annotations/?article=story-1&page=1`);
    const second = (await (await f(first.next!, { headers: auth(EDITOR_TOKEN) })).json()) as AnnotationPage;
    expect(second.startIndex).to.equal(50);
    expect(second.items).to.have.length(2);
    expect(second.prev).to.equal(`${BASE}/annotations/?article=story-1&page=0`);
    const other = await f(`${BASE}/annotations/?article=story-1`, { headers: auth('b'.repeat(64)) });
    expect(((await other.json()) as AnnotationPage).partOf.total).to.equal(0);
  });

  it('serves the editor endpoints only to the editor token, and moderates with PATCH', async () => {
    await putClaps({ count: 4, rev: 1 });
    await f(`${BASE}/articles/story-1`, { method: 'PUT', headers: { ...auth(), ...json }, body: JSON.stringify({ title: 'Story', url: 'https://x.example/s', textHash: 'h123', paragraphs: ['P1', 'P2'] }) });
    expect((await f(`${BASE}/articles`, { headers: auth() })).status).to.equal(403);
    const list = (await (await f(`${BASE}/articles`, { headers: auth(EDITOR_TOKEN) })).json()) as ArticleSummary[];
    expect(list).to.deep.equal([{ id: 'story-1', title: 'Story', url: 'https://x.example/s', total: 4, clappers: 1, mine: 0, annotations: 0 }]);
    const detail = (await (await f(`${BASE}/articles/story-1`, { headers: auth(EDITOR_TOKEN) })).json()) as ArticleDetail;
    expect(detail.registration!.paragraphs).to.deep.equal(['P1', 'P2']);
    expect(detail.distribution[4]).to.equal(1);

    const note = makeAnnotation({ creator: READER, note: 'rude words', visibility: 'shared', articleId: 'story-1' });
    const url = `${BASE}/annotations/${note.id.slice(9)}`;
    const created = await f(url, { method: 'PUT', headers: { ...auth(), ...ld, 'If-None-Match': '*' }, body: JSON.stringify(note) });
    const patchBody = JSON.stringify({ 'plaudit:status': 'hidden' });
    expect((await f(url, { method: 'PATCH', headers: { ...auth(), ...json }, body: patchBody })).status).to.equal(403);
    const patched = await f(url, { method: 'PATCH', headers: { ...auth(EDITOR_TOKEN), ...json }, body: patchBody });
    expect(patched.status).to.equal(200);
    expect(patched.headers.get('ETag')).not.to.equal(created.headers.get('ETag'));
    expect((await patched.json())['plaudit:status']).to.equal('hidden');
  });

  it('seeds about 200 readers on a few stories, once', async () => {
    expect(await seedServer(mock.store)).to.equal(true);
    expect(await seedServer(mock.store)).to.equal(false);
    const list = (await (await f(`${BASE}/articles`, { headers: auth(EDITOR_TOKEN) })).json()) as ArticleSummary[];
    expect(list.map((a) => a.id).sort()).to.deep.equal(SEED_STORIES.map((s) => s.id).sort());
    const letterpress = list.find((a) => a.id === 'letterpress-revival')!;
    expect(letterpress.clappers).to.be.within(SEED_READERS * 0.6, SEED_READERS);
    expect(letterpress.annotations).to.be.greaterThan(20);
    for (const [id, passages] of Object.entries(SEED_NOTES)) {
      const story = SEED_STORIES.find((s) => s.id === id)!;
      for (const p of passages) expect(story.paragraphs.some((t) => t.includes(p.exact)), p.exact).to.equal(true);
    }
  });
});
