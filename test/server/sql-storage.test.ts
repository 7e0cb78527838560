// The SQL storage's contract (src/endpoint/storage.ts), the same tests on
// PGlite and, when DATABASE_URL is set, on PostgreSQL. Concurrency,
// migrations and persistence are in sql-concurrency.test.ts.
import { strict as assert } from 'node:assert';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { IMPORT_OWNER } from '../../src/endpoint/storage.js';
import { hashToken } from '../../src/endpoint/tokens.js';
import { SqlStorage } from '../../src/server/sql/sql-storage.js';
import { backends, dumpTables, open, type Opened } from './sql-backends.js';
import { CREATE, newReader, note, registration, replacing, T0 } from './sql-fixtures.js';

const AT = new Date(T0).toISOString();

for (const backend of backends()) {
  describe(`SqlStorage on ${backend.name}`, { skip: backend.skip }, () => {
    let db: Opened;
    let storage: SqlStorage;
    beforeEach(async () => {
      db = await open(backend);
      storage = db.storage;
      storage.clock = () => T0;
    });
    afterEach(() => db.close());
    after(() => backend.end());

    it('binds a reader id to one token, and a token to one reader id', async () => {
      const [a, b] = [await newReader(), await newReader()];
      assert.equal(await storage.bindReader(a.id, a.hash), true);
      assert.equal(await storage.bindReader(a.id, a.hash), true, 'again: already bound to it');
      assert.equal(await storage.bindReader(a.id, b.hash), false, 'another token holds the id');
      assert.equal(await storage.bindReader(b.id, a.hash), false, 'this token holds another id');
      assert.equal(await storage.readerForToken(a.hash), a.id);
      assert.equal(await storage.tokenOfReader(a.id), a.hash);
      assert.equal(await storage.readerForToken(b.hash), null);
      assert.equal(await storage.tokenOfReader(b.id), null);
    });

    it('keeps the clap write with the highest rev, logs each change of count, and totals the stored counts', async () => {
      const [r, other] = [await newReader(), await newReader()];
      assert.deepEqual(await storage.putClaps('s1', r.id, { count: 3, rev: 2 }), { total: 3, clappers: 1, mine: 3 });
      assert.deepEqual(await storage.putClaps('s1', r.id, { count: 9, rev: 1 }), { total: 3, clappers: 1, mine: 3 }, 'older rev: ignored');
      assert.deepEqual(await storage.putClaps('s1', r.id, { count: 9, rev: 2 }), { total: 3, clappers: 1, mine: 3 }, 'same rev: ignored');
      await storage.putClaps('s1', r.id, { count: 3, rev: 3 });
      assert.deepEqual(await storage.putClaps('s1', other.id, { count: 5, rev: 1 }), { total: 8, clappers: 2, mine: 5 });
      assert.deepEqual(await storage.putClaps('s1', r.id, { count: 0, rev: 4 }), { total: 5, clappers: 1, mine: 0 });
      assert.deepEqual(await storage.totals('s1', null), { total: 5, clappers: 1, mine: 0 });
      assert.deepEqual(await storage.totals('s1', other.id), { total: 5, clappers: 1, mine: 5 });
      assert.deepEqual(await storage.totals('nothing-here', r.id), { total: 0, clappers: 0, mine: 0 });
      assert.deepEqual(await storage.readerClaps('s1', r.id), { articleId: 's1', readerId: r.id, count: 0, rev: 4, updated: AT });
      assert.equal(await storage.readerClaps('s2', r.id), undefined);
      const log = (await storage.snapshot()).clapLog;
      assert.deepEqual(log, [
        { articleId: 's1', readerId: r.id, at: AT, delta: 3 },
        { articleId: 's1', readerId: other.id, at: AT, delta: 5 },
        { articleId: 's1', readerId: r.id, at: AT, delta: -3 },
      ], 'rev 3 kept the count: no entry');
    });

    it('registers an article: false the first time, true after, the latest registration kept', async () => {
      assert.equal(await storage.putArticle('s1', registration('First')), false);
      storage.clock = () => T0 + 1000;
      assert.equal(await storage.putArticle('s1', registration('Second')), true);
      assert.deepEqual((await storage.snapshot()).articles, [
        { id: 's1', registration: registration('Second'), registered: new Date(T0 + 1000).toISOString() },
      ]);
    });

    it('creates, replaces and deletes an annotation only on its conditions, with a new ETag each version', async () => {
      const [r, other] = [await newReader(), await newReader()];
      const uuid = crypto.randomUUID();
      const created = await storage.putAnnotation(uuid, note(uuid, { text: 'v1' }), r.hash, CREATE);
      assert.equal(created.status, 201);
      const v1 = created.status === 201 ? created.stored : assert.fail();
      assert.deepEqual(v1, { uuid, articleId: 'story-1', annotation: note(uuid, { text: 'v1', creator: v1.annotation.creator }), etag: v1.etag, owner: r.hash });
      assert.match(v1.etag, /^"a[0-9a-z]+"$/);
      assert.deepEqual(await storage.getAnnotation(uuid), v1);

      assert.deepEqual(await storage.putAnnotation(uuid, note(uuid), r.hash, CREATE), { status: 412, etag: v1.etag });
      assert.deepEqual(await storage.putAnnotation(uuid, note(uuid), other.hash, CREATE), { status: 403 });
      assert.deepEqual(await storage.putAnnotation(uuid, note(uuid), other.hash, replacing(v1.etag)), { status: 403 });
      assert.deepEqual(await storage.putAnnotation(uuid, note(uuid), r.hash, replacing('"a0"')), { status: 412, etag: v1.etag });
      assert.deepEqual(await storage.putAnnotation(uuid, note(uuid), r.hash, replacing(`W/${v1.etag}`)), { status: 412, etag: v1.etag }, 'weak never matches');
      assert.deepEqual(await storage.putAnnotation(uuid, note(uuid), r.hash, { ifMatch: null, ifNoneMatch: null }), { status: 428 });
      const missing = crypto.randomUUID();
      assert.deepEqual(await storage.putAnnotation(missing, note(missing), r.hash, replacing('*')), { status: 404 });

      const replaced = await storage.putAnnotation(uuid, note(uuid, { text: 'v2', target: { source: 'story-2', selector: [] } }), r.hash, replacing(`"a0", ${v1.etag}`));
      const v2 = replaced.status === 200 ? replaced.stored : assert.fail(`status ${replaced.status}`);
      assert.notEqual(v2.etag, v1.etag);
      assert.equal(v2.articleId, 'story-2', 'the article follows target.source');
      assert.deepEqual(await storage.getAnnotation(uuid), v2);
      const v3 = await storage.putAnnotation(uuid, note(uuid, { text: 'v3' }), r.hash, replacing('*'));
      assert.equal(v3.status, 200);
      const etag3 = v3.status === 200 ? v3.stored.etag : '';

      assert.deepEqual(await storage.deleteAnnotation(missing, r.hash, '*'), { status: 404 });
      assert.deepEqual(await storage.deleteAnnotation(uuid, other.hash, '*'), { status: 403 });
      assert.deepEqual(await storage.deleteAnnotation(uuid, r.hash, null), { status: 428 });
      assert.deepEqual(await storage.deleteAnnotation(uuid, r.hash, v1.etag), { status: 412, etag: etag3 });
      assert.deepEqual(await storage.deleteAnnotation(uuid, r.hash, etag3), { status: 204, etag: etag3 });
      assert.equal(await storage.getAnnotation(uuid), undefined);

      const again = await storage.putAnnotation(uuid, note(uuid), other.hash, CREATE);
      assert.equal(again.status, 201, 'a deleted id may be created again, by anyone');
      assert.ok(again.status === 201 && ![v1.etag, v2.etag, etag3].includes(again.stored.etag), 'ETags are never reused');
    });

    it('keeps the stored moderation status when the owner writes: a reader cannot set it', async () => {
      const r = await newReader();
      const uuid = crypto.randomUUID();
      const created = await storage.putAnnotation(uuid, note(uuid, { 'plaudit:status': 'reviewed' }), r.hash, CREATE);
      const v1 = created.status === 201 ? created.stored : assert.fail();
      assert.equal(v1.annotation['plaudit:status'], undefined);
      const hidden = await storage.moderate(uuid, 'hidden', v1.etag);
      const v2 = hidden.status === 200 ? hidden.stored : assert.fail();
      const edited = await storage.putAnnotation(uuid, note(uuid, { text: 'edited', 'plaudit:status': 'reviewed' }), r.hash, replacing(v2.etag));
      assert.equal(edited.status === 200 && edited.stored.annotation['plaudit:status'], 'hidden');
    });

    it('moderates on If-Match; the status it already has is a 200 with no new version', async () => {
      const r = await newReader();
      const uuid = crypto.randomUUID();
      const created = await storage.putAnnotation(uuid, note(uuid, { text: 'n' }), r.hash, CREATE);
      const v1 = created.status === 201 ? created.stored : assert.fail();
      const missing = crypto.randomUUID();
      assert.deepEqual(await storage.moderate(missing, 'hidden', '*'), { status: 404 });
      assert.deepEqual(await storage.moderate(uuid, 'hidden', null), { status: 428 });
      assert.deepEqual(await storage.moderate(uuid, 'hidden', '"a0"'), { status: 412, current: v1 });
      assert.deepEqual(await storage.moderate(uuid, 'new', v1.etag), { status: 200, stored: v1 }, 'absent means new');
      const version = await storage.version();
      const reviewed = await storage.moderate(uuid, 'reviewed', v1.etag);
      const v2 = reviewed.status === 200 ? reviewed.stored : assert.fail();
      assert.notEqual(v2.etag, v1.etag);
      assert.deepEqual(v2.annotation, { ...v1.annotation, 'plaudit:status': 'reviewed' });
      assert.equal(v2.owner, r.hash);
      assert.notEqual(await storage.version(), version);
      assert.deepEqual(await storage.moderate(uuid, 'reviewed', v2.etag), { status: 200, stored: v2 });
      assert.deepEqual(await storage.getAnnotation(uuid), v2);
    });

    it('lists annotations oldest first (created, then uuid), by article, owner and hidden', async () => {
      const [a, b] = [await newReader(), await newReader()];
      const ids = ['00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
      const times = ['2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z', '2026-01-02T00:00:00.000Z'];
      for (const [i, uuid] of ids.entries()) {
        const source = i === 1 ? 'story-2' : 'story-1';
        const result = await storage.putAnnotation(uuid, note(uuid, { created: times[i]!, target: { source, selector: [] } }), i === 0 ? a.hash : b.hash, CREATE);
        assert.equal(result.status, 201);
      }
      const earliest = '00000000-0000-4000-8000-000000000009';
      await storage.putAnnotation(earliest, note(earliest, { created: '2026-01-01T00:00:00.000Z' }), b.hash, CREATE);
      const hidden = await storage.getAnnotation(earliest);
      await storage.moderate(earliest, 'hidden', hidden!.etag);

      const list = async (articleId: string | null, owner: string | null, includeHidden: boolean) =>
        (await storage.listAnnotations({ articleId, owner, includeHidden })).map((s) => s.uuid.slice(-1));
      assert.deepEqual(await list(null, null, true), ['9', '2', '3', '1']);
      assert.deepEqual(await list(null, null, false), ['2', '3', '1']);
      assert.deepEqual(await list('story-1', null, true), ['9', '2', '3']);
      assert.deepEqual(await list('story-1', b.hash, true), ['9', '2']);
      assert.deepEqual(await list(null, a.hash, false), ['3']);
      assert.deepEqual(await list('story-3', null, true), []);
      assert.deepEqual((await storage.snapshot()).annotations.map((s) => s.uuid.slice(-1)), ['9', '2', '3', '1']);
    });

    it('imports in one transaction: new ids created as imports, same content unchanged, other content updated keeping its owner', async () => {
      const r = await newReader();
      const [mine, fresh] = [crypto.randomUUID(), crypto.randomUUID()];
      const created = await storage.putAnnotation(mine, note(mine, { text: 'mine' }), r.hash, CREATE);
      const v1 = created.status === 201 ? created.stored : assert.fail();
      // The same content with its keys in another order is unchanged (canonical JSON).
      const reordered = Object.fromEntries(Object.entries(v1.annotation).reverse()) as typeof v1.annotation;
      assert.deepEqual(await storage.importAnnotations([reordered]), { created: 0, updated: 0, unchanged: 1 });
      assert.deepEqual(await storage.getAnnotation(mine), v1);

      const counts = await storage.importAnnotations([note(fresh, { text: 'imported' }), { ...v1.annotation, 'plaudit:status': 'reviewed' }]);
      assert.deepEqual(counts, { created: 1, updated: 1, unchanged: 0 });
      const updated = await storage.getAnnotation(mine);
      assert.equal(updated?.owner, r.hash, 'keeps its owner');
      assert.equal(updated?.annotation['plaudit:status'], 'reviewed', 'an import sets the status');
      assert.notEqual(updated?.etag, v1.etag);
      assert.equal((await storage.getAnnotation(fresh))?.owner, IMPORT_OWNER);

      // A failure applies nothing: here the database refuses an id that is no UUID.
      const version = await storage.version();
      const never = crypto.randomUUID();
      await assert.rejects(storage.importAnnotations([note(never), { ...note(never), id: 'urn:uuid:not-a-uuid' }]));
      assert.equal(await storage.getAnnotation(never), undefined);
      assert.equal(await storage.version(), version);
      assert.deepEqual(await storage.importAnnotations([]), { created: 0, updated: 0, unchanged: 0 });
    });

    it('changes version() with every change of what the snapshot holds, and only then', async () => {
      const [r, other] = [await newReader(), await newReader()];
      const uuid = crypto.randomUUID();
      let etag = '';
      const steps: Array<[string, boolean, () => Promise<unknown>]> = [
        ['bind a reader', true, () => storage.bindReader(r.id, r.hash)],
        ['bind again', false, () => storage.bindReader(r.id, r.hash)],
        ['refused binding', false, () => storage.bindReader(r.id, other.hash)],
        ['clap', true, () => storage.putClaps('s1', r.id, { count: 2, rev: 1 })],
        ['stale clap', false, () => storage.putClaps('s1', r.id, { count: 7, rev: 1 })],
        ['new rev, same count', true, () => storage.putClaps('s1', r.id, { count: 2, rev: 2 })],
        ['register', true, () => storage.putArticle('s1', registration())],
        ['register the same again', true, () => storage.putArticle('s1', registration())],
        ['create', true, async () => (etag = (await storage.putAnnotation(uuid, note(uuid), r.hash, CREATE)).status === 201 ? (await storage.getAnnotation(uuid))!.etag : '')],
        ['refused create', false, () => storage.putAnnotation(uuid, note(uuid), r.hash, CREATE)],
        ['stale replace', false, () => storage.putAnnotation(uuid, note(uuid), r.hash, replacing('"a0"'))],
        ['moderate', true, async () => (etag = ((await storage.moderate(uuid, 'hidden', etag)) as { stored: { etag: string } }).stored.etag)],
        ['moderate to the same', false, () => storage.moderate(uuid, 'hidden', etag)],
        ['unchanged import', false, async () => storage.importAnnotations([(await storage.getAnnotation(uuid))!.annotation])],
        ['import', true, () => storage.importAnnotations([note(crypto.randomUUID())])],
        ['reads', false, async () => [await storage.snapshot(), await storage.listAnnotations({ articleId: null, owner: null, includeHidden: true }), await storage.readerData(r.id, r.hash), await storage.reviewSecret()]],
        ['editor token', false, () => storage.createEditorToken('Ed')],
        ['delete', true, async () => storage.deleteAnnotation(uuid, r.hash, (await storage.getAnnotation(uuid))!.etag)],
        ['delete the reader', true, () => storage.deleteReader(r.id, r.hash)],
      ];
      let before = await storage.version();
      for (const [name, changes, step] of steps) {
        await step();
        const now = await storage.version();
        if (changes) assert.notEqual(now, before, `${name} changes the version`);
        else assert.equal(now, before, `${name} leaves the version`);
        const snapshot = await storage.snapshot();
        assert.equal(snapshot.version, now, `${name}: the snapshot's version`);
        before = now;
      }
    });

    it('takes a snapshot of everything, in order', async () => {
      const [a, b] = [await newReader(), await newReader()];
      await storage.bindReader(a.id, a.hash);
      await storage.bindReader(b.id, b.hash);
      await storage.putClaps('s2', a.id, { count: 1, rev: 1 });
      await storage.putClaps('s1', b.id, { count: 4, rev: 1 });
      await storage.putArticle('s2', registration('Two'));
      await storage.putArticle('s1', registration('One'));
      const uuid = crypto.randomUUID();
      await storage.putAnnotation(uuid, note(uuid), a.hash, CREATE);
      const snapshot = await storage.snapshot();
      assert.deepEqual(snapshot.readers, [{ readerId: a.id, tokenHash: a.hash }, { readerId: b.id, tokenHash: b.hash }].sort((x, y) => (x.readerId < y.readerId ? -1 : 1)));
      assert.deepEqual(snapshot.claps, [
        { articleId: 's1', readerId: b.id, count: 4, rev: 1, updated: AT },
        { articleId: 's2', readerId: a.id, count: 1, rev: 1, updated: AT },
      ]);
      assert.deepEqual(snapshot.clapLog.map((c) => c.articleId), ['s2', 's1'], 'in the order written');
      assert.deepEqual(snapshot.articles.map((x) => x.id), ['s1', 's2']);
      assert.deepEqual(snapshot.annotations, [await storage.getAnnotation(uuid)]);
      assert.equal(snapshot.version, await storage.version());
    });

    it('answers and erases all of a reader: claps and their log, annotations by token or naming them, the binding', async () => {
      const [r, other] = [await newReader(), await newReader()];
      await storage.bindReader(r.id, r.hash);
      await storage.bindReader(other.id, other.hash);
      await storage.putClaps('s1', r.id, { count: 2, rev: 1 });
      await storage.putClaps('s2', r.id, { count: 1, rev: 1 });
      await storage.putClaps('s1', other.id, { count: 5, rev: 1 });
      const [own, named, theirs] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
      await storage.putAnnotation(own, note(own, { created: '2026-01-02T00:00:00.000Z' }), r.hash, CREATE);
      await storage.importAnnotations([note(named, { creator: r.id.toUpperCase(), created: '2026-01-01T00:00:00.000Z' })]);
      await storage.putAnnotation(theirs, note(theirs), other.hash, CREATE);

      const data = await storage.readerData(r.id, r.hash);
      assert.equal(data.readerId, r.id);
      assert.deepEqual(data.claps, [{ articleId: 's1', count: 2, rev: 1, updated: AT }, { articleId: 's2', count: 1, rev: 1, updated: AT }]);
      assert.deepEqual(data.annotations.map((a) => a.id), [`urn:uuid:${named}`, `urn:uuid:${own}`]);

      assert.deepEqual(await storage.deleteReader(r.id, r.hash), { claps: 2, annotations: 2 });
      assert.deepEqual(await storage.readerData(r.id, r.hash), { readerId: r.id, claps: [], annotations: [] });
      const snapshot = await storage.snapshot();
      assert.deepEqual(snapshot.readers, [{ readerId: other.id, tokenHash: other.hash }]);
      assert.deepEqual(snapshot.claps.map((c) => c.readerId), [other.id]);
      assert.deepEqual(snapshot.clapLog.map((c) => c.readerId), [other.id]);
      assert.deepEqual(snapshot.annotations.map((a) => a.uuid), [theirs]);
      assert.deepEqual(await storage.totals('s1', null), { total: 5, clappers: 1, mine: 0 });
      assert.equal(await storage.bindReader(r.id, r.hash), true, 'the id is free again');
    });

    it('keeps a binding held by another token when a reader is erased', async () => {
      const [r, other] = [await newReader(), await newReader()];
      await storage.bindReader(r.id, other.hash);
      assert.deepEqual(await storage.deleteReader(r.id, r.hash), { claps: 0, annotations: 0 });
      assert.equal(await storage.tokenOfReader(r.id), other.hash);
    });

    it('issues editor tokens, stores only their hashes, and revokes them by id or name', async () => {
      const ann = await storage.createEditorToken('Ann');
      const bob = await storage.createEditorToken('Bob');
      assert.match(ann.token, /^pe_[A-Za-z0-9_-]{43}$/);
      assert.equal(await storage.isEditor(await hashToken(ann.token)), true);
      assert.equal(await storage.isEditor(await hashToken('pe_not-a-token-at-all')), false);
      assert.equal(await storage.isEditor(ann.token), false, 'the clear token is not a hash');
      await assert.rejects(storage.createEditorToken('42'), /not a number/);
      await assert.rejects(storage.createEditorToken(' '), /name/);

      storage.clock = () => T0 + 60_000;
      assert.equal(await storage.revokeEditorToken(String(ann.id)), true);
      assert.equal(await storage.revokeEditorToken(String(ann.id)), false, 'already revoked');
      assert.equal(await storage.isEditor(await hashToken(ann.token)), false);
      assert.equal(await storage.isEditor(await hashToken(bob.token)), true);
      assert.equal(await storage.revokeEditorToken('Bob'), true);
      assert.equal(await storage.revokeEditorToken('Nobody'), false);
      assert.equal(await storage.revokeEditorToken('999999'), false);
      assert.deepEqual(await storage.listEditorTokens(), [
        { id: ann.id, name: 'Ann', created: AT, revoked: new Date(T0 + 60_000).toISOString() },
        { id: bob.id, name: 'Bob', created: AT, revoked: new Date(T0 + 60_000).toISOString() },
      ]);
    });

    it('stores no token in clear: a dump of every table holds only hashes', async () => {
      const r = await newReader();
      const editor = await storage.createEditorToken('Ed');
      await storage.bindReader(r.id, r.hash);
      const uuid = crypto.randomUUID();
      await storage.putAnnotation(uuid, note(uuid), r.hash, CREATE);
      await storage.reviewSecret();
      const dump = await dumpTables(db.client);
      assert.ok(dump.includes(r.hash) && dump.includes(await hashToken(editor.token)), 'the dump holds the hashes');
      assert.ok(!dump.includes(r.token), 'no reader token');
      assert.ok(!dump.includes(editor.token) && !dump.includes(editor.token.slice(3)), 'no editor token');
    });

    it('round-trips ids and text full of SQL metacharacters unchanged', async () => {
      const r = await newReader();
      const nasty = `'; DROP TABLE plaudit_annotations; -- \\' \\\\ "q" $1 $$ %s %_ ?; /* */ E'\\x41' \u00e9\u{1F44F} \t\n`;
      const article = `s'; DROP TABLE x; --\\$1`;
      const uuid = crypto.randomUUID();
      const annotation = note(uuid, { text: nasty, target: { source: article, selector: [{ type: 'TextQuoteSelector', exact: nasty, prefix: '$2', suffix: "'" }] } });
      const created = await storage.putAnnotation(uuid, annotation, r.hash, CREATE);
      assert.equal(created.status, 201);
      assert.deepEqual((await storage.getAnnotation(uuid))?.annotation, annotation);
      assert.deepEqual((await storage.listAnnotations({ articleId: article, owner: r.hash, includeHidden: false })).map((a) => a.annotation), [annotation]);
      assert.equal(await storage.putArticle(article, { ...registration(nasty), paragraphs: [nasty] }), false);
      await storage.putClaps(article, r.id, { count: 4, rev: 1 });
      assert.deepEqual(await storage.totals(article, r.id), { total: 4, clappers: 1, mine: 4 });
      const snapshot = await storage.snapshot();
      assert.deepEqual(snapshot.articles, [{ id: article, registration: { ...registration(nasty), paragraphs: [nasty] }, registered: AT }]);
      assert.equal(snapshot.clapLog[0]?.articleId, article);
      assert.deepEqual(await storage.importAnnotations([annotation]), { created: 0, updated: 0, unchanged: 1 });
      assert.equal(await storage.revokeEditorToken(nasty), false);
      assert.equal(await storage.readerForToken(nasty), null);
    });

    it('keeps annotation keys in their written order (@context first)', async () => {
      const r = await newReader();
      const uuid = crypto.randomUUID();
      const annotation = note(uuid, { text: 'order' });
      await storage.putAnnotation(uuid, annotation, r.hash, CREATE);
      assert.deepEqual(Object.keys((await storage.getAnnotation(uuid))!.annotation), Object.keys(annotation));
    });

    it('makes the review secret once and keeps it', async () => {
      const secret = await storage.reviewSecret();
      assert.match(secret, /^[0-9a-f]{32}$/);
      assert.equal(await new SqlStorage(db.client).reviewSecret(), secret, 'another storage over the same database');
    });
  });
}
