import { applyClaps } from '../core/clap-rules.js';
import { openPlauditDatabase, type PlauditDatabase } from '../storage/open-database.js';
import { getReaderIdentity } from '../storage/reader-identity.js';
import { readClaps, writeClaps } from '../storage/clap-store.js';

/** Server figures for an article, from the sync layer. `mine` is the server's copy of this reader's count. */
export interface ServerClapTotals {
  total: number;
  clappers: number;
  mine: number;
}

export interface ClapSnapshot {
  articleId: string;
  /** The reader's count, including claps not yet written. */
  count: number;
  max: number;
  /** All readers' claps as far as this page knows. */
  total: number;
  /** False when the device cannot store claps (private mode, quota): they live in memory. */
  persisted: boolean;
  loaded: boolean;
}

const CHANNEL = 'plaudit-claps';
interface ChannelMessage {
  articleId: string;
  count: number;
  rev: number;
}

/**
 * The page's one view of an article's claps, shared by every `<plaudit-claps>`
 * for that article so they show the same numbers. Claps are counted in memory
 * and written in one transaction when a burst ends; other tabs learn of each
 * write through a BroadcastChannel and re-read. Obtain with `acquireClapModel`,
 * give back with `release()`.
 */
export class ClapModel {
  readonly articleId: string;
  max: number;
  queueForSync = false;
  private stored = 0;
  private rev = 0;
  /** Claps taken but not yet written. */
  private pending = 0;
  /** Claps whose write failed; they are retried with the next write. */
  private unsaved = 0;
  private persisted = true;
  private loaded = false;
  private server: ServerClapTotals | null = null;
  private db: PlauditDatabase | null = null;
  private readerId = '';
  private channel: BroadcastChannel | null = null;
  private listeners = new Set<() => void>();
  private writing: Promise<void> = Promise.resolve();
  private refs = 0;
  readonly ready: Promise<void>;
  private readonly onPageHide = () => void this.flush();

  constructor(articleId: string, max: number) {
    this.articleId = articleId;
    this.max = max;
    this.ready = this.load();
    addEventListener('pagehide', this.onPageHide);
  }

  get snapshot(): ClapSnapshot {
    const count = this.count;
    const total = this.server ? Math.max(count, this.server.total - this.server.mine + count) : count;
    return { articleId: this.articleId, count, max: this.max, total, persisted: this.persisted, loaded: this.loaded };
  }

  get count(): number {
    return applyClaps(this.stored, this.unsaved + this.pending, this.max);
  }

  get readerIdentity(): string {
    return this.readerId;
  }

  /** Takes one clap in memory. Returns false at the cap. */
  clap(): boolean {
    if (this.count >= this.max) return false;
    this.pending++;
    this.emit();
    return true;
  }

  /** Writes the claps taken so far: one transaction however many there were. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /** Sets the reader's claps for the article back to 0. */
  undo(): Promise<void> {
    this.writing = this.writing.then(() => this.write(0));
    return this.writing;
  }

  /** Takes the server's figures for the article (from the sync layer). */
  setServerTotals(totals: ServerClapTotals | null): void {
    this.server = totals;
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  retain(): this {
    this.refs++;
    return this;
  }

  /** Gives back one reference; the last one writes what is pending and closes the channel. */
  release(): void {
    if (--this.refs > 0) return;
    models.delete(this.articleId);
    removeEventListener('pagehide', this.onPageHide);
    void this.flush().finally(() => this.channel?.close());
  }

  private async load(): Promise<void> {
    try {
      this.db = await openPlauditDatabase();
      this.readerId = (await getReaderIdentity(this.db)).id;
      const stored = await readClaps(this.db, this.articleId, this.max, this.readerId);
      this.stored = stored.count;
      this.rev = stored.rev;
      this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
      this.channel?.addEventListener('message', (e: MessageEvent<ChannelMessage>) => this.onRemote(e.data));
    } catch (error) {
      this.db = null;
      this.persisted = false;
      this.readerId = (await getReaderIdentity(null)).id;
      console.warn('Plaudit: claps cannot be stored on this device; keeping them for this visit only.', error);
    }
    this.loaded = true;
    this.emit();
  }

  /** Writes what is pending, or an absolute count when `set` is given. */
  private async write(set?: number): Promise<void> {
    await this.ready;
    const delta = this.pending + this.unsaved;
    if (delta === 0 && set === undefined) return;
    this.pending = 0;
    this.unsaved = 0;
    if (set !== undefined) {
      this.stored = set;
      this.emit();
    }
    if (!this.db) {
      this.stored = set ?? applyClaps(this.stored, delta, this.max);
      this.emit();
      return;
    }
    try {
      const record = await writeClaps(this.db, {
        articleId: this.articleId,
        readerId: this.readerId,
        max: this.max,
        ...(set === undefined ? { add: delta } : { set }),
        queue: this.queueForSync,
      });
      this.stored = record.count;
      this.rev = record.rev;
      this.persisted = true;
      this.channel?.postMessage({ articleId: this.articleId, count: record.count, rev: record.rev });
    } catch (error) {
      if (set === undefined) this.unsaved += delta;
      if (this.persisted) console.warn('Plaudit: could not save claps on this device.', error);
      this.persisted = false;
    }
    this.emit();
  }

  private onRemote(message: ChannelMessage): void {
    if (message?.articleId !== this.articleId || message.rev <= this.rev) return;
    this.stored = applyClaps(0, message.count, this.max);
    this.rev = message.rev;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

const models = new Map<string, ClapModel>();

/** The page's model for an article, shared by all its clap elements. */
export function acquireClapModel(articleId: string, max: number): ClapModel {
  let model = models.get(articleId);
  if (!model) {
    model = new ClapModel(articleId, max);
    models.set(articleId, model);
  }
  return model.retain();
}
