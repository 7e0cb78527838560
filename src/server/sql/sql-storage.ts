/**
 * `EndpointStorage` over SQL: the same statements on PGlite and PostgreSQL
 * (`sql-client.ts`), the schema in `migrations.ts`. It behaves as the mock's
 * IndexedDB storage does (`demo/mock-endpoint`).
 *
 * Isolation: writes run at READ COMMITTED and get their guarantees from row
 * locks, not from SERIALIZABLE (under which every clap write, reading its
 * story's totals, would conflict with every other). A conditional annotation
 * write locks the row (`FOR UPDATE`) before it checks owner and ETag; a create
 * inserts with `ON CONFLICT DO NOTHING`, and when a concurrent create got
 * there first the transaction is run again and answers 412 (or 403). A clap
 * write is one upsert that keeps the higher `rev` and logs the change of count
 * in the same statement. Reads that span several statements (`snapshot`,
 * `readerData`) run at REPEATABLE READ, so they see one moment.
 */
import type { Annotation } from '../../core/annotation.js';
import type { ArticleRegistration, ClapTotals, ModerationStatus } from '../../core/review-types.js';
import { canonicalJson } from '../../endpoint/canonical-json.js';
import { etagMatches } from '../../endpoint/etags.js';
import {
  IMPORT_OWNER,
  type ClapWrite, type EndpointStorage, type ImportCounts, type ModerateResult, type ReaderData,
  type ReaderDeletion, type Snapshot, type StoredAnnotation, type StoredClaps, type WriteResult,
} from '../../endpoint/storage.js';
import {
  insertAnnotations, lockAnnotation, lockAnnotations, nextEtag, nextEtags, updateAnnotations, withStatusOf,
} from './annotation-writes.js';
import { createEditorToken, isLiveEditorToken, listEditorTokens, revokeEditorToken, type EditorToken } from './editor-tokens.js';
import { migrate } from './migrations.js';
import { RetryTransaction, type SqlClient } from './sql-client.js';
import {
  ANNOTATION_COLUMNS, ARTICLE_COLUMNS, CLAP_CHANGE_COLUMNS, CLAPS_COLUMNS, toAnnotation, toArticle, toClapChange, toClaps, toTotals,
  type AnnotationRow, type ArticleRow, type ClapChangeRow, type ClapsRow, type TotalsRow,
} from './sql-rows.js';

export type { EditorToken };

/**
 * An accepted write replaces the row and remembers the count it replaced
 * (`prev_count`, 0 for a new row); a write with a `rev` not above the stored
 * one changes nothing. The row lock the upsert takes orders concurrent
 * writes, so any arrival order ends with the highest `rev`.
 */
/**
 * A clap write in one statement (atomic, one round trip): the upsert kept only
 * for a higher revision, its change of count logged, and the story's totals
 * after it. The totals' sub-selects see the table as the statement began, so
 * this reader's count comes from the upsert (or, when the revision was stale,
 * from the stored row).
 */
const PUT_CLAPS = `
WITH put AS (
  INSERT INTO plaudit_claps AS c (article_id, reader_id, count, rev, updated) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (article_id, reader_id) DO UPDATE
    SET count = EXCLUDED.count, rev = EXCLUDED.rev, updated = EXCLUDED.updated, prev_count = c.count
    WHERE c.rev < EXCLUDED.rev
  RETURNING count, count - prev_count AS delta
), logged AS (
  INSERT INTO plaudit_clap_log (article_id, reader_id, at, delta) SELECT $1, $2, $5, delta FROM put WHERE delta <> 0
), others AS (
  -- One scan of the story's rows; this reader's stored row is left out, its count comes from the upsert.
  SELECT coalesce(sum(count) FILTER (WHERE reader_id <> $2), 0) AS total,
    count(*) FILTER (WHERE count > 0 AND reader_id <> $2) AS clappers,
    max(count) FILTER (WHERE reader_id = $2) AS stored
  FROM plaudit_claps WHERE article_id = $1
), mine AS (
  SELECT coalesce((SELECT count FROM put), (SELECT stored FROM others), 0) AS count
)
SELECT others.total + mine.count AS total, others.clappers + (mine.count > 0)::int AS clappers, mine.count AS mine FROM others, mine`;

const TOTALS = `
SELECT coalesce(sum(count), 0) AS total, count(*) FILTER (WHERE count > 0) AS clappers,
  coalesce(sum(count) FILTER (WHERE reader_id = $2), 0) AS mine
FROM plaudit_claps WHERE article_id = $1`;

