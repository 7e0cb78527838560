/**
 * The little of a SQL driver the storage needs, with two adapters: PGlite
 * (embedded PostgreSQL in WASM, one session) and a real PostgreSQL through a
 * `pg` pool. The storage writes one SQL dialect for both; every value travels
 * as a `$n` parameter.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import pg from 'pg';

export interface SqlClient {
  /** Runs one statement; values only as `$1`, `$2`... parameters. */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction (READ COMMITTED unless `fn` first sets the
   * level): committed when it resolves, rolled back when it throws. Run again
   * from the start on a serialization failure, a deadlock or `RetryTransaction`,
   * a few times, so `fn` must do nothing but SQL. Inside, `tx.transaction` runs
   * in the same transaction.
   */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Thrown inside `transaction()` to roll back and run the function again: a concurrent write got there first. */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(`retry: ${reason}`);
    this.name = 'RetryTransaction';
  }
}

/** How many times a transaction is tried before its failure is passed on. */
const ATTEMPTS = 5;
/** SQLSTATE serialization_failure and deadlock_detected: PostgreSQL asks for the transaction to be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

const retryable = (error: unknown): boolean =>
  error instanceof RetryTransaction || RETRYABLE.has(String((error as { code?: unknown } | null)?.code));

async function withRetries<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= ATTEMPTS || !retryable(error)) throw error;
      // A short random pause, so transactions that collided do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/** A client bound to one open transaction: nested transactions join it, closing is the owner's job. */
function inTransaction(connection: {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  exec(sql: string): Promise<unknown>;
}): SqlClient {
  const tx: SqlClient = {
    query: async <T>(sql: string, params?: unknown[]) => (await connection.query(sql, params)).rows as T[],
    exec: async (sql) => void (await connection.exec(sql)),
    transaction: (fn) => fn(tx),
    close: () => Promise.reject(new Error('close the client, not a transaction')),
  };
  return tx;
}

/**
 * PGlite in `dataDir` (a directory it creates or reopens), or in memory when
 * none is given. One session: PGlite runs transactions one at a time, so
 * nothing here ever conflicts.
 */
export async function pgliteClient(dataDir?: string): Promise<SqlClient> {
  const db = new PGlite(dataDir);
  await db.waitReady;
  const txClient = (tx: Transaction) => inTransaction({ query: (sql, params) => tx.query(sql, params), exec: (sql) => tx.exec(sql) });
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    exec: async (sql) => void (await db.exec(sql)),
    transaction: (fn) => withRetries(() => db.transaction((tx) => fn(txClient(tx)))),
    close: () => db.close(),
  };
}

/**
 * A pool of `poolSize` connections to the PostgreSQL at `databaseUrl`
 * (`postgres://user:password@host:port/database`; `?options=-c search_path=...`
 * picks a schema). Each transaction holds one pooled connection from BEGIN to
 * COMMIT or ROLLBACK.
 */
export function postgresClient(databaseUrl: string, poolSize = 10): SqlClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection that breaks is dropped from the pool and the next query opens another; without a listener it would crash the process.
  pool.on('error', () => {});
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
    exec: async (sql) => void (await pool.query(sql)),
    transaction: (fn) => withRetries(async () => {
      const connection = await pool.connect();
      let broken: Error | undefined;
      try {
        await connection.query('BEGIN');
        // Without parameters pg sends the simple protocol, which takes a script of several statements.
        const result = await fn(inTransaction({ query: (sql, params) => connection.query(sql, params), exec: (sql) => connection.query(sql) }));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch((e: Error) => (broken = e));
        throw error;
      } finally {
        // A connection that cannot even roll back is closed rather than handed to the next caller.
        connection.release(broken);
      }
    }),
    close: () => pool.end(),
  };
}
