import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Annotation } from '../../src/core/annotation.js';
import type { ArticleRegistration, ClapPut, ClapTotals } from '../../src/sync/protocol.js';

/** A mock need not wait for the disk; this keeps a thousand requests quick. */
const RELAXED = { durability: 'relaxed' } as const;

/** The mock server's own database: survives reloads and is shared by the demo's pages. */
export const SERVER_DB_NAME = 'plaudit-mock-server';

export interface ServerClaps {
  articleId: string;
  readerId: string;
  count: number;
  rev: number;
  updated: string;
}

export interface ServerAnnotation {
  uuid: string;
  articleId: string;
  annotation: Annotation;
  etag: string;
  /** The token that created it: only it may change or read it (besides the editor). */
  owner: string;
}

export interface ServerArticle {
  id: string;
  registration: ArticleRegistration;
  registered: string;
}

interface ServerSchema extends DBSchema {
  readers: { key: string; value: { readerId: string; token: string }; indexes: { 'by-token': string } };
  claps: { key: [string, string]; value: ServerClaps; indexes: { 'by-article': string } };
  articles: { key: string; value: ServerArticle };
  annotations: { key: string; value: ServerAnnotation; indexes: { 'by-article': string } };
  meta: { key: string; value: number | string };
}

/** What a conditional annotation write came to, in HTTP terms. */
export type WriteResult =
  | { status: 200 | 201; stored: ServerAnnotation }
  | { status: 204; etag: string }
  | { status: 403 | 404 | 412 | 428; etag?: string };

/**
 * The mock server's state. Every operation that checks and writes runs in one
 * IndexedDB transaction, so concurrent requests behave like a real server's.
 */
export class ServerStore {
  private constructor(readonly db: IDBPDatabase<ServerSchema>) {}

