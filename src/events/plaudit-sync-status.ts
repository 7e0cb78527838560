import type { SyncStatus } from '../sync/sync-status.js';

export interface PlauditSyncStatusDetail {
  /** The endpoint the status is about. */
  endpoint: string;
  status: SyncStatus;
}

/**
 * Fired by an element with an `endpoint` whenever its sync status changes
 * (queued, syncing, synced, offline, refused). Bubbles and crosses shadow roots.
 */
export class PlauditSyncStatusEvent extends Event {
  static readonly type = 'plaudit-sync-status';
  readonly detail: PlauditSyncStatusDetail;

  constructor(detail: PlauditSyncStatusDetail) {
    super(PlauditSyncStatusEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plaudit-sync-status': PlauditSyncStatusEvent;
  }
}
