// The SQL storage under concurrent requests, its migrations, and its data
// surviving a close: PGlite (in memory; a data directory for persistence) and,
// when DATABASE_URL is set, PostgreSQL with a pool of 10 connections.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import type { Snapshot, WriteResult } from '../../src/endpoint/storage.js';
import { hashToken } from '../../src/endpoint/tokens.js';
import { migrate, MIGRATIONS } from '../../src/server/sql/migrations.js';
import { openStorage } from '../../src/server/sql/open-storage.js';
import type { SqlStorage } from '../../src/server/sql/sql-storage.js';
import { backends, open, urlWithSchema, type Backend, type Opened } from './sql-backends.js';
import { CREATE, newReader, note, registration, shuffled } from './sql-fixtures.js';

/** Within one consistent snapshot every reader's stored count is the sum of their logged changes. */
function assertLogMatchesCounts(snapshot: Snapshot): void {
  const logged = new Map<string, number>();
  for (const c of snapshot.clapLog) logged.set(`${c.articleId} ${c.readerId}`, (logged.get(`${c.articleId} ${c.readerId}`) ?? 0) + c.delta);
  for (const c of snapshot.claps) assert.equal(logged.get(`${c.articleId} ${c.readerId}`) ?? 0, c.count, `${c.readerId}'s log sums to the count`);
}

for (const backend of backends()) {
  describe(`SqlStorage under concurrency on ${backend.name}`, { skip: backend.skip }, () => {
    let db: Opened;
    let storage: SqlStorage;
    beforeEach(async () => {
      db = await open(backend);
      storage = db.storage;
      // Every pooled connection open before the races start, so they overlap (else the first commit lands before the next connects).
      await Promise.all(Array.from({ length: 10 }, () => db.client.query('SELECT pg_sleep(0.02)')));
    });
    afterEach(() => db.close());
    after(() => backend.end());

    it('answers simultaneous creates of one id with exactly one 201; the rest get 412 (same owner) or 403', async () => {
      const [a, b] = [await newReader(), await newReader()];
      const pair = crypto.randomUUID();
      const two = await Promise.all([a, a].map((r) => storage.putAnnotation(pair, note(pair), r.hash, CREATE)));
      assert.deepEqual(two.map((x) => x.status).sort(), [201, 412]);
      const winner = two.find((x): x is Extract<WriteResult, { stored: unknown }> => x.status === 201)!;
      assert.deepEqual(two.find((x) => x.status === 412), { status: 412, etag: winner.stored.etag });

      const uuid = crypto.randomUUID();
      const owners = shuffled([a, a, a, a, a, b, b, b, b, b]);
      const results = await Promise.all(owners.map((r) => storage.putAnnotation(uuid, note(uuid), r.hash, CREATE)));
      const created = results.flatMap((x, i) => (x.status === 201 ? [{ owner: owners[i]!, etag: x.stored.etag }] : []));
      assert.equal(created.length, 1, 'one create wins');
      results.forEach((x, i) => {
        if (x.status === 201) return;
        if (owners[i] === created[0]!.owner) assert.deepEqual(x, { status: 412, etag: created[0]!.etag });
        else assert.deepEqual(x, { status: 403 });
      });
    });

    it('ends 200 concurrent clap writes with shuffled revs at the highest rev, the log and totals agreeing with the counts', async () => {
      const r = await newReader();
      const revs = shuffled(Array.from({ length: 200 }, (_, i) => i + 1));
      const answers = await Promise.all(revs.map((rev) => storage.putClaps('one', r.id, { count: rev % 51, rev })));
      for (const a of answers) assert.ok(a.total === a.mine && a.clappers <= 1);
      const stored = await storage.readerClaps('one', r.id);
      assert.deepEqual([stored?.rev, stored?.count], [200, 200 % 51]);

      const readers = await Promise.all(Array.from({ length: 20 }, () => newReader()));
      const writes = shuffled(readers.flatMap((reader, i) => Array.from({ length: 10 }, (_, rev) => ({ reader, count: (i + rev * 7) % 51, rev: rev + 1 }))));
      const totals = await Promise.all(writes.map((w) => storage.putClaps('many', w.reader.id, { count: w.count, rev: w.rev })));
      for (const t of totals) assert.ok(t.total >= t.mine && t.total <= 50 * t.clappers && t.clappers <= 20);
      const expected = readers.map((_, i) => (i + 9 * 7) % 51);
      assert.deepEqual(await storage.totals('many', null), {
        total: expected.reduce((s, n) => s + n, 0),
        clappers: expected.filter((n) => n > 0).length,
        mine: 0,
      });
      const snapshot = await storage.snapshot();
      assert.deepEqual(snapshot.claps.filter((c) => c.articleId === 'many').map((c) => c.rev), readers.map(() => 10));
      assertLogMatchesCounts(snapshot);
    });

    it('lets an import race readers creating the same ids: each id ends created by one and updated by the other', async () => {
      const r = await newReader();
      const ids = Array.from({ length: 20 }, () => crypto.randomUUID());
      const [counts, ...answers] = await Promise.all([
        storage.importAnnotations(ids.map((id) => note(id, { text: 'imported' }))),
        ...ids.map((id) => storage.putAnnotation(id, note(id, { text: 'the reader' }), r.hash, CREATE)),
      ]);
      const readerFirst = answers.map((a) => a.status === 201);
      assert.ok(answers.every((a) => a.status === 201 || a.status === 403), 'the import owns what it created first');
      assert.deepEqual(counts, { created: readerFirst.filter((x) => !x).length, updated: readerFirst.filter((x) => x).length, unchanged: 0 });
      for (const [i, id] of ids.entries()) {
        const stored = await storage.getAnnotation(id);
        assert.equal(stored?.owner, readerFirst[i] ? r.hash : 'import');
        assert.equal(stored?.annotation.body?.value, 'imported', 'the import came last or first, and its content stands');
      }
    });

    it('gives snapshots read during writes one content per version, each consistent in itself', async () => {
      const readers = await Promise.all(Array.from({ length: 5 }, () => newReader()));
      const seen = new Map<string, string>();
      let writing = true;
      const reads = (async () => {
        while (writing) {
          const { version, ...content } = await storage.snapshot();
          assertLogMatchesCounts({ version, ...content });
          const text = JSON.stringify(content);
          assert.equal(seen.get(version) ?? text, text, `version ${version} stands for one content`);
          seen.set(version, text);
        }
      })();
      const writes = shuffled(readers.flatMap((reader) => Array.from({ length: 20 }, (_, rev) => ({ reader, rev: rev + 1 }))));
      await Promise.all([
        ...writes.map((w) => storage.putClaps('s1', w.reader.id, { count: w.rev % 7, rev: w.rev })),
        ...readers.map(async (reader) => {
          await storage.bindReader(reader.id, reader.hash);
          const uuid = crypto.randomUUID();
          const created = await storage.putAnnotation(uuid, note(uuid), reader.hash, CREATE);
          if (created.status === 201) await storage.moderate(uuid, 'reviewed', created.stored.etag);
        }),
        storage.putArticle('s1', registration()),
      ]);
      writing = false;
      await reads;
      const { version, ...content } = await storage.snapshot();
      assert.equal(seen.get(version) ?? JSON.stringify(content), JSON.stringify(content));
      assert.equal(content.claps.length, readers.length);
      assert.ok(content.claps.every((c) => c.rev === 20 && c.count === 20 % 7), 'the highest revs');
    });

    it('counts a change made by hand in SQL: the version comes from triggers, not from the storage code', async () => {
      const r = await newReader();
      await storage.putClaps('s1', r.id, { count: 3, rev: 1 });
      const before = await storage.version();
      // As an operator's psql would: another search path, the table named with its schema.
      await db.client.transaction(async (tx) => {
        await tx.query('SET LOCAL search_path TO pg_catalog');
        await tx.query(`UPDATE "${db.schema}".plaudit_claps SET count = $1 WHERE reader_id = $2`, [1, r.id]);
      });
      assert.notEqual(await storage.version(), before);
      const unchanged = await storage.version();
      await db.client.query('UPDATE plaudit_claps SET count = $1 WHERE reader_id = $2', [1, crypto.randomUUID()]);
      assert.equal(await storage.version(), unchanged, 'an update of no rows is no change');
      await db.client.query('DELETE FROM plaudit_clap_log');
      assert.notEqual(await storage.version(), unchanged);
    });
  });

}

