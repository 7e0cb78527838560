import type { ArticleDetail, ArticleSummary, ReviewPage } from '../../../src/sync/protocol.js';
import { paths } from '../../../src/sync/protocol.js';
import {
  articleId, assert, assertSame, clap, create, editorGet, expectError, expectStatus, json, moderate,
  register, registration, wire,
} from '../builders.js';
import type { ContractCase, ContractContext } from '../contract-types.js';

/** A conditional repeat of an editor GET: 304 with the same ETag. */
async function expectNotModified(ctx: ContractContext, path: string): Promise<void> {
  const first = await editorGet(ctx, path);
  await expectStatus(first, 200, path);
  const etag = first.headers.get('ETag')!;
  assert(etag?.startsWith('W/"') && first.headers.get('Cache-Control') === 'private, no-cache', `${path}: weak ETag, private, no-cache`);
  const again = await editorGet(ctx, path, { 'If-None-Match': etag });
  await expectStatus(again, 304, `${path} with If-None-Match`);
  assert((await again.text()) === '', 'a 304 has no body');
}

export const editorCases: ContractCase[] = [
  {
    name: 'editor: a bad query is a 400 even with an ETag that matches the store (checked before any 304)',
    async run(ctx) {
      const first = await editorGet(ctx, '/review/annotations');
      await expectStatus(first, 200, 'a good query');
      const etag = first.headers.get('ETag')!;
      await expectError(await editorGet(ctx, '/review/annotations?limit=0', { 'If-None-Match': '*' }), 400, 'invalid-limit', 'a bad limit');
      await expectError(await editorGet(ctx, '/articles/bad%20id', { 'If-None-Match': etag }), 400, 'invalid-article-id', 'a bad id');
    },
  },
  {
    name: 'editor: GET /articles lists registered and clapped stories with their numbers, per period, conditionally',
    async run(ctx) {
      const registered = articleId('listed');
      const clappedOnly = articleId('unregistered');
      await expectStatus(await register(ctx, registered), 201, 'register');
      const other = ctx.newReader();
      await clap(ctx, registered, ctx.reader.id, 3, 1);
      await clap(ctx, registered, other.id, 7, 1, other.token);
      await clap(ctx, clappedOnly, other.id, 2, 1, other.token);
      await create(ctx, wire(registered, { creator: ctx.reader.id, note: 'A note.' }));
      for (const period of ['', '?period=all', '?period=7d', '?period=30d']) {
        const list = await json<ArticleSummary[]>(await editorGet(ctx, `/articles${period}`), 200, `GET /articles${period}`);
        const row = list.find((s) => s.id === registered);
        assert(row, `${registered} is listed`);
        const { lastActivity, ...numbers } = row;
        assertSame(numbers, {
          id: registered, title: 'The Press', url: `https://news.example/${registered}`, total: 10, clappers: 2, mine: 0,
          meanClaps: 5, weighted: 4.4, annotations: 1, highlights: 0, notes: 1, newNotes: 1,
        }, `the numbers${period}`);
        assert(typeof lastActivity === 'string', 'lastActivity is a time');
        const bare = list.find((s) => s.id === clappedOnly);
        assert(bare?.title === '' && bare.url === '' && bare.total === 2, 'an unregistered story with claps is listed with empty title and url');
      }
      await expectNotModified(ctx, '/articles?period=all');
      await expectError(await editorGet(ctx, '/articles?period=1y'), 400, 'invalid-period', 'a bad period');
    },
  },
  {
    name: "editor: GET /articles/{id} answers the story's detail; 404 for an unknown story, 400 for a bad id",
    async run(ctx) {
      const a = articleId('detail');
      await expectStatus(await register(ctx, a), 201, 'register');
      const [r1, r2, r3] = [ctx.reader, ctx.newReader(), ctx.newReader()];
      await clap(ctx, a, r1.id, 1, 1);
      await clap(ctx, a, r2.id, 1, 1, r2.token);
      await clap(ctx, a, r3.id, 3, 1, r3.token);
      await create(ctx, wire(a, { creator: r1.id, exact: 'the type' }));
      await create(ctx, wire(a, { creator: r1.id, note: 'Lovely.', exact: 'the type' }));
      await create(ctx, wire(a, { creator: r1.id, exact: 'a passage that is not in the story' }));
      const detail = await json<ArticleDetail>(await editorGet(ctx, paths.article('', a)), 200, 'detail');
      assert(detail.id === a, 'its id');
      assertSame(detail.registration, registration(a), 'the registration');
      assertSame(detail.totals, { total: 5, clappers: 3, mine: 0 }, 'totals');
      assertSame(detail.distribution, [0, 2, 0, 1], 'readers per clap count');
      assert(detail.stats.annotations === 3 && detail.stats.notes === 1 && detail.stats.highlights === 2, 'annotation counts');
      assert(detail.heat.length === 3 && detail.heat[1]!.some((run) => run.count === 2), 'two annotations cover "the type" in paragraph 1');
      assert(detail.passages[0]?.quote === 'the type' && detail.passages[0].highlights === 1 && detail.passages[0].notes === 1, 'the top passage');
      assert(detail.orphans === 1, 'the highlight on missing text is an orphan');
      assert(detail.daily.length >= 1, 'a daily series');
      await expectNotModified(ctx, `${paths.article('', a)}?period=30d`);
      await expectError(await editorGet(ctx, paths.article('', articleId('nobody'))), 404, 'not-found', 'unknown story');
      await expectError(await editorGet(ctx, paths.article('', 'bad id!')), 400, 'invalid-article-id', 'bad id');
      await expectError(await editorGet(ctx, `${paths.article('', a)}?period=week`), 400, 'invalid-period', 'bad period');
    },
  },
  {
    name: 'editor: GET /review/annotations filters, sorts and pages; bad parameters are 400; conditional',
    async run(ctx) {
      const a = articleId('review');
      await expectStatus(await register(ctx, a), 201, 'register');
      const alpha = wire(a, { creator: ctx.reader.id, note: 'Alpha remark', exact: 'clicks', at: '2026-02-01T10:00:00.000Z' });
      const beta = wire(a, { creator: ctx.reader.id, note: 'beta remark', exact: 'The press', at: '2026-02-02T10:00:00.000Z' });
      const mark = wire(a, { creator: ctx.reader.id, exact: 'Nobody talks', at: '2026-02-03T10:00:00.000Z' });
      const alphaTag = await create(ctx, alpha);
      await create(ctx, beta);
      await create(ctx, mark);
      const reviewed = await moderate(ctx, alpha, 'reviewed', alphaTag);
      const page = (query: string) => editorGet(ctx, `/review/annotations?article=${a}${query}`).then((r) => json<ReviewPage>(r, 200, query));
      const idsOf = (p: ReviewPage) => p.items.map((i) => i.annotation.id);
      const all = await page('');
      assertSame(idsOf(all), [mark.id, beta.id, alpha.id], 'newest first by default');
      assert(all.total === 3 && all.offset === 0, 'total and offset');
      const first = all.items.find((i) => i.annotation.id === alpha.id)!;
      assert(first.etag === reviewed.headers.get('ETag') && first.status === 'reviewed', "each item carries the annotation's ETag and status");
      assert(first.storyTitle === 'The Press' && /^Reader [0-9A-Z]{5}$/.test(first.reader) && first.reader !== ctx.reader.id, 'a title and a pseudonym');
      assert(first.anchor.status === 'anchored' && first.anchor.paragraph === 1, 'anchored in the registered text');
      assertSame(idsOf(await page('&kind=note')), [beta.id, alpha.id], 'notes');
      assertSame(idsOf(await page('&kind=highlight')), [mark.id], 'highlights');
      assertSame(idsOf(await page('&status=reviewed')), [alpha.id], 'reviewed');
      assertSame(idsOf(await page('&status=new')), [mark.id, beta.id], 'absent status counts as new');
      assertSame(idsOf(await page('&q=ALPHA')), [alpha.id], 'q is case-insensitive');
      assertSame(idsOf(await page('&q=talks')), [mark.id], 'q searches the quote too');
      assertSame(idsOf(await page('&sort=position')), [beta.id, alpha.id, mark.id], 'by paragraph, then offset');
      const sliced = await page('&offset=1&limit=1');
      assert(sliced.total === 3 && sliced.offset === 1 && idsOf(sliced)[0] === beta.id, 'offset and limit');
      await expectNotModified(ctx, `/review/annotations?article=${a}&limit=500`);
      const bad: Array<[string, string]> = [
        ['&kind=image', 'invalid-kind'], ['&status=deleted', 'invalid-status'], ['&sort=random', 'invalid-sort'],
        ['&offset=-1', 'invalid-offset'], ['&limit=0', 'invalid-limit'], ['&limit=501', 'invalid-limit'], ['&period=1d', 'invalid-period'],
      ];
      for (const [query, code] of bad) await expectError(await editorGet(ctx, `/review/annotations?article=${a}${query}`), 400, code, query);
      await expectError(await editorGet(ctx, '/review/annotations?article=bad%20id'), 400, 'invalid-article-id', 'bad article');
    },
  },
  {
    name: 'editor: the review search takes % and _ literally',
    async run(ctx) {
      const a = articleId('like');
      const notes = ['100% sure', 'snake_case', 'plain words'];
      for (const note of notes) await create(ctx, wire(a, { creator: ctx.reader.id, note }));
      const search = async (q: string) =>
        (await json<ReviewPage>(await editorGet(ctx, `/review/annotations?article=${a}&q=${encodeURIComponent(q)}`), 200, `q=${q}`)).items
          .map((i) => i.annotation.body?.value);
      assertSame(await search('%'), ['100% sure'], '% is not a wildcard');
      assertSame(await search('_'), ['snake_case'], '_ is not a wildcard');
      assertSame(await search("'"), [], 'a quote finds nothing and breaks nothing');
    },
  },
];
