/**
 * The editor's numbers, computed from plain records: the clap log and the
 * stored annotations. Shared by the mock endpoint (and the future server) and
 * the review element's local data source, so every place that shows a story's
 * feedback counts it the same way. Pure: no DOM, no storage, no clock (callers
 * pass `now`). Nothing is estimated; every number is a sum over records.
 */
import type { Annotation } from './annotation.js';
import type {
  HeatRun, ModerationStatus, Passage, Period, ReviewAnchor, StoryDay, StoryStats,
} from './review-types.js';

/**
 * One entry of a story's clap log: every accepted clap PUT that changed a
 * reader's count logs `newCount - oldCount`, so a reader's deltas sum to
 * their current count, and an undo is a negative delta.
 */
export interface ClapChange {
  readerId: string;
  /** ISO time the server accepted the change. */
  at: string;
  delta: number;
}

/** A stored annotation and its moderation status (absent status = `new`). */
export interface ReviewRecord {
  annotation: Annotation;
  status: ModerationStatus;
}

/** An anchored annotation for the heat map. */
export interface HeatInput {
  anchor: ReviewAnchor;
  kind: 'highlight' | 'note';
}

export interface HeatMap {
  /** `heat[i]`: paragraph i's runs, in order, count > 0 only. */
  heat: HeatRun[][];
  /** The most marked passages (at most `MAX_PASSAGES`), most first, ties in text order. */
  passages: Passage[];
  /** Annotations that did not anchor. */
  orphans: number;
}

const DAY = 86_400_000;
const PERIOD_DAYS = { '7d': 7, '30d': 30 } as const;
export const MAX_PASSAGES = 10;

/** Where a period begins: `now` minus 7 or 30 days; null for all time. */
export function periodStart(period: Period, now: number): number | null {
  return period === 'all' ? null : now - PERIOD_DAYS[period] * DAY;
}

/** A note is an annotation with a body that has text; everything else is a highlight. */
export function isNote(annotation: Pick<Annotation, 'body'>): boolean {
  return typeof annotation.body?.value === 'string' && annotation.body.value.trim().length > 0;
}

const inPeriod = (iso: string, since: number | null): boolean => since === null || Date.parse(iso) >= since;
const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

/**
 * A story's numbers for the period starting at `since` (null: all time).
 * `total` is the sum of the period's clap changes; each reader's claps are
 * their changes in the period, summed and floored at 0; `clappers` are the
 * readers above 0; `weighted` is Σ √(reader's claps) and `meanClaps` is
 * `total / clappers`, both to one decimal. Annotations count by `created` in
 * the period; `lastActivity` is the latest change or annotation `modified` in it.
 */
export function storyStats(changes: readonly ClapChange[], records: readonly ReviewRecord[], since: number | null): StoryStats {
  let total = 0;
  let last = -Infinity;
  const perReader = new Map<string, number>();
  for (const c of changes) {
    if (!inPeriod(c.at, since)) continue;
    total += c.delta;
    perReader.set(c.readerId, (perReader.get(c.readerId) ?? 0) + c.delta);
    last = Math.max(last, Date.parse(c.at));
  }
  let clappers = 0;
  let weighted = 0;
  for (const claps of perReader.values()) {
    if (claps <= 0) continue;
    clappers++;
    weighted += Math.sqrt(claps);
  }
  let annotations = 0;
  let notes = 0;
  let newNotes = 0;
  for (const { annotation, status } of records) {
    if (inPeriod(annotation.modified, since)) last = Math.max(last, Date.parse(annotation.modified));
    if (!inPeriod(annotation.created, since)) continue;
    annotations++;
    if (isNote(annotation)) {
      notes++;
      if (status === 'new') newNotes++;
    }
  }
  return {
    total,
    clappers,
    mine: 0,
    meanClaps: clappers === 0 ? 0 : oneDecimal(total / clappers),
    weighted: oneDecimal(weighted),
    annotations,
    highlights: annotations - notes,
    notes,
    newNotes,
    lastActivity: last === -Infinity ? null : new Date(last).toISOString(),
  };
}

/** `d[n]` = readers whose current count is exactly n (index 0 is 0); [] when nobody clapped. */
export function clapDistribution(currentCounts: readonly number[]): number[] {
  let max = 0;
  for (const n of currentCounts) if (n > max) max = n;
  if (max === 0) return [];
  const d = new Array<number>(max + 1).fill(0);
  for (const n of currentCounts) if (n > 0) d[n]!++;
  return d;
}

