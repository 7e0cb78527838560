/**
 * The sync engine: one per endpoint per page, shared by every element that
 * names that endpoint, and gone when the last one lets go.
 *
 * How the other layers use it:
 * - `const engine = acquireSyncEngine(endpoint)` when an element with an
 *   `endpoint` connects; `engine.release()` when it disconnects (the
 *   `SyncController` does both).
 * - Stores write their record and `enqueue(tx, { key, kind, articleId, targetId? })`
 *   in ONE transaction, then call `engine.notifyChanged()`; the engine flushes
 *   after a short debounce. Keys: `claps:<articleId>`, `annotation:<id>`,
 *   `article:<articleId>` (written by `registerArticle`).
 * - Clap displays call `engine.subscribeTotals(articleId, cb)`: `cb` gets the
 *   cached totals from the `totals` store at once, then fresh ones from the
 *   server (on subscribe, after every clap write, and from other tabs). The
 *   server's `total` includes `mine`, the reader's count it has stored; show
 *   `total - mine + localCount` so unsent claps count once.
 * - `engine.subscribe(listener)` reports `SyncStatus` changes; `retry(seq)` and
 *   `discard(seq)` act on changes the server refused.
 *
 * It flushes on change (debounced), on start, on `online`, and when the tab
 * becomes visible again; it backs off with full jitter and honours Retry-After.
 * Only the tab holding the Web Lock flushes; the others hear about results over
 * the `plaudit-sync` BroadcastChannel and from the shared database.
 */
import { enqueue } from '../storage/outbox-store.js';
import { openPlauditDatabase, type PlauditDatabase } from '../storage/open-database.js';
import { getReaderIdentity, type ReaderIdentity } from '../storage/reader-identity.js';
import type { OutboxEntry } from '../storage/schema.js';
import { DEFAULT_BACKOFF, nextDelay, type BackoffOptions } from './backoff.js';
import { HttpClient } from './http-client.js';
import { SyncLeader } from './leader.js';
import { flushEntry, type EntryOutcome } from './outbox-flusher.js';
import { MediaType, paths, type ArticleRegistration, type ClapTotals } from './protocol.js';
import { sameStatus, SyncState, type SyncStatus } from './sync-status.js';

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
}

/** What an article registers: its id plus the protocol's registration. */
export interface ArticleInfo extends ArticleRegistration {
  articleId: string;
}

type Message =
  | { type: 'status'; endpoint: string; status: SyncStatus }
  | { type: 'totals'; endpoint: string; articleId: string; totals: ClapTotals }
  | { type: 'idle'; endpoint: string };

export const CHANNEL_NAME = 'plaudit-sync';

export class SyncEngine {
  readonly endpoint: string;
  readonly http: HttpClient;
  readonly leader: SyncLeader;
  #status: SyncStatus = { state: SyncState.Syncing, pending: 0, failed: [] };
  readonly #listeners = new Set<(status: SyncStatus) => void>();
  readonly #totalsListeners = new Map<string, Set<(totals: ClapTotals) => void>>();
  readonly #db: Promise<PlauditDatabase>;
  readonly #debounceMs: number;
  readonly #backoff: BackoffOptions;
  readonly #channel: BroadcastChannel | null;
  readonly #onRelease: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | null = null;
  #again = false;
  #failures = 0;
  /** No flush before this time (backoff, Retry-After) unless forced. */
  #resumeAt = 0;
  #offline = false;
  #authError: string | undefined;
  #leading = false;
  #disposed = false;
  #identity: Promise<ReaderIdentity> | undefined;