/**
 * The rows of `plaudit_changes` (one per committed transaction that changed
 * what the snapshot reads, written by triggers, never deleted) and this
 * database's instance id. The set of those rows a transaction sees only grows
 * from one snapshot to a later one, so the count differs exactly when a
 * change has committed in between, whatever order concurrent transactions
 * took their ids or committed in. A `max(id)` would miss a transaction that
 * drew a lower id and committed later, sums of sequence numbers can
 * coincide, and a counter row bumped by every write would serialise them all.
 */
const VERSION = `
SELECT (SELECT value FROM plaudit_meta WHERE key = 'instance') AS instance, (SELECT count(*) FROM plaudit_changes) AS changes`;

/** A reader's annotations (`$1` the reader id, `$2` the token hash): made with their token, or naming them as creator. */
const THE_READERS = '(owner = $2 OR creator = $1::text)';

const uuidOf = (annotation: Annotation): string => annotation.id.slice('urn:uuid:'.length).toLowerCase();

export class SqlStorage implements EndpointStorage {
  /** The server's clock (tests set a fixed one). */
  clock: () => number = Date.now;
  #secret: Promise<string> | null = null;

  constructor(readonly db: SqlClient) {}

  /** Applies the migrations the database lacks, then opens the storage over it. */
  static async open(db: SqlClient): Promise<SqlStorage> {
    await migrate(db);
    return new SqlStorage(db);
  }

  now(): number {
    return this.clock();
  }

  async readerForToken(tokenHash: string): Promise<string | null> {
    const [row] = await this.db.query<{ reader_id: string }>('SELECT reader_id FROM plaudit_readers WHERE token_hash = $1', [tokenHash]);
    return row?.reader_id ?? null;
  }

  async tokenOfReader(readerId: string): Promise<string | null> {
    const [row] = await this.db.query<{ token_hash: string }>('SELECT token_hash FROM plaudit_readers WHERE reader_id = $1', [readerId]);
    return row?.token_hash ?? null;
  }

  async bindReader(readerId: string, tokenHash: string): Promise<boolean> {
    // Usually bound already: one read.
    const known = await this.tokenOfReader(readerId);
    if (known !== null) return known === tokenHash;
    await this.db.query('INSERT INTO plaudit_readers (reader_id, token_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING', [readerId, tokenHash]);
    // A separate statement sees a binding a concurrent request committed while the insert waited on it.
    return (await this.tokenOfReader(readerId)) === tokenHash;
  }

  isEditor(tokenHash: string): Promise<boolean> {
    return isLiveEditorToken(this.db, tokenHash);
  }

