/**
 * `plaudit-server editor-token create|list|revoke`: editors' bearer tokens,
 * kept (as hashes) in the database. A new token is printed once, alone on
 * stdout so a script can capture it; the warning goes to stderr. Listings
 * never show tokens, since the database holds only their hashes.
 */
import type { LogSink } from './request-log.js';

type Time = string | Date;

/** The part of the SQL storage these commands use. */
export interface EditorTokenStore {
  createEditorToken(name: string): Promise<{ id: string | number; name: string; token: string }>;
  listEditorTokens(): Promise<Array<{ id: string | number; name: string; created: Time; revoked: Time | null }>>;
  revokeEditorToken(idOrName: string): Promise<boolean>;
}

export interface CommandIo {
  stdout: LogSink;
  stderr: LogSink;
}

export async function createEditorToken(store: EditorTokenStore, name: string, io: CommandIo): Promise<number> {
  const created = await store.createEditorToken(name);
  io.stdout.write(`${created.token}\n`);
  io.stderr.write(
    `Editor token "${created.name}" (id ${created.id}) created. Copy it now: it is stored only as a hash and cannot be shown again.\n`,
  );
  return 0;
}

export async function listEditorTokens(store: EditorTokenStore, json: boolean, io: CommandIo): Promise<number> {
  const tokens = (await store.listEditorTokens()).map((t) => ({
    id: String(t.id),
    name: t.name,
    created: iso(t.created),
    revoked: t.revoked === null ? null : iso(t.revoked),
  }));
  if (json) {
    io.stdout.write(`${JSON.stringify(tokens)}\n`);
    return 0;
  }
  if (tokens.length === 0) {
    io.stderr.write('No editor tokens yet: plaudit-server editor-token create --name NAME\n');
    return 0;
  }
  io.stdout.write(table(['ID', 'NAME', 'CREATED', 'REVOKED'], tokens.map((t) => [t.id, t.name, t.created, t.revoked ?? '-'])));
  return 0;
}

export async function revokeEditorToken(store: EditorTokenStore, target: string, io: CommandIo): Promise<number> {
  if (await store.revokeEditorToken(target)) {
    io.stderr.write(`Editor token ${target} revoked.\n`);
    return 0;
  }
  io.stderr.write(`plaudit-server: no live editor token with the id or name "${target}"\n`);
  return 1;
}

function iso(time: Time): string {
  return typeof time === 'string' ? time : time.toISOString();
}

/** Left-aligned columns two spaces apart, a header row first. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  return all.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}
