import {
  clapDistribution, dailyActivity, heatMap, isNote, periodStart, storyStats, type ClapChange, type ReviewRecord,
} from '../core/feedback-stats.js';
import { anchorInModel, ORPHAN_ANCHOR, paragraphTextModel, type ParagraphTextModel } from '../core/paragraph-model.js';
import { readerPseudonym } from '../core/pseudonym.js';
import { textHash } from '../core/text-hash.js';
import type {
  ArticleDetail, ArticleSummary, ModerationStatus, Period, ReviewAnchor, ReviewItem, ReviewPage,
} from '../sync/protocol.js';
import type { EndpointStorage, Snapshot, StoredAnnotation as ServerAnnotation, StoredArticle as ServerArticle } from './storage.js';

/** A review list query, checked (see `ReviewPage` in the protocol). */
export interface ReviewQuery {
  article: string | null;
  kind: 'highlight' | 'note' | null;
  status: ModerationStatus | null;
  /** Lower-cased; '' matches everything. */
  q: string;
  period: Period;
  sort: 'time' | 'position';
  offset: number;
  limit: number;
}

/** The store, indexed for the editor reads; rebuilt only after a write. */
export interface StoreView {
  /** The storage's `version()` this view was read at. */
  version: string;
  articles: Map<string, ServerArticle>;
  /** Registered stories and stories with claps, by id. */
  storyIds: string[];
  counts: Map<string, number[]>;
  log: Map<string, ClapChange[]>;
  annotations: Map<string, ServerAnnotation[]>;
  readerOfToken: Map<string, string>;
  /** Every activity time (clap changes, annotations created and modified), ascending, in ms. */
  times: number[];
}

/** How many anchors are remembered before the cache starts over. */
const MAX_CACHED_ANCHORS = 100_000;
/** Filtered, sorted lists kept per store version (a few filters an editor flips between). */
const MAX_CACHED_QUERIES = 16;

const statusOf = (a: ServerAnnotation): ModerationStatus => a.annotation['plaudit:status'] ?? 'new';
const recordOf = (a: ServerAnnotation): ReviewRecord => ({ annotation: a.annotation, status: statusOf(a) });
const inPeriod = (a: ServerAnnotation, since: number | null) => since === null || Date.parse(a.annotation.created) >= since;

/**
 * The editor's reads over the mock's store: the article list, a story's
 * detail and the review list, all computed with `feedback-stats.ts` and the
 * widget's own anchoring. The indexed store is kept until the next write (the
 * write counter says when), and anchors are cached per registered text and
 * annotation version, so a list over 10,000 annotations anchors each once.
 */
export class EditorViews {
  #view: StoreView | null = null;
  #anchors = new Map<string, ReviewAnchor>();
  #sortedByView = new WeakMap<StoreView, Map<string, Array<{ a: ServerAnnotation; anchor?: ReviewAnchor }>>>();
  #models = new Map<string, { key: string; model: ParagraphTextModel }>();
  #byRegistration = new WeakMap<ServerArticle, { key: string; model: ParagraphTextModel }>();

  constructor(private readonly store: EndpointStorage) {}

