import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ANNOTATION_CONTEXT, AnchorStatus, NoteVisibility, type Annotation,
} from '../core/annotation.js';
import { anchor, anchorAll, type AnchorResult } from '../core/anchor.js';
import { parseSelectors, storedQuote } from '../core/anchor-selectors.js';
import { describeOffsets } from '../core/describe.js';
import { textHash } from '../core/text-hash.js';
import { buildTextModel, offsetsToRange, rangeToOffsets, type TextModel } from '../core/text-model.js';
import {
  ANNOTATION_CHANNEL, openAnnotationStore, type AnnotationChannelMessage, type AnnotationStore,
} from '../storage/annotation-store.js';
import { databaseBack, databaseLost } from '../storage/open-database.js';

export { isQuotaError } from '../storage/annotation-store.js';

/** One of the reader's annotations as a host page sees it. */
export interface ArticleAnnotation {
  /** W3C Web Annotation JSON, as stored (a corrupt record is passed on as it is). */
  readonly annotation: Annotation;
  readonly status: AnchorStatus;
}

/** What the widget knows about an annotation on the current text. */
export interface AnnotationView extends ArticleAnnotation {
  readonly id: string;
  /** Model offsets; -1 for an orphan. */
  readonly start: number;
  readonly end: number;
  /** Null for an orphan. */
  readonly range: Range | null;
  /** The stored quote, for display (empty for a record without one). */
  readonly quote: string;
  readonly note: string;
}

export interface AnnotationControllerOptions {
  articleId(): string;
  /** Whether changes are queued for the server (the element has an endpoint). */
  sync(): boolean;
  /** Called after a local change was stored, so sync can send it. */
  changed?(): void;
  /**
   * Called when the browser deleted the database under the page: `writeBack`
   * stores every annotation shown into a fresh one (and rejects if it cannot).
   */
  lost?(writeBack: () => Promise<void>): void;
}

/**
 * Loads, anchors and stores the reader's annotations for one article, and keeps
 * them in step with other tabs. Anchoring yields to the main thread between
 * slices, so start-up with many annotations stays responsive.
 * Owns the BroadcastChannel and the in-flight work; both end on disconnect.
 */
export class AnnotationController implements ReactiveController {
  /** Anchored and moved annotations in document order, then orphans, oldest first. */
  views: readonly AnnotationView[] = [];
  model: TextModel | null = null;
  /** False when annotations live in memory only. */
  persistent = true;
  /** Resolves when the stored annotations have been loaded and anchored. */
  ready: Promise<void> = Promise.resolve();

