import type { PlauditDatabase } from '../storage/open-database.js';
import type { HttpClient } from './http-client.js';
import { clapsPath, MediaType, type ClapTotals } from './protocol.js';

type Listener = (totals: ClapTotals) => void;

/**
 * All readers' clap totals per article, for one endpoint: cached in the
 * `totals` store so the widget shows them offline, fetched from the server on
 * subscribe, and pushed after every clap write (`emit`).
 */
export interface TotalsFeed {
  /**
   * Calls `listener` with the article's totals: the cached ones first, then the
   * server's (fetched now, then after each clap write and from other tabs).
   */
  subscribe(articleId: string, listener: Listener): () => void;
  /** Asks the server for an article's totals; stores and reports them. Null when unreachable. */
  fetch(articleId: string): Promise<ClapTotals | null>;
  /** Reports totals to the article's listeners and, unless they came from another tab, broadcasts them. */
  emit(articleId: string, totals: ClapTotals, fromOtherTab?: boolean): void;
  /** Drops every listener. */
  clear(): void;
}

export function createTotalsFeed(
  endpoint: string,
  http: HttpClient,
  database: Promise<PlauditDatabase>,
  /** Tells the other tabs about totals this tab received. */
  broadcast: (articleId: string, totals: ClapTotals) => void,
): TotalsFeed {
  const listeners = new Map<string, Set<Listener>>();
  const feed: TotalsFeed = {
    subscribe(articleId, listener) {
      const set = listeners.get(articleId) ?? new Set();
      listeners.set(articleId, set.add(listener));
      void database
        .then((db) => db.get('totals', articleId))
        .then((cached) => {
          if (cached && set.has(listener)) listener({ total: cached.total, clappers: cached.clappers, mine: cached.mine ?? 0 });
        })
        .catch(() => undefined)
        .then(() => feed.fetch(articleId));
      return () => set.delete(listener);
    },
    async fetch(articleId) {
      try {
        const reply = await http.send('GET', clapsPath(endpoint, articleId), { Accept: MediaType.Json });
        if (reply.status > 299) return null;
        const totals: ClapTotals = reply.body;
        await (await database).put('totals', { ...totals, articleId, fetched: new Date().toISOString() });
        feed.emit(articleId, totals);
        return totals;
      } catch {
        return null;
      }
    },
    emit(articleId, totals, fromOtherTab) {
      for (const listener of [...(listeners.get(articleId) ?? [])]) listener(totals);
      if (!fromOtherTab) broadcast(articleId, totals);
    },
    clear: () => listeners.clear(),
  };
  return feed;
}
