import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import type { Annotation } from '../../src/core/annotation.js';
import { clapDistribution } from '../../src/core/feedback-stats.js';
import { canonicalJson } from '../../src/endpoint/canonical-json.js';
import { etagMatches, etagOf } from '../../src/endpoint/etags.js';
import {
  IMPORT_OWNER, type EndpointStorage, type ImportCounts, type ModerateResult, type ReaderData, type ReaderDeletion, type Snapshot, type WriteResult,
} from '../../src/endpoint/storage.js';
import { hashToken } from '../../src/endpoint/tokens.js';
import type { ArticleRegistration, ClapPut, ClapTotals, ModerationStatus } from '../../src/sync/protocol.js';
import {
  SERVER_DB_NAME, SERVER_DB_VERSION, upgradeServerDb,
  type ServerAnnotation, type ServerArticle, type ServerClapChange, type ServerClaps, type ServerSchema,
} from './server-schema.js';
import { bumpWrites, nextEtag } from './server-meta.js';

export { SERVER_DB_NAME, type ServerAnnotation, type ServerArticle, type ServerClapChange, type ServerClaps };

/** A mock need not wait for the disk; this keeps a thousand requests quick. */
const RELAXED = { durability: 'relaxed' } as const;

export { IMPORT_OWNER, type WriteResult, type ModerateResult };

/**
 * The editor token of the DEMO ONLY: the demo's review page fills it in. A real
 * server issues editor tokens (`plaudit-server editor-token create`).
 */
export const EDITOR_TOKEN = 'editor-demo-token';
const EDITOR_TOKEN_HASH = hashToken(EDITOR_TOKEN);

/**
 * The mock server's state. Every operation that checks and writes runs in one
 * IndexedDB transaction, so concurrent requests behave like a real server's.
 * Every write also bumps the `writes` counter in the same transaction: the
 * editor reads' ETags are built from it.
 */
export class ServerStore implements EndpointStorage {
  /** The server's clock (tests set a fixed one to write the clap log at known times). */
  clock: () => number = Date.now;
  #secret: Promise<string> | null = null;

  private constructor(readonly db: IDBPDatabase<ServerSchema>) {}

  static async open(name = SERVER_DB_NAME): Promise<ServerStore> {
    const db = await openDB<ServerSchema>(name, SERVER_DB_VERSION, {
      upgrade(database, oldVersion, _newVersion, tx) {
        void upgradeServerDb(database, oldVersion, tx);
      },
      blocking() {
        db.close();
      },
    });
    return new ServerStore(db);
  }

  /** Deletes the whole database (tests). */
  static async destroy(name = SERVER_DB_NAME): Promise<void> {
    await deleteDB(name);
  }

  close(): void {
    this.db.close();
  }

  now(): number {
    return this.clock();
  }

  /** Empties every store. The counters survive, so no ETag from before is ever issued again. */
  async clear(): Promise<void> {
    const tx = this.db.transaction(['readers', 'claps', 'clapLog', 'articles', 'annotations', 'meta'], 'readwrite', RELAXED);
    const meta = tx.objectStore('meta');
    const [writes, etags] = await Promise.all([meta.get('writes'), meta.get('etag-counter')]);
    await Promise.all([...tx.objectStoreNames].map((n) => tx.objectStore(n).clear()));
    await meta.put(Number(writes ?? 0) + 1, 'writes');
    if (etags !== undefined) await meta.put(etags, 'etag-counter');
    await tx.done;
    this.#secret = null;
  }

  async readerForToken(tokenHash: string): Promise<string | null> {
    return (await this.db.getFromIndex('readers', 'by-token', tokenHash))?.readerId ?? null;
  }

  async isEditor(tokenHash: string): Promise<boolean> {
    return tokenHash === (await EDITOR_TOKEN_HASH);
  }

  async tokenOfReader(readerId: string): Promise<string | null> {
    return (await this.db.get('readers', readerId))?.tokenHash ?? null;
  }

  async bindReader(readerId: string, tokenHash: string): Promise<boolean> {
    const tx = this.db.transaction(['readers', 'meta'], 'readwrite', RELAXED);
    const bound = await tx.objectStore('readers').get(readerId);
    const other = bound ? null : await tx.objectStore('readers').index('by-token').get(tokenHash);
    if (other) {
      await tx.done;
      return false;
    }
    if (!bound) {
      await tx.objectStore('readers').put({ readerId, tokenHash });
      // A binding changes the pseudonym of the token's anonymous highlights.
      await bumpWrites(tx.objectStore('meta'));
    }
    await tx.done;
    return !bound || bound.tokenHash === tokenHash;
  }