  async putClaps(articleId: string, readerId: string, write: ClapWrite): Promise<ClapTotals> {
    const [row] = await this.db.query<TotalsRow>(PUT_CLAPS, [articleId, readerId, write.count, write.rev, this.#isoNow()]);
    return toTotals(row!);
  }

  async totals(articleId: string, readerId: string | null): Promise<ClapTotals> {
    const [row] = await this.db.query<TotalsRow>(TOTALS, [articleId, readerId]);
    return toTotals(row!);
  }

  async readerClaps(articleId: string, readerId: string): Promise<StoredClaps | undefined> {
    const [row] = await this.db.query<ClapsRow>(
      `SELECT ${CLAPS_COLUMNS} FROM plaudit_claps WHERE article_id = $1 AND reader_id = $2`, [articleId, readerId]);
    return row && toClaps(row);
  }

  putArticle(id: string, registration: ArticleRegistration): Promise<boolean> {
    const values = [id, JSON.stringify(registration), this.#isoNow()];
    return this.db.transaction(async (tx) => {
      const inserted = await tx.query(
        'INSERT INTO plaudit_articles (id, registration, registered) VALUES ($1, $2::json, $3) ON CONFLICT (id) DO NOTHING RETURNING id', values);
      if (inserted.length > 0) return false;
      const updated = await tx.query('UPDATE plaudit_articles SET registration = $2::json, registered = $3 WHERE id = $1 RETURNING id', values);
      if (updated.length === 0) throw new RetryTransaction(`article ${id} was deleted meanwhile`);
      return true;
    });
  }

  async getAnnotation(uuid: string): Promise<StoredAnnotation | undefined> {
    const [row] = await this.db.query<AnnotationRow>(`SELECT ${ANNOTATION_COLUMNS} FROM plaudit_annotations WHERE uuid = $1`, [uuid]);
    return row && toAnnotation(row);
  }

  async listAnnotations(query: { articleId: string | null; owner: string | null; includeHidden: boolean }): Promise<StoredAnnotation[]> {
    const where = ['true'];
    const params: unknown[] = [];
    if (query.articleId !== null) where.push(`article_id = $${params.push(query.articleId)}`);
    if (query.owner !== null) where.push(`owner = $${params.push(query.owner)}`);
    if (!query.includeHidden) where.push(`(annotation->>'plaudit:status') IS DISTINCT FROM 'hidden'`);
    const rows = await this.db.query<AnnotationRow>(
      `SELECT ${ANNOTATION_COLUMNS} FROM plaudit_annotations WHERE ${where.join(' AND ')} ORDER BY created, uuid`, params);
    return rows.map(toAnnotation);
  }

  putAnnotation(
    uuid: string,
    annotation: Annotation,
    owner: string,
    condition: { ifMatch: string | null; ifNoneMatch: string | null },
  ): Promise<WriteResult> {
    return this.db.transaction(async (tx): Promise<WriteResult> => {
      const stored = await lockAnnotation(tx, uuid);
      if (stored && stored.owner !== owner) return { status: 403 };
      if (condition.ifNoneMatch === '*') {
        if (stored) return { status: 412, etag: stored.etag };
        const next = { uuid, articleId: annotation.target.source, annotation: withStatusOf(annotation, null), etag: await nextEtag(tx), owner };
        await insertAnnotations(tx, [next]);
        return { status: 201, stored: next };
      }
      if (condition.ifMatch) {
        if (!stored) return { status: 404 };
        if (!etagMatches(condition.ifMatch, stored.etag)) return { status: 412, etag: stored.etag };
        const next = { ...stored, articleId: annotation.target.source, annotation: withStatusOf(annotation, stored), etag: await nextEtag(tx) };
        await updateAnnotations(tx, [next]);
        return { status: 200, stored: next };
      }
      return { status: 428 };
    });
  }

  deleteAnnotation(uuid: string, owner: string, ifMatch: string | null): Promise<WriteResult> {
    return this.db.transaction(async (tx): Promise<WriteResult> => {
      const stored = await lockAnnotation(tx, uuid);
      if (!stored) return { status: 404 };
      if (stored.owner !== owner) return { status: 403 };
      if (!ifMatch) return { status: 428 };
      if (!etagMatches(ifMatch, stored.etag)) return { status: 412, etag: stored.etag };
      await tx.query('DELETE FROM plaudit_annotations WHERE uuid = $1', [uuid]);
      return { status: 204, etag: stored.etag };
    });
  }

  moderate(uuid: string, status: ModerationStatus, ifMatch: string | null): Promise<ModerateResult> {
    return this.db.transaction(async (tx): Promise<ModerateResult> => {
      const stored = await lockAnnotation(tx, uuid);
      if (!stored) return { status: 404 };
      if (!ifMatch) return { status: 428 };
      if (!etagMatches(ifMatch, stored.etag)) return { status: 412, current: stored };
      if ((stored.annotation['plaudit:status'] ?? 'new') === status) return { status: 200, stored };
      const next = { ...stored, annotation: { ...stored.annotation, 'plaudit:status': status }, etag: await nextEtag(tx) };
      await updateAnnotations(tx, [next]);
      return { status: 200, stored: next };
    });
  }

  importAnnotations(items: readonly Annotation[]): Promise<ImportCounts> {
    return this.db.transaction(async (tx) => {
      const stored = await lockAnnotations(tx, items.map(uuidOf));
      const changed = items.filter((a) => {
        const previous = stored.get(uuidOf(a));
        return !previous || canonicalJson(previous.annotation) !== canonicalJson(a);
      });
      const etags = await nextEtags(tx, changed.length);
      const next = changed.map((annotation, i): StoredAnnotation => ({
        uuid: uuidOf(annotation),
        articleId: annotation.target.source,
        annotation,
        etag: etags[i]!,
        owner: stored.get(uuidOf(annotation))?.owner ?? IMPORT_OWNER,
      }));
      const created = next.filter((a) => !stored.has(a.uuid));
      await insertAnnotations(tx, created);
      await updateAnnotations(tx, next.filter((a) => stored.has(a.uuid)));
      return { created: created.length, updated: next.length - created.length, unchanged: items.length - next.length };
    });
  }

  async version(): Promise<string> {
    return versionIn(this.db);
  }

  /** The cheapest round trip, for `/healthz`. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  snapshot(): Promise<Snapshot> {
    return this.db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const version = await versionIn(tx);
      const readers = await tx.query<{ reader_id: string; token_hash: string }>(
        'SELECT reader_id, token_hash FROM plaudit_readers ORDER BY reader_id');
      const claps = await tx.query<ClapsRow>(`SELECT ${CLAPS_COLUMNS} FROM plaudit_claps ORDER BY article_id COLLATE "C", reader_id`);
      const clapLog = await tx.query<ClapChangeRow>(`SELECT ${CLAP_CHANGE_COLUMNS} FROM plaudit_clap_log ORDER BY id`);
      const articles = await tx.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM plaudit_articles ORDER BY id COLLATE "C"`);
      const annotations = await tx.query<AnnotationRow>(`SELECT ${ANNOTATION_COLUMNS} FROM plaudit_annotations ORDER BY created, uuid`);
      return {
        version,
        readers: readers.map((r) => ({ readerId: r.reader_id, tokenHash: r.token_hash })),
        claps: claps.map(toClaps),
        clapLog: clapLog.map(toClapChange),
        articles: articles.map(toArticle),
        annotations: annotations.map(toAnnotation),
      };
    });
  }

  reviewSecret(): Promise<string> {
    this.#secret ??= this.#loadSecret().catch((error: unknown) => {
      this.#secret = null;
      throw error;
    });
    return this.#secret;
  }

  readerData(readerId: string, tokenHash: string): Promise<ReaderData> {
    return this.db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const claps = await tx.query<ClapsRow>(
        `SELECT ${CLAPS_COLUMNS} FROM plaudit_claps WHERE reader_id = $1 ORDER BY article_id COLLATE "C"`, [readerId]);
      const annotations = await tx.query<{ annotation: Annotation }>(
        `SELECT annotation FROM plaudit_annotations WHERE ${THE_READERS} ORDER BY created, uuid`, [readerId, tokenHash]);
      return {
        readerId,
        claps: claps.map(toClaps).map(({ articleId, count, rev, updated }) => ({ articleId, count, rev, updated })),
        annotations: annotations.map((r) => r.annotation),
      };
    });
  }

  /** One statement: PostgreSQL runs every data-modifying `WITH` to completion, all or nothing. */
  async deleteReader(readerId: string, tokenHash: string): Promise<ReaderDeletion> {
    const [row] = await this.db.query<{ claps: number | string; annotations: number | string }>(`
      WITH claps AS (DELETE FROM plaudit_claps WHERE reader_id = $1 RETURNING 1),
        log AS (DELETE FROM plaudit_clap_log WHERE reader_id = $1 RETURNING 1),
        annotations AS (DELETE FROM plaudit_annotations WHERE ${THE_READERS} RETURNING 1),
        binding AS (DELETE FROM plaudit_readers WHERE reader_id = $1 AND token_hash = $2 RETURNING 1)
      SELECT (SELECT count(*) FROM claps) AS claps, (SELECT count(*) FROM annotations) AS annotations`, [readerId, tokenHash]);
    return { claps: Number(row!.claps), annotations: Number(row!.annotations) };
  }

  /** A new editor token (`pe_...`): only its hash is stored, so the clear token is answered this once. */
  createEditorToken(name: string): Promise<{ id: number; name: string; token: string }> {
    return createEditorToken(this.db, name, this.#isoNow());
  }

  listEditorTokens(): Promise<EditorToken[]> {
    return listEditorTokens(this.db);
  }

  /** By id (a whole number) or name (every live token of that name); false when none was live. */
  revokeEditorToken(idOrName: string | number): Promise<boolean> {
    return revokeEditorToken(this.db, String(idOrName), this.#isoNow());
  }

  #isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  async #loadSecret(): Promise<string> {
    const fresh = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
    await this.db.query(`INSERT INTO plaudit_meta (key, value) VALUES ('review-secret', $1) ON CONFLICT (key) DO NOTHING`, [fresh]);
    const [row] = await this.db.query<{ value: string }>(`SELECT value FROM plaudit_meta WHERE key = 'review-secret'`);
    return row!.value;
  }
}

async function versionIn(db: SqlClient): Promise<string> {
  const [row] = await db.query<{ instance: string; changes: number | string }>(VERSION);
  return `${row!.instance}.${row!.changes}`;
}
