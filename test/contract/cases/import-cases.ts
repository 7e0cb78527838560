import type { Annotation } from '../../../src/core/annotation.js';
import { paths, type ImportResult } from '../../../src/sync/protocol.js';
import {
  annotationAt, articleId, assert, assertSame, create, editorGet, expectError, expectStatus, json, MediaType, replace, send, stored,
} from '../builders.js';
import type { ContractCase, ContractContext } from '../contract-types.js';

const importing = (ctx: ContractContext, body: unknown, type: string = MediaType.Annotation) =>
  ctx.call(paths.import(''), send('POST', type, body, { token: ctx.editorToken }));

/** A note as another tool exported it: no visibility. */
function unmarkedNote(article: string, creator: string, note: string): Annotation {
  const a = stored(article, { creator, note });
  delete a['plaudit:visibility'];
  return a;
}

export const importCases: ContractCase[] = [
  {
    name: 'import: all applied in one transaction; importing the same file again changes nothing; changed content is updated',
    async run(ctx) {
      const a = articleId('import');
      const note = unmarkedNote(a, ctx.reader.id, 'Imported, no visibility.');
      const reviewed = { ...stored(a, { creator: ctx.reader.id, note: 'Was visible.' }), 'plaudit:status': 'visible' } as unknown as Annotation;
      const highlight = stored(a, { creator: ctx.reader.id, exact: 'clicks' });
      const items = [note, reviewed, highlight];
      assertSame(await json<ImportResult>(await importing(ctx, { items }), 200, 'import'), { created: 3, updated: 0, unchanged: 0, rejected: [] }, 'first import');
      assertSame(await json<ImportResult>(await importing(ctx, { items }), 200, 'again'), { created: 0, updated: 0, unchanged: 3, rejected: [] }, 'the same file again');
      const moved = { ...highlight, target: { ...highlight.target, selector: [{ type: 'TextQuoteSelector' as const, exact: 'The press' }] } };
      assertSame(await json<ImportResult>(await importing(ctx, { items: [note, reviewed, moved] }), 200, 'changed'), { created: 0, updated: 1, unchanged: 2, rejected: [] }, 'one changed');
      const storedNote = await json<Annotation>(await editorGet(ctx, annotationAt(note)), 200, 'editor GET');
      assertSame(storedNote, { ...note, 'plaudit:visibility': 'shared' }, 'a note without visibility is stored as shared');
      assert((await json(await editorGet(ctx, annotationAt(reviewed)), 200, 'editor GET'))['plaudit:status'] === 'reviewed', '"visible" is stored as "reviewed"');
      const etag = (await editorGet(ctx, annotationAt(note))).headers.get('ETag')!;
      await expectError(await ctx.call(annotationAt(note)), 403, 'forbidden', 'an imported annotation belongs to no reader: GET');
      await expectError(await replace(ctx, storedNote, etag), 403, 'forbidden', 'an imported annotation belongs to no reader: PUT');
      await expectError(await ctx.call(annotationAt(note), { method: 'DELETE', headers: { 'If-Match': '*' } }), 403, 'forbidden', 'nor DELETE');
    },
  },
  {
    name: "import: an imported version of a reader's annotation replaces it and keeps its owner",
    async run(ctx) {
      const note = stored(articleId('import-own'), { creator: ctx.reader.id, note: 'Written on the device.' });
      await create(ctx, note);
      const fixed = { ...note, body: { ...note.body!, value: 'Corrected by the editor.' } };
      assertSame(await json(await importing(ctx, { items: [fixed] }), 200, 'import'), { created: 0, updated: 1, unchanged: 0, rejected: [] }, 'updated');
      const mine = await ctx.call(annotationAt(note));
      assertSame(await json(mine, 200, 'the owner reads it'), fixed, 'the imported content');
      await expectStatus(await replace(ctx, note, mine.headers.get('ETag')!), 200, 'the owner may still replace it');
    },
  },
  {
    name: 'import: one invalid item rejects the whole import with 422 listing every rejected item, and nothing is stored',
    async run(ctx) {
      const a = articleId('import-bad');
      const valid = stored(a, { creator: ctx.reader.id, note: 'Fine.' });
      const privateNote = { ...stored(a, { creator: ctx.reader.id, note: 'Secret.' }), 'plaudit:visibility': 'private' };
      const noUrn = { ...stored(a, { creator: ctx.reader.id }), id: crypto.randomUUID() };
      const withConstructor = { ...stored(a, { creator: ctx.reader.id }), constructor: { prototype: {} } };
      const polluting = JSON.stringify(stored(a, { creator: ctx.reader.id })).replace(/^\{/, '{"__proto__":{"polluted":true},');
      const body = `{"items":[${[valid, privateNote, valid, noUrn, withConstructor].map((i) => JSON.stringify(i)).join(',')},${polluting}]}`;
      const answer = await json(await importing(ctx, body), 422, 'import with invalid items');
      assert(answer.error === 'invalid-import' && typeof answer.reason === 'string', 'the error body');
      assert(answer.created === 0 && answer.updated === 0 && answer.unchanged === 0, 'nothing applied');
      assertSame(answer.rejected.map((r: { index: number }) => r.index), [1, 2, 3, 4, 5], 'every invalid item, by index');
      assert(answer.rejected.every((r: { reason: unknown; id: unknown }) => typeof r.reason === 'string' && (typeof r.id === 'string' || r.id === null)), 'each with its id and reason');
      await expectError(await editorGet(ctx, annotationAt(valid)), 404, 'not-found', 'the valid item was not stored either');
      assertSame(await json(await importing(ctx, { items: [valid] }), 200, 'the valid one alone'), { created: 1, updated: 0, unchanged: 0, rejected: [] }, 'alone it imports');
    },
  },
  {
    name: 'import: a wrong media type is 415, not JSON 400, not {items: [...]} 422, over 50000 items or 20 MiB 413',
    async run(ctx) {
      await expectError(await importing(ctx, { items: [] }, 'text/csv'), 415, 'unsupported-media-type', 'text/csv');
      await expectError(await importing(ctx, '{"items": ['), 400, 'invalid-json', 'not JSON');
      for (const body of [{}, { items: {} }, [], { items: [], constructor: 1 }]) {
        await expectError(await importing(ctx, body), 422, 'invalid-import', JSON.stringify(body));
      }
      await expectError(await importing(ctx, `{"items":[${Array(50_001).fill('0').join(',')}]}`), 413, 'too-many-items', '50001 items');
      await expectError(await importing(ctx, `{"items":[],"pad":"${'x'.repeat(20 * 1024 * 1024)}"}`), 413, 'too-large', 'over 20 MiB');
      assertSame(await json(await importing(ctx, { items: [] }, MediaType.Json), 200, 'empty, as application/json'), { created: 0, updated: 0, unchanged: 0, rejected: [] }, 'an empty import');
    },
  },
];
