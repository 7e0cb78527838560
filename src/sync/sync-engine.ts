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
 * - When a server answer changes an annotation the reader sees (a 412 merge,
 *   moderation), the engine posts `{ type: 'reload', articleId }` on the
 *   `plaudit:annotations` channel, so open pages read the store again.
 *
 * It flushes on change (debounced), on start, on `online`, and when the tab
 * becomes visible again, one pass at a time; it backs off with full jitter and
 * honours Retry-After. The time a `Retry-After` names is kept in the database
 * (`meta`, per endpoint), so every engine on it, in this tab, another or after
 * a reload, waits until then: a flush asked for earlier is scheduled for that
 * time instead. Only the tab holding the Web Lock
 * flushes; the others hear about results over the `plaudit-sync:<endpoint>`
 * BroadcastChannel and from the shared database.
 */
import { ANNOTATION_CHANNEL, type AnnotationChannelMessage } from '../storage/annotation-store.js';
import { openPlauditDatabase, type PlauditDatabase } from '../storage/open-database.js';
import { readRetryAt, writeRetryAt } from '../storage/outbox-store.js';
import { getReaderIdentity, type ReaderIdentity } from '../storage/reader-identity.js';
import { DEFAULT_BACKOFF, nextDelay } from './backoff.js';
import { createHttpClient } from './http-client.js';
import { createSyncLeader } from './leader.js';
import { createFlusher } from './outbox-flusher.js';
import { dropFailed, queueRegistration, requeueFailed } from './outbox-actions.js';
import type { ClapTotals } from './protocol.js';
import type { SyncEngine, SyncEngineOptions } from './sync-engine-types.js';
import { sendRound } from './send-pool.js';
import { sharedRegistry } from './shared-registry.js';
import { systemClock } from './sync-clock.js';
import { statusOf, SyncState, type SyncStatus } from './sync-status.js';
import { createTotalsFeed } from './totals-feed.js';

export type { ArticleInfo, SyncEngine, SyncEngineOptions } from './sync-engine-types.js';

/** What tabs tell each other about one endpoint. */
type Message = { status: SyncStatus } | { articleId: string; totals: ClapTotals } | { idle?: never };

const trim = (endpoint: string) => endpoint.replace(/\/+$/, '');
/** A stored Retry-After time further ahead than this is a clock that jumped; it is ignored. */
const MAX_STORED_WAIT_MS = 24 * 60 * 60_000;
const acquire = sharedRegistry<SyncEngine>();

/**
 * Returns the page's engine for `endpoint`, creating it on first use (`options`
 * apply only then). Each call must be paired with `engine.release()`.
 */
export function acquireSyncEngine(endpoint: string, options?: SyncEngineOptions): SyncEngine {
  const key = trim(endpoint);
  return acquire(key, (release) => newEngine(key, options, release));
}

/** An engine outside the page's registry (tests use two to stand in for two tabs). `release()` disposes it. */
export function createSyncEngine(endpoint: string, options?: SyncEngineOptions): SyncEngine {
  const engine = newEngine(trim(endpoint), options, () => engine.dispose());
  return engine;
}

