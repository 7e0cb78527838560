/**
 * The sync engine's contract, as elements and controllers see it (the
 * implementation is `sync-engine.ts`).
 */
import type { PlauditDatabase } from '../storage/open-database.js';
import type { BackoffOptions } from './backoff.js';
import type { HttpClient } from './http-client.js';
import type { SyncLeader } from './leader.js';
import type { SyncClock, VisibilitySource } from './sync-clock.js';
import type { ArticleRegistration, ClapTotals } from './protocol.js';
import type { SyncStatus } from './sync-status.js';

export interface SyncEngineOptions {
  /** Replaces `fetch` (tests route requests to the mock in-page). */
  fetch?: typeof fetch;
  openDatabase?: () => Promise<PlauditDatabase>;
  /** Wait after a change before flushing, so bursts of claps travel as one request. */
  debounceMs?: number;
  timeoutMs?: number;
  maxInFlight?: number;
  backoff?: Partial<BackoffOptions>;
  /** `null` disables Web Locks (every tab flushes). */
  locks?: LockManager | null;
  /** Time and timers (default: the page's); tests pass a manual clock. */
  clock?: SyncClock;
  /** Where visibility comes from (default: `document`). */
  visibility?: VisibilitySource;
  /** The totals refresh while the tab is visible: every `intervalMs` (default 30 s), ±20% jitter from `random`. */
  totalsRefresh?: { intervalMs?: number; random?: () => number };
}

/** What an article registers: its id plus the protocol's registration. */
export interface ArticleInfo extends ArticleRegistration {
  articleId: string;
}

export interface SyncEngine {
  /** The endpoint, without a trailing slash. */
  readonly endpoint: string;
  readonly http: HttpClient;
  readonly leader: SyncLeader;
  /** The current status; `subscribe` to hear changes. */
  readonly status: SyncStatus;
  /** Calls `listener` on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /**
   * Calls `listener` with the article's totals: the cached ones first, then the
   * server's (fetched when the article's first listener subscribes, after each
   * clap write, from other tabs, when the tab becomes visible again and
   * periodically while it is visible; one request per article however many
   * listeners it has).
   */
  subscribeTotals(articleId: string, listener: (totals: ClapTotals) => void): () => void;
  /**
   * Asks the server for an article's totals (conditionally, with the last ETag);
   * stores and reports new ones. Resolves with the latest known totals, null when unreachable.
   */
  fetchTotals(articleId: string): Promise<ClapTotals | null>;
  /** A store queued a change: flush soon. */
  notifyChanged(): void;
  /** Flushes now, resolving when this pass is over (retries may still be scheduled). */
  flushNow(): Promise<void>;
  /**
   * Queues the article's registration when its text hash differs from the one
   * last queued for this endpoint (first sync included).
   */
  registerArticle(db: PlauditDatabase, info: ArticleInfo): Promise<boolean>;
  /** Sends a refused change again (the reader pressed Retry). Without `seq`, every refused change. */
  retry(seq?: number): Promise<void>;
  /** Drops a refused change; the local record stays as it is. */
  discard(seq: number): Promise<void>;
  /** Lets go of this reference; the last one stops timers, listeners and requests. */
  release(): void;
  /** Stops everything now (the registry calls this when the last reference goes). */
  dispose(): void;
}
