/**
 * One record of an import file, checked and brought to Plaudit's annotation
 * shape. Plaudit's own annotations come back as the very object given (so an
 * export and an import are lossless); foreign W3C annotations (Hypothesis,
 * Apache Annotator and the like) are rebuilt field by field from what Plaudit
 * keeps, and nothing else of theirs is copied.
 */
import { ANNOTATION_CONTEXT, type Annotation, type TextualBody } from './annotation.js';
import { parseSelectors } from './anchor-selectors.js';
import { ARTICLE_ID, UUID } from './protocol-limits.js';
import { IMPORT_LIMITS } from './import-limits.js';
import { canonicalJson, count, inspectJson, isRecord, jsonEqual, own } from './import-json.js';
import { CONTENT_NAMESPACE, CREATOR_NAMESPACE, URL_NAMESPACE, uuidV5 } from './import-uuid.js';

/** An imported annotation: Plaudit's shape, with W3C `via` when the id was derived from a foreign one. */
export type ImportedAnnotation = Annotation & { via?: string };

/** Maps a `target.source` (a Plaudit story id or a story's URL) to a story id, or null when unknown. */
export type StoryResolver = (source: string) => string | null;

export type Normalised = { ok: true; annotation: ImportedAnnotation } | { ok: false; reason: string };

class Rejection {
  constructor(readonly reason: string) {}
}

const reject = (reason: string): never => {
  throw new Rejection(reason);
};

/** A value quoted in a reason, cut short so a hostile value cannot flood the report. */
export const clip = (value: string): string => (value.length > 100 ? `${value.slice(0, 100)}…` : value);

/** Checks and normalises one record; the reason says what was wrong. */
export function normaliseAnnotation(raw: unknown, stories: StoryResolver): Normalised {
  if (!isRecord(raw)) return { ok: false, reason: 'not an annotation object' };
  const problem = inspectJson(raw);
  if (problem) return { ok: false, reason: problem };
  try {
    const annotation = build(raw, stories);
    return { ok: true, annotation: jsonEqual(annotation, raw) ? (raw as unknown as ImportedAnnotation) : annotation };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, reason: error.reason };
    throw error;
  }
}

function build(raw: Record<string, unknown>, stories: StoryResolver): ImportedAnnotation {
  checkContext(own(raw, '@context'));
  const type = own(raw, 'type');
  if (!(type === 'Annotation' || (Array.isArray(type) && type.includes('Annotation')))) reject('type must be "Annotation"');
  const { id, via } = readId(raw);
  const body = readBody(raw);
  const motivation = readMotivation(own(raw, 'motivation'), body);
  const created = readDate(own(raw, 'created'), 'created');
  const modified = own(raw, 'modified') === undefined ? created : readDate(own(raw, 'modified'), 'modified');
  const creator = readCreator(own(raw, 'creator'));
  const target = readTarget(own(raw, 'target'), stories);

  const annotation: Record<string, unknown> = { '@context': ANNOTATION_CONTEXT, id, type: 'Annotation', motivation, created, modified };
  if (creator !== undefined) annotation.creator = creator;
  if (body) annotation.body = body;
  annotation.target = target;
  const textHash = own(raw, 'plaudit:textHash');
  if (textHash !== undefined) annotation['plaudit:textHash'] = typeof textHash === 'string' ? textHash : reject('plaudit:textHash must be text');
  const visibility = own(raw, 'plaudit:visibility');
  if (visibility !== undefined && visibility !== 'private' && visibility !== 'shared') reject('plaudit:visibility must be "private" or "shared"');
  // A note without a visibility (a foreign one) is shared, as the server requires of notes; Plaudit's own keep theirs.
  if (body) annotation['plaudit:visibility'] = visibility ?? 'shared';
  else if (visibility !== undefined) annotation['plaudit:visibility'] = visibility;
  const status = readStatus(own(raw, 'plaudit:status'));
  if (status) annotation['plaudit:status'] = status;
  if (via !== undefined) annotation.via = via;

  const text = JSON.stringify(annotation);
  if (text.length * 3 > IMPORT_LIMITS.maxAnnotationBytes && new TextEncoder().encode(text).length > IMPORT_LIMITS.maxAnnotationBytes) {
    reject(`the annotation is larger than ${count(IMPORT_LIMITS.maxAnnotationBytes)} bytes`);
  }
  return annotation as unknown as ImportedAnnotation;
}

