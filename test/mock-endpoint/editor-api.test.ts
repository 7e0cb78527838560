import { expect } from '@open-wc/testing';
import type { Annotation } from '../../src/core/annotation.js';
import { readerPseudonym } from '../../src/core/pseudonym.js';
import type { AnnotationPage, ArticleDetail, ArticleSummary, ReviewPage } from '../../src/sync/protocol.js';
import { BASE, startTestMock, type TestMock } from '../sync/helpers.js';
import {
  annotation, auth, editor, editorClient, ID, json, ld, PARAGRAPHS, READERS, selectors, STORY, tokenOf,
} from './editor-fixtures.js';

// The hand-made data set and its hand-computed numbers are described in editor-fixtures.ts.
describe('mock endpoint: the editor review API', () => {
  let mock: TestMock;
  let f: typeof fetch;
  before(async () => {
    mock = await startTestMock();
    f = mock.fetch;
  });
  after(() => mock.stop());
  beforeEach(() => mock.reset());
  afterEach(() => {
    mock.store.clock = Date.now;
  });

  const { at, register, clap, patch, get, story } = editorClient(() => mock);

  it('GET /articles answers every number of each story, for each period', async () => {
    await story();
    await clap(0, '12-01T11:00', 2, 1, 'unregistered-story');
    at('12-10T12:00');
    const all = await get<ArticleSummary[]>('/articles');
    expect(all).to.deep.equal([
      {
        id: STORY, title: 'The Press', url: 'https://x.example/press',
        total: 67, clappers: 5, mine: 0, meanClaps: 13.4, weighted: 14.8,
        annotations: 7, highlights: 4, notes: 3, newNotes: 1, lastActivity: '2026-12-10T10:00:00.000Z',
      },
      {
        // Claps on a story nobody registered: sqrt(2) = 1.4.
        id: 'unregistered-story', title: '', url: '',
        total: 2, clappers: 1, mine: 0, meanClaps: 2, weighted: 1.4,
        annotations: 0, highlights: 0, notes: 0, newNotes: 0, lastActivity: '2026-12-01T11:00:00.000Z',
      },
    ]);
    const week = await get<ArticleSummary[]>('/articles?period=7d');
    expect(week[0]).to.deep.equal({
      id: STORY, title: 'The Press', url: 'https://x.example/press',
      total: 23, clappers: 4, mine: 0, meanClaps: 5.8, weighted: 8.9,
      annotations: 6, highlights: 3, notes: 3, newNotes: 1, lastActivity: '2026-12-10T10:00:00.000Z',
    });
    expect(week[1]).to.include({ total: 0, clappers: 0, weighted: 0, meanClaps: 0, lastActivity: null });
    // Every change since 11-20 is within 30 days of 12-10.
    expect((await get<ArticleSummary[]>('/articles?period=30d'))[0]).to.deep.equal(all[0]);
    expect((await f(`${BASE}/articles?period=1y`, { headers: editor })).status).to.equal(400);
  });

  it('GET /articles/{id} answers the totals, distribution, days, heat, passages and orphans', async () => {
    await story();
    const detail = await get<ArticleDetail>(`/articles/${STORY}`);
    expect(detail.id).to.equal(STORY);
    expect(detail.registration!.paragraphs).to.deep.equal(PARAGRAPHS);
    expect(detail.totals).to.deep.equal({ total: 67, clappers: 5, mine: 0 });
    expect(detail.stats).to.deep.equal({
      total: 67, clappers: 5, mine: 0, meanClaps: 13.4, weighted: 14.8,
      annotations: 7, highlights: 4, notes: 3, newNotes: 1, lastActivity: '2026-12-10T10:00:00.000Z',
    });
    expect(detail.distribution).to.have.length(51);
    expect(detail.distribution.flatMap((n, claps) => (n ? [[claps, n]] : []))).to.deep.equal([[1, 1], [3, 1], [4, 1], [9, 1], [50, 1]]);
    expect(detail.daily).to.have.length(21);
    expect(detail.daily[0]!.day).to.equal('2026-11-20');
    expect(detail.daily.filter((d) => d.claps || d.highlights || d.notes).map((d) => [d.day.slice(5), d.claps, d.highlights, d.notes])).to.deep.equal([
      ['11-20', 3, 0, 0], ['11-25', 0, 1, 0], ['12-01', 1, 0, 0], ['12-02', 40, 0, 0], ['12-04', 9, 0, 1], ['12-05', 1, 0, 1],
      ['12-06', 0, 1, 0], ['12-07', 0, 1, 0], ['12-08', 2, 0, 0], ['12-09', 12, 1, 0], ['12-10', -1, 0, 1],
    ]);
    expect(detail.heat).to.deep.equal([
      [{ start: 4, end: 9, count: 1 }],
      [{ start: 0, end: 5, count: 1 }, { start: 6, end: 10, count: 2 }, { start: 10, end: 14, count: 3 }, { start: 14, end: 27, count: 1 }],
      [{ start: 28, end: 35, count: 1 }],
    ]);
    expect(detail.passages).to.deep.equal([
      { paragraph: 1, start: 6, end: 14, quote: 'the type', highlights: 1, notes: 1 },
      { paragraph: 0, start: 4, end: 9, quote: 'press', highlights: 0, notes: 1 },
      { paragraph: 1, start: 0, end: 5, quote: 'It is', highlights: 1, notes: 0 },
      { paragraph: 1, start: 10, end: 27, quote: 'type that clicks.', highlights: 1, notes: 0 },
      { paragraph: 2, start: 28, end: 35, quote: 'clicks.', highlights: 0, notes: 1 },
    ]);
    expect(detail.orphans).to.equal(1);

    const week = await get<ArticleDetail>(`/articles/${STORY}?period=7d`);
    expect(week.stats).to.deep.equal({
      total: 23, clappers: 4, mine: 0, meanClaps: 5.8, weighted: 8.9,
      annotations: 6, highlights: 3, notes: 3, newNotes: 1, lastActivity: '2026-12-10T10:00:00.000Z',
    });
    expect(week.totals, 'totals are current counts').to.deep.equal(detail.totals);
    expect(week.daily).to.deep.equal([
      { day: '2026-12-03', claps: 0, highlights: 0, notes: 0 },
      { day: '2026-12-04', claps: 9, highlights: 0, notes: 1 },
      { day: '2026-12-05', claps: 1, highlights: 0, notes: 1 },
      { day: '2026-12-06', claps: 0, highlights: 1, notes: 0 },
      { day: '2026-12-07', claps: 0, highlights: 1, notes: 0 },
      { day: '2026-12-08', claps: 2, highlights: 0, notes: 0 },
      { day: '2026-12-09', claps: 12, highlights: 1, notes: 0 },
      { day: '2026-12-10', claps: -1, highlights: 0, notes: 1 },
    ]);
    // A1 (11-25) is out of the week: "the type" is covered once less.
    expect(week.heat[1]).to.deep.equal([
      { start: 0, end: 5, count: 1 }, { start: 6, end: 10, count: 1 }, { start: 10, end: 14, count: 2 }, { start: 14, end: 27, count: 1 },
    ]);
    expect(week.passages.map((p) => [p.paragraph, p.start, p.highlights + p.notes])).to.deep.equal([[0, 4, 1], [1, 0, 1], [1, 6, 1], [1, 10, 1], [2, 28, 1]]);

    // The first paragraph is rewritten: the note on "press" no longer anchors.
    expect((await register(['The room is quiet.', PARAGRAPHS[1]!, PARAGRAPHS[2]!], 'hash-two')).status).to.equal(200);
    const rewritten = await get<ArticleDetail>(`/articles/${STORY}`);
    expect(rewritten.orphans).to.equal(2);
    expect(rewritten.heat[0]).to.deep.equal([]);
    expect(rewritten.passages.map((p) => p.quote)).to.deep.equal(['the type', 'It is', 'type that clicks.', 'clicks.']);

    await clap(0, '12-10T12:00', 2, 1, 'unregistered-story');
    const bare = await get<ArticleDetail>('/articles/unregistered-story');
    expect(bare.registration).to.equal(null);
    expect([bare.heat, bare.passages, bare.orphans]).to.deep.equal([[], [], 0]);
    expect(bare.distribution).to.deep.equal([0, 0, 1]);
    expect((await f(`${BASE}/articles/nobody-here`, { headers: editor })).status).to.equal(404);
    expect((await f(`${BASE}/articles/${STORY}?period=week`, { headers: editor })).status).to.equal(400);
  });

  it('GET /review/annotations filters, sorts and pages, with pseudonyms and anchors', async () => {
    await story();
    const page = (query = '') => get<ReviewPage>(`/review/annotations${query}`);
    const ids = (p: ReviewPage) => p.items.map((i) => ID.indexOf(i.annotation.id.slice(9)));
    const everything = await page();
    expect(everything.total).to.equal(7);
    expect(ids(everything), 'newest first').to.deep.equal([5, 4, 6, 7, 2, 3, 1]);
    expect(ids(await page('?kind=note'))).to.deep.equal([5, 2, 3]);
    expect(ids(await page('?kind=highlight'))).to.deep.equal([4, 6, 7, 1]);
    expect(ids(await page('?status=new'))).to.deep.equal([4, 6, 7, 2, 1]);
    expect(ids(await page('?status=reviewed'))).to.deep.equal([3]);
    expect(ids(await page('?status=hidden'))).to.deep.equal([5]);
    expect(ids(await page('?q=LOVELY'))).to.deep.equal([2]);
    expect(ids(await page('?q=the%20type')), 'in the quote too').to.deep.equal([2, 1]);
    expect(ids(await page('?period=7d'))).to.deep.equal([5, 4, 6, 7, 2, 3]);
    expect(ids(await page(`?article=${STORY}&kind=note&status=new`))).to.deep.equal([2]);
    expect((await page('?article=another-story')).total).to.equal(0);
    expect(ids(await page('?sort=position')), 'paragraph, offset; orphans last').to.deep.equal([3, 6, 2, 1, 4, 5, 7]);
    const paged = await page('?limit=2&offset=2');
    expect([paged.total, paged.offset, ids(paged)]).to.deep.equal([7, 2, [6, 7]]);
    expect(ids(await page('?sort=position&limit=3&offset=3'))).to.deep.equal([1, 4, 5]);
    for (const bad of ['?limit=0', '?limit=501', '?offset=-1', '?sort=random', '?kind=quote', '?status=visible', '?period=1y', '?article=bad%20id']) {
      expect((await f(`${BASE}/review/annotations${bad}`, { headers: editor })).status, bad).to.equal(400);
    }

    const secret = await mock.store.reviewSecret();
    const byId = new Map(everything.items.map((i) => [ID.indexOf(i.annotation.id.slice(9)), i]));
    const a5 = byId.get(5)!;
    expect(a5.reader).to.equal(readerPseudonym(secret, READERS[6]!));
    expect(a5.status).to.equal('hidden');
    expect(a5.storyTitle).to.equal('The Press');
    expect(a5.anchor, 'context beats the stale position').to.deep.equal({
      status: 'anchored', paragraph: 2, start: 28, end: 35, before: 'Nobody talks much. The type ', after: '',
    });
    expect(a5.etag).to.equal((await f(`${BASE}/annotations/${ID[5]}`, { headers: editor })).headers.get('ETag'));
    // A highlight travels without its creator: the label comes from the token's reader.
    expect(byId.get(1)!.reader).to.equal(readerPseudonym(secret, READERS[0]!));
    expect(byId.get(1)!.annotation).not.to.have.property('creator');
    expect(byId.get(3)!.anchor).to.deep.equal({ status: 'anchored', paragraph: 0, start: 4, end: 9, before: 'The ', after: ' is loud.' });
    expect(byId.get(7)!.anchor.status).to.equal('orphan');
    expect(JSON.stringify(everything)).not.to.contain(READERS[4]!);
    expect(JSON.stringify(everything)).not.to.contain(tokenOf(4));
  });

  it('answers 304 to a repeated editor GET until something is written', async () => {
    await story();
    for (const path of ['/articles', `/articles/${STORY}?period=7d`, '/review/annotations?kind=note']) {
      const first = await f(`${BASE}${path}`, { headers: editor });
      const etag = first.headers.get('ETag')!;
      expect(etag, path).to.match(/^W\/".+"$/);
      expect(first.headers.get('Cache-Control')).to.equal('private, no-cache');
      expect(first.headers.get('Vary')).to.equal('Authorization');
      const again = await f(`${BASE}${path}`, { headers: { ...editor, 'If-None-Match': etag } });
      expect(again.status, path).to.equal(304);
      expect(await again.text()).to.equal('');
      expect(again.headers.get('ETag')).to.equal(etag);
      const other = `${BASE}${path}${path.includes('?') ? '&' : '?'}limit=7`;
      expect((await f(other, { headers: { ...editor, 'If-None-Match': etag } })).status, 'another query').to.equal(200);
    }
    const etagOf = async (path: string) => (await f(`${BASE}${path}`, { headers: editor })).headers.get('ETag')!;
    const conditional = (path: string, etag: string) => f(`${BASE}${path}`, { headers: { ...editor, 'If-None-Match': etag } });
    let etag = await etagOf('/articles');
    await clap(6, '12-10T12:00', 1, 1);
    expect((await conditional('/articles', etag)).status, 'after a clap').to.equal(200);
    etag = await etagOf('/review/annotations');
    const a2 = (await f(`${BASE}/annotations/${ID[2]}`, { headers: editor })).headers.get('ETag')!;
    expect((await patch(2, 'reviewed', a2)).status).to.equal(200);
    expect((await conditional('/review/annotations', etag)).status, 'after moderation').to.equal(200);
    etag = await etagOf(`/articles/${STORY}`);
    expect((await register(PARAGRAPHS, 'hash-three')).status).to.equal(200);
    expect((await conditional(`/articles/${STORY}`, etag)).status, 'after a registration').to.equal(200);

    // Without a write, a week's numbers change when activity leaves the week: R3's 9 claps of 12-04 10:00.
    at('12-11T09:00');
    etag = await etagOf('/articles?period=7d');
    expect((await conditional('/articles?period=7d', etag)).status).to.equal(304);
    at('12-11T12:00');
    const later = await conditional('/articles?period=7d', etag);
    expect(later.status).to.equal(200);
    expect(((await later.json()) as ArticleSummary[])[0]!.total).to.equal(23 + 1 - 9);
  });

  it('PATCH moderates only with a current If-Match: 428, 412 with the current version, 200', async () => {
    await story();
    const url = `${BASE}/annotations/${ID[2]}`;
    const before = (await f(url, { headers: editor })).headers.get('ETag')!;
    expect((await patch(2, 'hidden')).status, 'no If-Match').to.equal(428);
    const stale = await patch(2, 'hidden', '"a-stale-one"');
    expect(stale.status).to.equal(412);
    expect(stale.headers.get('ETag')).to.equal(before);
    const body = (await stale.json()) as { error: string; reason: string; current: Annotation };
    expect(body.error).to.equal('precondition-failed');
    expect(body.reason).to.be.a('string');
    expect(body.current).to.deep.equal(await (await f(url, { headers: editor })).json());
    expect((await patch(2, 'hidden', before, tokenOf(1))).status, 'the author').to.equal(403);
    expect((await patch(2, 'deleted', before)).status).to.equal(422);

    const done = await patch(2, 'visible', before); // the older name of reviewed
    expect(done.status).to.equal(200);
    const after = done.headers.get('ETag')!;
    expect(after).not.to.equal(before);
    expect(((await done.json()) as Annotation)['plaudit:status']).to.equal('reviewed');
    expect((await patch(2, 'hidden', before)).status, 'the old ETag is stale now').to.equal(412);
    const same = await patch(2, 'reviewed', after);
    expect([same.status, same.headers.get('ETag')], 'the same status again makes no new version').to.deep.equal([200, after]);
    const listed = await get<ReviewPage>('/review/annotations?status=reviewed');
    expect(listed.items.find((i) => i.annotation.id.endsWith(ID[2]!))!.etag).to.equal(after);
    expect((await patch(19, 'hidden', '*')).status, 'unknown').to.equal(404);
  });

  it('never lists a hidden note to its reader; their own GET still answers it, for the 412 merge', async () => {
    await story();
    const own = await get<AnnotationPage>(`/annotations/?article=${STORY}`, auth(tokenOf(6)));
    expect(own.partOf.total).to.equal(0);
    expect((await get<AnnotationPage>('/annotations/?page=0', auth(tokenOf(6)))).items).to.deep.equal([]);
    const single = await get<Annotation>(`/annotations/${ID[5]}`, auth(tokenOf(6)));
    expect(single['plaudit:status']).to.equal('hidden');
    // The reviewed one stays in its reader's list.
    expect((await get<AnnotationPage>(`/annotations/?article=${STORY}`, auth(tokenOf(2)))).partOf.total).to.equal(1);
    expect((await get<AnnotationPage>(`/annotations/?article=${STORY}`)).partOf.total, 'the editor sees all').to.equal(7);
  });

  it('refuses readers on every editor path, and a missing or malformed token', async () => {
    await story();
    const reader = auth(tokenOf(1));
    const requests: Array<[string, RequestInit]> = [
      ['/articles', {}],
      [`/articles/${STORY}`, {}],
      ['/review/annotations', {}],
      ['/review/import', { method: 'POST', headers: ld, body: '{"items":[]}' }],
      [`/annotations/${ID[2]}`, { method: 'PATCH', headers: { ...json, 'If-Match': '*' }, body: '{"plaudit:status":"hidden"}' }],
    ];
    for (const [path, init] of requests) {
      const headers = (extra: Record<string, string>) => ({ ...(init.headers as Record<string, string>), ...extra });
      expect((await f(`${BASE}${path}`, { ...init, headers: headers(reader) })).status, path).to.equal(403);
      expect((await f(`${BASE}${path}`, { ...init, headers: headers({}) })).status, path).to.equal(401);
      expect((await f(`${BASE}${path}`, { ...init, headers: headers(auth('short')) })).status, path).to.equal(401);
    }
  });

});

