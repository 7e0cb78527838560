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
    const clapped = (await mock.store.readerClaps('story-1', READER))!.updated;
    expect(list).to.deep.equal([{
      id: 'story-1', title: 'Story', url: 'https://x.example/s', total: 4, clappers: 1, mine: 0, meanClaps: 4, weighted: 2,
      annotations: 0, highlights: 0, notes: 0, newNotes: 0, lastActivity: clapped,
    }]);
    const detail = (await (await f(`${BASE}/articles/story-1`, { headers: auth(EDITOR_TOKEN) })).json()) as ArticleDetail;
    expect(detail.registration!.paragraphs).to.deep.equal(['P1', 'P2']);
    expect(detail.distribution[4]).to.equal(1);

    const note = makeAnnotation({ creator: READER, note: 'rude words', visibility: 'shared', articleId: 'story-1' });
    const url = `${BASE}/annotations/${note.id.slice(9)}`;
    const created = await f(url, { method: 'PUT', headers: { ...auth(), ...ld, 'If-None-Match': '*' }, body: JSON.stringify(note) });
    const patchBody = JSON.stringify({ 'plaudit:status': 'hidden' });
    expect((await f(url, { method: 'PATCH', headers: { ...auth(), ...json }, body: patchBody })).status).to.equal(403);
    const patched = await f(url, { method: 'PATCH', headers: { ...auth(EDITOR_TOKEN), ...json, 'If-Match': created.headers.get('ETag')! }, body: patchBody });
    expect(patched.status).to.equal(200);
    expect(patched.headers.get('ETag')).not.to.equal(created.headers.get('ETag'));
    expect((await patched.json())['plaudit:status']).to.equal('hidden');
  });

  describe('editor review API', () => {
    const READERS = ['1b8d6f0e-7c1a-4c5e-9d33-2f1a6b7c8d91', '2b8d6f0e-7c1a-4c5e-9d33-2f1a6b7c8d92', '3b8d6f0e-7c1a-4c5e-9d33-2f1a6b7c8d93'];
    const tokenOf = (i: number) => String(i + 1).repeat(64);
    const editor = auth(EDITOR_TOKEN);
    const register = (id: string, title: string) =>
      f(`${BASE}/articles/${id}`, {
        method: 'PUT',
        headers: { ...auth(tokenOf(0)), ...json },
        body: JSON.stringify({ title, url: `https://x.example/${id}`, textHash: `hash-${id}`, paragraphs: [`${title}, first.`, `${title}, second.`] }),
      });
    const clap = (i: number, articleId: string, count: number) =>
      f(`${BASE}/articles/${articleId}/claps/${READERS[i]}`, { method: 'PUT', headers: { ...auth(tokenOf(i)), ...json }, body: JSON.stringify({ count, rev: 1 }) });
    const share = async (i: number, articleId: string, note: string) => {
      const a = makeAnnotation({ creator: READERS[i]!, note, visibility: 'shared', articleId });
      const created = await f(`${BASE}/annotations/${a.id.slice(9)}`, { method: 'PUT', headers: { ...auth(tokenOf(i)), ...ld, 'If-None-Match': '*' }, body: JSON.stringify(a) });
      expect(created.status).to.equal(201);
      return a;
    };

    it('GET {base}/articles lists every registered story with its totals and annotation count', async () => {
      await register('story-a', 'Story A');
      await register('story-b', 'Story B');
      await clap(0, 'story-a', 3);
      await clap(1, 'story-a', 7);
      await share(1, 'story-a', 'one');
      const two = await share(2, 'story-a', 'two');
      const three = await share(2, 'story-b', 'three');
      expect((await f(`${BASE}/articles`, { headers: auth(tokenOf(0)) })).status, 'a reader').to.equal(403);
      expect((await f(`${BASE}/articles`)).status, 'no token').to.equal(401);
      const list = (await (await f(`${BASE}/articles`, { headers: editor })).json()) as ArticleSummary[];
      // weighted: sqrt(3) + sqrt(7) = 4.4; the last activity is the latest note (shared after the claps).
      expect([...list].sort((a, b) => a.id.localeCompare(b.id))).to.deep.equal([
        {
          id: 'story-a', title: 'Story A', url: 'https://x.example/story-a', total: 10, clappers: 2, mine: 0, meanClaps: 5, weighted: 4.4,
          annotations: 2, highlights: 0, notes: 2, newNotes: 2, lastActivity: new Date(two.modified).toISOString(),
        },
        {
          id: 'story-b', title: 'Story B', url: 'https://x.example/story-b', total: 0, clappers: 0, mine: 0, meanClaps: 0, weighted: 0,
          annotations: 1, highlights: 0, notes: 1, newNotes: 1, lastActivity: new Date(three.modified).toISOString(),
        },
      ]);
    });

    it('GET {base}/articles/{id} answers the registration, totals and clap distribution', async () => {
      await register('story-a', 'Story A');
      await clap(0, 'story-a', 1);
      await clap(1, 'story-a', 1);
      await clap(2, 'story-a', 3);
      expect((await f(`${BASE}/articles/story-a`, { headers: auth(tokenOf(0)) })).status, 'a reader').to.equal(403);
      const response = await f(`${BASE}/articles/story-a`, { headers: editor });
      expect(response.status).to.equal(200);
      const detail = (await response.json()) as ArticleDetail;
      expect(detail.id).to.equal('story-a');
      expect(detail.registration).to.deep.equal({
        title: 'Story A',
        url: 'https://x.example/story-a',
        textHash: 'hash-story-a',
        paragraphs: ['Story A, first.', 'Story A, second.'],
      });
      expect(detail.totals).to.deep.equal({ total: 5, clappers: 3, mine: 0 });
      expect(detail.distribution).to.deep.equal([0, 2, 0, 1]);
      // Claps on an article nobody registered still count; an unknown one is 404, a malformed id 400.
      await clap(0, 'unregistered', 2);
      const bare = (await (await f(`${BASE}/articles/unregistered`, { headers: editor })).json()) as ArticleDetail;
      expect(bare.registration).to.equal(null);
      expect(bare.distribution).to.deep.equal([0, 0, 1]);
      expect((await f(`${BASE}/articles/nobody-here`, { headers: editor })).status).to.equal(404);
      expect((await f(`${BASE}/articles/${encodeURIComponent('bad id!')}`, { headers: editor })).status).to.equal(400);
    });

    it('GET {base}/annotations/?article=&page= with the editor token pages every reader\'s shared annotations', async () => {
      const expected: string[] = [];
      for (let i = 0; i < 53; i++) expected.push((await share(i % 3, 'story-a', `note ${i}`)).id);
      await share(0, 'story-b', 'elsewhere');
      const page = async (n: number, token = EDITOR_TOKEN) => {
        const response = await f(`${BASE}/annotations/?article=story-a&page=${n}`, { headers: auth(token) });
        expect(response.status).to.equal(200);
        expect(response.headers.get('Content-Type')).to.contain('application/ld+json');
        return (await response.json()) as AnnotationPage;
      };
      const first = await page(0);
      expect(first.id).to.equal(`${BASE}/annotations/?article=story-a&page=0`);
      expect(first.partOf.total).to.equal(53);
      expect(first.startIndex).to.equal(0);
      expect(first.items).to.have.length(50);
      expect(first.next).to.equal(`${BASE}/annotations/?article=story-a&page=1`);
      expect(first).not.to.have.property('prev');
      const second = await page(1);
      expect(second.startIndex).to.equal(50);
      expect(second.items).to.have.length(3);
      expect(second).not.to.have.property('next');
      const seen = [...first.items, ...second.items];
      expect(seen.map((a) => a.id).sort()).to.deep.equal([...expected].sort());
      expect(new Set(seen.map((a) => a.creator)).size, 'all three readers').to.equal(3);
      expect(seen.every((a) => a.target.source === 'story-a')).to.equal(true);
      // A reader's token sees only that reader's own.
      expect((await page(0, tokenOf(0))).partOf.total).to.equal(18);
      expect((await f(`${BASE}/annotations/?article=story-a&page=-1`, { headers: editor })).status).to.equal(400);
      expect((await f(`${BASE}/annotations/?article=${encodeURIComponent('bad id!')}&page=0`, { headers: editor })).status).to.equal(400);
    });

    it('PATCH {base}/annotations/{uuid} moderates with If-Match: the status is the server\'s, and the reader sees it', async () => {
      const note = await share(1, 'story-a', 'a rude remark');
      const url = `${BASE}/annotations/${note.id.slice(9)}`;
      const before = (await f(url, { headers: auth(tokenOf(1)) })).headers.get('ETag')!;
      const patch = (status: unknown, ifMatch: string | null = before, headers: Record<string, string> = { ...editor, ...json }, target = url) =>
        f(target, { method: 'PATCH', headers: { ...headers, ...(ifMatch === null ? {} : { 'If-Match': ifMatch }) }, body: JSON.stringify({ 'plaudit:status': status }) });

      expect((await patch('hidden', before, { ...auth(tokenOf(1)), ...json })).status, 'the author').to.equal(403);
      expect((await patch('deleted')).status, 'unknown status').to.equal(422);
      expect((await patch('hidden', before, { ...editor, 'Content-Type': 'text/plain' })).status, 'media type').to.equal(415);
      expect((await patch('hidden', before, undefined, `${BASE}/annotations/${crypto.randomUUID()}`)).status, 'unknown note').to.equal(404);
      expect((await patch('hidden', null)).status, 'no If-Match').to.equal(428);
      expect((await patch('hidden', '"stale"')).status, 'stale If-Match').to.equal(412);

      const hidden = await patch('hidden');
      expect(hidden.status).to.equal(200);
      const etag = hidden.headers.get('ETag')!;
      expect(etag).to.match(/^".+"$/);
      expect(etag).not.to.equal(before);
      expect((await hidden.json())['plaudit:status']).to.equal('hidden');
      const seenByReader = await f(url, { headers: auth(tokenOf(1)) });
      expect(seenByReader.headers.get('ETag')).to.equal(etag);
      expect((await seenByReader.json())['plaudit:status']).to.equal('hidden');
      // The reader's next write with the old ETag is refused: the client must merge.
      const stale = await f(url, { method: 'PUT', headers: { ...auth(tokenOf(1)), ...ld, 'If-Match': before }, body: JSON.stringify(note) });
      expect(stale.status).to.equal(412);

      // "visible" is the older name of "reviewed".
      const visible = await patch('visible', etag);
      expect((await visible.json())['plaudit:status']).to.equal('reviewed');
      const listed = (await (await f(`${BASE}/annotations/?article=story-a&page=0`, { headers: editor })).json()) as AnnotationPage;
      expect(listed.items[0]!['plaudit:status']).to.equal('reviewed');
    });
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
    }    // No note is repeated word for word within a story.
    const notes: string[] = [];
    for (let page = 0, more = true; more; page++) {
      const url = `${BASE}/annotations/?article=letterpress-revival&page=${page}`;
      const body = (await (await f(url, { headers: auth(EDITOR_TOKEN) })).json()) as AnnotationPage;
      notes.push(...body.items.flatMap((a) => (a.body ? [a.body.value] : [])));
      more = Boolean(body.next);
    }
    expect(notes.length).to.be.greaterThan(5);
    expect(new Set(notes).size).to.equal(notes.length);
  });
});