  private store: AnnotationStore | null = null;
  private records = new Map<string, Annotation>();
  private results = new Map<string, AnchorResult>();
  private channel: BroadcastChannel | null = null;
  private abort: AbortController | null = null;
  private readonly warned = new Set<string>();
  /** The article whose annotations are loaded (for other tabs' messages), and the one asked for last. */
  private loadedFor = '';
  private requestedFor = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AnnotationControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(ANNOTATION_CHANNEL);
      this.channel.onmessage = (event: MessageEvent<AnnotationChannelMessage>) => this.receive(event.data);
    }
    databaseLost.add(this.onLost);
    databaseBack.add(this.onBack);
    // Marks the controller as connected; `reload` replaces it.
    this.abort = new AbortController();
    void this.reload();
  }

  /** Before each render: a changed article id (attribute or canonical URL) loads that article's annotations. */
  hostUpdate(): void {
    if (this.options.articleId() !== this.requestedFor) void this.reload();
  }

  hostDisconnected(): void {
    databaseLost.delete(this.onLost);
    databaseBack.delete(this.onBack);
    this.abort?.abort();
    this.abort = null;
    this.channel?.close();
    this.channel = null;
  }

  /** Writes every annotation the page holds into `store` (after the database was deleted, or came back). */
  private async storeAll(store: AnnotationStore): Promise<void> {
    for (const annotation of this.records.values()) await store.put(annotation, { sync: this.options.sync() });
  }

  private readonly onLost = (): void => {
    const { store, options } = this;
    if (store?.persistent) options.lost?.(() => this.storeAll(store));
  };

  /**
   * The upgrade an old tab blocked has completed: the notes kept in memory
   * meanwhile go into the database, so a reload finds them, and sync sends them.
   */
  private readonly onBack = (): void => {
    if (this.store?.persistent !== false) return;
    void openAnnotationStore()
      .then(async (store) => {
        if (!store.persistent) return;
        // Switched first, so a note made while these are written goes to the database too.
        this.store = store;
        await this.storeAll(store);
        this.persistent = true;
        this.host.requestUpdate();
        this.options.changed?.();
      })
      .catch((error: unknown) => console.warn('Plaudit: the notes kept in memory could not be stored.', error));
  };

  /** Reads the store again (after the article id changed, or another tab asked). */
  reload(): Promise<void> {
    if (!this.abort) return this.ready;
    this.abort.abort();
    this.abort = new AbortController();
    this.requestedFor = this.options.articleId();
    return (this.ready = this.load(this.abort.signal));
  }

  private async load(signal: AbortSignal): Promise<void> {
    const articleId = this.requestedFor;
    try {
      this.store ??= await openAnnotationStore();
      this.persistent = this.store.persistent;
      const stored = await this.store.list(articleId);
      if (signal.aborted) return;
      this.loadedFor = articleId;
      this.records = new Map(stored.map((r) => [r.id, r.annotation]));
      await this.reanchor(signal);
    } catch (error) {
      if (!signal.aborted) console.error('Plaudit: could not load annotations', error);
    }
  }

  /** Rebuilds the text model and anchors every annotation again (after the article changed). */
  async reanchor(signal = this.abort?.signal): Promise<void> {
    const model = buildTextModel(this.host);
    const ids = [...this.records.keys()];
    const results = await anchorAll(model, ids.map((id) => this.records.get(id)), signal ? { signal } : {});
    if (signal?.aborted) return;
    this.model = model;
    this.results = new Map(ids.map((id, i) => [id, results[i]!]));
    this.rebuildViews();
  }

  /** Builds the views from records and results; warns once per malformed record. */
  private rebuildViews(): void {
    const model = this.model;
    const views: AnnotationView[] = [];
    for (const [id, annotation] of this.records) {
      const result = this.results.get(id);
      if (!result || !model) continue;
      if (result.status === AnchorStatus.Orphan && !this.warned.has(id)) {
        this.warned.add(id);
        const invalid = parseSelectors(annotation);
        if (typeof invalid === 'string') console.warn(`Plaudit: annotation ${id} is shown as an orphan: ${invalid}`);
      }
      const orphan = result.status === AnchorStatus.Orphan;
      views.push({
        id,
        annotation,
        status: result.status,
        start: result.start,
        end: result.end,
        range: orphan ? null : offsetsToRange(model, result.start, result.end),
        quote: storedQuote(annotation)?.exact ?? '',
        note: noteOf(annotation),
      });
    }
    views.sort(documentOrder);
    this.views = views;
    this.host.requestUpdate();
  }

  /** The view of one annotation, if the reader has it. */
  get(id: string): AnnotationView | undefined {
    return this.views.find((v) => v.id === id);
  }

  /**
   * Saves a new annotation for `range`. Returns null when the range is outside
   * the article or holds only whitespace. Rejects with the store's error when
   * the write fails; the annotation is then neither kept nor drawn.
   */
  async create(range: AbstractRange, note: string, visibility: NoteVisibility): Promise<Annotation | null> {
    await this.ready;
    const model = this.model ?? buildTextModel(this.host);
    const offsets = rangeToOffsets(model, range);
    if (!offsets || !this.store) return null;
    const now = new Date().toISOString();
    const annotation: Annotation = {
      '@context': ANNOTATION_CONTEXT,
      id: `urn:uuid:${crypto.randomUUID()}`,
      type: 'Annotation',
      motivation: note ? 'commenting' : 'highlighting',
      created: now,
      modified: now,
      creator: await this.store.readerId(),
      target: { source: this.options.articleId(), selector: describeOffsets(model, offsets.start, offsets.end) },
      'plaudit:textHash': textHash(model.text),
    };
    // The visibility choice is a note's: a highlight alone is an anonymous signal.
    if (note) Object.assign(annotation, { body: textBody(note), 'plaudit:visibility': visibility });
    this.results.set(annotation.id, { status: AnchorStatus.Anchored, ...offsets, score: 1 });
    await this.save(annotation);
    return annotation;
  }

  /**
   * Changes a note's text and visibility; an empty text leaves a plain highlight.
   * Rejects with the store's error when the write fails, the stored version kept.
   */
  async update(id: string, note: string, visibility: NoteVisibility): Promise<Annotation | null> {
    const current = this.records.get(id);
    if (!current) return null;
    const { body: _old, 'plaudit:visibility': _was, ...rest } = current;
    const annotation: Annotation = {
      ...rest,
      motivation: note ? 'commenting' : 'highlighting',
      modified: new Date().toISOString(),
    };
    if (note) Object.assign(annotation, { body: textBody(note), 'plaudit:visibility': visibility });
    await this.save(annotation);
    return annotation;
  }

  /** Puts back an annotation (Undo after delete). Rejects, leaving it deleted, when the write fails. */
  async restore(annotation: Annotation): Promise<void> {
    if (this.model) this.results.set(annotation.id, await anchor(this.model, annotation));
    await this.save(annotation);
  }

  /**
   * Deletes an annotation, orphan or not. Returns what was deleted, for Undo.
   * When the write fails the annotation is put back and the store's error is rethrown.
   */
  async remove(id: string): Promise<Annotation | null> {
    const current = this.records.get(id);
    if (!current || !this.store) return null;
    const result = this.results.get(id);
    this.records.delete(id);
    this.results.delete(id);
    this.rebuildViews();
    const articleId = this.options.articleId();
    try {
      await this.store.remove(id, articleId, { sync: this.options.sync() });
    } catch (error) {
      if (!this.records.has(id)) {
        this.records.set(id, current);
        if (result) this.results.set(id, result);
        this.rebuildViews();
      }
      throw error;
    }
    this.post({ type: 'delete', articleId, id });
    this.options.changed?.();
    return current;
  }

  /**
   * Shows the change at once, then stores it. When the write fails the change
   * is undone in memory (a new record disappears, an edited one goes back to
   * its stored version) and the store's error is rethrown, so the UI can say so.
   */
  private async save(annotation: Annotation): Promise<void> {
    const { id } = annotation;
    const previous = this.records.get(id);
    this.records.set(id, annotation);
    this.rebuildViews();
    try {
      await this.store!.put(annotation, { sync: this.options.sync() && this.store!.persistent });
    } catch (error) {
      // Another change to the same record meanwhile (another tab) wins.
      if (this.records.get(id) === annotation) {
        // An edit keeps its anchoring; a new or restored record goes with its result.
        if (previous) this.records.set(id, previous);
        else {
          this.records.delete(id);
          this.results.delete(id);
        }
        this.rebuildViews();
      }
      throw error;
    }
    this.post({ type: 'put', articleId: annotation.target.source, annotation });
    this.options.changed?.();
  }

  private post(message: AnnotationChannelMessage): void {
    this.channel?.postMessage(message);
  }

  private async receive(message: AnnotationChannelMessage): Promise<void> {
    if (message.articleId !== this.loadedFor) return;
    if (message.type === 'reload') {
      await this.reload();
    } else if (message.type === 'delete') {
      this.records.delete(message.id);
      this.results.delete(message.id);
      this.rebuildViews();
    } else {
      await this.ready;
      this.records.set(message.annotation.id, message.annotation);
      if (this.model) this.results.set(message.annotation.id, await anchor(this.model, message.annotation));
      this.rebuildViews();
    }
  }
}

function textBody(value: string): NonNullable<Annotation['body']> {
  return { type: 'TextualBody', value, format: 'text/plain', purpose: 'commenting' };
}

/** The stored quote of a possibly malformed or foreign record. */
export { storedQuote as quoteOf };

function noteOf(annotation: Annotation): string {
  const value: unknown = annotation?.body?.value;
  return typeof value === 'string' ? value : '';
}

function documentOrder(a: AnnotationView, b: AnnotationView): number {
  const aOrphan = a.status === AnchorStatus.Orphan;
  const bOrphan = b.status === AnchorStatus.Orphan;
  if (aOrphan !== bOrphan) return aOrphan ? 1 : -1;
  if (!aOrphan) return a.start - b.start || a.end - b.end;
  return String(a.annotation?.created ?? '').localeCompare(String(b.annotation?.created ?? ''));
}
