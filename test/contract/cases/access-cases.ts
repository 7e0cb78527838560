import { paths } from '../../../src/sync/protocol.js';
import {
  annotationAt, articleId, clap, create, everyOperation, expectError, expectStatus, MediaType, registration, send, wire,
} from '../builders.js';
import type { CallInit, ContractCase } from '../contract-types.js';

export const accessCases: ContractCase[] = [
  {
    name: 'access: no token, another scheme or a malformed token is 401 on every path',
    async run(ctx) {
      const article = articleId();
      for (const [what, path, init] of everyOperation(article, ctx.reader.id, crypto.randomUUID())) {
        await expectError(await ctx.call(path, { ...init, token: null }), 401, 'unauthenticated', `${what} without a token`);
      }
      const malformed = ['Basic YWxhZGRpbjpvcGVuc2VzYW1l', 'Bearer', 'Bearer short-token', `Bearer ${'a'.repeat(257)}`, `Bearer ${'a'.repeat(20)}!`, `Bearer ${'a'.repeat(20)} ${'b'.repeat(20)}`, ctx.reader.token];
      for (const authorization of malformed) {
        await expectError(await ctx.call(paths.claps('', article), { token: null, headers: { Authorization: authorization } }), 401, 'unauthenticated', `Authorization: ${authorization.slice(0, 30)}`);
      }
      await expectStatus(await ctx.call(paths.claps('', article), { token: 'A1._~+/=-'.repeat(2) }), 200, 'every token character is allowed');
      // RFC 9110 §11.1: the scheme is case-insensitive.
      await expectStatus(await ctx.call(paths.claps('', article), { token: null, headers: { Authorization: `bearer ${ctx.reader.token}` } }), 200, 'the scheme in lower case');
    },
  },
  {
    name: "access: another reader's token gets 403 on every reader path (claps, notes, highlights)",
    async run(ctx) {
      const article = articleId();
      const me = ctx.reader;
      await clap(ctx, article, me.id, 2, 1);
      const note = wire(article, { creator: me.id, note: 'Mine only.' });
      const highlight = wire(article, { creator: me.id });
      await create(ctx, note);
      await create(ctx, highlight);
      const other = ctx.newReader();
      await clap(ctx, articleId(), other.id, 1, 1, other.token);
      const as = { token: other.token };
      await expectError(await ctx.call(paths.readerClaps('', article, me.id), as), 403, 'forbidden', 'GET claps');
      await expectError(await ctx.call(paths.readerClaps('', article, me.id), send('PUT', MediaType.Json, { count: 50, rev: 9 }, as)), 403, 'forbidden', 'PUT claps');
      for (const a of [note, highlight]) {
        const kind = a.body ? 'note' : 'highlight';
        await expectError(await ctx.call(annotationAt(a), as), 403, 'forbidden', `GET ${kind}`);
        await expectError(await ctx.call(annotationAt(a), send('PUT', MediaType.Annotation, a, { ...as, headers: { 'If-Match': '*' } })), 403, 'forbidden', `PUT ${kind}`);
        await expectError(await ctx.call(annotationAt(a), { ...as, method: 'DELETE', headers: { 'If-Match': '*' } }), 403, 'forbidden', `DELETE ${kind}`);
      }
      await expectStatus(await ctx.call(paths.readerClaps('', article, me.id)), 200, 'the owner still may');
    },
  },
  {
    name: 'access: a reader token gets 403 on every editor path',
    async run(ctx) {
      const article = articleId();
      const note = wire(article, { creator: ctx.reader.id, note: 'Not moderated by readers.' });
      const etag = await create(ctx, note);
      const refused: Array<[string, string, CallInit]> = [
        ['GET /articles', '/articles', {}],
        ['GET /articles/{id}', paths.article('', article), {}],
        ['GET /review/annotations', '/review/annotations', {}],
        ['POST /review/import', paths.import(''), send('POST', MediaType.Annotation, { items: [] })],
        ['PATCH (even the author)', annotationAt(note), send('PATCH', MediaType.Json, { 'plaudit:status': 'reviewed' }, { headers: { 'If-Match': etag } })],
      ];
      for (const [what, path, init] of refused) await expectError(await ctx.call(path, init), 403, 'forbidden', what);
    },
  },
  {
    name: 'access: the editor token gets 403 on every reader write',
    async run(ctx) {
      const article = articleId();
      const note = wire(article, { creator: ctx.reader.id, note: 'A reader wrote this.' });
      await create(ctx, note);
      const as = { token: ctx.editorToken };
      await expectError(await ctx.call(paths.article('', article), send('PUT', MediaType.Json, registration(article), as)), 403, 'forbidden', 'register an article');
      await expectError(await ctx.call(paths.readerClaps('', article, ctx.newReader().id), send('PUT', MediaType.Json, { count: 1, rev: 1 }, as)), 403, 'forbidden', 'clap');
      const own = wire(article, { creator: ctx.newReader().id, note: 'As an editor?' });
      await expectError(await ctx.call(annotationAt(own), send('PUT', MediaType.Annotation, own, { ...as, headers: { 'If-None-Match': '*' } })), 403, 'forbidden', 'create an annotation');
      await expectError(await ctx.call(annotationAt(note), { ...as, method: 'DELETE', headers: { 'If-Match': '*' } }), 403, 'forbidden', "delete a reader's note");
    },
  },
];
