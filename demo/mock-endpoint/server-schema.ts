import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { StoredAnnotation, StoredArticle, StoredClapChange, StoredClaps } from '../../src/endpoint/storage.js';

/** The mock server's own database: survives reloads and is shared by the demo's pages. */
export const SERVER_DB_NAME = 'plaudit-mock-server';
/** 1: readers, claps, articles, annotations, meta. 2: the clap log. 3: tokens kept as SHA-256 hashes only (older data is dropped and seeded again). */
export const SERVER_DB_VERSION = 3;

export type ServerClaps = StoredClaps;
export type ServerClapChange = StoredClapChange;
export type ServerAnnotation = StoredAnnotation;
export type ServerArticle = StoredArticle;

/**
 * `meta` keys: `etag-counter` (annotation versions), `writes` (bumped by every
 * write: the editor reads' validator), `review-secret` (keys reader
 * pseudonyms), `seeded`.
 */
export interface ServerSchema extends DBSchema {
  readers: { key: string; value: { readerId: string; tokenHash: string }; indexes: { 'by-token': string } };
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
  if (oldVersion >= 1 && oldVersion < 3) {
    // Tokens were kept in clear before 3: drop the old state (it is the mock's), the seed runs again.
    for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
    oldVersion = 0;
  }
  if (oldVersion < 1) {
    db.createObjectStore('readers', { keyPath: 'readerId' }).createIndex('by-token', 'tokenHash');
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
