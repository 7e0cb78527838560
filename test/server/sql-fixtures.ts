/** Records for the SQL storage tests. */
import { ANNOTATION_CONTEXT, type Annotation } from '../../src/core/annotation.js';
import type { ArticleRegistration } from '../../src/core/review-types.js';
import { hashToken } from '../../src/endpoint/tokens.js';

export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

/** A reader as the handler sees one: a lower-case id and the hash of a token the storage never sees. */
export async function newReader(): Promise<{ id: string; token: string; hash: string }> {
  const token = `rt_${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, '');
  return { id: crypto.randomUUID(), token, hash: await hashToken(token) };
}

export function note(uuid: string, fields: Partial<Annotation> & { text?: string } = {}): Annotation {
  const { text, ...rest } = fields;
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${uuid}`,
    type: 'Annotation',
    motivation: text === undefined ? 'highlighting' : 'commenting',
    created: '2026-01-10T09:00:00.000Z',
    modified: '2026-01-10T09:00:00.000Z',
    creator: crypto.randomUUID(),
    ...(text === undefined ? {} : { body: { type: 'TextualBody', value: text, format: 'text/plain', purpose: 'commenting' } }),
    target: { source: 'story-1', selector: [{ type: 'TextQuoteSelector', exact: 'a passage', prefix: 'before ', suffix: ' after' }] },
    ...rest,
  } as Annotation;
}

export function registration(title = 'A story'): ArticleRegistration {
  return { title, url: 'https://news.example/story-1', textHash: 'h1', paragraphs: ['One.', 'Two.'] };
}

/** The same items in a random order. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export const CREATE = { ifMatch: null, ifNoneMatch: '*' } as const;
export const replacing = (etag: string) => ({ ifMatch: etag, ifNoneMatch: null });
