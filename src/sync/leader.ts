/** The outcome of trying to become the tab that flushes. */
export type LeaderResult<T> = { ran: true; value: T } | { ran: false };

/**
 * Lets one tab at a time flush the outbox for an endpoint, through a Web Lock
 * named `plaudit-sync:<endpoint>` taken with `ifAvailable`: a tab that finds the
 * lock held skips its turn, because the holder will drain the shared outbox.
 * Without the Web Locks API every tab flushes; the protocol's idempotency keeps
 * that safe, only wasteful.
 */
export class SyncLeader {
  readonly lockName: string;
  readonly #locks: LockManager | null;

  constructor(endpoint: string, locks: LockManager | null = defaultLocks()) {
    this.lockName = `plaudit-sync:${endpoint}`;
    this.#locks = locks;
  }

  /** Whether tabs take turns; false where the Web Locks API is missing. */
  get exclusive(): boolean {
    return this.#locks !== null;
  }

  /** Runs `task` while holding the lock, or returns `{ ran: false }` when another tab holds it. */
  async run<T>(task: () => Promise<T>): Promise<LeaderResult<T>> {
    if (!this.#locks) return { ran: true, value: await task() };
    return this.#locks.request(this.lockName, { ifAvailable: true }, async (lock) => {
      if (!lock) return { ran: false } as const;
      return { ran: true, value: await task() } as const;
    });
  }
}

function defaultLocks(): LockManager | null {
  return typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks ? navigator.locks : null;
}
