import type { OutboxKind } from '../storage/schema.js';

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
  /** Why sync stopped, for `Error` (or the last network failure, for `Offline`). */
  reason?: string;
}

export const LOCAL_STATUS: SyncStatus = Object.freeze({ state: SyncState.Local, pending: 0, failed: [] });

/** The sentence the status line shows and announces. */
export function statusMessage(status: SyncStatus): string {
  switch (status.state) {
    case SyncState.Local:
      return 'Saved on this device';
    case SyncState.Syncing:
      return 'Syncing...';
    case SyncState.Synced:
      return 'Synced';
    case SyncState.Offline:
      return `Offline: ${status.pending} ${status.pending === 1 ? 'change' : 'changes'} waiting`;
    case SyncState.Error:
      return `Couldn't sync: ${status.reason ?? status.failed[0]?.reason ?? 'unknown error'}`;
  }
}

/** Whether two statuses would show the same thing (to skip needless updates). */
export function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return (
    a.state === b.state &&
    a.pending === b.pending &&
    a.reason === b.reason &&
    a.failed.length === b.failed.length &&
    a.failed.every((f, i) => f.seq === b.failed[i]?.seq && f.reason === b.failed[i]?.reason)
  );
}
