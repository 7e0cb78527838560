import { expect } from '@open-wc/testing';
import { ANNOTATION_CONTEXT, type Annotation } from '../../src/core/annotation.js';
import {
  clapDistribution, dailyActivity, heatMap, isNote, periodStart, storyStats, type ClapChange, type HeatInput, type ReviewRecord,
} from '../../src/core/feedback-stats.js';
import { readerPseudonym } from '../../src/core/pseudonym.js';
import type { ModerationStatus, ReviewAnchor } from '../../src/sync/protocol.js';

/*
 * A hand-made story: 7 readers (R7 only writes), now = 2026-12-10 12:00 UTC,
 * so the 7-day period starts 2026-12-03 12:00.
 *
 *   reader  changes (UTC)                                   all   in 7d
 *   R1      12-01 10:00 +1                                   1     0 (before the period)
 *   R2      11-20 09:00 +3, 12-05 08:00 +1                   4     1
 *   R3      12-04 10:00 +9                                   9     9
 *   R4      12-02 10:00 +40, 12-09 10:00 +10                 50    10
 *   R5      12-06 10:00 +5, 12-06 10:30 -5 (an undo)          0     0
 *   R6      12-08 23:59 +2, 12-09 00:01 +2, 12-10 09:00 -1   3     3
 */
const NOW = Date.parse('2026-12-10T12:00:00Z');
const change = (readerId: string, at: string, delta: number): ClapChange => ({ readerId, at: `2026-${at}:00Z`, delta });
const CHANGES: ClapChange[] = [
  change('R1', '12-01T10:00', 1),
  change('R2', '11-20T09:00', 3), change('R2', '12-05T08:00', 1),
  change('R3', '12-04T10:00', 9),
  change('R4', '12-02T10:00', 40), change('R4', '12-09T10:00', 10),
  change('R5', '12-06T10:00', 5), change('R5', '12-06T10:30', -5),
  change('R6', '12-08T23:59', 2), change('R6', '12-09T00:01', 2), change('R6', '12-10T09:00', -1),
];

/*
 *   A1 highlight R1 11-25 10:00         A4 highlight R4 12-09 12:00
 *   A2 note R2 12-05 09:00, new         A5 note R7 12-10 08:00, modified 10:00, hidden
 *   A3 note R3 12-04 11:00, reviewed    A6 a blank body (a highlight) R6 12-07 10:00
 */
