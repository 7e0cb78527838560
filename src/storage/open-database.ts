import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type PlauditSchema } from './schema.js';
import { migrate } from './migrations.js';
import { forgetReaderIdentity } from './reader-identity.js';

export type PlauditDatabase = IDBPDatabase<PlauditSchema>;

let shared: Promise<PlauditDatabase> | null = null;

/**
 * Called when the page's database was deleted under it (eviction, the reader
 * clearing site data) or closed by the browser: the next open makes a fresh
 * one, into which whoever holds data in memory should write it back.
 */
export const databaseLost = new Set<() => void>();

/**
 * Called when an upgrade an old tab blocked has completed (that tab closed): the
 * database works again, and what was kept in memory meanwhile can go into it.
 */
export const databaseBack = new Set<() => void>();

/**
 * Opens (once per page) Plaudit's database, running migrations. When a newer
 * version is opened in another tab, or the database is deleted, this
 * connection closes itself so neither is blocked; the next call opens a fresh one.
 * Rejects where IndexedDB is unavailable (some private modes), and when an
 * older tab that does not close blocks the upgrade (rather than wait for ever):
 * callers fall back to memory.
 */
export function openPlauditDatabase(name = DB_NAME): Promise<PlauditDatabase> {
  return name === DB_NAME ? (shared ??= open(name)) : open(name);
}

function open(name: string): Promise<PlauditDatabase> {
  const forget = (lost?: boolean) => {
    if (name !== DB_NAME) return;
    shared = null;
    if (lost) for (const listener of databaseLost) listener();
  };
  return new Promise((resolve, reject) => {
    let blocked = false;
    // Where the factory throws (IndexedDB unavailable), this promise rejects, and stays so for the page.
    openDB<PlauditSchema>(name, DB_VERSION, {
        upgrade: (database, oldVersion, newVersion, tx) =>
          migrate(database, oldVersion, newVersion ?? DB_VERSION, tx),
        blocked() {
          // Until that tab closes, opening again would wait behind this request; the page goes on in memory.
          blocked = true;
          reject(Error('Blocked by an old tab'));
        },
        blocking(_, newVersion, event) {
          (event.target as IDBDatabase).close();
          // A null version is a deletion.
          forget(newVersion === null);
        },
        terminated: () => forget(true),
      }).then(
      // Once the old tab closed, the upgrade is done, and the next call opens the database.
      (db) => (blocked ? (db.close(), forget(), name === DB_NAME && databaseBack.forEach((listener) => listener())) : resolve(db)),
      (error: unknown) => (forget(), reject(error)),
    );
  });
}

/**
 * Forgets what the page holds of its database, as a page starting over would:
 * the shared connection, and the reader it knew (tests of a new device).
 */
export function resetPlauditDatabase(): void {
  forgetReaderIdentity();
  const pending = shared;
  shared = null;
  void pending?.then((db) => db.close()).catch(() => undefined);
}
