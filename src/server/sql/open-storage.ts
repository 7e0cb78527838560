/** Opens the server's storage: PGlite in a data directory by default, a PostgreSQL when given its URL. */
import { mkdirSync } from 'node:fs';
import { pgliteClient, postgresClient, type SqlClient } from './sql-client.js';
import { SqlStorage } from './sql-storage.js';

export interface StorageOptions {
  /** `postgres://...`: use that PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  /** PGlite's data directory, created if missing; without one (and no `databaseUrl`), in memory and gone on close. */
  dataDir?: string;
  /** Connections in the PostgreSQL pool (default 10). */
  poolSize?: number;
}

export interface OpenedStorage {
  storage: SqlStorage;
  /** Closes the database; PGlite writes its data directory out first. */
  close(): Promise<void>;
}

/** Opens the database and applies any migrations it lacks. */
export async function openStorage(options: StorageOptions = {}): Promise<OpenedStorage> {
  let client: SqlClient;
  if (options.databaseUrl) client = postgresClient(options.databaseUrl, options.poolSize);
  else {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    client = await pgliteClient(options.dataDir);
  }
  try {
    const storage = await SqlStorage.open(client);
    return { storage, close: () => client.close() };
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
}
