import { clampCount } from '../core/clap-rules.js';
import { databaseLost, openPlauditDatabase } from '../storage/open-database.js';
import { readClaps } from '../storage/clap-store.js';
import { writeClaps } from '../storage/clap-writer.js';

/** Server figures for an article, from the sync layer. `mine` is the server's copy of this reader's count. */
export interface ServerClapTotals {
  total: number;
  clappers: number;
  mine: number;
}

export interface ClapSnapshot {
  /** The reader's count, including claps not yet written. */
  count: number;
  max: number;
  /** All readers' claps as far as this page knows. */
  total: number;
  /** False when the device cannot store claps (private mode, quota): they live in memory. */
  persisted: boolean;
}

/**
 * The page's one view of an article's claps, shared by every `<plaudit-claps>`
 * for that article so they show the same numbers. Claps are counted in memory
 * and written in one transaction when a burst ends; other tabs learn of each
 * write through a BroadcastChannel. Obtain with `acquireClapModel`, give back
 * with `release()`.
 */
export class ClapModel {
  readonly articleId: string;
  max: number;
  /** Queue writes for the sync layer (set by `clap-sync` when an element has an endpoint). */
  queueForSync = false;
  readonly ready: Promise<void>;
  #stored = 0;
  #rev = 0;
  /** Claps taken but not yet written, including any whose write failed. */
  #pending = 0;
  /** Claps being written right now. */
  #inFlight = 0;
  /** An absolute count (from an undo) not yet written. */
  #unsavedBase?: number;
  #persisted = true;
  #server: ServerClapTotals | null = null;
  #channel: BroadcastChannel | null = null;
  #listeners = new Set<() => void>();
  #writeListeners = new Set<() => void>();
  #writing: Promise<void> = Promise.resolve();
  #refs = 0;
  #onPageHide = () => void this.flush();
  /** The database was deleted: what the page shows is written into a fresh one. */
  #onLost = () => void this.#queue(() => this.count);

  constructor(articleId: string, max: number) {
    this.articleId = articleId;
    this.max = max;
    this.ready = this.#load();
    addEventListener('pagehide', this.#onPageHide);
    databaseLost.add(this.#onLost);
  }

  get count(): number {
    return clampCount(this.#stored + this.#inFlight + this.#pending, this.max);
  }

  get snapshot(): ClapSnapshot {
    const count = this.count;
    const server = this.#server;
    // The server's total counts this reader as of their last sync; swap in the live count.
    const total = server ? Math.max(count, server.total - server.mine + count) : count;
    return { count, max: this.max, total, persisted: this.#persisted };
  }

  /** Takes one clap in memory. Returns false at the cap. */
  clap(): boolean {
    if (this.count >= this.max) return false;
    this.#pending++;
    this.#emit();
    return true;
  }

  /** Writes the claps taken so far: one transaction however many there were. */
  flush(): Promise<void> {
    return this.#queue();
  }

  /** Sets the reader's claps for the article back to 0. */
  undo(): Promise<void> {
    return this.#queue(() => 0);
  }

  #queue(set?: () => number): Promise<void> {
    return (this.#writing = this.#writing.then(() => this.#write(set)));
  }

  /** Takes the server's figures for the article (from the sync layer). */
  setServerTotals(totals: ServerClapTotals | null): void {
    this.#server = totals;
    this.#emit();
  }

  /** Calls `listener` after each write commits (the sync layer flushes then). */
  onWrite(listener: () => void): () => void {
    this.#writeListeners.add(listener);
    return () => this.#writeListeners.delete(listener);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  retain(): this {
    this.#refs++;
    return this;
  }

  /** Gives back one reference; the last one writes what is pending and closes the channel. */
  release(): void {
    if (--this.#refs) return;
    models.delete(this.articleId);
    removeEventListener('pagehide', this.#onPageHide);
    databaseLost.delete(this.#onLost);
    void this.flush().finally(() => this.#channel?.close());
  }

  async #load(): Promise<void> {
    try {
      const db = await openPlauditDatabase();
      const stored = await readClaps(db, this.articleId, this.max);
      this.#stored = stored.count;
      this.#rev = stored.rev;
      if (stored.corrupt) {
        console.warn(`Plaudit: stored claps for "${this.articleId}" were corrupt; repaired to ${stored.count}.`);
        this.#rev = (await writeClaps(db, { articleId: this.articleId, max: this.max, set: stored.count })).rev;
      }
      this.#channel = new BroadcastChannel('plaudit-claps');
      this.#channel.onmessage = ({ data }: MessageEvent<{ articleId: string; count: number; rev: number }>) => {
        if (data.articleId !== this.articleId || data.rev <= this.#rev) return;
        this.#stored = data.count;
        this.#rev = data.rev;
        this.#emit();
      };
    } catch (error) {
      this.#persisted = false;
      console.warn('Plaudit: claps cannot be stored on this device; keeping them for this visit.', error);
    }
    this.#emit();
  }

  /**
   * Writes what is pending, or an absolute count when `to` gives one. When the
   * write fails (no database, quota) the claps stay pending in memory and go
   * with the next write, so none already taken is lost.
   */
  async #write(to?: () => number): Promise<void> {
    await this.ready;
    const set = to?.();
    if (set !== undefined) {
      this.#stored = this.#unsavedBase = set;
      this.#pending = 0;
    }
    const add = this.#pending;
    // An undo whose write failed is still owed: the next write sets, not adds.
    const base = this.#unsavedBase;
    if (!add && base === undefined) return;
    try {
      const db = await openPlauditDatabase();
      // Moved aside, not dropped, so the count on screen holds steady during the write.
      this.#pending -= add;
      this.#inFlight = add;
      const change = base === undefined ? { add } : { set: base + add };
      const record = await writeClaps(db, { articleId: this.articleId, max: this.max, ...change, queue: this.queueForSync })
        .finally(() => (this.#inFlight = 0))
        .catch((error) => {
          this.#pending += add;
          throw error;
        });
      this.#unsavedBase = undefined;
      this.#stored = record.count;
      this.#rev = record.rev;
      this.#persisted = true;
      this.#channel?.postMessage({ articleId: this.articleId, count: record.count, rev: record.rev });
      for (const listener of this.#writeListeners) listener();
    } catch (error) {
      if (this.#persisted && error) console.warn('Plaudit: could not save claps on this device.', error);
      this.#persisted = false;
    }
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}

const models = new Map<string, ClapModel>();

/** The page's model for an article, shared by all its clap elements. */
export function acquireClapModel(articleId: string, max: number): ClapModel {
  let model = models.get(articleId);
  if (!model) models.set(articleId, (model = new ClapModel(articleId, max)));
  return model.retain();
}