describe('mock endpoint: the editor review API through the msw service worker', () => {
  let mock: TestMock;
  before(async () => {
    mock = await startTestMock({ worker: true });
  });
  after(() => mock.stop());

  it('answers, revalidates with 304 and moderates as in the page', async () => {
    const reader = auth(tokenOf(0));
    const put = (path: string, body: unknown, headers: Record<string, string>) =>
      fetch(`${BASE}${path}`, { method: 'PUT', headers, body: JSON.stringify(body) });
    expect((await put(`/articles/${STORY}`, { title: 'The Press', url: 'https://x.example/press', textHash: 'hash-one', paragraphs: PARAGRAPHS }, { ...reader, ...json })).status).to.equal(201);
    expect((await put(`/articles/${STORY}/claps/${READERS[0]}`, { count: 4, rev: 1 }, { ...reader, ...json })).status).to.equal(200);
    const note = annotation(2, '12-05T09:00', selectors(1, 'the type'), { note: 'Lovely line', creator: 0 });
    expect((await put(`/annotations/${ID[2]}`, note, { ...reader, ...ld, 'If-None-Match': '*' })).status).to.equal(201);

    const url = `${BASE}/review/annotations?period=all&sort=time&offset=0&limit=100`;
    const first = await fetch(url, { headers: editor });
    expect(first.status).to.equal(200);
    const page = (await first.json()) as ReviewPage;
    expect(page.total).to.equal(1);
    expect(page.items[0]!.anchor).to.include({ status: 'anchored', paragraph: 1, start: 6, end: 14 });
    const again = await fetch(url, { headers: { ...editor, 'If-None-Match': first.headers.get('ETag')! } });
    expect(again.status).to.equal(304);
    const moderated = await fetch(`${BASE}/annotations/${ID[2]}`, {
      method: 'PATCH', headers: { ...editor, ...json, 'If-Match': page.items[0]!.etag }, body: '{"plaudit:status":"reviewed"}',
    });
    expect(moderated.status).to.equal(200);
    const story = (await (await fetch(`${BASE}/articles/${STORY}`, { headers: editor })).json()) as ArticleDetail;
    expect(story.stats).to.include({ total: 4, clappers: 1, notes: 1, newNotes: 0 });
  });
});