  /** The indexed store as of now. */
  async view(): Promise<StoreView> {
    if (this.#view === null || this.#view.version !== (await this.store.version())) this.#view = indexSnapshot(await this.store.snapshot());
    return this.#view;
  }

  summaries(view: StoreView, period: Period, now: number): ArticleSummary[] {
    const since = periodStart(period, now);
    return view.storyIds.map((id) => {
      const registration = view.articles.get(id)?.registration;
      return {
        id,
        title: registration?.title ?? '',
        url: registration?.url ?? '',
        ...storyStats(view.log.get(id) ?? [], (view.annotations.get(id) ?? []).map(recordOf), since),
      };
    });
  }

  /** A story's detail, or null when it is neither registered nor clapped for. */
  async detail(view: StoreView, id: string, period: Period, now: number): Promise<ArticleDetail | null> {
    if (!view.storyIds.includes(id)) return null;
    const since = periodStart(period, now);
    const article = view.articles.get(id) ?? null;
    const counts = view.counts.get(id) ?? [];
    const log = view.log.get(id) ?? [];
    const all = view.annotations.get(id) ?? [];
    const records = all.map(recordOf);
    let total = 0;
    let clappers = 0;
    for (const n of counts) {
      total += n;
      if (n > 0) clappers++;
    }
    const annotated = all.filter((a) => inPeriod(a, since));
    const heat = article === null
      ? { heat: [], passages: [], orphans: 0 }
      : heatMap(article.registration.paragraphs, await Promise.all(annotated.map(async (a) => ({
        anchor: await this.anchor(article, a),
        kind: isNote(a.annotation) ? 'note' as const : 'highlight' as const,
      }))));
    return {
      id,
      registration: article?.registration ?? null,
      totals: { total, clappers, mine: 0 },
      stats: storyStats(log, records, since),
      distribution: clapDistribution(counts),
      daily: dailyActivity(log, records, since, now),
      ...heat,
    };
  }

  async reviewPage(view: StoreView, query: ReviewQuery, now: number): Promise<ReviewPage> {
    const sorted = await this.#sorted(view, query, now);
    const page = sorted.slice(query.offset, query.offset + query.limit);
    const secret = await this.store.reviewSecret();
    const items = await Promise.all(page.map(async ({ a, anchor }): Promise<ReviewItem> => {
      const article = view.articles.get(a.articleId);
      const key = a.annotation.creator?.toLowerCase() ?? view.readerOfToken.get(a.owner) ?? a.owner;
      return {
        annotation: a.annotation,
        etag: a.etag,
        reader: readerPseudonym(secret, key),
        storyTitle: article?.registration.title ?? '',
        status: statusOf(a),
        anchor: anchor ?? await this.anchor(article, a),
      };
    }));
    return { total: sorted.length, offset: query.offset, items };
  }

  /**
   * The query's annotations, filtered and sorted once per store version: a list
   * that scrolls through 100 pages asks for the same order 100 times.
   */
  async #sorted(view: StoreView, query: ReviewQuery, now: number): Promise<Array<{ a: ServerAnnotation; anchor?: ReviewAnchor }>> {
    const since = periodStart(query.period, now);
    const key = JSON.stringify([query.article, query.status, query.kind, query.q, query.period, query.sort, since]);
    let byQuery = this.#sortedByView.get(view);
    if (!byQuery) this.#sortedByView.set(view, (byQuery = new Map()));
    const cached = byQuery.get(key);
    if (cached) return cached;
    const source = query.article === null ? [...view.annotations.values()].flat() : view.annotations.get(query.article) ?? [];
    const matching = source.filter((a) => {
      if (!inPeriod(a, since)) return false;
      if (query.status !== null && statusOf(a) !== query.status) return false;
      if (query.kind !== null && (isNote(a.annotation) ? 'note' : 'highlight') !== query.kind) return false;
      return query.q === '' || searchText(a).includes(query.q);
    });
    let sorted: Array<{ a: ServerAnnotation; anchor?: ReviewAnchor }>;
    if (query.sort === 'position') {
      sorted = await Promise.all(matching.map(async (a) => ({ a, anchor: await this.anchor(view.articles.get(a.articleId), a) })));
      sorted.sort((x, y) => x.a.articleId.localeCompare(y.a.articleId) || comparePosition(x.anchor!, y.anchor!) || byTime(x.a, y.a));
    } else {
      sorted = [...matching].sort(byTime).map((a) => ({ a }));
    }
    if (byQuery.size >= MAX_CACHED_QUERIES) byQuery.clear();
    byQuery.set(key, sorted);
    return sorted;
  }