/** `YYYY-MM-DD` of a time, UTC. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * One entry per UTC day from the day of `since` (all time: the day of the
 * first activity) to the day of `now`, oldest first, empty days included:
 * the day's net clap change and the annotations created that day, by kind.
 * Only activity at or after `since` counts, so the days sum to `storyStats`.
 * Activity stamped after `now` extends the range rather than being dropped.
 */
export function dailyActivity(
  changes: readonly ClapChange[],
  records: readonly ReviewRecord[],
  since: number | null,
  now: number,
): StoryDay[] {
  const events: Array<{ at: number; claps: number; kind: 'highlight' | 'note' | null }> = [];
  for (const c of changes) if (inPeriod(c.at, since)) events.push({ at: Date.parse(c.at), claps: c.delta, kind: null });
  for (const { annotation } of records) {
    if (inPeriod(annotation.created, since)) {
      events.push({ at: Date.parse(annotation.created), claps: 0, kind: isNote(annotation) ? 'note' : 'highlight' });
    }
  }
  if (since === null && events.length === 0) return [];
  let first = since ?? Infinity;
  let last = now;
  for (const e of events) {
    first = Math.min(first, e.at);
    last = Math.max(last, e.at);
  }
  const days: StoryDay[] = [];
  const index = new Map<string, StoryDay>();
  const end = utcDay(last);
  for (let t = Date.parse(`${utcDay(first)}T00:00:00Z`); ; t += DAY) {
    const day: StoryDay = { day: utcDay(t), claps: 0, highlights: 0, notes: 0 };
    days.push(day);
    index.set(day.day, day);
    if (day.day >= end) break;
  }
  for (const e of events) {
    const day = index.get(utcDay(e.at))!;
    day.claps += e.claps;
    if (e.kind === 'note') day.notes++;
    else if (e.kind === 'highlight') day.highlights++;
  }
  return days;
}

/**
 * Per character of each paragraph, how many of the given annotations cover
 * it, as runs of equal count; the passages marked most, grouped by identical
 * (paragraph, start, end); and how many did not anchor. Offsets are clamped
 * to the paragraph; an empty range covers nothing but still makes a passage.
 */
export function heatMap(paragraphs: readonly string[], anchors: readonly HeatInput[]): HeatMap {
  // Per paragraph: +1 at each start, -1 at each end.
  const edges: Array<Map<number, number>> = paragraphs.map(() => new Map());
  const groups = new Map<string, Passage>();
  let orphans = 0;
  for (const { anchor, kind } of anchors) {
    const text = paragraphs[anchor.paragraph];
    if (anchor.status === 'orphan' || text === undefined) {
      orphans++;
      continue;
    }
    const start = clamp(anchor.start, 0, text.length);
    const end = clamp(anchor.end, start, text.length);
    if (end > start) {
      const e = edges[anchor.paragraph]!;
      e.set(start, (e.get(start) ?? 0) + 1);
      e.set(end, (e.get(end) ?? 0) - 1);
    }
    const key = `${anchor.paragraph}:${start}:${end}`;
    let passage = groups.get(key);
    if (!passage) {
      passage = { paragraph: anchor.paragraph, start, end, quote: text.slice(start, end), highlights: 0, notes: 0 };
      groups.set(key, passage);
    }
    if (kind === 'note') passage.notes++;
    else passage.highlights++;
  }
  const heat = edges.map(runsOf);
  const passages = [...groups.values()]
    .sort((a, b) => b.highlights + b.notes - (a.highlights + a.notes) || a.paragraph - b.paragraph || a.start - b.start || a.end - b.end)
    .slice(0, MAX_PASSAGES);
  return { heat, passages, orphans };
}

function runsOf(edges: Map<number, number>): HeatRun[] {
  const points = [...edges.keys()].sort((a, b) => a - b);
  const runs: HeatRun[] = [];
  let count = 0;
  for (let i = 0; i < points.length - 1; i++) {
    count += edges.get(points[i]!)!;
    const start = points[i]!;
    const end = points[i + 1]!;
    if (count <= 0) continue;
    const prev = runs[runs.length - 1];
    if (prev && prev.end === start && prev.count === count) prev.end = end;
    else runs.push({ start, end, count });
  }
  return runs;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}
