import type { Annotation } from '../core/annotation.js';
import { parseSelectors, quoteText, storedQuote } from '../core/anchor-selectors.js';
import { clapDistribution, dailyActivity, periodStart, storyStats, type ClapChange, type ReviewRecord } from '../core/feedback-stats.js';
import { ReviewError, type ModerationOutcome, type ReviewQuery, type ReviewSource } from '../core/review-source.js';
import type {
  ArticleDetail, ArticleSummary, ImportResult, ModerationStatus, Passage, Period, ReviewItem, ReviewPage,
} from '../core/review-types.js';
import { openPlauditDatabase, type PlauditDatabase } from './open-database.js';
import type { AnnotationRecord, ClapRecord } from './schema.js';

/** The reader label of this browser's own feedback. */
export const LOCAL_READER = 'You (this browser)';

/**
 * The review over this browser's own data: the claps and annotations its
 * reader left on any Plaudit page of this site, computed with the same
 * functions as a server. There is no registered story text here, so passages
 * are grouped by quote and anchoring is not checked.
 */
export class LocalReviewSource implements ReviewSource {
  readonly kind = 'local';

  constructor(private readonly open: () => Promise<PlauditDatabase> = () => openPlauditDatabase()) {}

  async stories(period: Period): Promise<ArticleSummary[]> {
    const { claps, records } = await this.#read();
    const ids = new Set([...claps.map((c) => c.articleId), ...records.map((r) => r.annotation.target.source)]);
    const since = periodStart(period, Date.now());
    return [...ids].sort().map((id) => ({
      id,
      title: id,
      url: isUrl(id) ? id : '',
      ...storyStats(changesOf(claps, id), recordsOf(records, id), since),
    }));
  }

  async story(id: string, period: Period): Promise<ArticleDetail> {
    const { claps, records } = await this.#read();
    const mine = recordsOf(records, id);
    const clap = claps.find((c) => c.articleId === id);
    if (!clap && mine.length === 0) throw new ReviewError(`There is no feedback on "${id}" in this browser.`, 404);
    const since = periodStart(period, Date.now());
    const stats = storyStats(changesOf(claps, id), mine, since);
    return {
      id,
      registration: null,
      totals: { total: clap?.count ?? 0, clappers: clap && clap.count > 0 ? 1 : 0, mine: clap?.count ?? 0 },
      stats,
      distribution: clapDistribution(clap ? [clap.count] : []),
      daily: dailyActivity(changesOf(claps, id), mine, since, Date.now()),
      heat: [],
      passages: passagesByQuote(mine),
      orphans: 0,
    };
  }

  async items(query: ReviewQuery): Promise<ReviewPage> {
    const { records } = await this.#read();
    const since = periodStart(query.period, Date.now());
    const q = query.q?.toLocaleLowerCase();
    const items = records
      .filter(({ annotation: a, status }) =>
        (!query.article || a.target.source === query.article) &&
        (!query.kind || (query.kind === 'note') === Boolean(a.body?.value)) &&
        (!query.status || status === query.status) &&
        (since === null || Date.parse(a.created) >= since) &&
        (!q || `${a.body?.value ?? ''}\n${quoteText(a)}`.toLocaleLowerCase().includes(q)))
      .map(toItem);
    if (query.sort === 'time') items.sort((a, b) => b.annotation.created.localeCompare(a.annotation.created));
    else items.sort((a, b) => a.annotation.target.source.localeCompare(b.annotation.target.source) || positionOf(a) - positionOf(b));
    return { total: items.length, offset: query.offset, items: items.slice(query.offset, query.offset + query.limit) };
  }

  async moderate(item: ReviewItem, status: ModerationStatus): Promise<ModerationOutcome> {
    const db = await this.open();
    const tx = db.transaction('annotations', 'readwrite');
    const record = await tx.store.get(item.annotation.id);
    if (!record || record.deleted) {
      tx.abort();
      throw new ReviewError('This annotation was deleted in this browser.', 404);
    }
    const current = toItem(reviewRecord(record));
    if (current.etag !== item.etag) {
      await tx.done;
      return { ok: false, current };
    }
    const annotation: Annotation = { ...record.annotation, 'plaudit:status': status };
    await tx.store.put({ ...record, annotation });
    await tx.done;
    return { ok: true, item: toItem({ annotation, status }) };
  }

  async importAnnotations(items: Annotation[]): Promise<ImportResult> {
    const { importIntoLocal } = await import('./local-import.js');
    return importIntoLocal(await this.open(), items);
  }

  async #read(): Promise<{ claps: ClapRecord[]; records: ReviewRecord[] }> {
    let db: PlauditDatabase;
    try {
      db = await this.open();
    } catch {
      throw new ReviewError('This browser does not let the page use its storage (IndexedDB), so there is no local feedback to show.', 0);
    }
    const [claps, annotations] = await Promise.all([db.getAll('claps'), db.getAll('annotations')]);
    return { claps: claps.filter(isClapRecord), records: annotations.filter(isUsable).map(reviewRecord) };
  }
}

function isClapRecord(c: Partial<ClapRecord>): c is ClapRecord {
  return typeof c?.articleId === 'string' && Number.isInteger(c.count) && typeof c.updated === 'string';
}

/** A stored record the review can show: corrupt ones are left out, not thrown on. */
function isUsable(r: AnnotationRecord): boolean {
  const a = r?.annotation;
  return !r.deleted && typeof a?.id === 'string' && typeof a.target?.source === 'string' && typeof a.created === 'string';
}

function reviewRecord(r: AnnotationRecord): ReviewRecord {
  return { annotation: r.annotation, status: r.annotation['plaudit:status'] ?? 'new' };
}

function changesOf(claps: ClapRecord[], id: string): ClapChange[] {
  return claps.filter((c) => c.articleId === id && c.count > 0).map((c) => ({ readerId: c.readerId, at: c.updated, delta: c.count }));
}

const recordsOf = (records: ReviewRecord[], id: string) => records.filter((r) => r.annotation.target.source === id);


function positionOf(item: ReviewItem): number {
  const parsed = parseSelectors(item.annotation);
  return typeof parsed !== 'string' && parsed.position ? parsed.position.start : Number.MAX_SAFE_INTEGER;
}

function toItem({ annotation, status }: ReviewRecord): ReviewItem {
  const quote = storedQuote(annotation);
  return {
    annotation,
    etag: `"${annotation.modified}|${status}"`,
    reader: LOCAL_READER,
    storyTitle: annotation.target.source,
    status,
    anchor: {
      status: 'unchecked',
      paragraph: -1,
      start: -1,
      end: -1,
      before: quote?.prefix ?? '',
      after: quote?.suffix ?? '',
    },
  };
}

function passagesByQuote(records: ReviewRecord[]): Passage[] {
  const byQuote = new Map<string, Passage>();
  for (const { annotation } of records) {
    const quote = quoteText(annotation);
    if (!quote) continue;
    const p = byQuote.get(quote) ?? { paragraph: -1, start: -1, end: -1, quote, highlights: 0, notes: 0 };
    if (annotation.body?.value) p.notes++;
    else p.highlights++;
    byQuote.set(quote, p);
  }
  return [...byQuote.values()].sort((a, b) => b.highlights + b.notes - (a.highlights + a.notes)).slice(0, 10);
}

function isUrl(id: string): boolean {
  return /^https?:\/\//.test(id);
}