  /** Keeps the put with the highest revision, logging the change of count; answers the totals. */
  async putClaps(articleId: string, readerId: string, put: ClapPut): Promise<ClapTotals> {
    const tx = this.db.transaction(['claps', 'clapLog', 'meta'], 'readwrite', RELAXED);
    const claps = tx.objectStore('claps');
    const stored = await claps.get([articleId, readerId]);
    if (!stored || put.rev > stored.rev) {
      const at = new Date(this.now()).toISOString();
      await claps.put({ articleId, readerId, ...put, updated: at });
      const delta = put.count - (stored?.count ?? 0);
      if (delta !== 0) await tx.objectStore('clapLog').add({ articleId, readerId, at, delta });
      await bumpWrites(tx.objectStore('meta'));
    }
    const all = await claps.index('by-article').getAll(articleId);
    await tx.done;
    return summarise(all, readerId);
  }

  async totals(articleId: string, readerId: string | null): Promise<ClapTotals> {
    return summarise(await this.db.getAllFromIndex('claps', 'by-article', articleId), readerId);
  }

  async readerClaps(articleId: string, readerId: string): Promise<ServerClaps | undefined> {
    return this.db.get('claps', [articleId, readerId]);
  }

  /** `distribution[n]` = readers whose current count is exactly n. */
  async distribution(articleId: string): Promise<number[]> {
    return clapDistribution((await this.db.getAllFromIndex('claps', 'by-article', articleId)).map((c) => c.count));
  }

  /** A story's clap log, oldest first. */
  clapLog(articleId: string): Promise<ServerClapChange[]> {
    return this.db.getAllFromIndex('clapLog', 'by-article', articleId);
  }

  async putArticle(id: string, registration: ArticleRegistration): Promise<boolean> {
    const tx = this.db.transaction(['articles', 'meta'], 'readwrite', RELAXED);
    const articles = tx.objectStore('articles');
    const existed = (await articles.count(id)) > 0;
    await articles.put({ id, registration, registered: new Date(this.now()).toISOString() });
    await bumpWrites(tx.objectStore('meta'));
    await tx.done;
    return existed;
  }

  getArticle(id: string): Promise<ServerArticle | undefined> {
    return this.db.get('articles', id);
  }

  listArticles(): Promise<ServerArticle[]> {
    return this.db.getAll('articles');
  }

  getAnnotation(uuid: string): Promise<ServerAnnotation | undefined> {
    return this.db.get('annotations', uuid);
  }

  /** Every stored annotation (of one article, or all), oldest first: what tests look at. */
  annotationsOf(articleId: string | null): Promise<ServerAnnotation[]> {
    return this.listAnnotations({ articleId, owner: null, includeHidden: true });
  }

  async listAnnotations(query: { articleId: string | null; owner: string | null; includeHidden: boolean }): Promise<ServerAnnotation[]> {
    const all = query.articleId === null
      ? await this.db.getAll('annotations')
      : await this.db.getAllFromIndex('annotations', 'by-article', query.articleId);
    return all
      .filter((a) => (query.owner === null || a.owner === query.owner) && (query.includeHidden || a.annotation['plaudit:status'] !== 'hidden'))
      .sort(byCreated);
  }

  /**
   * A conditional PUT: `If-None-Match: *` creates, `If-Match` replaces the version
   * with that ETag. Moderation status stays the server's.
   */
  async putAnnotation(
    uuid: string,
    annotation: Annotation,
    owner: string,
    condition: { ifMatch: string | null; ifNoneMatch: string | null },
  ): Promise<WriteResult> {
    const tx = this.db.transaction(['annotations', 'meta'], 'readwrite', RELAXED);
    const store = tx.objectStore('annotations');
    const meta = tx.objectStore('meta');
    const stored = await store.get(uuid);
    let result: WriteResult;
    if (stored && stored.owner !== owner) result = { status: 403 };
    else if (condition.ifNoneMatch === '*') {
      result = stored ? { status: 412, etag: stored.etag } : { status: 201, stored: await write(null) };
    } else if (condition.ifMatch) {
      if (!stored) result = { status: 404 };
      else if (!etagMatches(condition.ifMatch, stored.etag)) result = { status: 412, etag: stored.etag };
      else result = { status: 200, stored: await write(stored) };
    } else result = { status: 428 };
    await tx.done;
    return result;

    async function write(previous: ServerAnnotation | null): Promise<ServerAnnotation> {
      const kept: Annotation = { ...annotation };
      delete kept['plaudit:status'];
      if (previous?.annotation['plaudit:status']) kept['plaudit:status'] = previous.annotation['plaudit:status'];
      const next: ServerAnnotation = {
        uuid,
        articleId: annotation.target.source,
        annotation: kept,
        etag: await nextEtag(meta),
        owner,
      };
      await store.put(next);
      await bumpWrites(meta);
      return next;
    }
  }

