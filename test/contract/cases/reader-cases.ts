import { paths } from '../../../src/sync/protocol.js';
import {
  annotationAt, articleId, assert, assertSame, clap, create, editorGet, expectError, expectStatus, json, moderate, send, stored, wire,
} from '../builders.js';
import type { ContractCase } from '../contract-types.js';

const readerAt = (id: string) => `/readers/${id}`;
const needs = ['readers' as const];

interface ReaderData {
  readerId: string;
  claps: Array<{ articleId: string; count: number; rev: number; updated: string }>;
  annotations: Array<{ id: string }>;
}

export const readerCases: ContractCase[] = [
  {
    name: "readers: GET answers the reader's claps and every annotation its token created, anonymous and hidden ones included",
    needs,
    async run(ctx) {
      const [a, b] = [articleId('export'), articleId('export')];
      const me = ctx.reader;
      await clap(ctx, a, me.id, 3, 1);
      await clap(ctx, b, me.id, 5, 2);
      const note = wire(a, { creator: me.id, note: 'Exported.' });
      const highlight = wire(b, { creator: me.id });
      const etag = await create(ctx, note);
      await create(ctx, highlight);
      await expectStatus(await moderate(ctx, note, 'hidden', etag), 200, 'hide the note');
      const other = ctx.newReader();
      await clap(ctx, a, other.id, 1, 1, other.token);
      const data = await json<ReaderData>(await ctx.call(readerAt(me.id)), 200, 'export');
      assert(data.readerId === me.id, 'the reader id');
      assertSame(data.claps.map(({ articleId: id, count, rev }) => ({ id, count, rev })).sort((x, y) => x.id.localeCompare(y.id)),
        [{ id: a, count: 3, rev: 1 }, { id: b, count: 5, rev: 2 }].sort((x, y) => x.id.localeCompare(y.id)), 'both clap records, nobody else\'s');
      assertSame(data.annotations.map((x) => x.id).sort(), [note.id, highlight.id].sort(), 'the note (hidden) and the anonymous highlight');
    },
  },
  {
    name: 'readers: DELETE removes the claps (and their log), the annotations and the binding; totals drop and the id is free again',
    needs,
    async run(ctx) {
      const a = articleId('forget');
      const me = ctx.reader;
      const other = ctx.newReader();
      await clap(ctx, a, me.id, 4, 1);
      await clap(ctx, a, other.id, 2, 1, other.token);
      const note = wire(a, { creator: me.id, note: 'Forget me.' });
      const highlight = wire(a, { creator: me.id });
      await create(ctx, note);
      await create(ctx, highlight);
      assertSame(await json(await ctx.call(readerAt(me.id), { method: 'DELETE' }), 200, 'delete'), { deleted: { claps: 1, annotations: 2 } }, 'what was deleted');
      assertSame(await json(await ctx.call(paths.claps('', a), { token: other.token }), 200, 'totals'), { total: 2, clappers: 1, mine: 2 }, 'the totals drop');
      for (const x of [note, highlight]) await expectError(await editorGet(ctx, annotationAt(x)), 404, 'not-found', 'the annotations are gone');
      const detail = await json(await editorGet(ctx, paths.article('', a)), 200, 'editor detail');
      assert(detail.stats.total === 2 && detail.stats.clappers === 1, 'the clap log no longer counts the reader');
      assertSame(await json(await ctx.call(readerAt(me.id), { method: 'DELETE' }), 200, 'again'), { deleted: { claps: 0, annotations: 0 } }, 'a second delete finds nothing');
      const newcomer = ctx.newReader();
      await clap(ctx, a, me.id, 1, 1, newcomer.token);
    },
  },
  {
    name: "readers: another reader's token and the editor token get 403, a bad id 400, no token 401",
    needs,
    async run(ctx) {
      const me = ctx.reader;
      await clap(ctx, articleId(), me.id, 1, 1);
      const other = ctx.newReader();
      await clap(ctx, articleId(), other.id, 1, 1, other.token);
      for (const method of ['GET', 'DELETE']) {
        await expectError(await ctx.call(readerAt(me.id), { method, token: other.token }), 403, 'forbidden', `${method} as another reader`);
        await expectError(await ctx.call(readerAt(me.id), { method, token: ctx.editorToken }), 403, 'forbidden', `${method} as the editor`);
        await expectError(await ctx.call(readerAt('not-a-uuid'), { method }), 400, 'invalid-reader-id', `${method} bad id`);
        await expectError(await ctx.call(readerAt(me.id), { method, token: null }), 401, 'unauthenticated', `${method} without a token`);
      }
      assert((await json<ReaderData>(await ctx.call(readerAt(me.id)), 200, 'still there')).claps.length === 1, 'nothing was deleted');
    },
  },
  {
    name: 'readers: a token that only made anonymous highlights (bound to no reader id) can export and delete them',
    needs,
    async run(ctx) {
      const me = ctx.reader;
      const highlight = wire(articleId('anon'), { creator: me.id });
      await create(ctx, highlight);
      const data = await json<ReaderData>(await ctx.call(readerAt(me.id)), 200, 'export');
      assertSame({ claps: data.claps, ids: data.annotations.map((x) => x.id) }, { claps: [], ids: [highlight.id] }, 'its highlight');
      assertSame(await json(await ctx.call(readerAt(me.id), { method: 'DELETE' }), 200, 'delete'), { deleted: { claps: 0, annotations: 1 } }, 'deleted');
      await expectError(await editorGet(ctx, annotationAt(highlight)), 404, 'not-found', 'gone');
    },
  },
  {
    name: 'readers: GET has no side effect: it binds nothing, so another token may still claim an unused reader id',
    needs,
    async run(ctx) {
      const me = ctx.reader;
      assertSame(await json(await ctx.call(readerAt(me.id)), 200, 'export of nothing'), { readerId: me.id, claps: [], annotations: [] }, 'empty');
      const other = ctx.newReader();
      await clap(ctx, articleId(), me.id, 1, 1, other.token);
    },
  },
  {
    name: 'readers: one token is one reader: a token bound to one reader id gets 403 writing for another',
    needs,
    async run(ctx) {
      const me = ctx.reader;
      const a = articleId();
      await clap(ctx, a, me.id, 1, 1);
      const second = ctx.newReader();
      await expectError(await ctx.call(paths.readerClaps('', a, second.id), send('PUT', 'application/json', { count: 1, rev: 1 })), 403, 'forbidden', 'a second reader id');
      await expectError(await ctx.call(readerAt(second.id)), 403, 'forbidden', 'the other id\'s data');
    },
  },
  {
    name: "readers: export and erase include an editor's import that names the reader as creator",
    needs,
    async run(ctx) {
      const me = ctx.reader;
      const a = articleId('imported');
      await clap(ctx, a, me.id, 2, 1);
      const note = stored(a, { creator: me.id, note: 'Imported from the old blog.' });
      const imported = await ctx.call('/review/import', send('POST', 'application/ld+json', { items: [note] }, { token: ctx.editorToken }));
      await expectStatus(imported, 200, 'import');
      const data = await json<ReaderData>(await ctx.call(readerAt(me.id)), 200, 'export');
      assertSame(data.annotations.map((x) => x.id), [note.id], 'the imported note');
      assertSame(await json(await ctx.call(readerAt(me.id), { method: 'DELETE' }), 200, 'delete'), { deleted: { claps: 1, annotations: 1 } }, 'deleted');
      await expectError(await editorGet(ctx, annotationAt(note)), 404, 'not-found', 'gone');
    },
  },
];
