import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Annotation } from '../../src/core/annotation.js';
import type { ArticleRegistration } from '../../src/sync/protocol.js';

/** The mock server's own database: survives reloads and is shared by the demo's pages. */
export const SERVER_DB_NAME = 'plaudit-mock-server';
/** 1: readers, claps, articles, annotations, meta. 2: the clap log. */
export const SERVER_DB_VERSION = 2;

export interface ServerClaps {
  articleId: string;
  readerId: string;
  count: number;
  rev: number;
  updated: string;
}

/** One clap log entry: an accepted PUT that changed a reader's count, by `newCount - oldCount`. */
export interface ServerClapChange {
  articleId: string;
  readerId: string;
  at: string;
  delta: number;
}

export interface ServerAnnotation {
  uuid: string;
  articleId: string;
  annotation: Annotation;
  etag: string;
  /** The token that created it (or `IMPORT_OWNER`): only it may change or read it (besides the editor). */
  owner: string;
}

export interface ServerArticle {
  id: string;
  registration: ArticleRegistration;
  registered: string;
}

/**
 * `meta` keys: `etag-counter` (annotation versions), `writes` (bumped by every
 * write: the editor reads' validator), `review-secret` (keys reader
 * pseudonyms), `seeded`.
 */
export interface ServerSchema extends DBSchema {
  readers: { key: string; value: { readerId: string; token: string }; indexes: { 'by-token': string } };
  claps: { key: [string, string]; value: ServerClaps; indexes: { 'by-article': string } };
  /** Keyed by an increasing number: log order. */
  clapLog: { key: number; value: ServerClapChange; indexes: { 'by-article': string } };
  articles: { key: string; value: ServerArticle };
  annotations: { key: string; value: ServerAnnotation; indexes: { 'by-article': string } };
  meta: { key: string; value: number | string };
}

type UpgradeTransaction = IDBPTransaction<ServerSchema, StoreNames<ServerSchema>[], 'versionchange'>;

/** Creates or upgrades the stores; existing data is kept. */
export async function upgradeServerDb(db: IDBPDatabase<ServerSchema>, oldVersion: number, tx: UpgradeTransaction): Promise<void> {
  if (oldVersion < 1) {
    db.createObjectStore('readers', { keyPath: 'readerId' }).createIndex('by-token', 'token');
    db.createObjectStore('claps', { keyPath: ['articleId', 'readerId'] }).createIndex('by-article', 'articleId');
    db.createObjectStore('articles', { keyPath: 'id' });
    db.createObjectStore('annotations', { keyPath: 'uuid' }).createIndex('by-article', 'articleId');
    db.createObjectStore('meta');
  }
  if (oldVersion < 2) {
    db.createObjectStore('clapLog', { autoIncrement: true }).createIndex('by-article', 'articleId');
    if (oldVersion >= 1) {
      // Counts from before the log: one change per reader at its last update keeps every sum equal to the stored count.
      const log = tx.objectStore('clapLog');
      for (const c of await tx.objectStore('claps').getAll()) {
        if (c.count !== 0) await log.add({ articleId: c.articleId, readerId: c.readerId, at: c.updated, delta: c.count });
      }
    }
  }
}
