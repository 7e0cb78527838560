/**
 * The database's schema, as numbered migrations applied in order on start.
 * A released migration never changes: a change of schema is a new one.
 */
import type { SqlClient } from './sql-client.js';

export interface Migration {
  version: number;
  name: string;
  /** A script of statements, no parameters. */
  sql: string;
}

/**
 * 1. Tables for readers, editor tokens, articles, claps and their log,
 * annotations and `meta` (the review secret, this database's `instance` id).
 *
 * `plaudit_changes` gets one row per committed transaction that changed a
 * table the editor snapshot reads, written by statement triggers on those
 * tables; it is never updated or deleted from, so its row count is what
 * `version()` reports (see `SqlStorage.version`). `plaudit.changed` is a
 * transaction-local setting so a transaction of many statements adds one row.
 * Triggers, not the storage code, so a change made any other way (an
 * operator's psql, a future method) moves the version too. They name the
 * schema of the table that fired them (`TG_TABLE_SCHEMA`, a catalogue name
 * quoted by `%I`), so they work under any `search_path`; a function
 * `SET search_path` would too, but measurably slowed every clap write.
 *
 * Annotations and registrations are `json`, not `jsonb`: the text is kept as
 * written, so they are served with their keys in their own order (`@context`
 * first). `created` orders annotations, bytewise (`COLLATE "C"`) whatever the
 * database's locale; `creator` is the reader id an annotation names, in lower
 * case (a reader's data includes what names them). `prev_count` is the count
 * an accepted clap write replaced, so the upsert itself yields the change to log.
 */
const INITIAL = `
CREATE TABLE plaudit_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO plaudit_meta (key, value) VALUES ('instance', gen_random_uuid()::text);

CREATE TABLE plaudit_readers (
  reader_id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE
);

CREATE TABLE plaudit_editor_tokens (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);

CREATE TABLE plaudit_articles (
  id text PRIMARY KEY,
  registration json NOT NULL,
  registered timestamptz NOT NULL
);

CREATE TABLE plaudit_claps (
  article_id text NOT NULL,
  reader_id uuid NOT NULL,
  count integer NOT NULL,
  rev bigint NOT NULL,
  updated timestamptz NOT NULL,
  prev_count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, reader_id)
);
CREATE INDEX plaudit_claps_by_reader ON plaudit_claps (reader_id);

CREATE TABLE plaudit_clap_log (
  id bigserial PRIMARY KEY,
  article_id text NOT NULL,
  reader_id uuid NOT NULL,
  at timestamptz NOT NULL,
  delta integer NOT NULL
);
CREATE INDEX plaudit_clap_log_by_article ON plaudit_clap_log (article_id, id);
CREATE INDEX plaudit_clap_log_by_reader ON plaudit_clap_log (reader_id);

CREATE SEQUENCE plaudit_etag_seq;
CREATE TABLE plaudit_annotations (
  uuid uuid PRIMARY KEY,
  article_id text NOT NULL,
  owner text NOT NULL,
  annotation json NOT NULL,
  etag text NOT NULL UNIQUE,
  created text COLLATE "C" NOT NULL,
  creator text GENERATED ALWAYS AS (lower(annotation->>'creator')) STORED
);
CREATE INDEX plaudit_annotations_by_article ON plaudit_annotations (article_id, created, uuid);
CREATE INDEX plaudit_annotations_by_owner ON plaudit_annotations (owner, created, uuid);
CREATE INDEX plaudit_annotations_by_creator ON plaudit_annotations (creator);

CREATE TABLE plaudit_changes (id bigserial PRIMARY KEY);

CREATE FUNCTION plaudit_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('plaudit.changed', true) IS DISTINCT FROM 'yes' AND EXISTS (SELECT FROM changed) THEN
    EXECUTE format('INSERT INTO %I.plaudit_changes DEFAULT VALUES', TG_TABLE_SCHEMA);
    PERFORM set_config('plaudit.changed', 'yes', true);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION plaudit_count_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('INSERT INTO %I.plaudit_changes DEFAULT VALUES', TG_TABLE_SCHEMA);
  RETURN NULL;
END $$;

`;

/** The tables the editor snapshot reads: every change to one counts in `plaudit_changes`. */
const COUNTED = ['plaudit_readers', 'plaudit_articles', 'plaudit_claps', 'plaudit_clap_log', 'plaudit_annotations'];

/** The four statement triggers of one counted table (names are ours, never input). */
const countChanges = (table: string) => `
CREATE TRIGGER inserted AFTER INSERT ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION plaudit_count_change();
CREATE TRIGGER updated AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION plaudit_count_change();
CREATE TRIGGER deleted AFTER DELETE ON ${table} REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION plaudit_count_change();
CREATE TRIGGER truncated AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION plaudit_count_truncate();
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: INITIAL + COUNTED.map(countChanges).join('') },
];

/** Any bigint, the same in every process: the advisory lock that serialises migrations (ASCII "plaudit"). */
const MIGRATION_LOCK = 0x706c6175646974;

const MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS plaudit_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Applies the migrations the database lacks, each in its own transaction with
 * its record in `plaudit_migrations`. Processes starting at once against one
 * PostgreSQL take turns on an advisory lock, and each migration re-reads what
 * is applied after taking it, so every migration runs once. Answers the
 * versions it applied.
 */
export async function migrate(client: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const applied: number[] = [];
  for (const migration of migrations) {
    const ran = await client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.exec(MIGRATIONS_TABLE);
      const done = await tx.query('SELECT 1 FROM plaudit_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO plaudit_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}