  /** Where `a` anchors in the article's registered paragraphs (an orphan without a registration). */
  async anchor(article: ServerArticle | undefined, a: ServerAnnotation): Promise<ReviewAnchor> {
    if (article === undefined) return ORPHAN_ANCHOR;
    const { key, model } = this.#model(article);
    const cacheKey = `${key}\u0000${a.uuid}\u0000${a.etag}`;
    const cached = this.#anchors.get(cacheKey);
    if (cached) return cached;
    const anchor = await anchorInModel(model, a.annotation);
    if (this.#anchors.size >= MAX_CACHED_ANCHORS) this.#anchors.clear();
    this.#anchors.set(cacheKey, anchor);
    return anchor;
  }

  /**
   * The text model of an article's registration, rebuilt only when its
   * paragraphs change. Keyed by the paragraphs' own hash (the registration's
   * `textHash` comes from the client), which is computed once per stored
   * registration object, not per annotation.
   */
  #model(article: ServerArticle): { key: string; model: ParagraphTextModel } {
    const known = this.#byRegistration.get(article);
    if (known) return known;
    const { paragraphs } = article.registration;
    const key = `${article.id}\u0000${textHash(paragraphs.join('\u2029'))}`;
    const cached = this.#models.get(article.id);
    const entry = cached?.key === key ? cached : { key, model: paragraphTextModel(paragraphs) };
    this.#models.set(article.id, entry);
    this.#byRegistration.set(article, entry);
    return entry;
  }
}

function indexSnapshot(s: Snapshot): StoreView {
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const counts = new Map<string, number[]>();
  const log = new Map<string, ClapChange[]>();
  const annotations = new Map<string, ServerAnnotation[]>();
  const times: number[] = [];
  const ids = new Set(s.articles.map((a) => a.id));
  for (const c of s.claps) {
    push(counts, c.articleId, c.count);
    if (c.count > 0) ids.add(c.articleId);
  }
  for (const c of s.clapLog) {
    push(log, c.articleId, c);
    times.push(Date.parse(c.at));
  }
  for (const a of s.annotations) {
    push(annotations, a.articleId, a);
    times.push(Date.parse(a.annotation.created), Date.parse(a.annotation.modified));
  }
  return {
    version: s.version,
    articles: new Map(s.articles.map((a) => [a.id, a])),
    storyIds: [...ids].sort(),
    counts,
    log,
    annotations,
    readerOfToken: new Map(s.readers.map((r) => [r.tokenHash, r.readerId])),
    times: times.filter((t) => !Number.isNaN(t)).sort((a, b) => a - b),
  };
}

/** What `q` searches: the note and the quote. */
function searchText(a: ServerAnnotation): string {
  const quote = a.annotation.target.selector.find((s) => s.type === 'TextQuoteSelector');
  return `${a.annotation.body?.value ?? ''}\u0000${quote?.type === 'TextQuoteSelector' ? quote.exact : ''}`.toLowerCase();
}

/** Newest first; ties by id so pages never overlap. */
function byTime(a: ServerAnnotation, b: ServerAnnotation): number {
  return Date.parse(b.annotation.created) - Date.parse(a.annotation.created) || a.uuid.localeCompare(b.uuid);
}

/** Paragraph, then offset; orphans after everything anchored. */
function comparePosition(a: ReviewAnchor, b: ReviewAnchor): number {
  const p = (x: ReviewAnchor) => (x.paragraph < 0 ? Number.MAX_SAFE_INTEGER : x.paragraph);
  return p(a) - p(b) || a.start - b.start || a.end - b.end;
}

/**
 * The first activity time at or after `since`: the answer for a period can
 * change without a write only when that activity leaves the period, so this
 * goes into the ETag of period reads.
 */
export function periodEdge(view: StoreView, since: number | null): string {
  if (since === null) return 'all';
  const { times } = view;
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < since) lo = mid + 1;
    else hi = mid;
  }
  return lo < times.length ? times[lo]!.toString(36) : 'none';
}