function annotation(id: string, created: string, note?: string, modified = created): Annotation {
  const a: Annotation = {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${id}`,
    type: 'Annotation',
    motivation: note === undefined ? 'highlighting' : 'commenting',
    created: `2026-${created}:00.000Z`,
    modified: `2026-${modified}:00.000Z`,
    creator: id,
    target: { source: 'story', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] },
  };
  if (note !== undefined) a.body = { type: 'TextualBody', value: note, format: 'text/plain' };
  return a;
}
const rec = (a: Annotation, status: ModerationStatus = 'new'): ReviewRecord => ({ annotation: a, status });
const RECORDS: ReviewRecord[] = [
  rec(annotation('A1', '11-25T10:00')),
  rec(annotation('A2', '12-05T09:00', 'Lovely')),
  rec(annotation('A3', '12-04T11:00', 'Too loud?'), 'reviewed'),
  rec(annotation('A4', '12-09T12:00')),
  rec(annotation('A5', '12-10T08:00', 'spam', '12-10T10:00'), 'hidden'),
  rec(annotation('A6', '12-07T10:00', '   ')),
];

describe('feedback stats', () => {
  it('starts a period 7 or 30 days before now, or never', () => {
    expect(periodStart('7d', NOW)).to.equal(Date.parse('2026-12-03T12:00:00Z'));
    expect(periodStart('30d', NOW)).to.equal(Date.parse('2026-11-10T12:00:00Z'));
    expect(periodStart('all', NOW)).to.equal(null);
  });

  it('weighs claps by the square root per reader: [1, 4, 9, 50] is 1 + 2 + 3 + 7.1 = 13.1', () => {
    const changes = [1, 4, 9, 50].map((n, i) => change(`r${i}`, '12-01T10:00', n));
    const stats = storyStats(changes, [], null);
    expect(stats.weighted).to.equal(13.1);
    expect(stats.total).to.equal(64);
    expect(stats.clappers).to.equal(4);
    expect(stats.meanClaps).to.equal(16);
  });

  it('counts all time from the whole log and every annotation', () => {
    // total 1+4+9+50+0+3 = 67 from 5 clappers; weighted 1 + 2 + 3 + 7.071 + 1.732 = 14.8; mean 67 / 5 = 13.4.
    expect(storyStats(CHANGES, RECORDS, null)).to.deep.equal({
      total: 67, clappers: 5, mine: 0, meanClaps: 13.4, weighted: 14.8,
      annotations: 6, highlights: 3, notes: 3, newNotes: 1, lastActivity: '2026-12-10T10:00:00.000Z',
    });
  });

  it('counts a period from the changes and annotations in it', () => {
    // total 1+9+10+(5-5)+3 = 23 from 4 clappers (R5 is back to 0); weighted 1 + 3 + 3.162 + 1.732 = 8.9; mean 23 / 4 = 5.75 -> 5.8.
    expect(storyStats(CHANGES, RECORDS, periodStart('7d', NOW))).to.deep.equal({
      total: 23, clappers: 4, mine: 0, meanClaps: 5.8, weighted: 8.9,
      annotations: 5, highlights: 2, notes: 3, newNotes: 1, lastActivity: '2026-12-10T10:00:00.000Z',
    });
    const quiet = storyStats(CHANGES, [], Date.parse('2026-12-10T11:00:00Z'));
    expect(quiet).to.deep.equal({
      total: 0, clappers: 0, mine: 0, meanClaps: 0, weighted: 0,
      annotations: 0, highlights: 0, notes: 0, newNotes: 0, lastActivity: null,
    });
  });

  it('floors a reader at 0 claps within a period whose undo outweighs their claps', () => {
    const changes = [change('a', '12-01T10:00', 5), change('a', '12-09T10:00', -3), change('b', '12-09T11:00', 4)];
    const stats = storyStats(changes, [], periodStart('7d', NOW));
    expect(stats.total).to.equal(1);
    expect(stats.clappers).to.equal(1);
    expect(stats.weighted).to.equal(2);
  });

  it('tells notes from highlights by a body with text', () => {
    expect(RECORDS.map((r) => isNote(r.annotation))).to.deep.equal([false, true, true, false, true, false]);
  });

  it('distributes the current counts', () => {
    const d = clapDistribution([1, 4, 9, 50, 0, 3]);
    expect(d).to.have.length(51);
    expect(d.flatMap((n, claps) => (n ? [[claps, n]] : []))).to.deep.equal([[1, 1], [3, 1], [4, 1], [9, 1], [50, 1]]);
    expect(clapDistribution([1, 1, 3])).to.deep.equal([0, 2, 0, 1]);
    expect(clapDistribution([0, 0])).to.deep.equal([]);
    expect(clapDistribution([])).to.deep.equal([]);
  });

  it('lists every day of a period, empty days included, summing to the period', () => {
    expect(dailyActivity(CHANGES, RECORDS, periodStart('7d', NOW), NOW)).to.deep.equal([
      { day: '2026-12-03', claps: 0, highlights: 0, notes: 0 },
      { day: '2026-12-04', claps: 9, highlights: 0, notes: 1 },
      { day: '2026-12-05', claps: 1, highlights: 0, notes: 1 },
      { day: '2026-12-06', claps: 0, highlights: 0, notes: 0 },
      { day: '2026-12-07', claps: 0, highlights: 1, notes: 0 },
      { day: '2026-12-08', claps: 2, highlights: 0, notes: 0 },
      { day: '2026-12-09', claps: 12, highlights: 1, notes: 0 },
      { day: '2026-12-10', claps: -1, highlights: 0, notes: 1 },
    ]);
  });

  it('lists all time from the first activity', () => {
    const days = dailyActivity(CHANGES, RECORDS, null, NOW);
    expect(days).to.have.length(21);
    expect(days[0]!.day).to.equal('2026-11-20');
    expect(days[20]!.day).to.equal('2026-12-10');
    expect(days.filter((d) => d.claps || d.highlights || d.notes).map((d) => [d.day.slice(5), d.claps, d.highlights, d.notes])).to.deep.equal([
      ['11-20', 3, 0, 0], ['11-25', 0, 1, 0], ['12-01', 1, 0, 0], ['12-02', 40, 0, 0], ['12-04', 9, 0, 1], ['12-05', 1, 0, 1],
      ['12-07', 0, 1, 0], ['12-08', 2, 0, 0], ['12-09', 12, 1, 0], ['12-10', -1, 0, 1],
    ]);
    expect(days.reduce((sum, d) => sum + d.claps, 0)).to.equal(67);
    expect(dailyActivity([], [], null, NOW)).to.deep.equal([]);
  });
});

describe('heatMap', () => {
  const PARAGRAPHS = ['The press is loud.', 'It is the type that clicks.', 'Nobody talks much. The type clicks.'];
  const at = (paragraph: number, start: number, end: number): ReviewAnchor =>
    ({ status: 'anchored', paragraph, start, end, before: '', after: '' });
  const ORPHAN: ReviewAnchor = { status: 'orphan', paragraph: -1, start: -1, end: -1, before: '', after: '' };

  it('counts the annotations over each character, in runs, and groups the passages', () => {
    const anchors: HeatInput[] = [
      { anchor: at(1, 6, 14), kind: 'note' }, // "the type"
      { anchor: at(1, 6, 14), kind: 'highlight' },
      { anchor: at(1, 10, 27), kind: 'highlight' }, // "type that clicks."
      { anchor: at(0, 4, 9), kind: 'note' }, // "press"
      { anchor: ORPHAN, kind: 'note' },
      { anchor: at(1, 0, 5), kind: 'highlight' }, // "It is"
    ];
    const { heat, passages, orphans } = heatMap(PARAGRAPHS, anchors);
    expect(heat).to.deep.equal([
      [{ start: 4, end: 9, count: 1 }],
      [{ start: 0, end: 5, count: 1 }, { start: 6, end: 10, count: 2 }, { start: 10, end: 14, count: 3 }, { start: 14, end: 27, count: 1 }],
      [],
    ]);
    expect(passages).to.deep.equal([
      { paragraph: 1, start: 6, end: 14, quote: 'the type', highlights: 1, notes: 1 },
      { paragraph: 0, start: 4, end: 9, quote: 'press', highlights: 0, notes: 1 },
      { paragraph: 1, start: 0, end: 5, quote: 'It is', highlights: 1, notes: 0 },
      { paragraph: 1, start: 10, end: 27, quote: 'type that clicks.', highlights: 1, notes: 0 },
    ]);
    expect(orphans).to.equal(1);
  });

  it('merges touching runs of one count, clamps to the paragraph and keeps the top 10 passages', () => {
    const touching = heatMap(['abcdef'], [{ anchor: at(0, 0, 3), kind: 'highlight' }, { anchor: at(0, 3, 99), kind: 'highlight' }]);
    expect(touching.heat).to.deep.equal([[{ start: 0, end: 6, count: 1 }]]);
    expect(touching.passages[1]).to.deep.equal({ paragraph: 0, start: 3, end: 6, quote: 'def', highlights: 1, notes: 0 });
    const many = heatMap(['x'.repeat(20)], Array.from({ length: 12 }, (_, i) => ({ anchor: at(0, i, i + 1), kind: 'highlight' as const })));
    expect(many.passages.map((p) => p.start)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // An anchor in a paragraph the registration does not have is an orphan.
    expect(heatMap(['a'], [{ anchor: at(3, 0, 1), kind: 'note' }]).orphans).to.equal(1);
  });
});

describe('readerPseudonym', () => {
  it('is a stable label of five base32 characters that never shows the key', () => {
    const key = '0b8d6f0e-7c1a-4c5e-9d33-2f1a6b7c8d90';
    const label = readerPseudonym('secret-1', key);
    expect(label).to.match(/^Reader [0-9A-HJKMNP-TV-Z]{5}$/);
    expect(readerPseudonym('secret-1', key)).to.equal(label);
    expect(readerPseudonym('secret-2', key)).not.to.equal(label);
    expect(label.toLowerCase()).not.to.contain(key.slice(0, 4));
    const labels = new Set(Array.from({ length: 1000 }, (_, i) => readerPseudonym('secret-1', `reader-${i}`)));
    expect(labels.size).to.be.greaterThan(990);
  });
});