function checkContext(context: unknown): void {
  if (context === undefined || context === ANNOTATION_CONTEXT) return;
  if (Array.isArray(context) && context.includes(ANNOTATION_CONTEXT)) return;
  reject(`@context must be ${ANNOTATION_CONTEXT}`);
}

/**
 * `urn:uuid:` ids are kept. A bare UUID gets the prefix; any other id (an IRI
 * such as `https://hypothes.is/a/...`) becomes the version-5 UUID of itself,
 * and the original is kept in `via`. Without an id, the content names it.
 */
function readId(raw: Record<string, unknown>): { id: string; via?: string } {
  const id = own(raw, 'id');
  if (id === undefined) return { id: `urn:uuid:${uuidV5(CONTENT_NAMESPACE, canonicalJson(raw))}` };
  if (typeof id !== 'string' || id === '') return reject('id must be text');
  if (/^urn:uuid:/i.test(id) && UUID.test(id.slice('urn:uuid:'.length))) {
    const via = own(raw, 'via');
    if (via !== undefined && typeof via !== 'string') reject('via must be text');
    return via === undefined ? { id } : { id, via: via as string };
  }
  if (UUID.test(id)) return { id: `urn:uuid:${id.toLowerCase()}`, via: id };
  return { id: `urn:uuid:${uuidV5(URL_NAMESPACE, id)}`, via: id };
}

/**
 * The note: `bodyValue`, or the first TextualBody whose purpose is commenting
 * or unset (tags and other purposes are skipped, as are bodies that are links).
 */
function readBody(raw: Record<string, unknown>): TextualBody | undefined {
  const bodyValue = own(raw, 'bodyValue');
  const body = own(raw, 'body');
  if (bodyValue !== undefined) {
    if (body !== undefined) reject('an annotation may not have both body and bodyValue');
    if (typeof bodyValue !== 'string') reject('bodyValue must be text');
    return bodyValue === '' ? undefined : { type: 'TextualBody', value: bodyValue as string, format: 'text/plain' };
  }
  if (body === undefined) return undefined;
  for (const candidate of Array.isArray(body) ? body : [body]) {
    if (typeof candidate === 'string') continue;
    if (!isRecord(candidate)) return reject('a body must be an object');
    const type = own(candidate, 'type');
    const value = own(candidate, 'value');
    if (!(type === 'TextualBody' || (type === undefined && value !== undefined))) continue;
    const purpose = own(candidate, 'purpose');
    if (purpose !== undefined && purpose !== 'commenting') continue;
    if (typeof value !== 'string') return reject('the note must be text');
    const format = own(candidate, 'format');
    if (format !== undefined && typeof format !== 'string') reject('the note format must be text');
    if (value === '') return undefined;
    const note = { type: 'TextualBody', value, format: (format as string | undefined) ?? 'text/plain' } as TextualBody;
    if (purpose === 'commenting') note.purpose = 'commenting';
    return note;
  }
  return undefined;
}

/** Without a motivation, a note is commenting and anything else highlighting. */
function readMotivation(motivation: unknown, body: TextualBody | undefined): Annotation['motivation'] {
  if (motivation === undefined) return body ? 'commenting' : 'highlighting';
  if (typeof motivation !== 'string') return reject('motivation must be text');
  if (motivation !== 'highlighting' && motivation !== 'commenting') {
    return reject(`unknown motivation "${clip(motivation)}" (only highlighting and commenting)`);
  }
  return motivation;
}

const PLAUDIT_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Plaudit's own times are kept; other ISO 8601 times become `toISOString()` (UTC, milliseconds). */
function readDate(value: unknown, name: string): string {
  const bad = () => reject(`${name} must be an ISO 8601 date`);
  if (typeof value !== 'string') return bad();
  if (PLAUDIT_TIME.test(value)) return Number.isNaN(Date.parse(value)) ? bad() : value;
  const match = ISO_TIME.exec(value);
  if (!match) return bad();
  const [, day, time, fraction, zone] = match;
  const offset = zone && zone !== 'Z' && !zone.includes(':') ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const text = time ? `${day}T${time}${fraction ? `.${fraction.slice(0, 3).padEnd(3, '0')}` : ''}${offset ?? ''}` : day!;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? bad() : new Date(ms).toISOString();
}

