import type { PlauditDatabase } from '../storage/open-database.js';
import type { HttpClient } from './http-client.js';
import { clapsPath, MediaType, type ClapTotals } from './protocol.js';
import type { SyncClock, VisibilitySource } from './sync-clock.js';

type Listener = (totals: ClapTotals) => void;

/**
 * All readers' clap totals per article, for one endpoint: cached in the
 * `totals` store so the widget shows them offline, fetched from the server when
 * an article gets its first listener, refreshed when the tab becomes visible
 * again and every ~30 s while it is visible, and pushed after every clap write
 * (`emit`). Every listener of an article shares one request: the refresh is per
 * article, not per element. Refreshes are conditional (`If-None-Match` with the
 * last ETag), so an unchanged story costs a bodiless 304.
 */
export interface TotalsFeed {
  /**
   * Calls `listener` with the article's totals: the cached ones first, then the
   * server's. The first listener of an article starts its refresh; the last one
   * to unsubscribe stops it.
   */
  subscribe(articleId: string, listener: Listener): () => void;
  /** Asks the server for an article's totals; stores and reports new ones. The latest known totals; null when unreachable. */
  fetch(articleId: string): Promise<ClapTotals | null>;
  /** Reports totals to the article's listeners and, unless they came from another tab, broadcasts them. */
  emit(articleId: string, totals: ClapTotals, fromOtherTab?: boolean): void;
  /** Drops every listener and stops the refresh. */
  clear(): void;
}

export interface TotalsFeedOptions {
  clock: SyncClock;
  visibility: VisibilitySource;
  /** The refresh period while visible (default 30 s). */
  intervalMs?: number;
  /** Spreads the period over ±20% so many pages do not poll in step. */
  random?: () => number;
}

export function createTotalsFeed(
  endpoint: string,
  http: HttpClient,
  database: Promise<PlauditDatabase>,
  /** Tells the other tabs about totals this tab received. */
  broadcast: (articleId: string, totals: ClapTotals) => void,
  { clock, visibility, intervalMs = 30_000, random = Math.random }: TotalsFeedOptions,
): TotalsFeed {
  const listeners = new Map<string, Set<Listener>>();
  /** The last totals heard per watched article, and the ETag of the last 200. */
  const last = new Map<string, ClapTotals>();
  const etags = new Map<string, string>();
  const inFlight = new Map<string, Promise<ClapTotals | null>>();
  let timer: unknown;
  /** Removes the visibility listener; set while any article is watched. */
  let watching: AbortController | undefined;

  const refreshAll = () => {
    for (const articleId of listeners.keys()) void feed.fetch(articleId);
  };

  /** Sets the next periodic refresh, or none while hidden. */
  const plan = () => {
    clock.clearTimeout(timer);
    timer = undefined;
    if (!watching || visibility.visibilityState !== 'visible') return;
    const wait = Math.round(intervalMs * (0.8 + 0.4 * random()));
    timer = clock.setTimeout(() => {
      timer = undefined;
      plan();
      refreshAll();
    }, wait);
  };

  const start = () => {
    if (watching) return;
    watching = new AbortController();
    visibility.addEventListener(
      'visibilitychange',
      () => {
        if (visibility.visibilityState === 'visible') refreshAll();
        plan();
      },
      { signal: watching.signal },
    );
    plan();
  };

  const stop = () => {
    watching?.abort();
    watching = undefined;
    clock.clearTimeout(timer);
    timer = undefined;
  };

  const request = async (articleId: string): Promise<ClapTotals | null> => {
    try {
      const etag = etags.get(articleId);
      const reply = await http.send('GET', clapsPath(endpoint, articleId), {
        Accept: MediaType.Json,
        ...(etag ? { 'If-None-Match': etag } : {}),
      });
      if (reply.status === 304) return last.get(articleId) ?? null;
      if (reply.status > 299) return null;
      const totals: ClapTotals = reply.body;
      const fresh = reply.headers.get('ETag');
      if (fresh && listeners.has(articleId)) etags.set(articleId, fresh);
      else etags.delete(articleId);
      await (await database).put('totals', { ...totals, articleId, fetched: new Date(clock.now()).toISOString() });
      feed.emit(articleId, totals);
      return totals;
    } catch {
      return null;
    }
  };

  const feed: TotalsFeed = {
    subscribe(articleId, listener) {
      const set = listeners.get(articleId) ?? new Set();
      const first = !set.size;
      listeners.set(articleId, set.add(listener));
      start();
      const known = last.get(articleId);
      if (known) {
        // The article is already watched: its totals are current, no request needed.
        void Promise.resolve().then(() => set.has(listener) && listener(known));
      } else {
        void database
          .then((db) => db.get('totals', articleId))
          .then((cached) => {
            if (cached && set.has(listener) && !last.has(articleId)) {
              listener({ total: cached.total, clappers: cached.clappers, mine: cached.mine ?? 0 });
            }
          })
          .catch(() => undefined)
          .then(() => {
            if (first && set.has(listener)) void feed.fetch(articleId);
          });
      }
      return () => {
        if (!set.delete(listener) || set.size || listeners.get(articleId) !== set) return;
        listeners.delete(articleId);
        last.delete(articleId);
        etags.delete(articleId);
        if (!listeners.size) stop();
      };
    },
    fetch(articleId) {
      let pending = inFlight.get(articleId);
      if (!pending) {
        pending = request(articleId).finally(() => inFlight.delete(articleId));
        inFlight.set(articleId, pending);
      }
      return pending;
    },
    emit(articleId, totals, fromOtherTab) {
      const set = listeners.get(articleId);
      if (set?.size) last.set(articleId, totals);
      for (const listener of [...(set ?? [])]) listener(totals);
      if (!fromOtherTab) broadcast(articleId, totals);
    },
    clear() {
      listeners.clear();
      last.clear();
      etags.clear();
      stop();
    },
  };
  return feed;
}
