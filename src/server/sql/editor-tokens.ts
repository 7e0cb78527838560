/**
 * Editors' bearer tokens (`plaudit-server editor-token ...`): only a token's
 * SHA-256 is stored, so the clear token exists once, in `create`'s answer.
 */
import { hashToken, newToken } from '../../endpoint/tokens.js';
import type { SqlClient } from './sql-client.js';
import { iso } from './sql-rows.js';

/** An editor token as listed. */
export interface EditorToken {
  id: number;
  name: string;
  /** ISO time. */
  created: string;
  /** ISO time, null while the token is live. */
  revoked: string | null;
}

interface EditorTokenRow {
  id: number | string;
  name: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

/** Names that are whole numbers would read as ids in `revoke`. */
const ID = /^\d+$/;

export async function createEditorToken(db: SqlClient, name: string, at: string): Promise<{ id: number; name: string; token: string }> {
  if (name.trim() === '' || ID.test(name)) throw new Error('an editor token needs a name that is not a number (numbers are ids)');
  const token = newToken('pe_');
  const [row] = await db.query<{ id: number | string }>(
    'INSERT INTO plaudit_editor_tokens (name, token_hash, created_at) VALUES ($1, $2, $3) RETURNING id', [name, await hashToken(token), at]);
  return { id: Number(row!.id), name, token };
}

/** Every token ever made, revoked ones included, oldest first. */
export async function listEditorTokens(db: SqlClient): Promise<EditorToken[]> {
  const rows = await db.query<EditorTokenRow>('SELECT id, name, created_at, revoked_at FROM plaudit_editor_tokens ORDER BY id');
  return rows.map((r) => ({ id: Number(r.id), name: r.name, created: iso(r.created_at), revoked: r.revoked_at === null ? null : iso(r.revoked_at) }));
}

/** Revokes the live token with that id (a whole number), or every live token of that name; false when there was none. */
export async function revokeEditorToken(db: SqlClient, idOrName: string, at: string): Promise<boolean> {
  const match = ID.test(idOrName) ? 'id = $1::bigint' : 'name = $1';
  const rows = await db.query(`UPDATE plaudit_editor_tokens SET revoked_at = $2 WHERE ${match} AND revoked_at IS NULL RETURNING id`, [idOrName, at]);
  return rows.length > 0;
}

export async function isLiveEditorToken(db: SqlClient, tokenHash: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM plaudit_editor_tokens WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
  return rows.length > 0;
}
