import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type PlauditSchema } from './schema.js';
import { migrate } from './migrations.js';

export type PlauditDatabase = IDBPDatabase<PlauditSchema>;

let shared: Promise<PlauditDatabase> | null = null;

/**
 * Opens (once per page) Plaudit's database, running migrations. When a newer
 * version is opened in another tab, this connection closes itself so the
 * upgrade is not blocked; the next call opens a fresh one.
 * Rejects where IndexedDB is unavailable (some private modes); callers fall back to memory.
 */
export function openPlauditDatabase(name = DB_NAME): Promise<PlauditDatabase> {
  if (name !== DB_NAME) return open(name);
  shared ??= open(name).catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}

async function open(name: string): Promise<PlauditDatabase> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  const db = await openDB<PlauditSchema>(name, DB_VERSION, {
    upgrade: (database, oldVersion, newVersion, tx) =>
      migrate(database, oldVersion, newVersion ?? DB_VERSION, tx),
    blocking() {
      db.close();
      if (name === DB_NAME) shared = null;
    },
    terminated() {
      if (name === DB_NAME) shared = null;
    },
  });
  return db;
}

/** Forgets the page's shared connection (tests, and after the database was deleted). */
export function resetPlauditDatabase(): void {
  const pending = shared;
  shared = null;
  void pending?.then((db) => db.close()).catch(() => undefined);
}