/**
 * A reader id (UUID) is kept. An IRI (`acct:...`, a profile URL) or an agent
 * object becomes the version-5 UUID of its id (or of its content), so the same
 * foreign reader is the same reader in every import. No creator stays none:
 * highlights reach the server without one.
 */
function readCreator(creator: unknown): string | undefined {
  if (creator === undefined) return undefined;
  if (typeof creator === 'string' && creator !== '') return UUID.test(creator) ? creator : uuidV5(CREATOR_NAMESPACE, creator);
  if (isRecord(creator)) {
    const id = own(creator, 'id');
    if (typeof id === 'string' && id !== '') return UUID.test(id) ? id : uuidV5(CREATOR_NAMESPACE, id);
    return uuidV5(CREATOR_NAMESPACE, canonicalJson(creator));
  }
  return reject('creator must be text or an object');
}

/** One target, as an object or a list of one, with 1 to 8 selectors kept as given. */
function readTarget(value: unknown, stories: StoryResolver): Annotation['target'] {
  let target = value;
  if (Array.isArray(target)) {
    if (target.length !== 1) reject(target.length === 0 ? 'the target list is empty' : 'several targets are not supported');
    target = target[0];
  }
  if (typeof target === 'string') reject('the target has no selector (notes on a whole page are not imported)');
  if (!isRecord(target)) return reject('target must be an object');
  const source = own(target, 'source');
  if (typeof source !== 'string' || source === '') reject('target.source must be text');
  const selector = own(target, 'selector');
  if (selector === undefined) reject('the target has no selector (notes on a whole page are not imported)');
  const selectors = Array.isArray(selector) ? selector : isRecord(selector) ? [selector] : reject('target.selector must be an object or a list');
  if (selectors.length === 0 || selectors.length > IMPORT_LIMITS.maxSelectors) {
    reject(`target.selector must list 1 to ${IMPORT_LIMITS.maxSelectors} selectors`);
  }
  for (const s of selectors) checkSelector(s);
  // Anchoring's own reading decides: a quote may also refine a Range, XPath or Fragment selector.
  if (typeof parseSelectors({ target: { selector: selectors } }) === 'string') {
    reject('no TextQuoteSelector or TextPositionSelector to anchor with');
  }
  const story = stories(source as string);
  if (story === null) reject(`unknown story ${clip(source as string)}`);
  if (typeof story !== 'string' || !ARTICLE_ID.test(story)) reject(`the story id "${clip(String(story))}" is not a valid article id`);
  return { source: story as string, selector: selectors as Annotation['target']['selector'] };
}

/** Checks the types of the selectors Plaudit anchors with; others pass as given. */
function checkSelector(s: unknown): void {
  if (!isRecord(s) || typeof own(s, 'type') !== 'string') return reject('a selector must be an object with a type');
  const type = own(s, 'type');
  if (type === 'TextQuoteSelector') {
    const exact = own(s, 'exact');
    if (typeof exact !== 'string' || exact.length === 0 || exact.length > IMPORT_LIMITS.maxExactLength) {
      reject(`TextQuoteSelector.exact must be text of 1 to ${count(IMPORT_LIMITS.maxExactLength)} characters`);
    }
    for (const side of ['prefix', 'suffix']) {
      const v = own(s, side);
      if (v !== undefined && typeof v !== 'string') reject(`TextQuoteSelector.${side} must be text`);
    }
  }
  if (type === 'TextPositionSelector') {
    const start = own(s, 'start');
    const end = own(s, 'end');
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) < 0 || (end as number) < (start as number)) {
      reject('TextPositionSelector start and end must be whole numbers, 0 <= start <= end');
    }
  }
}

/** `visible` is the older name of `reviewed`. */
function readStatus(status: unknown): Annotation['plaudit:status'] {
  if (status === undefined) return undefined;
  if (status === 'visible') return 'reviewed';
  if (status === 'new' || status === 'reviewed' || status === 'hidden') return status;
  return reject('plaudit:status must be "new", "reviewed" or "hidden"');
}
