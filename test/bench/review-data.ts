/**
 * A deterministic data set for the review benchmark, in the mock server's own
 * records (for `ServerStore.bulk`): stories with registered paragraphs,
 * readers who clap on every story (readers × stories clap records, each with
 * its clap log), and annotations whose quotes are cut from the registered
 * paragraphs, with 32 characters of context each side, so they anchor. About
 * a third are shared notes, the rest anonymous highlights; popular passages
 * draw most of them, and popular stories most of all.
 */
import { ANNOTATION_CONTEXT, type Annotation } from '../../src/core/annotation.js';
import { LIMITS } from '../../src/sync/protocol.js';
import { mulberry32 } from '../../demo/mock-endpoint/faults.js';
import { uuidFrom } from '../../demo/mock-endpoint/seed.js';
import type { ServerAnnotation, ServerArticle, ServerClapChange, ServerClaps } from '../../demo/mock-endpoint/server-store.js';

export interface ReviewData {
  readers: Array<{ readerId: string; tokenHash: string }>;
  claps: ServerClaps[];
  clapLog: ServerClapChange[];
  articles: ServerArticle[];
  annotations: Array<Omit<ServerAnnotation, 'etag'>>;
}

export interface ReviewDataOptions {
  seed?: number;
  stories: number;
  /** Every reader claps on every story: `readers × stories` clap records. */
  readers: number;
  annotations: number;
  /** The share of annotations that are notes (default 1/3). */
  noteShare?: number;
  /** The clock the times are relative to (ms). */
  now: number;
}

/** A phrase some paragraphs and notes contain, for the search benchmark (12 characters). */
export const SEARCH_PHRASE = 'river valley';

const DAY = 86_400_000;
const PARAGRAPHS_PER_STORY = 12;

const WORDS = ('the of and to a in is that it for as was with on be by this are at from or an but not which have had ' +
  'were one all their there been has when who will more if out so up said what its about into than them can only other ' +
  'new some could time these two may then do first any my now such like our over morning light press type ink paper ' +
  'letter drawer workshop river town winter summer harbour keeper lamp bread starter flour oven map contour line pen ' +
  'nib field path hill village market train station window door garden kitchen table chair book page story reader ' +
  'writer editor printer baker sailor walker teacher student machine engine wheel stone wood metal glass water salt ' +
  'wind rain snow cloud sun moon night evening quiet slow careful patient stubborn bright old young small large heavy ' +
  'remember carry return build measure draw print bake teach learn notice listen wait hold keep').split(' ');
const NOTE_OPENERS = [
  'Lovely image.', 'This is the line I will remember.', 'Could this be the headline?', 'I disagree, at least in part.',
  'More of this, please.', 'Small thing: a source would help here.', 'This made me laugh.', 'Beautifully put.',
  'Is this really true everywhere?', 'My grandmother said exactly this.', 'A photo here would help.', 'Typo?',
];
const NOTE_TAILS = [
  'It reminds me of the {w} near where I grew up.', 'I read it twice.', 'The part about the {w} is new to me.',
  'Worth a short sidebar on the {w}.', 'I would love a follow-up on the {w} and the {x}.', '',
  'We walked the {SEARCH} last spring and saw the same {w}.', 'Not sure about the {w}, though.',
];