  /** A conditional DELETE by the owner. */
  async deleteAnnotation(uuid: string, owner: string, ifMatch: string | null): Promise<WriteResult> {
    const tx = this.db.transaction(['annotations', 'meta'], 'readwrite', RELAXED);
    const store = tx.objectStore('annotations');
    const stored = await store.get(uuid);
    let result: WriteResult;
    if (!stored) result = { status: 404 };
    else if (stored.owner !== owner) result = { status: 403 };
    else if (!ifMatch) result = { status: 428 };
    else if (!etagMatches(ifMatch, stored.etag)) result = { status: 412, etag: stored.etag };
    else {
      await store.delete(uuid);
      await bumpWrites(tx.objectStore('meta'));
      result = { status: 204, etag: stored.etag };
    }
    await tx.done;
    return result;
  }

  /**
   * The editor's moderation, conditional on `ifMatch`: sets `plaudit:status`,
   * which makes a new version (setting the status it already has changes nothing).
   */
  async moderate(uuid: string, status: ModerationStatus, ifMatch: string | null): Promise<ModerateResult> {
    const tx = this.db.transaction(['annotations', 'meta'], 'readwrite', RELAXED);
    const store = tx.objectStore('annotations');
    const stored = await store.get(uuid);
    let result: ModerateResult;
    if (!stored) result = { status: 404 };
    else if (!ifMatch) result = { status: 428 };
    else if (!etagMatches(ifMatch, stored.etag)) result = { status: 412, current: stored };
    else if ((stored.annotation['plaudit:status'] ?? 'new') === status) result = { status: 200, stored };
    else {
      const meta = tx.objectStore('meta');
      const next = { ...stored, annotation: { ...stored.annotation, 'plaudit:status': status }, etag: await nextEtag(meta) };
      await store.put(next);
      await bumpWrites(meta);
      result = { status: 200, stored: next };
    }
    await tx.done;
    return result;
  }

  /** Writes many records in one transaction (the seed). */
  async bulk(data: {
    readers: Array<{ readerId: string; tokenHash: string }>;
    claps: ServerClaps[];
    clapLog: ServerClapChange[];
    articles: ServerArticle[];
    annotations: Array<Omit<ServerAnnotation, 'etag'>>;
  }): Promise<void> {
    const tx = this.db.transaction(['readers', 'claps', 'clapLog', 'articles', 'annotations', 'meta'], 'readwrite', RELAXED);
    const meta = tx.objectStore('meta');
    for (const r of data.readers) void tx.objectStore('readers').put(r);
    for (const c of data.claps) void tx.objectStore('claps').put(c);
    for (const c of data.clapLog) void tx.objectStore('clapLog').add(c);
    for (const a of data.articles) void tx.objectStore('articles').put(a);
    for (const a of data.annotations) await tx.objectStore('annotations').put({ ...a, etag: await nextEtag(meta) });
    await bumpWrites(meta);
    await tx.done;
  }

  /** The store-wide write counter: every write bumps it in its own transaction. */
  async version(): Promise<string> {
    return String((await this.db.get('meta', 'writes')) ?? 0);
  }

  /** Everything, consistently: one read-only transaction. */
  async snapshot(): Promise<Snapshot> {
    const tx = this.db.transaction(['readers', 'claps', 'clapLog', 'articles', 'annotations', 'meta'], 'readonly');
    const [writes, readers, claps, clapLog, articles, annotations] = await Promise.all([
      tx.objectStore('meta').get('writes'),
      tx.objectStore('readers').getAll(),
      tx.objectStore('claps').getAll(),
      tx.objectStore('clapLog').getAll(),
      tx.objectStore('articles').getAll(),
      tx.objectStore('annotations').getAll(),
    ]);
    await tx.done;
    return { version: String(writes ?? 0), readers, claps, clapLog, articles, annotations: annotations.sort(byCreated) };
  }

