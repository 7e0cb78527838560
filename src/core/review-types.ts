/**
 * The shapes of what the editors' review shows, as a Plaudit server answers
 * them and as the review computes them from this browser's own data. Plain
 * types (and one list), defined below the sync layer because core computes
 * them; \`src/sync/protocol.ts\` re-exports them as part of the protocol.
 */
import type { Annotation } from './annotation.js';

/** What the clap PUT and `GET {endpoint}/articles/{articleId}/claps` answer. */
export interface ClapTotals {
  /** All readers' claps, the caller's stored count included. */
  total: number;
  /** How many readers clapped at least once. */
  clappers: number;
  /** The caller's stored count (0 when the token belongs to no reader yet). */
  mine: number;
}


/** `PUT {endpoint}/articles/{articleId}`: sent on first sync and whenever `textHash` changes. */
export interface ArticleRegistration {
  title: string;
  /** The canonical URL. */
  url: string;
  textHash: string;
  paragraphs: string[];
}


/**
 * Moderation status, owned by the server. Absent means `new` (not yet reviewed).
 * `visible` is the older name of `reviewed` and is still accepted in a PATCH.
 */
export type ModerationStatus = 'new' | 'reviewed' | 'hidden';

/**
 * The editor reads take `?period=7d|30d|all` (default `all`). A period counts
 * what happened in it: claps are the clap log's changes in the period (see
 * `StoryDay.claps`), annotations those created in it.
 */
export type Period = '7d' | '30d' | 'all';
export const PERIODS: readonly Period[] = ['7d', '30d', 'all'];

/**
 * One story's numbers. `total`, `clappers` and `mine` keep the names of
 * `ClapTotals` (`mine` is always 0 for an editor).
 */
export interface StoryStats extends ClapTotals {
  /** `total / clappers`, 0 without clappers. */
  meanClaps: number;
  /**
   * Σ over readers of √(that reader's claps): one enthusiast's 50 claps weigh
   * about 7, fifty readers' single claps weigh 50.
   */
  weighted: number;
  /** Annotations, highlights (no note) and notes shared with the editors, hidden ones included. */
  annotations: number;
  highlights: number;
  notes: number;
  /** Notes with no moderation status yet. */
  newNotes: number;
  /** The latest clap change or annotation (ISO), null when there is none. */
  lastActivity: string | null;
}

/** `GET {endpoint}/articles` (editor token): one row per story that is registered or has claps. */
export interface ArticleSummary extends StoryStats {
  id: string;
  title: string;
  url: string;
}

/** One UTC day of a story's activity. */
export interface StoryDay {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  /** The net change of the story's claps that day (an undo counts negative). */
  claps: number;
  /** Annotations created that day, by kind. */
  highlights: number;
  notes: number;
}

/**
 * A stretch of a paragraph and how many distinct annotations cover it. Offsets
 * are in the paragraph's text (UTF-16), `end` exclusive; only stretches with
 * `count > 0` are listed, in order, never overlapping.
 */
export interface HeatRun {
  start: number;
  end: number;
  count: number;
}

/** A passage readers marked, as anchored against the registered text. */
export interface Passage {
  paragraph: number;
  start: number;
  end: number;
  quote: string;
  highlights: number;
  notes: number;
}

/** `GET {endpoint}/articles/{articleId}?period=` (editor token). */
export interface ArticleDetail {
  id: string;
  registration: ArticleRegistration | null;
  totals: ClapTotals;
  stats: StoryStats;
  /** `distribution[n]` = how many readers gave exactly n claps (n >= 1; index 0 is 0). Not period-filtered. */
  distribution: number[];
  /** Every day of the period (all time: from the first activity), oldest first, days without activity included. */
  daily: StoryDay[];
  /** `heat[i]`: paragraph i's runs. Annotations anchored with the widget's own anchoring code. */
  heat: HeatRun[][];
  /** The most marked passages, most first (at most 10). */
  passages: Passage[];
  /** Annotations that no longer anchor in the registered text. */
  orphans: number;
}

/** Where an annotation anchors in the story's registered text, as the review shows it. */
export interface ReviewAnchor {
  /** `unchecked`: there is no registered text to anchor against (paragraph -1). */
  status: 'anchored' | 'moved' | 'orphan' | 'unchecked';
  /** Paragraph index and offsets in it; -1 for an orphan. */
  paragraph: number;
  start: number;
  end: number;
  /** A little text before and after the quote in the registered text ('' for an orphan). */
  before: string;
  after: string;
}

/** One row of the editor's annotation list. */
export interface ReviewItem {
  /** Exactly as stored (with `plaudit:status` when set). */
  annotation: Annotation;
  /** The annotation's current ETag, for a PATCH with `If-Match`. */
  etag: string;
  /** A pseudonym stable per reader ("Reader K7QF"), never the reader id. */
  reader: string;
  storyTitle: string;
  status: ModerationStatus;
  anchor: ReviewAnchor;
}

/**
 * `GET {endpoint}/review/annotations` (editor token): a filtered, sorted page.
 * Query: `article`, `kind=highlight|note`, `status=new|reviewed|hidden`, `q`
 * (case-insensitive, in the note and the quote), `period`, `sort=time|position`
 * (time: newest first; position: story, then paragraph, then offset),
 * `offset` (0-based), `limit` (1..500, default 100).
 */
export interface ReviewPage {
  total: number;
  offset: number;
  items: ReviewItem[];
}


/**
 * The answer: all applied in one transaction, or nothing (a 422 carries the
 * same shape with `rejected` filled and nothing applied). An id already
 * stored with the same content is `unchanged`, so a second import of a file
 * creates nothing.
 */
export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ index: number; id: string | null; reason: string }>;
}
