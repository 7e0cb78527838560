/** The outcome of trying to become the tab that flushes. */
export type LeaderResult<T> = { ran: true; value: T } | { ran: false };

/**
 * Lets one tab at a time flush the outbox for an endpoint, through a Web Lock
 * named `plaudit-sync:<endpoint>` taken with `ifAvailable`: a tab that finds the
 * lock held skips its turn, because the holder will drain the shared outbox.
 * Without the Web Locks API (or with `locks` null) every tab flushes; the
 * protocol's idempotency keeps that safe, only wasteful.
 */
export interface SyncLeader {
  /** Whether tabs take turns; false where the Web Locks API is missing. */
  readonly exclusive: boolean;
  /** Runs `task` while holding the lock, or returns `{ ran: false }` when another tab holds it. */
  run<T>(task: () => Promise<T>): Promise<LeaderResult<T>>;
}

export function createSyncLeader(endpoint: string, locks: LockManager | null = navigator.locks ?? null): SyncLeader {
  return {
    exclusive: !!locks,
    run: async <T,>(task: () => Promise<T>) => {
      const ran = async (): Promise<LeaderResult<T>> => ({ ran: true, value: await task() });
      return locks
        ? locks.request(`plaudit-sync:${endpoint}`, { ifAvailable: true }, (lock) => (lock ? ran() : { ran: false }))
        : ran();
    },
  };
}
