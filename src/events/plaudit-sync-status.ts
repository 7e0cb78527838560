import type { SyncStatus } from '../sync/sync-status.js';

export interface PlauditSyncStatusDetail {
  /** The endpoint the status is about. */
  endpoint: string;
  /** `state` (`syncing`, `synced`, `offline`, `error`), `pending` and `failed` changes, and a `reason`. */
  status: SyncStatus;
}

/**
 * Fired by `<plaudit-article>` with an `endpoint` when its sync starts and
 * whenever the status changes (syncing, synced, offline, refused). Bubbles and
 * crosses shadow roots; not cancelable. `<plaudit-claps>` and
 * `<plaudit-sync-status>` share the same engine and do not fire it, so a page
 * hears each change once.
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