  static async open(name = SERVER_DB_NAME): Promise<ServerStore> {
    const db = await openDB<ServerSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('readers', { keyPath: 'readerId' }).createIndex('by-token', 'token');
        database.createObjectStore('claps', { keyPath: ['articleId', 'readerId'] }).createIndex('by-article', 'articleId');
        database.createObjectStore('articles', { keyPath: 'id' });
        database.createObjectStore('annotations', { keyPath: 'uuid' }).createIndex('by-article', 'articleId');
        database.createObjectStore('meta');
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

  async clear(): Promise<void> {
    const tx = this.db.transaction(['readers', 'claps', 'articles', 'annotations', 'meta'], 'readwrite', RELAXED);
    await Promise.all([...tx.objectStoreNames].map((n) => tx.objectStore(n).clear()));
    await tx.done;
  }

  /** The reader a token belongs to, if any. */
  async readerForToken(token: string): Promise<string | null> {
    return (await this.db.getFromIndex('readers', 'by-token', token))?.readerId ?? null;
  }

  /** Binds `readerId` to `token` on first sight; false when another token holds it. */
  async bindReader(readerId: string, token: string): Promise<boolean> {
    const tx = this.db.transaction('readers', 'readwrite', RELAXED);
    const bound = await tx.store.get(readerId);
    if (!bound) await tx.store.put({ readerId, token });
    await tx.done;
    return !bound || bound.token === token;
  }

  /** Keeps the put with the highest revision; answers the totals. */
  async putClaps(articleId: string, readerId: string, put: ClapPut): Promise<ClapTotals> {
    const tx = this.db.transaction('claps', 'readwrite', RELAXED);
    const stored = await tx.store.get([articleId, readerId]);
    if (!stored || put.rev > stored.rev) {
      await tx.store.put({ articleId, readerId, ...put, updated: new Date().toISOString() });
    }
    const all = await tx.store.index('by-article').getAll(articleId);
    await tx.done;
    return summarise(all, readerId);
  }

  async totals(articleId: string, readerId: string | null): Promise<ClapTotals> {
    return summarise(await this.db.getAllFromIndex('claps', 'by-article', articleId), readerId);
  }

  async readerClaps(articleId: string, readerId: string): Promise<ServerClaps | undefined> {
    return this.db.get('claps', [articleId, readerId]);
  }

  /** `distribution[n]` = readers who gave exactly n claps. */
  async distribution(articleId: string): Promise<number[]> {
    const counts: number[] = [];
    for (const c of await this.db.getAllFromIndex('claps', 'by-article', articleId)) {
      if (c.count > 0) counts[c.count] = (counts[c.count] ?? 0) + 1;
    }
    return Array.from(counts, (n) => n ?? 0);
  }

  async putArticle(id: string, registration: ArticleRegistration): Promise<boolean> {
    const tx = this.db.transaction('articles', 'readwrite', RELAXED);
    const existed = (await tx.store.count(id)) > 0;
    await tx.store.put({ id, registration, registered: new Date().toISOString() });
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
    return all.sort((a, b) => a.annotation.created.localeCompare(b.annotation.created) || a.uuid.localeCompare(b.uuid));
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
        etag: await nextEtag(tx.objectStore('meta')),
        owner: token,
      };
      await store.put(next);
      return next;
    }
  }

  /** A conditional DELETE by the owner. */
  async deleteAnnotation(uuid: string, token: string, ifMatch: string | null): Promise<WriteResult> {
    const tx = this.db.transaction('annotations', 'readwrite', RELAXED);
    const stored = await tx.store.get(uuid);
    let result: WriteResult;
    if (!stored) result = { status: 404 };
    else if (stored.owner !== token) result = { status: 403 };
    else if (!ifMatch) result = { status: 428 };
    else if (!etagMatches(ifMatch, stored.etag)) result = { status: 412, etag: stored.etag };
    else {
      await tx.store.delete(uuid);
      result = { status: 204, etag: stored.etag };
    }
    await tx.done;
    return result;
  }

  /** The editor's moderation: sets `plaudit:status`, which makes a new version. */
  async moderate(uuid: string, status: 'visible' | 'hidden'): Promise<ServerAnnotation | null> {
    const tx = this.db.transaction(['annotations', 'meta'], 'readwrite', RELAXED);
    const stored = await tx.objectStore('annotations').get(uuid);
    if (!stored) {
      await tx.done;
      return null;
    }
    const next = {
      ...stored,
      annotation: { ...stored.annotation, 'plaudit:status': status },
      etag: await nextEtag(tx.objectStore('meta')),
    };
    await tx.objectStore('annotations').put(next);
    await tx.done;
    return next;
  }

  /** Writes many records in one transaction (the seed). */
  async bulk(data: {
    readers: Array<{ readerId: string; token: string }>;
    claps: ServerClaps[];
    articles: ServerArticle[];
    annotations: Array<Omit<ServerAnnotation, 'etag'>>;
  }): Promise<void> {
    const tx = this.db.transaction(['readers', 'claps', 'articles', 'annotations', 'meta'], 'readwrite', RELAXED);
    for (const r of data.readers) void tx.objectStore('readers').put(r);
    for (const c of data.claps) void tx.objectStore('claps').put(c);
    for (const a of data.articles) void tx.objectStore('articles').put(a);
    for (const a of data.annotations) {
      await tx.objectStore('annotations').put({ ...a, etag: await nextEtag(tx.objectStore('meta')) });
    }
    await tx.done;
  }

  async getMeta(key: string): Promise<number | string | undefined> {
    return this.db.get('meta', key);
  }

  async setMeta(key: string, value: number | string): Promise<void> {
    await this.db.put('meta', value, key);
  }
}

type MetaStore = { get(key: string): Promise<number | string | undefined>; put(value: number | string, key: string): Promise<unknown> };

async function nextEtag(meta: MetaStore): Promise<string> {
  const n = Number((await meta.get('etag-counter')) ?? 0) + 1;
  await meta.put(n, 'etag-counter');
  return `"a${n.toString(36)}"`;
}

/** `If-Match` may list several ETags, or `*`; weak ETags never match strongly. */
function etagMatches(header: string, etag: string): boolean {
  return header.split(',').some((t) => t.trim() === '*' || t.trim() === etag);
}

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