  async importAnnotations(items: readonly Annotation[]): Promise<ImportCounts> {
    const tx = this.db.transaction(['annotations', 'meta'], 'readwrite', RELAXED);
    const annotations = tx.objectStore('annotations');
    const meta = tx.objectStore('meta');
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    let etags = Number((await meta.get('etag-counter')) ?? 0);
    const uuidOf = (a: Annotation) => a.id.slice('urn:uuid:'.length).toLowerCase();
    const stored = await Promise.all(items.map((a) => annotations.get(uuidOf(a))));
    items.forEach((annotation, i) => {
      const previous = stored[i];
      if (previous && canonicalJson(previous.annotation) === canonicalJson(annotation)) {
        counts.unchanged++;
        return;
      }
      if (previous) counts.updated++;
      else counts.created++;
      void annotations.put({
        uuid: uuidOf(annotation),
        articleId: annotation.target.source,
        annotation,
        etag: etagOf(++etags),
        owner: previous?.owner ?? IMPORT_OWNER,
      });
    });
    if (counts.created + counts.updated > 0) {
      await meta.put(etags, 'etag-counter');
      await bumpWrites(meta);
    }
    await tx.done;
    return counts;
  }

  async readerData(readerId: string, tokenHash: string): Promise<ReaderData> {
    const tx = this.db.transaction(['claps', 'annotations'], 'readonly');
    const [claps, annotations] = await Promise.all([tx.objectStore('claps').getAll(), tx.objectStore('annotations').getAll()]);
    await tx.done;
    return {
      readerId,
      claps: claps.filter((c) => c.readerId === readerId).map(({ articleId, count, rev, updated }) => ({ articleId, count, rev, updated })),
      annotations: annotations.filter((a) => isTheReaders(a, readerId, tokenHash)).sort(byCreated).map((a) => a.annotation),
    };
  }

  async deleteReader(readerId: string, tokenHash: string): Promise<ReaderDeletion> {
    const tx = this.db.transaction(['readers', 'claps', 'clapLog', 'annotations', 'meta'], 'readwrite', RELAXED);
    const deleted: ReaderDeletion = { claps: 0, annotations: 0 };
    for await (const cursor of tx.objectStore('claps').iterate()) {
      if (cursor.value.readerId !== readerId) continue;
      deleted.claps++;
      await cursor.delete();
    }
    for await (const cursor of tx.objectStore('clapLog').iterate()) if (cursor.value.readerId === readerId) await cursor.delete();
    for await (const cursor of tx.objectStore('annotations').iterate()) {
      if (!isTheReaders(cursor.value, readerId, tokenHash)) continue;
      deleted.annotations++;
      await cursor.delete();
    }
    const bound = await tx.objectStore('readers').get(readerId);
    if (bound?.tokenHash === tokenHash) await tx.objectStore('readers').delete(readerId);
    await bumpWrites(tx.objectStore('meta'));
    await tx.done;
    return deleted;
  }

  /** The random secret that keys reader pseudonyms; made on first use, kept in `meta`. */
  reviewSecret(): Promise<string> {
    this.#secret ??= (async () => {
      const tx = this.db.transaction('meta', 'readwrite', RELAXED);
      let secret = await tx.store.get('review-secret');
      if (typeof secret !== 'string') {
        secret = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
        await tx.store.put(secret, 'review-secret');
      }
      await tx.done;
      return secret;
    })();
    return this.#secret;
  }

  async getMeta(key: string): Promise<number | string | undefined> {
    return this.db.get('meta', key);
  }

  async setMeta(key: string, value: number | string): Promise<void> {
    await this.db.put('meta', value, key);
  }
}

/** A reader's annotation: made with their token, or naming them as its creator. */
const isTheReaders = (a: ServerAnnotation, readerId: string, tokenHash: string): boolean =>
  a.owner === tokenHash || a.annotation.creator?.toLowerCase() === readerId;

const byCreated = (a: ServerAnnotation, b: ServerAnnotation): number =>
  a.annotation.created.localeCompare(b.annotation.created) || a.uuid.localeCompare(b.uuid);

function summarise(all: ServerClaps[], readerId: string | null): ClapTotals {
  let total = 0;
  let clappers = 0;
  let mine = 0;
  for (const c of all) {
    total += c.count;
    if (c.count > 0) clappers++;
    if (c.readerId === readerId) mine = c.count;
  }
  return { total, clappers, mine };
}
