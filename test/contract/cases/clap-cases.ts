import { paths } from '../../../src/sync/protocol.js';
import {
  articleId, assert, assertSame, clap, editorGet, expectError, expectStatus, json, MediaType, register, registration, send,
} from '../builders.js';
import type { ContractCase } from '../contract-types.js';

const totalsOf = (ctx: Parameters<ContractCase['run']>[0], article: string, token?: string | null) =>
  ctx.call(paths.claps('', article), token === undefined ? {} : { token });

export const clapCases: ContractCase[] = [
  {
    name: 'claps: PUT sets the absolute count, the highest rev wins, and both PUT and GET answer the totals',
    async run(ctx) {
      const a = articleId();
      const me = ctx.reader;
      assertSame(await clap(ctx, a, me.id, 5, 2), { total: 5, clappers: 1, mine: 5 }, 'first PUT');
      assertSame(await clap(ctx, a, me.id, 3, 1), { total: 5, clappers: 1, mine: 5 }, 'a lower rev changes nothing');
      assertSame(await clap(ctx, a, me.id, 5, 2), { total: 5, clappers: 1, mine: 5 }, 'a duplicate changes nothing');
      const other = ctx.newReader();
      assertSame(await clap(ctx, a, other.id, 2, 1, other.token), { total: 7, clappers: 2, mine: 2 }, "another reader's PUT");
      assertSame(await json(await totalsOf(ctx, a), 200, 'GET totals'), { total: 7, clappers: 2, mine: 5 }, 'GET totals');
      assertSame(await json(await totalsOf(ctx, a, ctx.editorToken), 200, 'editor GET'), { total: 7, clappers: 2, mine: 0 }, 'editor: mine is 0');
      assertSame(await json(await totalsOf(ctx, a, ctx.newReader().token), 200, 'unbound token'), { total: 7, clappers: 2, mine: 0 }, 'a token bound to nobody');
      assertSame(await clap(ctx, a, me.id, 0, 3), { total: 2, clappers: 1, mine: 0 }, 'undo to 0: no longer a clapper');
      assertSame(await json(await totalsOf(ctx, articleId('none')), 200, 'unknown article'), { total: 0, clappers: 0, mine: 0 }, 'an article nobody clapped for');
    },
  },
  {
    name: 'claps: the totals GET is conditional (weak ETag, 304 without a body) and a change makes a new ETag',
    async run(ctx) {
      const a = articleId();
      await clap(ctx, a, ctx.reader.id, 1, 1);
      const first = await totalsOf(ctx, a);
      await expectStatus(first, 200, 'GET totals');
      const etag = first.headers.get('ETag') ?? '';
      assert(etag.startsWith('W/"'), `a weak ETag, got ${etag}`);
      assert(first.headers.get('Cache-Control') === 'private, no-cache', 'Cache-Control: private, no-cache');
      const same = await ctx.call(paths.claps('', a), { headers: { 'If-None-Match': etag } });
      await expectStatus(same, 304, 'If-None-Match with the current ETag');
      assert((await same.text()) === '', 'a 304 has no body');
      assert(same.headers.get('ETag') === etag, 'a 304 repeats the ETag');
      await clap(ctx, a, ctx.reader.id, 2, 2);
      const changed = await ctx.call(paths.claps('', a), { headers: { 'If-None-Match': etag } });
      assertSame(await json(changed, 200, 'after a change'), { total: 2, clappers: 1, mine: 2 }, 'new totals');
      assert(changed.headers.get('ETag') !== etag, 'a new ETag');
      const otherView = await ctx.call(paths.claps('', a), { token: ctx.editorToken, headers: { 'If-None-Match': changed.headers.get('ETag')! } });
      await expectStatus(otherView, 200, 'another caller sees another `mine`, so another ETag');
    },
  },
  {
    name: "claps: a reader's own count GET answers {count, rev}, 404 where none; the editor may read it",
    async run(ctx) {
      const a = articleId();
      const me = ctx.reader;
      await clap(ctx, a, me.id, 4, 7);
      assertSame(await json(await ctx.call(paths.readerClaps('', a, me.id)), 200, 'own count'), { count: 4, rev: 7 }, 'own count');
      await expectError(await ctx.call(paths.readerClaps('', articleId('none'), me.id)), 404, 'not-found', 'no claps there');
      assertSame(await json(await editorGet(ctx, paths.readerClaps('', a, me.id)), 200, 'editor'), { count: 4, rev: 7 }, 'editor reads it');
      const unbound = ctx.newReader();
      await expectError(await ctx.call(paths.readerClaps('', a, unbound.id), { token: unbound.token }), 403, 'forbidden', 'a token not bound yet');
    },
  },
  {
    name: 'claps: malformed ids are 400, a wrong media type 415, a body over 1024 bytes 413, a bad count or rev 422',
    async run(ctx) {
      const a = articleId();
      const me = ctx.reader.id;
      const put = (body: unknown, type: string = MediaType.Json, article = a, reader = me) =>
        ctx.call(paths.readerClaps('', article, reader), send('PUT', type, body));
      await expectError(await put({ count: 1, rev: 1 }, MediaType.Json, a, 'not-a-uuid'), 400, 'invalid-reader-id', 'reader id');
      await expectError(await put({ count: 1, rev: 1 }, MediaType.Json, 'x'.repeat(129)), 400, 'invalid-article-id', 'article id of 129 characters');
      await expectError(await put({ count: 1, rev: 1 }, MediaType.Json, 'bad id!'), 400, 'invalid-article-id', 'article id with a space');
      await expectError(await ctx.call(paths.claps('', 'bad id!')), 400, 'invalid-article-id', 'totals of a bad article id');
      await expectError(await ctx.call(paths.readerClaps('', 'bad id!', me)), 400, 'invalid-article-id', 'reader claps of a bad article id');
      await expectError(await ctx.call(paths.readerClaps('', a, 'not-a-uuid')), 400, 'invalid-reader-id', 'reader claps of a bad reader id');
      await expectError(await put('{nope'), 400, 'invalid-json', 'not JSON');
      await expectError(await put({ count: 1, rev: 1 }, 'text/plain'), 415, 'unsupported-media-type', 'text/plain');
      await expectError(await put({ count: 1, rev: 1, pad: 'x'.repeat(1100) }), 413, 'too-large', 'over 1024 bytes');
      for (const body of [{ count: 51, rev: 1 }, { count: -1, rev: 1 }, { count: 1.5, rev: 1 }, { count: '3', rev: 1 }, { count: 1, rev: 0 }, { count: 1 }, [1, 1], null]) {
        await expectError(await put(body), 422, 'invalid-claps', JSON.stringify(body));
      }
      assertSame(await clap(ctx, a, me, 50, 1), { total: 50, clappers: 1, mine: 50 }, '50 is the most');
    },
  },
  {
    name: 'articles: PUT registers (201), again replaces (200), answering the registration as stored',
    async run(ctx) {
      const a = articleId();
      const first = registration(a);
      const created = await register(ctx, a, { ...first, extra: 'not stored' });
      assertSame(await json(created, 201, 'first registration'), first, 'answers the four members');
      const second = registration(a, [...first.paragraphs, 'A new closing line.'], 'The Press, revised');
      assertSame(await json(await register(ctx, a, second), 200, 'again'), second, 'the replacement');
      const detail = await json(await editorGet(ctx, paths.article('', a)), 200, 'editor detail');
      assertSame(detail.registration, second, 'the editor sees the latest registration');
      await expectStatus(await register(ctx, a, second), 200, 'the same again');
    },
  },
  {
    name: 'articles: malformed ids are 400, a wrong media type 415, over 1 MiB 413, a bad registration 422',
    async run(ctx) {
      const a = articleId();
      const good = registration(a);
      const put = (body: unknown, type: string = MediaType.Json, id = a) => ctx.call(paths.article('', id), send('PUT', type, body));
      await expectError(await put(good, MediaType.Json, 'bad id!'), 400, 'invalid-article-id', 'article id');
      await expectError(await put('{"title":'), 400, 'invalid-json', 'not JSON');
      await expectError(await put(good, 'text/html'), 415, 'unsupported-media-type', 'text/html');
      await expectError(await put({ ...good, paragraphs: ['x'.repeat(1024 * 1024)] }), 413, 'too-large', 'over 1 MiB');
      const bad = [
        { ...good, title: 'x'.repeat(501) }, { ...good, title: 7 }, { ...good, url: 'ftp://x.example/' }, { ...good, url: '/relative' },
        { ...good, textHash: 'x' }, { ...good, textHash: 'has space' }, { ...good, paragraphs: Array(2001).fill('p') },
        { ...good, paragraphs: [1] }, { ...good, paragraphs: 'p' }, [],
      ];
      for (const body of bad) await expectError(await put(body), 422, 'invalid-article', JSON.stringify(body).slice(0, 80));
      await expectStatus(await put({ ...good, title: 'x'.repeat(500), paragraphs: Array(2000).fill('p') }), 201, 'at the limits');
    },
  },
];
