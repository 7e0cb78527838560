/**
 * Where `<plaudit-review>` reads feedback from: a Plaudit server (every
 * reader's shared feedback, with an editor token) or this browser's own
 * IndexedDB (an author trying Plaudit before setting up a server). Both answer
 * in the protocol's shapes, so the views do not know which one they show.
 */
import type { Annotation } from './annotation.js';
import type {
  ArticleDetail, ArticleSummary, ImportResult, ModerationStatus, Period, ReviewItem, ReviewPage,
} from './review-types.js';

/** The editor's filters over the annotation list. */
export interface ReviewQuery {
  article?: string;
  kind?: 'highlight' | 'note';
  status?: ModerationStatus;
  q?: string;
  period: Period;
  sort: 'time' | 'position';
  offset: number;
  limit: number;
}

/** A moderation that was saved, or the version another editor saved first. */
export type ModerationOutcome = { ok: true; item: ReviewItem } | { ok: false; current: ReviewItem };

export interface ReviewSource {
  readonly kind: 'server' | 'local';
  stories(period: Period): Promise<ArticleSummary[]>;
  story(id: string, period: Period): Promise<ArticleDetail>;
  /**
   * One page of the query. With `previous` (the page this query answered
   * before), a source that can revalidate answers that very object when
   * nothing changed, so callers compare identities to skip a render.
   */
  items(query: ReviewQuery, previous?: ReviewPage): Promise<ReviewPage>;
  /** Saves a status with the item's ETag; a stale ETag answers the current version. */
  moderate(item: ReviewItem, status: ModerationStatus): Promise<ModerationOutcome>;
  /** All or nothing. */
  importAnnotations(items: Annotation[]): Promise<ImportResult>;
}

/** Why a read or write failed, in words an editor can act on. */
export class ReviewError extends Error {
  constructor(
    message: string,
    /** The HTTP status, 0 when the server was not reached. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'ReviewError';
  }

  /** A missing, wrong or reader's token: the sign-in form should show again. */
  get auth(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

/** Every item of a query, page by page (export). */
export async function allItems(source: ReviewSource, query: Omit<ReviewQuery, 'offset' | 'limit'>): Promise<ReviewItem[]> {
  const items: ReviewItem[] = [];
  for (let offset = 0; ; ) {
    const page = await source.items({ ...query, offset, limit: 500 });
    items.push(...page.items);
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) return items;
  }
}
