import type { Annotation } from '../../../src/core/annotation.js';
import {
  annotationAt, articleId, assert, assertSame, create, expectError, expectStatus, json, MediaType, moderate, replace, send, wire,
} from '../builders.js';
import type { ContractCase, ContractContext } from '../contract-types.js';

const patch = (ctx: ContractContext, a: Annotation | string, body: unknown, type: string, ifMatch = '*') =>
  ctx.call(annotationAt(a), send('PATCH', type, body, { token: ctx.editorToken, headers: { 'If-Match': ifMatch } }));

export const moderationCases: ContractCase[] = [
  {
    name: 'moderation: PATCH with If-Match sets the status with a new ETag; the same status again keeps it; "visible" is stored as "reviewed"',
    async run(ctx) {
      const note = wire(articleId(), { creator: ctx.reader.id, note: 'Moderate me.' });
      const created = await create(ctx, note);
      const hidden = await moderate(ctx, note, 'hidden', created);
      assertSame(await json(hidden, 200, 'hide'), { ...note, 'plaudit:status': 'hidden' }, 'answers the annotation with its status');
      const hiddenTag = hidden.headers.get('ETag')!;
      assert(hiddenTag && hiddenTag !== created, 'a new status is a new version');
      const again = await moderate(ctx, note, 'hidden', hiddenTag);
      await expectStatus(again, 200, 'the same status again');
      assert(again.headers.get('ETag') === hiddenTag, 'changes nothing: the same ETag');
      const visible = await moderate(ctx, note, 'visible', hiddenTag);
      assert((await json(visible, 200, '"visible"'))['plaudit:status'] === 'reviewed', '"visible" is the older name of "reviewed"');
      const back = await moderate(ctx, note, 'new', visible.headers.get('ETag')!);
      assert((await json(back, 200, 'back to new'))['plaudit:status'] === 'new', 'back to new');
    },
  },
  {
    name: 'moderation: 428 without If-Match, 412 with a stale one carrying current and its ETag, 404 for an unknown id',
    async run(ctx) {
      const note = wire(articleId(), { creator: ctx.reader.id, note: 'Contested.' });
      const first = await create(ctx, note);
      await expectError(await moderate(ctx, note, 'hidden'), 428, 'precondition-required', 'no If-Match');
      const edited = { ...note, modified: new Date(Date.parse(note.modified) + 1000).toISOString(), body: { ...note.body!, value: 'Edited by the reader.' } };
      const second = (await replace(ctx, edited, first)).headers.get('ETag')!;
      const stale = await moderate(ctx, note, 'hidden', first);
      const body = await json(stale, 412, 'stale If-Match');
      assert(body.error === 'precondition-failed' && typeof body.reason === 'string', 'the error body');
      assertSame(body.current, edited, "current is the reader's new version");
      assert(stale.headers.get('ETag') === second, "the 412's ETag is current's");
      await expectStatus(await moderate(ctx, note, 'hidden', second), 200, 'retried with the fresh ETag');
      await expectError(await moderate(ctx, crypto.randomUUID(), 'hidden', first), 404, 'not-found', 'unknown id');
      await expectError(await moderate(ctx, crypto.randomUUID(), 'hidden'), 404, 'not-found', 'unknown id without If-Match');
    },
  },
  {
    name: 'moderation: a bad id is 400, a body other than application/json 415, over 1024 bytes 413, not JSON 400, an unknown status 422',
    async run(ctx) {
      const note = wire(articleId(), { creator: ctx.reader.id, note: 'Checked.' });
      const etag = await create(ctx, note);
      const good = { 'plaudit:status': 'reviewed' };
      await expectError(await patch(ctx, 'not-a-uuid', good, MediaType.Json), 400, 'invalid-annotation-id', 'bad id');
      await expectError(await patch(ctx, note, good, 'application/merge-patch+json', etag), 415, 'unsupported-media-type', 'merge-patch');
      await expectError(await patch(ctx, note, good, MediaType.Annotation, etag), 415, 'unsupported-media-type', 'JSON-LD');
      await expectError(await patch(ctx, note, { ...good, pad: 'x'.repeat(1100) }, MediaType.Json, etag), 413, 'too-large', 'over 1024 bytes');
      await expectError(await patch(ctx, note, '{"plaudit:status"', MediaType.Json, etag), 400, 'invalid-json', 'not JSON');
      for (const body of [{ 'plaudit:status': 'deleted' }, {}, { status: 'hidden' }, []]) {
        await expectError(await patch(ctx, note, body, MediaType.Json, etag), 422, 'invalid-moderation', JSON.stringify(body));
      }
      await expectStatus(await patch(ctx, note, good, MediaType.Json, etag), 200, 'valid');
    },
  },
];
