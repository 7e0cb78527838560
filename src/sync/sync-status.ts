import type { OutboxEntry, OutboxKind } from '../storage/schema.js';

/** Where sync stands, as the status line shows it. */
export const SyncState = {
  /** No endpoint: everything stays on the device. */
  Local: 'local',
  Syncing: 'syncing',
  Synced: 'synced',
  Offline: 'offline',
  Error: 'error',
} as const;
export type SyncState = (typeof SyncState)[keyof typeof SyncState];

/** A change the server refused; it waits for the reader to retry or discard it. */
export interface FailedChange {
  seq: number;
  kind: OutboxKind;
  articleId: string;
  reason: string;
}

export interface SyncStatus {
  state: SyncState;
  /** Changes waiting to be sent, failed ones excluded. */
  pending: number;
  failed: FailedChange[];
  /** Why sync stopped, for `Error` when the server refused this device's token. */
  reason?: string;
}

export const LOCAL_STATUS: SyncStatus = { state: SyncState.Local, pending: 0, failed: [] };

/**
 * The status the outbox shows: refused changes or a refused token are an error;
 * otherwise synced when nothing waits, offline or syncing when something does.
 */
export function statusOf(outbox: OutboxEntry[], offline: boolean, authError?: string): SyncStatus {
  const failed = outbox
    .filter((e) => e.state === 'failed')
    .map((e) => ({ seq: e.seq!, kind: e.kind, articleId: e.articleId, reason: e.error ?? 'refused by the server' }));
  const pending = outbox.length - failed.length;
  const state =
    authError || failed.length ? SyncState.Error : !pending ? SyncState.Synced : offline ? SyncState.Offline : SyncState.Syncing;
  return { state, pending, failed, reason: authError };
}

/** Whether two statuses would show the same thing (to skip needless updates). */
export function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
