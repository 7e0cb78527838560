/**
 * The databases the SQL storage tests run against: PGlite in memory, always,
 * and a real PostgreSQL when `DATABASE_URL` is set (skipped with a message
 * otherwise; `PLAUDIT_REQUIRE_POSTGRES=1` makes its absence a failure).
 *
 * Every `open()` is a fresh, migrated storage in a schema of its own: on
 * PostgreSQL `plaudit_test_<run>_<n>`, reached by every pooled connection
 * through `options=-c search_path=...`, so parallel runs never meet; `end()`
 * drops whatever this run created.
 */
import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import { pgliteClient, postgresClient, type SqlClient } from '../../src/server/sql/sql-client.js';
import { SqlStorage } from '../../src/server/sql/sql-storage.js';

/** An empty schema of its own. */
export interface Blank {
  schema: string;
  /** A client on the schema: PostgreSQL, a new pool each time (another process, as it were); PGlite, its one session. */
  connect(): SqlClient;
  /** Closes the clients and drops the schema. */
  close(): Promise<void>;
}

export interface Opened extends Blank {
  storage: SqlStorage;
  client: SqlClient;
}

export interface Backend {
  name: string;
  /** Why the backend's tests are skipped, or false. */
  skip: string | false;
  blank(): Promise<Blank>;
  end(): Promise<void>;
}

/** A fresh, migrated storage in a schema of its own. */
export async function open(backend: Backend): Promise<Opened> {
  const blank = await backend.blank();
  const client = blank.connect();
  return { ...blank, client, storage: await SqlStorage.open(client) };
}

export const DATABASE_URL = process.env.DATABASE_URL ?? '';
export const REQUIRE_POSTGRES = process.env.PLAUDIT_REQUIRE_POSTGRES === '1';

/** Schema names are made here from a random run id and a counter, never from input. */
const RUN = `plaudit_test_${randomBytes(6).toString('hex')}`;
let schemas = 0;

export function pgliteMemory(): Backend {
  let db: Promise<SqlClient> | null = null;
  return {
    name: 'PGlite (memory)',
    skip: false,
    async blank() {
      const client = await (db ??= pgliteClient());
      const schema = `t${++schemas}`;
      // One session: the search path is the session's, and tests run one at a time.
      await client.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      return {
        schema,
        connect: () => client,
        close: () => client.exec(`SET search_path TO public; DROP SCHEMA ${schema} CASCADE`),
      };
    },
    async end() {
      if (db) await (await db).close();
    },
  };
}

/** `DATABASE_URL` with every connection's search path set to `schema`. */
export function urlWithSchema(schema: string): string {
  const url = new URL(DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

export function postgres(): Backend {
  const admin = DATABASE_URL ? postgresClient(DATABASE_URL, 2) : null;
  return {
    name: 'PostgreSQL',
    skip: DATABASE_URL || REQUIRE_POSTGRES ? false : 'DATABASE_URL is not set (e.g. postgres://plaudit:plaudit@127.0.0.1:5432/plaudit_test)',
    async blank() {
      if (!admin) throw new Error('PLAUDIT_REQUIRE_POSTGRES=1 but DATABASE_URL is not set');
      const schema = `${RUN}_${++schemas}`;
      await admin.exec(`CREATE SCHEMA ${schema}`);
      const clients: SqlClient[] = [];
      return {
        schema,
        connect() {
          const client = postgresClient(urlWithSchema(schema), 10);
          clients.push(client);
          return client;
        },
        async close() {
          await Promise.all(clients.map((c) => c.close()));
          await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        },
      };
    },
    async end() {
      if (!admin) return;
      const left = await admin.query<{ name: string }>(
        'SELECT schema_name AS name FROM information_schema.schemata WHERE starts_with(schema_name, $1)', [RUN]);
      for (const { name } of left) await admin.exec(`DROP SCHEMA ${name} CASCADE`);
      await admin.close();
    },
  };
}

export const backends = (): Backend[] => [pgliteMemory(), postgres()];

/**
 * For a suite that needs one storage and not a particular database: a fresh
 * migrated PGlite storage in memory, opened before the suite's tests and closed
 * after them. Call inside `describe`; read `.current` inside the tests.
 */
export function memoryStorageForSuite(): { current: Opened } {
  const backend = pgliteMemory();
  const opened = {} as { current: Opened };
  before(async () => (opened.current = await open(backend)));
  after(async () => {
    await opened.current?.close();
    await backend.end();
  });
  return opened;
}

/** Every table of the storage's schema, each row as text: what a database dump would show. */
export async function dumpTables(client: SqlClient): Promise<string> {
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`);
  const parts: string[] = [];
  for (const { name } of tables) {
    // Table names come from the catalogue, quoted as identifiers.
    const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name.replace(/"/g, '""')}" t`);
    parts.push(`${name}:\n${rows.map((r) => r.row).join('\n')}`);
  }
  return parts.join('\n');
}
