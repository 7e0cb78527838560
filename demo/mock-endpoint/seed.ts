import { ANNOTATION_CONTEXT, type Annotation } from '../../src/core/annotation.js';
import { LIMITS } from '../../src/sync/protocol.js';
import { mulberry32 } from './faults.js';
import { SEED_NOTES, SEED_STORIES } from './seed-stories.js';
import type { ServerAnnotation, ServerClaps, ServerStore } from './server-store.js';

export const SEED_READERS = 200;
const SEED_VERSION = 'v1';

/**
 * Fills an empty mock server with believable feedback: about 200 synthetic
 * readers clapping on a few stories (most give a few claps, a few give many),
 * highlighting popular passages and leaving shared notes. Runs once per
 * database; deterministic, so every demo shows the same picture.
 */
export async function seedServer(store: ServerStore): Promise<boolean> {
  if ((await store.getMeta('seeded')) === SEED_VERSION) return false;
  const random = mulberry32(0x5eed);
  const uuid = () => uuidFrom(random);
  const now = Date.parse('2026-11-26T09:00:00Z');
  const readers = Array.from({ length: SEED_READERS }, (_, i) => ({ readerId: uuid(), token: `seed-reader-token-${i.toString().padStart(4, '0')}` }));

  const claps: ServerClaps[] = [];
  const annotations: Array<Omit<ServerAnnotation, 'etag'>> = [];
  for (const story of SEED_STORIES) {
    const passages = SEED_NOTES[story.id] ?? [];
    // Each written note is left once per story: real readers do not repeat each other word for word.
    const usedNotes = new Set<string>();
    for (const reader of readers) {
      if (random() >= story.reach) continue;
      // Claps follow a long tail: most readers give 1-5, a few hold the button down.
      const roll = random();
      const count = roll < 0.55 ? 1 + Math.floor(random() * 5) : roll < 0.9 ? 5 + Math.floor(random() * 15) : 20 + Math.floor(random() * (LIMITS.maxClapsPerReader - 19));
      const when = new Date(now - Math.floor(random() * 6 * 86_400_000)).toISOString();
      claps.push({ articleId: story.id, readerId: reader.readerId, count, rev: 1 + Math.floor(random() * 4), updated: when });

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
      annotations.push({ uuid: id, articleId: story.id, annotation, owner: reader.token });
    }
  }

  await store.bulk({
    readers,
    claps,
    annotations,
    articles: SEED_STORIES.map((s) => ({
      id: s.id,
      registration: { title: s.title, url: s.url, textHash: 'seed', paragraphs: s.paragraphs },
      registered: new Date(now - 7 * 86_400_000).toISOString(),
    })),
  });
  await store.setMeta('seeded', SEED_VERSION);
  return true;
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
