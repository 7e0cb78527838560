import { ANNOTATION_CONTEXT, type Annotation } from '../../src/core/annotation.js';
import { hashToken } from '../../src/endpoint/tokens.js';
import { LIMITS } from '../../src/sync/protocol.js';
import { mulberry32 } from './faults.js';
import { SEED_NOTES, SEED_STORIES } from './seed-stories.js';
import type { ServerAnnotation, ServerClapChange, ServerClaps, ServerStore } from './server-store.js';

export const SEED_READERS = 200;
const SEED_VERSION = 'v1';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How long ago each story (in `SEED_STORIES` order) was published: claps come in after that. */
const PUBLISHED_DAYS_AGO = [4, 12, 19, 26];

/**
 * Fills an empty mock server with believable feedback: about 200 synthetic
 * readers clapping on a few stories (most give a few claps, a few give many),
 * highlighting popular passages and leaving shared notes. Each story's claps
 * arrive mostly in the first days after it was published, some readers come
 * back for more and a few undo, all written to the clap log, so the review's
 * activity chart has a shape. Times are relative to the store's clock at
 * seeding. Runs once per database; deterministic, so every demo shows the
 * same picture. (A database seeded before the clap log got one change per
 * reader from the upgrade; it is not seeded again.)
 */
export async function seedServer(store: ServerStore): Promise<boolean> {
  if ((await store.getMeta('seeded')) === SEED_VERSION) return false;
  const random = mulberry32(0x5eed);
  const uuid = () => uuidFrom(random);
  const now = Math.floor(store.now() / HOUR) * HOUR;
  const readers = await Promise.all(Array.from({ length: SEED_READERS }, async (_, i) => ({
    readerId: uuid(),
    tokenHash: await hashToken(`seed-reader-token-${i.toString().padStart(4, '0')}`),
  })));

  const claps: ServerClaps[] = [];
  const clapLog: ServerClapChange[] = [];
  const annotations: Array<Omit<ServerAnnotation, 'etag'>> = [];
  for (const [storyIndex, story] of SEED_STORIES.entries()) {
    const published = now - (PUBLISHED_DAYS_AGO[storyIndex] ?? 10) * DAY;
    /** Most readers come in the first day or two, a few any time since. */
    const arrival = (): number => {
      const delay = random() < 0.15 ? random() * (now - published) : -Math.log(1 - random()) * 1.2 * DAY;
      return Math.min(now - 60_000, published + delay);
    };
    const passages = SEED_NOTES[story.id] ?? [];
    // Each written note is left once per story: real readers do not repeat each other word for word.
    const usedNotes = new Set<string>();
    for (const reader of readers) {
      if (random() >= story.reach) continue;
      // Claps follow a long tail: most readers give 1-5, a few hold the button down.
      const roll = random();
      const count = roll < 0.55 ? 1 + Math.floor(random() * 5) : roll < 0.9 ? 5 + Math.floor(random() * 15) : 20 + Math.floor(random() * (LIMITS.maxClapsPerReader - 19));
      const changes = clapHistory(count, arrival(), now, random);
      for (const change of changes) clapLog.push({ articleId: story.id, readerId: reader.readerId, ...change });
      const first = changes[0]!.at;
      claps.push({
        articleId: story.id, readerId: reader.readerId, count, rev: changes.length + Math.floor(random() * 4), updated: changes[changes.length - 1]!.at,
      });

      if (passages.length === 0 || random() > 0.35) continue;
      // Popular passages attract most highlights.
      const passage = passages[Math.min(passages.length - 1, Math.floor(random() ** 1.6 * passages.length))]!;
      const paragraph = story.paragraphs.find((p) => p.includes(passage.exact)) ?? '';
      const start = paragraph.indexOf(passage.exact);
      const unused = passage.notes.filter((n) => !usedNotes.has(n));
      const withNote = random() < 0.3 && unused.length > 0;
      const note = unused[Math.floor(random() * unused.length)] ?? '';
      if (withNote) usedNotes.add(note);
      const id = uuid();
      const when = new Date(Math.min(now - 60_000, Date.parse(first) + random() * HOUR)).toISOString();
      const annotation: Annotation = {
        '@context': ANNOTATION_CONTEXT,
        id: `urn:uuid:${id}`,
        type: 'Annotation',
        motivation: withNote ? 'commenting' : 'highlighting',
        created: when,
        modified: when,
        creator: reader.readerId,
        target: {
          source: story.id,
          selector: [
            {
              type: 'TextQuoteSelector',
              exact: passage.exact,
              prefix: paragraph.slice(Math.max(0, start - 32), start),
              suffix: paragraph.slice(start + passage.exact.length, start + passage.exact.length + 32),
            },
          ],
        },
        'plaudit:textHash': 'seed',
      };
      if (withNote) {
        annotation.body = { type: 'TextualBody', value: note, format: 'text/plain', purpose: 'commenting' };
        annotation['plaudit:visibility'] = 'shared';
      } else {
        delete (annotation as Partial<Annotation>).creator; // highlights travel as anonymous signals
      }
      if (withNote && random() < 0.04) annotation['plaudit:status'] = 'hidden';
      // The editor has gone through most notes older than two days.
      else if (withNote && Date.parse(when) < now - 2 * DAY && random() < 0.6) annotation['plaudit:status'] = 'reviewed';
      annotations.push({ uuid: id, articleId: story.id, annotation, owner: reader.tokenHash });
    }
  }

  await store.bulk({
    readers,
    claps,
    clapLog,
    annotations,
    articles: SEED_STORIES.map((s, i) => ({
      id: s.id,
      registration: { title: s.title, url: s.url, textHash: 'seed', paragraphs: s.paragraphs },
      registered: new Date(now - (PUBLISHED_DAYS_AGO[i] ?? 10) * DAY).toISOString(),
    })),
  });
  await store.setMeta('seeded', SEED_VERSION);
  return true;
}

/**
 * How a reader's `count` came about: one visit, or two (the second adding
 * more), or an over-eager visit undone a little later. Deltas sum to `count`
 * and the running count stays within 0..max.
 */
function clapHistory(count: number, first: number, now: number, random: () => number): Array<{ at: string; delta: number }> {
  const at = (t: number) => new Date(Math.min(now - 60_000, t)).toISOString();
  const roll = random();
  if (count >= 2 && roll < 0.3) {
    const head = 1 + Math.floor(random() * (count - 1));
    return [{ at: at(first), delta: head }, { at: at(first + (0.2 + random() * 3) * DAY), delta: count - head }];
  }
  if (count < LIMITS.maxClapsPerReader && roll < 0.36) {
    const extra = Math.min(LIMITS.maxClapsPerReader - count, 1 + Math.floor(random() * 3));
    return [{ at: at(first), delta: count + extra }, { at: at(first + random() * HOUR), delta: -extra }];
  }
  return [{ at: at(first), delta: count }];
}

/** A version-4-shaped UUID from a seeded generator, so seeded data has the same ids every run. */
export function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