  constructor(endpoint: string, options: SyncEngineOptions = {}, onRelease: () => void = () => undefined) {
    this.endpoint = endpoint.replace(/\/+$/, '');
    this.#onRelease = onRelease;
    this.#debounceMs = options.debounceMs ?? 400;
    this.#backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.#db = (options.openDatabase ?? (() => openPlauditDatabase()))();
    this.#db.catch(() => undefined);
    this.http = new HttpClient({
      ...(options.fetch ? { fetch: options.fetch } : {}),
      token: async () => (await (this.#identity ??= this.#db.then(getReaderIdentity))).token,
      timeoutMs: options.timeoutMs ?? 15_000,
      maxInFlight: options.maxInFlight ?? 4,
    });
    this.leader = new SyncLeader(this.endpoint, options.locks === undefined ? undefined : options.locks);
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
    this.#channel?.addEventListener('message', this.#onMessage);
    addEventListener('online', this.#onOnline);
    addEventListener('offline', this.#onOffline);
    document.addEventListener('visibilitychange', this.#onVisible);
    this.#schedule(0);
  }

  /** The current status; `subscribe` to hear changes. */
  get status(): SyncStatus {
    return this.#status;
  }

  /** Calls `listener` on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Calls `listener` with the article's totals: the cached ones first, then the
   * server's (fetched now, then after each clap write and from other tabs).
   */
  subscribeTotals(articleId: string, listener: (totals: ClapTotals) => void): () => void {
    let set = this.#totalsListeners.get(articleId);
    if (!set) this.#totalsListeners.set(articleId, (set = new Set()));
    set.add(listener);
    void this.#db
      .then((db) => db.get('totals', articleId))
      .then((cached) => {
        if (cached && set.has(listener)) {
          listener({ total: cached.total, clappers: cached.clappers, mine: cached.mine ?? 0 });
        }
      })
      .catch(() => undefined)
      .then(() => this.fetchTotals(articleId));
    return () => set.delete(listener);
  }

  /** Asks the server for an article's totals; stores and reports them. Null when unreachable. */
  async fetchTotals(articleId: string): Promise<ClapTotals | null> {
    if (this.#disposed) return null;
    try {
      const response = await this.http.send({
        method: 'GET',
        url: paths.claps(this.endpoint, articleId),
        headers: { Accept: MediaType.Json },
      });
      if (!response.ok) return null;
      const totals = (await response.json()) as ClapTotals;
      const db = await this.#db;
      await db.put('totals', { articleId, ...totals, fetched: new Date().toISOString() });
      this.#emitTotals(articleId, totals, true);
      return totals;
    } catch {
      return null;
    }
  }

  /** A store queued a change: flush soon. */
  notifyChanged(): void {
    void this.#refresh();
    this.#schedule(this.#debounceMs);
  }

  /** Flushes now, resolving when this pass is over (retries may still be scheduled). */
  async flushNow(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#resumeAt = 0;
    await this.#flush();
  }

  /**
   * Queues the article's registration when its text hash differs from the one
   * last queued for this endpoint (first sync included).
   */
  async registerArticle(db: PlauditDatabase, info: ArticleInfo): Promise<boolean> {
    const { articleId, ...registration } = info;
    const hashKey = `sync:${this.endpoint}:article-hash:${articleId}`;
    const tx = db.transaction(['meta', 'outbox'], 'readwrite');
    const known = await tx.objectStore('meta').get(hashKey);
    if (known === registration.textHash) {
      await tx.done;
      return false;
    }
    await tx.objectStore('meta').put(registration.textHash, hashKey);
    await enqueue(tx, { key: `article:${articleId}`, kind: 'article', articleId, payload: registration });
    await tx.done;
    this.notifyChanged();
    return true;
  }

  /** Sends a refused change again (the reader pressed Retry). Without `seq`, every refused change. */
  async retry(seq?: number): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction('outbox', 'readwrite');
    for (const entry of await tx.store.getAll()) {
      if (entry.state === 'failed' && (seq === undefined || entry.seq === seq)) {
        const { error: _error, ...rest } = entry;
        await tx.store.put({ ...rest, state: 'pending' });
      }
    }
    await tx.done;
    this.#authError = undefined;
    this.#failures = 0;
    await this.flushNow();
  }

  /** Drops a refused change; the local record stays as it is. */
  async discard(seq: number): Promise<void> {
    const db = await this.#db;
    const tx = db.transaction('outbox', 'readwrite');
    const entry = await tx.store.get(seq);
    if (entry?.state === 'failed') await tx.store.delete(seq);
    await tx.done;
    await this.#refresh();
  }

  /** Lets go of this reference; the last one stops timers, listeners and requests. */
  release(): void {
    this.#onRelease();
  }

  /** Stops everything now (the registry calls this when the last reference goes). */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.http.dispose();
    this.#channel?.removeEventListener('message', this.#onMessage);
    this.#channel?.close();
    removeEventListener('online', this.#onOnline);
    removeEventListener('offline', this.#onOffline);
    document.removeEventListener('visibilitychange', this.#onVisible);
    this.#listeners.clear();
    this.#totalsListeners.clear();
  }

  #schedule(ms: number): void {
    if (this.#disposed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#flush();
    }, ms);
  }

  /** One flush at a time per engine; a request during a flush runs another after it. */
  #flush(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        await this.#flushOnce().catch(() => {
          // The database failed us (closed by an upgrade in another tab, quota): try again later.
          const delay = nextDelay(++this.#failures, null, this.#backoff);
          this.#resumeAt = Date.now() + delay;
          this.#schedule(delay);
        });
      } while (this.#again && !this.#disposed);
    })().finally(() => (this.#running = null));
    return this.#running;
  }

  async #flushOnce(): Promise<void> {
    if (this.#disposed) return;
    const db = await this.#db;
    const wait = this.#resumeAt - Date.now();
    if (wait > 0) {
      this.#schedule(wait);
      return;
    }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.#offline = true;
      await this.#refresh();
      return;
    }
    const result = await this.leader.run(async () => {
      this.#leading = true;
      try {
        return await this.#drain(db);
      } finally {
        this.#leading = false;
      }
    });
    if (!result.ran) {
      // Another tab is flushing; it drains the shared outbox. Look again later in case it just finished.
      await this.#refresh();
      if (this.#status.pending > 0) this.#schedule(Math.max(4 * this.#debounceMs, 50));
      return;
    }
    this.#post({ type: 'idle', endpoint: this.endpoint });
    const delay = result.value;
    if (delay !== null) this.#schedule(delay);
  }

  /** Sends pending entries until none are left; returns the wait before a retry, or null. */
  async #drain(db: PlauditDatabase): Promise<number | null> {
    for (;;) {
      if (this.#disposed) return null;
      const entries = (await db.getAll('outbox')).filter((e) => e.state === 'pending');
      if (entries.length === 0) {
        this.#failures = 0;
        this.#offline = false;
        await this.#refresh();
        return null;
      }
      this.#setStatus({ ...this.#status, state: SyncState.Syncing, pending: entries.length });
      const outcomes = await this.#sendAll(db, entries);
      const stop = outcomes.find((o) => o.type === 'retry' || o.type === 'auth');
      if (!stop) {
        this.#failures = 0;
        this.#offline = false;
        this.#authError = undefined;
        continue;
      }
      this.#offline = stop.type === 'retry' && stop.offline;
      this.#authError = stop.type === 'auth' ? stop.reason : undefined;
      await this.#refresh();
      const retryAfter = outcomes.reduce<number | null>(
        (max, o) => (o.type === 'retry' && o.retryAfterMs !== null ? Math.max(max ?? 0, o.retryAfterMs) : max),
        null,
      );
      const delay = nextDelay(++this.#failures, retryAfter, this.#backoff);
      this.#resumeAt = Date.now() + delay;
      return delay;
    }
  }

  /** Sends entries through a pool as wide as the in-flight cap; stops taking new ones after a transient failure. */
  async #sendAll(db: PlauditDatabase, entries: OutboxEntry[]): Promise<EntryOutcome[]> {
    const outcomes: EntryOutcome[] = [];
    let next = 0;
    let halted = false;
    const ctx = { base: this.endpoint, db, http: this.http, onTotals: (a: string, t: ClapTotals) => this.#emitTotals(a, t, true) };
    const worker = async () => {
      while (!halted && !this.#disposed && next < entries.length) {
        const outcome = await flushEntry(ctx, entries[next++]!);
        outcomes.push(outcome);
        if (outcome.type === 'retry' || outcome.type === 'auth') halted = true;
        else if (outcome.type === 'failed') void this.#refresh();
      }
    };
    const width = Math.min(entries.length, Math.max(1, this.http.cap));
    await Promise.all(Array.from({ length: width }, worker));
    return outcomes;
  }

  /** Recomputes the status from the shared outbox. */
  async #refresh(): Promise<void> {
    if (this.#disposed) return;
    const db = await this.#db.catch(() => null);
    if (!db) return;
    const entries = await db.getAll('outbox');
    const failed = entries
      .filter((e) => e.state === 'failed')
      .map((e) => ({ seq: e.seq!, kind: e.kind, articleId: e.articleId, reason: e.error ?? 'refused by the server' }));
    const pending = entries.length - failed.length;
    const state =
      this.#authError || failed.length
        ? SyncState.Error
        : pending === 0
          ? SyncState.Synced
          : this.#offline
            ? SyncState.Offline
            : SyncState.Syncing;
    this.#setStatus({ state, pending, failed, ...(this.#authError ? { reason: this.#authError } : {}) });
  }

  #setStatus(status: SyncStatus, broadcast = true): void {
    if (sameStatus(status, this.#status)) return;
    this.#status = status;
    for (const listener of [...this.#listeners]) listener(status);
    if (broadcast && this.#leading) this.#post({ type: 'status', endpoint: this.endpoint, status });
  }

  #emitTotals(articleId: string, totals: ClapTotals, broadcast: boolean): void {
    for (const listener of [...(this.#totalsListeners.get(articleId) ?? [])]) listener(totals);
    if (broadcast) this.#post({ type: 'totals', endpoint: this.endpoint, articleId, totals });
  }

  #post(message: Message): void {
    if (!this.#disposed) this.#channel?.postMessage(message);
  }

  readonly #onMessage = (event: MessageEvent<Message>): void => {
    const message = event.data;
    if (message?.endpoint !== this.endpoint || this.#disposed) return;
    if (message.type === 'totals') this.#emitTotals(message.articleId, message.totals, false);
    else if (message.type === 'status' && !this.#leading) this.#setStatus(message.status, false);
    else if (message.type === 'idle') {
      void this.#refresh().then(() => {
        if (this.#status.pending > 0 && !this.#timer) this.#schedule(this.#debounceMs);
      });
    }
  };

  readonly #onOnline = (): void => {
    this.#offline = false;
    this.#failures = 0;
    this.#resumeAt = 0;
    this.#schedule(0);
  };

  readonly #onOffline = (): void => {
    this.#offline = true;
    void this.#refresh();
  };

  readonly #onVisible = (): void => {
    if (document.visibilityState === 'visible') this.#schedule(0);
  };
}

const engines = new Map<string, { engine: SyncEngine; refs: number }>();

/**
 * Returns the page's engine for `endpoint`, creating it on first use (`options`
 * apply only then). Each call must be paired with `engine.release()`.
 */
export function acquireSyncEngine(endpoint: string, options?: SyncEngineOptions): SyncEngine {
  const key = endpoint.replace(/\/+$/, '');
  let slot = engines.get(key);
  if (!slot) {
    const engine: SyncEngine = new SyncEngine(key, options, () => {
      const current = engines.get(key);
      if (!current || current.engine !== engine) return;
      if (--current.refs === 0) {
        engines.delete(key);
        engine.dispose();
      }
    });
    slot = { engine, refs: 0 };
    engines.set(key, slot);
  }
  slot.refs++;
  return slot.engine;
}

/** An engine outside the page's registry (tests use two to stand in for two tabs). `release()` disposes it. */
export function createSyncEngine(endpoint: string, options?: SyncEngineOptions): SyncEngine {
  const engine: SyncEngine = new SyncEngine(endpoint, options, () => engine.dispose());
  return engine;
}