for (const backend of backends()) {
  describe(`Migrations on ${backend.name}`, { skip: backend.skip }, () => {
    after(() => backend.end());

    it('applies each migration once when two processes start at once, and nothing on a restart', async () => {
      const blank = await backend.blank();
      try {
        const [one, two] = [blank.connect(), blank.connect()];
        const applied = await Promise.all([migrate(one), migrate(two)]);
        assert.deepEqual(applied.flat().sort(), MIGRATIONS.map((m) => m.version));
        const rows = await one.query<{ version: number }>('SELECT version FROM plaudit_migrations ORDER BY version');
        assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
        assert.deepEqual(await migrate(blank.connect()), []);
      } finally {
        await blank.close();
      }
    });

    if (backend.name === 'PostgreSQL') {
      it('opens a PostgreSQL from its URL and finds its data again after a close', async () => {
        await persists(backend, (schema) => openStorage({ databaseUrl: urlWithSchema(schema), poolSize: 3 }));
      });
    }
  });
}

describe('SqlStorage on PGlite in a data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-sql-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the directory and finds everything again after a close', async () => {
    await persists(null, () => openStorage({ dataDir: join(dir, 'data', 'pglite') }));
  });
});

/** Writes one of everything, closes, reopens: the same snapshot, version, secret and editor; ETags keep counting. */
async function persists(backend: Backend | null, openIt: (schema: string) => ReturnType<typeof openStorage>): Promise<void> {
  const blank = backend ? await backend.blank() : null;
  try {
    const first = await openIt(blank?.schema ?? '');
    const r = await newReader();
    await first.storage.bindReader(r.id, r.hash);
    await first.storage.putClaps('s1', r.id, { count: 4, rev: 1 });
    await first.storage.putArticle('s1', registration());
    const uuid = crypto.randomUUID();
    const created = await first.storage.putAnnotation(uuid, note(uuid, { text: 'kept' }), r.hash, CREATE);
    const editor = await first.storage.createEditorToken('Ed');
    const secret = await first.storage.reviewSecret();
    const snapshot = await first.storage.snapshot();
    await first.close();

    const second = await openIt(blank?.schema ?? '');
    try {
      assert.deepEqual(await second.storage.snapshot(), snapshot);
      assert.equal(await second.storage.version(), snapshot.version);
      assert.equal(await second.storage.reviewSecret(), secret);
      assert.equal(await second.storage.isEditor(await hashToken(editor.token)), true);
      assert.deepEqual(await migrate(second.storage.db), [], 'nothing left to migrate');
      const again = crypto.randomUUID();
      const next = await second.storage.putAnnotation(again, note(again), r.hash, CREATE);
      assert.ok(created.status === 201 && next.status === 201 && next.stored.etag !== created.stored.etag);
    } finally {
      await second.close();
    }
  } finally {
    await blank?.close();
  }
}
