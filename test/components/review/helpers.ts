import { fixture, html } from '@open-wc/testing';
import { ANNOTATION_CONTEXT, type Annotation } from '../../../src/core/annotation.js';
import { MediaType } from '../../../src/sync/protocol.js';
import '../../../src/components/review/review.js';
import type { PlauditReviewElement } from '../../../src/components/review/review.component.js';
import type { PlauditReviewNotes } from '../../../src/components/review/review-notes.component.js';
import { waitUntil } from '../../helpers/wait.js';
import { BASE, serveMock } from '../../sync/helpers.js';
import { EDITOR_TOKEN } from '../../../demo/mock-endpoint/handlers.js';

export { EDITOR_TOKEN, serveMock };

/** The story of the hand-made data set: three paragraphs. */
export const STORY = {
  id: 'hand-made-story',
  title: 'A hand-made story',
  url: 'https://blog.example.com/hand-made-story',
  paragraphs: [
    'A hand-made story',
    'The first paragraph says something quotable about type and ink.',
    'The second paragraph ends with a line worth keeping for later.',
  ],
};

/** Seven readers and their claps: total 82, seven fans, 11.7 per fan, weighted Σ√c = 19.9. */
export const CLAPS = [1, 2, 3, 5, 8, 13, 50];

export interface Reader {
  id: string;
  token: string;
}

export const readers: Reader[] = CLAPS.map((_, i) => ({
  id: `0000000${i}-7c1a-4c5e-9d33-2f1a6b7c8d90`,
  token: `hand-made-reader-token-${i}`.padEnd(24, 'x'),
}));

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

async function send(path: string, token: string, method: string, body: unknown, type: string = MediaType.Json, extra: Record<string, string> = {}) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type, ...extra },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

export function annotation(reader: number, quote: string, note: string | null, minutesAgo: number): Annotation {
  const when = at(minutesAgo);
  const a: Annotation = {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: 'Annotation',
    motivation: note ? 'commenting' : 'highlighting',
    created: when,
    modified: when,
    creator: readers[reader]!.id,
    target: { source: STORY.id, selector: [{ type: 'TextQuoteSelector', exact: quote }] },
  };
  if (note) {
    a.body = { type: 'TextualBody', value: note, format: 'text/plain', purpose: 'commenting' };
    a['plaudit:visibility'] = 'shared';
  } else delete (a as Partial<Annotation>).creator;
  return a;
}

/**
 * Fills the mock over the protocol, as readers' widgets would: the story's
 * registration, seven readers' claps, two highlights and `notes` notes.
 */
export async function seedHandMade(notes: string[] = ['Lovely line.', 'I disagree.', 'More of this, please.']): Promise<Annotation[]> {
  await send(`/articles/${STORY.id}`, readers[0]!.token, 'PUT', { title: STORY.title, url: STORY.url, textHash: 'hand', paragraphs: STORY.paragraphs });
  for (const [i, count] of CLAPS.entries()) {
    await send(`/articles/${STORY.id}/claps/${readers[i]!.id}`, readers[i]!.token, 'PUT', { count, rev: 1 });
  }
  const made = [
    annotation(0, 'something quotable', null, 50),
    annotation(1, 'something quotable', null, 40),
    ...notes.map((n, i) => annotation(i % readers.length, i % 2 ? 'a line worth keeping' : 'something quotable', n, 30 - i)),
  ];
  for (const a of made) {
    const owner = a.creator ? readers.find((r) => r.id === a.creator)! : readers[made.indexOf(a)]!;
    await send(`/annotations/${a.id.slice(9)}`, owner.token, 'PUT', a, MediaType.Annotation, { 'If-None-Match': '*' });
  }
  return made;
}

/** A review element over the mock with the editor token (or none). */
export async function reviewFixture(options: { token?: string | null; endpoint?: string | null } = {}): Promise<PlauditReviewElement> {
  const endpoint = options.endpoint === undefined ? BASE : options.endpoint;
  const el = await fixture<PlauditReviewElement>(endpoint === null
    ? html`<plaudit-review></plaudit-review>`
    : html`<plaudit-review endpoint=${endpoint} .token=${options.token === undefined ? EDITOR_TOKEN : options.token}></plaudit-review>`);
  return el;
}

export const root = (el: Element) => el.shadowRoot!;

export async function storiesTable(el: PlauditReviewElement): Promise<HTMLTableElement> {
  await waitUntil(() => root(el).querySelector('table.stories'), 'the stories table never showed', { timeout: 10_000 });
  return root(el).querySelector<HTMLTableElement>('table.stories')!;
}

/** The notes list element of the current view, once its first page is loaded. */
export async function notesList(el: PlauditReviewElement): Promise<PlauditReviewNotes> {
  await waitUntil(() => root(el).querySelector('plaudit-review-notes')?.itemAt(0), 'the notes list never loaded', { timeout: 10_000 });
  return root(el).querySelector('plaudit-review-notes')!;
}

export function buttonNamed(scope: ParentNode, name: string | RegExp): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent?.trim() ?? ''));
  if (!found) throw new Error(`no button named ${name}`);
  return found as HTMLButtonElement;
}

export function press(target: Element, key: string): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
}

/** Opens "All notes" once the stories have loaded; resolves with its list. */
export async function allNotes(el: PlauditReviewElement): Promise<PlauditReviewNotes> {
  await storiesTable(el);
  el.showView('notes');
  return notesList(el);
}