function sentence(random: () => number, length: number): string {
  const words = Array.from({ length }, () => WORDS[Math.floor(random() ** 1.4 * WORDS.length)]!);
  if (random() < 0.06) words.splice(Math.floor(random() * words.length), 0, 'in the', SEARCH_PHRASE);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}${random() < 0.1 ? '?' : '.'}`;
}

function paragraph(random: () => number): string {
  return Array.from({ length: 3 + Math.floor(random() * 5) }, () => sentence(random, 8 + Math.floor(random() * 14))).join(' ');
}

/** A word-aligned stretch of 3-14 words of `text`, with 32 characters of context each side. */
function passage(random: () => number, text: string): { exact: string; prefix: string; suffix: string } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === ' ') starts.push(i + 1);
  const length = 3 + Math.floor(random() * 12);
  const first = Math.floor(random() * Math.max(1, starts.length - length));
  const start = starts[first]!;
  const end = first + length < starts.length ? starts[first + length]! - 1 : text.length;
  return { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) };
}

/** The data set; the same options always give the same records. */
export function generateReviewData(options: ReviewDataOptions): ReviewData {
  const random = mulberry32(options.seed ?? 0x7e71e3);
  const uuid = () => uuidFrom(random);
  const noteShare = options.noteShare ?? 1 / 3;
  const now = Math.floor(options.now / 60_000) * 60_000;
  const readers = Array.from({ length: options.readers }, (_, i) => ({
    readerId: uuid(), tokenHash: `bench-reader-${i.toString().padStart(5, "0")}`,
  }));
  const articles: ServerArticle[] = [];
  /** Per story: its paragraphs, when it was published, and the passages readers favour. */
  const stories: Array<{ id: string; paragraphs: string[]; published: number; popular: Array<ReturnType<typeof passage>> }> = [];
  for (let s = 0; s < options.stories; s++) {
    const id = `bench-story-${s.toString().padStart(2, '0')}`;
    const title = sentence(random, 4 + Math.floor(random() * 5)).replace(/[.?]$/, '');
    const paragraphs = [title, ...Array.from({ length: PARAGRAPHS_PER_STORY - 1 }, () => paragraph(random))];
    const published = now - (2 + s * 1.7 + random()) * DAY;
    articles.push({
      id,
      registration: { title, url: `https://blog.example.com/bench/${id}`, textHash: 'bench', paragraphs },
      registered: new Date(published).toISOString(),
    });
    const popular = Array.from({ length: 24 }, () => passage(random, paragraphs[1 + Math.floor(random() * (paragraphs.length - 1))]!));
    stories.push({ id, paragraphs, published, popular });
  }

  const claps: ServerClaps[] = [];
  const clapLog: ServerClapChange[] = [];
  const clapTime = (published: number): number =>
    Math.min(now - 60_000, published + (random() < 0.15 ? random() * (now - published) : -Math.log(1 - random()) * 1.2 * DAY));
  for (const story of stories) {
    for (const reader of readers) {
      const roll = random();
      const count = roll < 0.55 ? 1 + Math.floor(random() * 5) : roll < 0.9 ? 5 + Math.floor(random() * 15)
        : 20 + Math.floor(random() * (LIMITS.maxClapsPerReader - 19));
      const first = clapTime(story.published);
      const at = (t: number) => new Date(Math.min(now - 60_000, t)).toISOString();
      const changes = count >= 2 && random() < 0.3
        ? (() => {
          const head = 1 + Math.floor(random() * (count - 1));
          return [{ at: at(first), delta: head }, { at: at(first + (0.2 + random() * 3) * DAY), delta: count - head }];
        })()
        : [{ at: at(first), delta: count }];
      for (const c of changes) clapLog.push({ articleId: story.id, readerId: reader.readerId, ...c });
      claps.push({ articleId: story.id, readerId: reader.readerId, count, rev: changes.length, updated: changes[changes.length - 1]!.at });
    }
  }

  const annotations: Array<Omit<ServerAnnotation, 'etag'>> = [];
  for (let i = 0; i < options.annotations; i++) {
    // Popular stories draw most annotations: story 0 the most.
    const story = stories[Math.min(stories.length - 1, Math.floor(random() ** 1.5 * stories.length))]!;
    const quote = random() < 0.7
      ? story.popular[Math.floor(random() ** 1.6 * story.popular.length)]!
      : passage(random, story.paragraphs[1 + Math.floor(random() * (story.paragraphs.length - 1))]!);
    const reader = readers[Math.floor(random() * readers.length)]!;
    const isNote = random() < noteShare;
    const when = new Date(Math.min(now - 60_000, story.published + random() * (now - story.published))).toISOString();
    const id = uuid();
    const annotation: Annotation = {
      '@context': ANNOTATION_CONTEXT,
      id: `urn:uuid:${id}`,
      type: 'Annotation',
      motivation: isNote ? 'commenting' : 'highlighting',
      created: when,
      modified: when,
      creator: reader.readerId,
      target: { source: story.id, selector: [{ type: 'TextQuoteSelector', ...quote }] },
      'plaudit:textHash': 'bench',
    };
    if (isNote) {
      const word = () => WORDS[60 + Math.floor(random() * (WORDS.length - 60))]!;
      const tail = NOTE_TAILS[Math.floor(random() * NOTE_TAILS.length)]!
        .replace('{w}', word()).replace('{x}', word()).replace('{SEARCH}', SEARCH_PHRASE);
      const value = `${NOTE_OPENERS[Math.floor(random() * NOTE_OPENERS.length)]!} ${tail}`.trim();
      annotation.body = { type: 'TextualBody', value, format: 'text/plain', purpose: 'commenting' };
      annotation['plaudit:visibility'] = 'shared';
      const r = random();
      if (r < 0.04) annotation['plaudit:status'] = 'hidden';
      else if (r < 0.5) annotation['plaudit:status'] = 'reviewed';
    } else {
      delete (annotation as Partial<Annotation>).creator; // highlights travel as anonymous signals
    }
    annotations.push({ uuid: id, articleId: story.id, annotation, owner: reader.tokenHash });
  }
  return { readers, claps, clapLog, articles, annotations };
}
