import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { PlauditSchema } from './schema.js';

type UpgradeTx = IDBPTransaction<PlauditSchema, StoreNames<PlauditSchema>[], 'versionchange'>;

/**
 * Each step takes the database from version `n - 1` to `n`. They run in order
 * inside the upgrade transaction, so a failure leaves the old version intact.
 */
const steps: Record<number, (db: IDBPDatabase<PlauditSchema>, tx: UpgradeTx) => void> = {
  1(db) {
    db.createObjectStore('meta');
    db.createObjectStore('claps', { keyPath: 'articleId' });
  },
  2(db) {
    const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
    annotations.createIndex('by-article', 'articleId');
    annotations.createIndex('by-modified', 'modified');
    const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    outbox.createIndex('by-key', 'key');
    outbox.createIndex('by-article', 'articleId');
    db.createObjectStore('totals', { keyPath: 'articleId' });
  },
};

/** Runs every step above `oldVersion` up to `newVersion`. */
export function migrate(
  db: IDBPDatabase<PlauditSchema>,
  oldVersion: number,
  newVersion: number,
  tx: UpgradeTx,
): void {
  for (let v = oldVersion + 1; v <= newVersion; v++) steps[v]?.(db, tx);
}