function newEngine(endpoint: string, options: SyncEngineOptions = {}, release: () => void): SyncEngine {
  const { debounceMs = 400, clock = systemClock, visibility = document } = options;
  const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
  const database = (options.openDatabase ?? openPlauditDatabase)();
  database.catch(() => undefined);
  let identity: Promise<ReaderIdentity> | undefined;
  const http = createHttpClient({ ...options, token: async () => (await (identity ??= database.then(getReaderIdentity))).token });
  const channel = new BroadcastChannel(`plaudit-sync:${endpoint}`);
  let annotationChannel: BroadcastChannel | undefined;
  /** Removes the window and document listeners. */
  const listening = new AbortController();
  const listeners = new Set<(status: SyncStatus) => void>();
  let status: SyncStatus = { state: SyncState.Syncing, pending: 0, failed: [] };
  let timer: unknown;
  let running: Promise<void> | undefined;
  let again = false;
  let failures = 0;
  /** No pass before this time (backoff) unless forced. */
  let resumeAt = 0;
  /** The database may hold a Retry-After time for this endpoint (so a pass that gets through clears it). */
  let retryAtStored = true;
  /** No answer came at all on the last pass, or the browser says it is offline. */
  let offline = false;
  /** The server's reason for refusing this device's token, until a pass gets through. */
  let authError: string | undefined;
  /** This tab holds the lock and is sending. */
  let leading = false;
  let stopped = false;

  const post = (message: Message) => stopped || channel.postMessage(message);
  const totals = createTotalsFeed(endpoint, http, database, (articleId, t) => post({ articleId, totals: t }), {
    clock,
    visibility,
    ...options.totalsRefresh,
  });

  const setStatus = (next: SyncStatus, fromOtherTab?: boolean) => {
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    for (const listener of [...listeners]) listener(next);
    if (!fromOtherTab && leading) post({ status: next });
  };

  /** Recomputes the status from the shared outbox; resolves with how many changes wait. */
  const refresh = async () => {
    const db = await database.catch(() => null);
    if (db && !stopped) setStatus(statusOf(await db.getAll('outbox'), offline, authError));
    return status.pending;
  };

  /** Runs a pass after `ms`, replacing one already set. */
  const schedule = (ms: number) => {
    clock.clearTimeout(timer);
    timer = stopped ? undefined : clock.setTimeout(() => ((timer = undefined), flush()), ms);
  };

  /** Forgets failures and backoff, as when the network returns or a pass gets through. */
  const reset = () => {
    failures = resumeAt = 0;
    offline = false;
    authError = undefined;
  };

  /** Full-jitter backoff, never less than `Retry-After`; returns the wait. */
  const backOff = (retryAfterMs?: number) => {
    const delay = nextDelay(++failures, retryAfterMs ?? null, backoff);
    resumeAt = clock.now() + delay;
    return delay;
  };

  /** The stored Retry-After time, unless it has passed (or is implausibly far). */
  const storedRetryAt = async (db: PlauditDatabase) => {
    const at = await readRetryAt(db, endpoint);
    retryAtStored = at > 0;
    return at - clock.now() <= MAX_STORED_WAIT_MS ? at : 0;
  };

  /** One pass at a time; a request during a pass runs another after it. */
  const flush = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    return (running = (async () => {
      do {
        again = false;
        // The database failed us (closed by an upgrade in another tab, quota): try again later.
        await pass().catch(() => schedule(backOff()));
      } while (again && !stopped);
      running = undefined;
    })());
  };

  const pass = async () => {
    if (stopped) return;
    const db = await database;
    const wait = Math.max(resumeAt, await storedRetryAt(db)) - clock.now();
    if (stopped) return;
    if (wait > 0) return schedule(wait);
    if (!navigator.onLine) {
      offline = true;
      await refresh();
      return;
    }
    const result = await engine.leader.run(async () => {
      leading = true;
      try {
        return await drain(db);
      } finally {
        leading = false;
      }
    });
    if (!result.ran) {
      // Another tab is flushing; it drains the shared outbox. Look again later in case it just finished.
      if (await refresh()) schedule(Math.max(4 * debounceMs, 50));
      return;
    }
    post({}); // idle: the other tabs look again
    if (result.value !== null) schedule(result.value);
  };

  /** Sends pending entries until none are left; returns the wait before a retry, or null. */
  const drain = async (db: PlauditDatabase): Promise<number | null> => {
    const send = createFlusher(
      endpoint,
      db,
      http,
      {
        totals: totals.emit,
        changed(articleId) {
          const message: AnnotationChannelMessage = { type: 'reload', articleId };
          (annotationChannel ??= new BroadcastChannel(ANNOTATION_CHANNEL)).postMessage(message);
        },
      },
      () => clock.now(),
    );
    for (;;) {
      const entries = (await db.getAll('outbox')).filter((e) => e.state === 'pending');
      if (!entries.length || stopped) {
        reset();
        if (retryAtStored) {
          retryAtStored = false;
          await writeRetryAt(db, endpoint, 0);
        }
        await refresh();
        return null;
      }
      setStatus({ ...status, state: SyncState.Syncing, pending: entries.length });
      const [stop, retryAfterMs] = await sendRound(send, entries, http.cap, () => stopped, refresh);
      if (!stop) {
        reset();
        continue;
      }
      offline = stop.type === 'retry' && !!stop.offline;
      authError = stop.type === 'auth' ? stop.reason : undefined;
      if (retryAfterMs > 0) {
        // Kept with the outbox, so a reload (or another tab) does not ask before then either.
        await writeRetryAt(db, endpoint, clock.now() + retryAfterMs);
        retryAtStored = true;
      }
      await refresh();
      return backOff(retryAfterMs);
    }
  };

  /** Runs a pass now, ignoring backoff (not a stored Retry-After: that pass is scheduled for its time). */
  const flushNow = () => {
    clock.clearTimeout(timer);
    timer = undefined;
    resumeAt = 0;
    return flush();
  };

  const engine: SyncEngine = {
    endpoint,
    http,
    leader: createSyncLeader(endpoint, options.locks),
    get status() {
      return status;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeTotals: totals.subscribe,
    fetchTotals: totals.fetch,
    notifyChanged() {
      void refresh();
      schedule(debounceMs);
    },
    flushNow,
    async registerArticle(db, { articleId, ...registration }) {
      const queued = await queueRegistration(db, endpoint, articleId, registration);
      if (queued) engine.notifyChanged();
      return queued;
    },
    async retry(seq) {
      await requeueFailed(await database, seq);
      reset();
      await flushNow();
    },
    async discard(seq) {
      await dropFailed(await database, seq);
      await refresh();
    },
    release,
    dispose() {
      if (stopped) return;
      stopped = true;
      clock.clearTimeout(timer);
      http.dispose();
      channel.close();
      annotationChannel?.close();
      listening.abort();
      listeners.clear();
      totals.clear();
    },
  };

  channel.onmessage = ({ data }: MessageEvent<Message>) => {
    if (stopped) return;
    if ('totals' in data) totals.emit(data.articleId, data.totals, true);
    else if ('status' in data) {
      if (!leading) setStatus(data.status, true);
    } else {
      // The flushing tab finished a pass: look again, in case it left something.
      void refresh().then((pending) => pending && !timer && schedule(debounceMs));
    }
  };
  const signal = listening.signal;
  addEventListener('online', () => (reset(), schedule(0)), { signal });
  addEventListener('offline', () => ((offline = true), refresh()), { signal });
  visibility.addEventListener('visibilitychange', () => visibility.visibilityState === 'visible' && schedule(0), { signal });
  schedule(0);
  return engine;
}
