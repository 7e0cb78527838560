import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import type { Annotation } from '../../src/core/annotation.js';
import { clapDistribution } from '../../src/core/feedback-stats.js';
import type { ArticleRegistration, ClapPut, ClapTotals, ModerationStatus } from '../../src/sync/protocol.js';
import {
  SERVER_DB_NAME, SERVER_DB_VERSION, upgradeServerDb,
  type ServerAnnotation, type ServerArticle, type ServerClapChange, type ServerClaps, type ServerSchema,
} from './server-schema.js';
import { bumpWrites, etagMatches, nextEtag } from './server-meta.js';

export { SERVER_DB_NAME, type ServerAnnotation, type ServerArticle, type ServerClapChange, type ServerClaps };

/** A mock need not wait for the disk; this keeps a thousand requests quick. */
const RELAXED = { durability: 'relaxed' } as const;

/** The owner of imported annotations: no reader token (tokens are 16+ characters), so no reader may change them. */
export const IMPORT_OWNER = 'import';

/** What a conditional annotation write came to, in HTTP terms. */
export type WriteResult =
  | { status: 200 | 201; stored: ServerAnnotation }
  | { status: 204; etag: string }
  | { status: 403 | 404 | 412 | 428; etag?: string };

/** What a moderation PATCH came to; a 412 carries the current version. */
export type ModerateResult =
  | { status: 200; stored: ServerAnnotation }
  | { status: 404 }
  | { status: 428 }
  | { status: 412; current: ServerAnnotation };

/**
 * The mock server's state. Every operation that checks and writes runs in one
 * IndexedDB transaction, so concurrent requests behave like a real server's.
 * Every write also bumps the `writes` counter in the same transaction: the
 * editor reads' ETags are built from it.
 */
export class ServerStore {
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

  /** The reader a token belongs to, if any. */
  async readerForToken(token: string): Promise<string | null> {
    return (await this.db.getFromIndex('readers', 'by-token', token))?.readerId ?? null;
  }

  /** Binds `readerId` to `token` on first sight; false when another token holds it. */
  async bindReader(readerId: string, token: string): Promise<boolean> {
    const tx = this.db.transaction(['readers', 'meta'], 'readwrite', RELAXED);
    const bound = await tx.objectStore('readers').get(readerId);
    if (!bound) {
      await tx.objectStore('readers').put({ readerId, token });
      // A binding changes the pseudonym of the token's anonymous highlights.
      await bumpWrites(tx.objectStore('meta'));
    }
    await tx.done;
    return !bound || bound.token === token;
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

  /** All annotations, optionally of one article, oldest first. */
  async listAnnotations(articleId: string | null): Promise<ServerAnnotation[]> {
    const all = articleId === null
      ? await this.db.getAll('annotations')
      : await this.db.getAllFromIndex('annotations', 'by-article', articleId);
    return all.sort(byCreated);
  }

  /**
   * A conditional PUT: `If-None-Match: *` creates, `If-Match` replaces the version
   * with that ETag. Moderation status stays the server's.
   */
  async putAnnotation(
    uuid: string,
    annotation: Annotation,
    token: string,
    condition: { ifMatch: string | null; ifNoneMatch: string | null },
  ): Promise<WriteResult> {
    const tx = this.db.transaction(['annotations', 'meta'], 'readwrite', RELAXED);
    const store = tx.objectStore('annotations');
    const meta = tx.objectStore('meta');
    const stored = await store.get(uuid);
    let result: WriteResult;
    if (stored && stored.owner !== token) result = { status: 403 };
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
        owner: token,
      };
      await store.put(next);
      await bumpWrites(meta);
      return next;
    }
  }

  /** A conditional DELETE by the owner. */
  async deleteAnnotation(uuid: string, token: string, ifMatch: string | null): Promise<WriteResult> {
    const tx = this.db.transaction(['annotations', 'meta'], 'readwrite', RELAXED);
    const store = tx.objectStore('annotations');
    const stored = await store.get(uuid);
    let result: WriteResult;
    if (!stored) result = { status: 404 };
    else if (stored.owner !== token) result = { status: 403 };
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
    readers: Array<{ readerId: string; token: string }>;
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

  /** The store-wide write counter. */
  async writes(): Promise<number> {
    return Number((await this.db.get('meta', 'writes')) ?? 0);
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
