import type { Annotation } from '../../../src/core/annotation.js';
import { annotationUuid } from '../../../src/sync/protocol.js';
import {
  annotationAt, articleId, assert, assertSame, create, editorGet, expectError, expectStatus, json, MediaType, moderate,
  replace, send, wire,
} from '../builders.js';
import type { ContractCase, ContractContext } from '../contract-types.js';

const later = (a: Annotation, change: Partial<Annotation> = {}): Annotation => ({ ...a, modified: new Date(Date.parse(a.modified) + 1000).toISOString(), ...change });
const del = (ctx: ContractContext, a: Annotation | string, ifMatch: string | null = '*', token?: string) =>
  ctx.call(annotationAt(a), { method: 'DELETE', headers: ifMatch === null ? {} : { 'If-Match': ifMatch }, ...(token === undefined ? {} : { token }) });
const get = (ctx: ContractContext, a: Annotation | string, token?: string) => ctx.call(annotationAt(a), token === undefined ? {} : { token });
const putRaw = (ctx: ContractContext, a: Annotation | string, body: unknown, headers: Record<string, string> = { 'If-None-Match': '*' }, type: string = MediaType.Annotation) =>
  ctx.call(annotationAt(a), send('PUT', type, body, { headers }));

export const annotationCases: ContractCase[] = [
  {
    name: 'annotations: create with If-None-Match: * (201, ETag, Link), read it back, replace with If-Match (200, new ETag), delete with If-Match: * (204), then 404',
    async run(ctx) {
      const note = wire(articleId(), { creator: ctx.reader.id, note: 'A line worth keeping.' });
      const created = await putRaw(ctx, note, note);
      assertSame(await json(created, 201, 'create'), note, 'answers the annotation as stored');
      const etag = created.headers.get('ETag')!;
      assert(/^"[^"]+"$/.test(etag), `a strong ETag, got ${etag}`);
      const read = await get(ctx, note);
      assertSame(await json(read, 200, 'GET'), note, 'GET answers it unchanged');
      assert(read.headers.get('ETag') === etag, 'GET answers the same ETag');
      const edited = later(note, { body: { ...note.body!, value: 'Edited.' } });
      const replaced = await replace(ctx, edited, etag);
      assertSame(await json(replaced, 200, 'replace'), edited, 'answers the new version');
      const etag2 = replaced.headers.get('ETag')!;
      assert(etag2 && etag2 !== etag, 'a new version has a new ETag');
      await expectStatus(await del(ctx, note), 204, 'DELETE If-Match: *');
      await expectError(await get(ctx, note), 404, 'not-found', 'GET after delete');
    },
  },
  {
    name: 'annotations: a 201 names the new annotation in Location, under the endpoint base',
    async run(ctx) {
      const highlight = wire(articleId(), { creator: ctx.reader.id });
      const created = await putRaw(ctx, highlight, highlight);
      await expectStatus(created, 201, 'create');
      const location = created.headers.get('Location') ?? '';
      const expected = `${ctx.base}/annotations/${annotationUuid(highlight.id)}`;
      const path = /^https?:\/\//.test(location) ? new URL(location).pathname : location;
      assert(path === expected, `Location should be ${expected} (or an absolute URL of it), got ${location}`);
    },
  },
  {
    name: 'annotations: a repeated create is 412 with an error body and the stored ETag; create after delete creates again with a new ETag',
    async run(ctx) {
      const note = wire(articleId(), { creator: ctx.reader.id, note: 'Twice?' });
      const etag = await create(ctx, note);
      const again = await putRaw(ctx, note, note);
      await expectError(again, 412, 'precondition-failed', 'repeated create');
      assert(again.headers.get('ETag') === etag, `the 412 carries the stored ETag (${etag}), got ${again.headers.get('ETag')}`);
      await expectStatus(await del(ctx, note), 204, 'delete');
      const recreated = await create(ctx, note);
      assert(recreated !== etag, 'a create after delete gets a new ETag');
      await expectStatus(await get(ctx, note), 200, 'it is back');
    },
  },
  {
    name: 'annotations: If-Match on an unknown id is 404, DELETE of an unknown id is 404, and a write without a precondition is 428',
    async run(ctx) {
      const note = wire(articleId(), { creator: ctx.reader.id, note: 'Never sent.' });
      await expectError(await replace(ctx, note, '"a1"'), 404, 'not-found', 'If-Match on an unknown id');
      await expectError(await replace(ctx, note, '*'), 404, 'not-found', 'If-Match: * on an unknown id');
      await expectError(await del(ctx, note), 404, 'not-found', 'DELETE of an unknown id');
      await expectError(await putRaw(ctx, note, note, {}), 428, 'precondition-required', 'PUT without a precondition');
      await expectError(await putRaw(ctx, note, note, { 'If-None-Match': '"x"' }), 428, 'precondition-required', 'If-None-Match with an ETag is not a create');
      const etag = await create(ctx, note);
      await expectError(await del(ctx, note, null), 428, 'precondition-required', 'DELETE without If-Match');
      await expectError(await putRaw(ctx, note, note, {}), 428, 'precondition-required', 'PUT of a stored id without a precondition');
      await expectStatus(await replace(ctx, later(note), etag), 200, 'with If-Match it works');
    },
  },
  {
    name: 'annotations: a stale If-Match is 412 with the stored ETag; GET then answers that version to merge, and a PUT with its ETag succeeds',
    async run(ctx) {
      const note = wire(articleId(), { creator: ctx.reader.id, note: 'From this tab.' });
      const first = await create(ctx, note);
      const fromOtherDevice = later(note, { body: { ...note.body!, value: 'From the other device.' } });
      const second = (await replace(ctx, fromOtherDevice, first)).headers.get('ETag')!;
      const stale = await replace(ctx, later(note, { body: { ...note.body!, value: 'Stale edit.' } }), first);
      await expectError(stale, 412, 'precondition-failed', 'stale If-Match');
      assert(stale.headers.get('ETag') === second, 'the 412 carries the ETag of the stored version');
      const current = await get(ctx, note);
      assertSame(await json(current, 200, 'GET to merge'), fromOtherDevice, 'the stored version');
      assert(current.headers.get('ETag') === second, 'with its ETag');
      const merged = later(fromOtherDevice, { body: { ...note.body!, value: 'Merged.' } });
      await expectStatus(await replace(ctx, merged, second), 200, 'PUT with the fresh ETag');
      await expectStatus(await replace(ctx, later(merged), `"nope", ${second}`), 412, 'If-Match lists ETags: none matches now');
    },
  },
  {
    name: 'annotations: DELETE honours a listed ETag (412 when stale, with the stored ETag) and If-Match: * deletes whatever version is stored',
    async run(ctx) {
      const note = wire(articleId(), { creator: ctx.reader.id, note: 'Moderated, then withdrawn.' });
      const first = await create(ctx, note);
      const hidden = await moderate(ctx, note, 'hidden', first);
      const hiddenTag = hidden.headers.get('ETag')!;
      await expectStatus(hidden, 200, 'moderated');
      const stale = await del(ctx, note, first);
      await expectError(stale, 412, 'precondition-failed', 'DELETE with a stale ETag');
      assert(stale.headers.get('ETag') === hiddenTag, 'the 412 carries the stored ETag');
      const deleted = await del(ctx, note, '*');
      await expectStatus(deleted, 204, 'If-Match: * deletes the moderated version too');
      assert((await deleted.text()) === '', 'a 204 has no body');
    },
  },
  {
    name: 'annotations: a highlight is sent without creator and is owned by the token that created it',
    async run(ctx) {
      const article = articleId();
      const highlight = wire(article, { creator: ctx.reader.id });
      assert(highlight.creator === undefined && highlight['plaudit:visibility'] === undefined, 'toWire sends a highlight without creator or visibility');
      const etag = await create(ctx, highlight);
      const other = ctx.newReader();
      await expectError(await get(ctx, highlight, other.token), 403, 'forbidden', 'another token reads it');
      await expectError(await replace(ctx, later(highlight), etag, other.token), 403, 'forbidden', 'another token replaces it');
      await expectError(await ctx.call(annotationAt(highlight), send('PUT', MediaType.Annotation, highlight, { token: other.token, headers: { 'If-None-Match': '*' } })), 403, 'forbidden', 'another token "creates" it');
      await expectError(await del(ctx, highlight, '*', other.token), 403, 'forbidden', 'another token deletes it');
      const mine = await json(await ctx.call(`/annotations/?article=${article}`), 200, "the owner's list");
      assert(mine.items.length === 1 && mine.items[0].id === highlight.id, 'the owner lists it');
      const theirs = await json(await ctx.call(`/annotations/?article=${article}`, { token: other.token }), 200, 'the other list');
      assert(theirs.partOf.total === 0, 'another token does not');
      const moved = later(highlight, { target: { ...highlight.target, selector: [{ type: 'TextQuoteSelector', exact: 'clicks' }] } });
      await expectStatus(await replace(ctx, moved, etag), 200, 'the owner replaces it');
      await expectStatus(await del(ctx, highlight), 204, 'the owner deletes it');
    },
  },
  {
    name: 'annotations: a note is refused unless marked shared, anything marked private is refused, a highlight carries no visibility',
    async run(ctx) {
      const article = articleId();
      const shared = wire(article, { creator: ctx.reader.id, note: 'Shared.' });
      const { 'plaudit:visibility': _, ...unmarked } = shared;
      const refused: Array<[string, unknown]> = [
        ['a note without visibility', { ...unmarked, id: `urn:uuid:${crypto.randomUUID()}` }],
        ['a private note', { ...shared, id: `urn:uuid:${crypto.randomUUID()}`, 'plaudit:visibility': 'private' }],
        ['a highlight marked private', { ...wire(article, { creator: ctx.reader.id }), 'plaudit:visibility': 'private' }],
      ];
      for (const [what, body] of refused) {
        await expectError(await putRaw(ctx, (body as Annotation).id, body), 422, 'invalid-annotation', what);
        await expectError(await get(ctx, (body as Annotation).id), 404, 'not-found', `${what} was not stored`);
      }
      await create(ctx, shared);
      await create(ctx, wire(article, { creator: ctx.reader.id }));
    },
  },
  {
    name: 'annotations: malformed ids are 400, a wrong media type 415, over 64 KiB 413, a malformed annotation 422',
    async run(ctx) {
      const article = articleId();
      const good = wire(article, { creator: ctx.reader.id, note: 'ok' });
      await expectError(await putRaw(ctx, 'not-a-uuid', good), 400, 'invalid-annotation-id', 'PUT');
      await expectError(await get(ctx, 'not-a-uuid'), 400, 'invalid-annotation-id', 'GET');
      await expectError(await del(ctx, 'not-a-uuid'), 400, 'invalid-annotation-id', 'DELETE');
      await expectError(await putRaw(ctx, good, '{"@context":'), 400, 'invalid-json', 'not JSON');
      await expectError(await putRaw(ctx, good, good, { 'If-None-Match': '*' }, 'text/plain'), 415, 'unsupported-media-type', 'text/plain');
      await expectError(await putRaw(ctx, good, good, { 'If-None-Match': '*' }, 'application/merge-patch+json'), 415, 'unsupported-media-type', 'merge-patch');
      await expectError(await putRaw(ctx, good, { ...good, body: { ...good.body!, value: 'x'.repeat(66_000) } }), 413, 'too-large', 'over 64 KiB');
      const q = good.target.selector[0]!;
      const bad: Array<[string, unknown]> = [
        ['another @context', { ...good, '@context': 'http://example.com/ctx' }],
        ['another type', { ...good, type: 'Note' }],
        ["an id other than the URL's", { ...good, id: `urn:uuid:${crypto.randomUUID()}` }],
        ['an id without urn:uuid:', { ...good, id: annotationUuid(good.id) }],
        ['an unknown motivation', { ...good, motivation: 'bookmarking' }],
        ['an unreadable created', { ...good, created: 'yesterday' }],
        ['no modified', { ...good, modified: undefined }],
        ['a creator that is not a UUID', { ...good, creator: 'reader-1' }],
        ['target.source not an article id', { ...good, target: { ...good.target, source: 'https://news.example/a b' } }],
        ['no selectors', { ...good, target: { ...good.target, selector: [] } }],
        ['nine selectors', { ...good, target: { ...good.target, selector: Array(9).fill(q) } }],
        ['an unknown selector', { ...good, target: { ...good.target, selector: [{ type: 'XPathSelector', value: '/p[1]' }] } }],
        ['an empty quote', { ...good, target: { ...good.target, selector: [{ type: 'TextQuoteSelector', exact: '' }] } }],
        ['a quote over 5000 characters', { ...good, target: { ...good.target, selector: [{ type: 'TextQuoteSelector', exact: 'x'.repeat(5001) }] } }],
        ['a position with end before start', { ...good, target: { ...good.target, selector: [{ type: 'TextPositionSelector', start: 5, end: 4 }] } }],
        ['a body that is not a TextualBody', { ...good, body: { type: 'Image', value: 'x' } }],
        ['a note over 10000 characters', { ...good, body: { ...good.body!, value: 'x'.repeat(10_001) } }],
        ['an array', [good]],
      ];
      for (const [what, body] of bad) await expectError(await putRaw(ctx, good, body), 422, 'invalid-annotation', what);
      const atLimits = { ...good, body: { ...good.body!, value: 'x'.repeat(10_000) }, target: { ...good.target, selector: Array(8).fill({ type: 'TextQuoteSelector', exact: 'y'.repeat(5000) }) } };
      await expectStatus(await putRaw(ctx, good, atLimits), 201, 'at the limits');
    },
  },
  {
    name: "annotations: a note's creator binds the reader id to the token; another token naming it gets 403",
    async run(ctx) {
      const article = articleId();
      await create(ctx, wire(article, { creator: ctx.reader.id, note: 'Mine.' }));
      const other = ctx.newReader();
      const impostor = wire(article, { creator: ctx.reader.id, note: 'Pretending.' });
      const refused = await ctx.call(annotationAt(impostor), send('PUT', MediaType.Annotation, impostor, { token: other.token, headers: { 'If-None-Match': '*' } }));
      await expectError(refused, 403, 'forbidden', "a note naming another reader's id");
      await expectError(await get(ctx, impostor), 404, 'not-found', 'nothing was stored');
      await create(ctx, wire(article, { creator: other.id, note: 'Theirs.' }), other.token);
    },
  },
  {
    name: "annotations: plaudit:status in a reader's PUT is ignored (absent means new) and the server's status survives the reader's edits",
    async run(ctx) {
      const note = wire(articleId(), { creator: ctx.reader.id, note: 'Please hide me?' });
      const created = await putRaw(ctx, note, { ...note, 'plaudit:status': 'hidden' });
      const body = await json(created, 201, 'create with a status');
      assert(!('plaudit:status' in body), `no status is stored from a reader, got ${body['plaudit:status']}`);
      const reviewed = await moderate(ctx, note, 'reviewed', created.headers.get('ETag')!);
      await expectStatus(reviewed, 200, 'moderate');
      const edit = await replace(ctx, later(note, { 'plaudit:status': 'new' }), reviewed.headers.get('ETag')!);
      assert((await json(edit, 200, 'reader edit'))['plaudit:status'] === 'reviewed', 'the server keeps its status');
    },
  },
  {
    name: 'annotations: the editor may read any annotation, but neither PUT nor DELETE one (403)',
    async run(ctx) {
      const note = wire(articleId(), { creator: ctx.reader.id, note: 'Read by the editor.' });
      const etag = await create(ctx, note);
      const read = await get(ctx, note, ctx.editorToken);
      assertSame(await json(read, 200, 'editor GET'), note, 'the editor reads it');
      assert(read.headers.get('ETag') === etag, 'with its ETag');
      await expectError(await replace(ctx, later(note), etag, ctx.editorToken), 403, 'forbidden', 'editor PUT');
      await expectError(await del(ctx, note, '*', ctx.editorToken), 403, 'forbidden', 'editor DELETE');
      await expectStatus(await get(ctx, note), 200, 'still there');
    },
  },
  {
    name: 'annotations: UUIDs are case-insensitive in the URL and the id',
    async run(ctx) {
      const uuid = crypto.randomUUID();
      const note = wire(articleId(), { creator: ctx.reader.id, note: 'Upper case.', id: uuid.toUpperCase() });
      await expectStatus(await putRaw(ctx, uuid.toUpperCase(), note), 201, 'upper-case URL and id');
      const read = await get(ctx, uuid);
      assertSame(await json(read, 200, 'lower-case GET'), note, 'the same annotation');
      await expectError(await putRaw(ctx, uuid, note), 412, 'precondition-failed', 'a create with the other case is the same id');
    },
  },
  {
    name: 'annotations: SQL metacharacters in article ids and notes round-trip unchanged, and never widen a filter',
    async run(ctx) {
      const tag = crypto.randomUUID().slice(0, 8);
      const underscore = `sql_${tag}`;
      const lookalike = `sqlX${tag}`;
      const dashes = `x--${tag}.~_`;
      const texts = [
        "'); DROP TABLE annotations; --",
        '100% _sure_ \\ \\\\ "quoted" `tick` $1 $$ ${x} ?; /* */ %s',
        'A control \u0001 inside, line\u2028separator, tab\tand newline\n.',
        'Emoji 👏🏽 and a ZWJ 👩‍💻, Hebrew שלום, combining é',
      ];
      const created: Annotation[] = [];
      for (const [i, value] of texts.entries()) {
        const note = wire([underscore, lookalike, dashes, underscore][i]!, { creator: ctx.reader.id, note: value, exact: 'It is' });
        const answer = await putRaw(ctx, note, note);
        assertSame(await json(answer, 201, `create ${JSON.stringify(value)}`), note, 'the PUT answers it unchanged');
        assertSame(await json(await get(ctx, note), 200, 'GET'), note, `${JSON.stringify(value)} round-trips`);
        created.push(note);
      }
      // NUL has no place in text (PostgreSQL cannot store it): refused with a clear reason, nothing stored.
      const nul = wire(underscore, { creator: ctx.reader.id, note: 'NUL \u0000 inside', exact: 'It is' });
      await expectError(await putRaw(ctx, nul, nul), 422, 'invalid-text', 'a NUL character');
      await expectError(await get(ctx, nul), 404, 'not-found', 'the NUL note was not stored');
      const list = await json(await editorGet(ctx, `/annotations/?article=${underscore}`), 200, 'the editor lists one article');
      assert(list.partOf.total === 2, `"_" is not a wildcard: ${underscore} has 2, got ${list.partOf.total}`);
      assertSame(list.items.map((a: Annotation) => a.id).sort(), [created[0]!.id, created[3]!.id].sort(), 'the right two');
      const own = await json(await ctx.call(`/annotations/?article=${dashes}`), 200, "the reader's list");
      assertSame(own.items, [created[2]], "'--' and '~' in an article id");
    },
  },
];
