import { ANNOTATION_CONTEXT, type Annotation } from '../core/annotation.js';
import {
  ARTICLE_ID,
  LIMITS,
  UUID,
  type ArticleRegistration,
  type ClapPut,
  type ImportResult,
  type ModerationPatch,
  type ModerationStatus,
} from '../sync/protocol.js';
import { TOKEN_PATTERN } from './tokens.js';

/** A request part that passed, or the 4xx it earns. */
export type Checked<T> = { ok: true; value: T } | { ok: false; status: number; error: string; reason: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const no = (status: number, error: string, reason: string): Checked<never> => ({ ok: false, status, error, reason });


/** The bearer token, or 401. */
export function checkBearer(header: string | null): Checked<string> {
  const match = /^Bearer +(\S+)$/i.exec(header ?? '');
  if (!match) return no(401, 'unauthenticated', 'a bearer token is required');
  return TOKEN_PATTERN.test(match[1]!) ? ok(match[1]!) : no(401, 'unauthenticated', 'the token is malformed');
}

export function checkArticleId(id: string): Checked<string> {
  return ARTICLE_ID.test(id) ? ok(id) : no(400, 'invalid-article-id', 'the article id is not valid');
}

export function checkUuid(id: string, what: string): Checked<string> {
  return UUID.test(id) ? ok(id.toLowerCase()) : no(400, `invalid-${what}-id`, `the ${what} id is not a UUID`);
}

/** Checks the media type (parameters ignored unless `profile` is required) and the size. */
export function checkBody(
  contentType: string | null,
  text: string,
  expected: 'application/json' | 'application/ld+json',
  maxBytes: number,
): Checked<unknown> {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const accepted = expected === 'application/ld+json' ? ['application/ld+json', 'application/json'] : [expected];
  if (!accepted.includes(type)) return no(415, 'unsupported-media-type', `send ${expected}`);
  if (new Blob([text]).size > maxBytes) return no(413, 'too-large', `the request is larger than ${maxBytes} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return no(400, 'invalid-json', 'the request is not valid JSON');
  }
  // No text has a use for NUL, and PostgreSQL cannot store it: refuse it everywhere, on every server alike.
  return text.includes('\\u0000') && hasNul(value) ? no(422, 'invalid-text', 'text may not contain the NUL character (U+0000)') : ok(value);
}

/** Whether any string (value or key) anywhere in `value` holds U+0000; walked without recursion. */
function hasNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (Array.isArray(v)) stack.push(...v);
    else if (typeof v === 'object' && v !== null) {
      for (const [key, inner] of Object.entries(v)) {
        if (key.includes('\u0000')) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isIso = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

export function checkClapPut(body: unknown): Checked<ClapPut> {
  if (!isObject(body)) return no(422, 'invalid-claps', 'expected {count, rev}');
  const { count, rev } = body;
  if (!isInt(count) || count < 0 || count > LIMITS.maxClapsPerReader) {
    return no(422, 'invalid-claps', `count must be a whole number from 0 to ${LIMITS.maxClapsPerReader}`);
  }
  if (!isInt(rev) || rev < 1) return no(422, 'invalid-claps', 'rev must be a positive whole number');
  return ok({ count, rev });
}

export function checkRegistration(body: unknown): Checked<ArticleRegistration> {
  if (!isObject(body)) return no(422, 'invalid-article', 'expected {title, url, textHash, paragraphs}');
  const { title, url, textHash, paragraphs } = body;
  if (typeof title !== 'string' || title.length > 500) return no(422, 'invalid-article', 'title must be text up to 500 characters');
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return no(422, 'invalid-article', 'url must be an absolute http(s) URL');
  if (typeof textHash !== 'string' || !/^[A-Za-z0-9+/=_:-]{4,128}$/.test(textHash)) {
    return no(422, 'invalid-article', 'textHash must be a short hash string');
  }
  if (!Array.isArray(paragraphs) || paragraphs.length > LIMITS.maxParagraphs || !paragraphs.every((p) => typeof p === 'string')) {
    return no(422, 'invalid-article', `paragraphs must be a list of up to ${LIMITS.maxParagraphs} strings`);
  }
  return ok({ title, url, textHash, paragraphs: paragraphs as string[] });
}

/** How an annotation is checked: as a reader's PUT (the default) or as one item of an editor's import. */
export interface AnnotationRules {
  /**
   * An import keeps `plaudit:status` (`visible` read as `reviewed`) and stores
   * a note without visibility as shared; a reader's status is ignored (the
   * store keeps the server's).
   */
  import?: boolean;
}

/** A W3C annotation whose id matches `urn:uuid:{uuid}` and whose target is a known-shaped article. */
export function checkAnnotation(body: unknown, uuid: string, rules: AnnotationRules = {}): Checked<Annotation> {
  const bad = (reason: string) => no(422, 'invalid-annotation', reason);
  if (!isObject(body)) return bad('expected a JSON-LD annotation');
  if (body['@context'] !== ANNOTATION_CONTEXT) return bad(`@context must be ${ANNOTATION_CONTEXT}`);
  if (body.type !== 'Annotation') return bad('type must be "Annotation"');
  if (typeof body.id !== 'string' || body.id.toLowerCase() !== `urn:uuid:${uuid}`) return bad('id must be urn:uuid: of the URL');
  if (body.motivation !== 'highlighting' && body.motivation !== 'commenting') return bad('unknown motivation');
  if (!isIso(body.created) || !isIso(body.modified)) return bad('created and modified must be ISO dates');
  if (body.creator !== undefined && (typeof body.creator !== 'string' || !UUID.test(body.creator))) {
    return bad('creator must be a reader id');
  }
  const visibility = body['plaudit:visibility'];
  if (visibility === 'private') return bad('private notes are never accepted');
  const target = body.target;
  if (!isObject(target) || typeof target.source !== 'string' || !ARTICLE_ID.test(target.source)) {
    return bad('target.source must be an article id');
  }
  if (!Array.isArray(target.selector) || target.selector.length === 0 || target.selector.length > 8) {
    return bad('target.selector must list 1 to 8 selectors');
  }
  for (const s of target.selector) {
    if (!isObject(s)) return bad('a selector must be an object');
    if (s.type === 'TextQuoteSelector') {
      if (typeof s.exact !== 'string' || s.exact.length === 0 || s.exact.length > 5_000) return bad('exact must be 1-5000 characters');
    } else if (s.type === 'TextPositionSelector') {
      if (!isInt(s.start) || !isInt(s.end) || s.start < 0 || s.end < s.start) return bad('start/end must be a valid range');
    } else return bad('unknown selector type');
  }
  const b = body.body;
  if (b !== undefined) {
    if (!isObject(b) || b.type !== 'TextualBody' || typeof b.value !== 'string') return bad('body must be a TextualBody');
    if (b.value.length > LIMITS.maxNoteLength) return bad(`a note may be at most ${LIMITS.maxNoteLength} characters`);
    if (visibility !== 'shared' && !(rules.import && visibility === undefined)) return bad('a note must be marked shared');
  }
  if (!rules.import) return ok(body as unknown as Annotation);
  const kept = { ...body } as unknown as Annotation;
  if (b !== undefined) kept['plaudit:visibility'] = 'shared';
  const status = body['plaudit:status'];
  if (status !== undefined) {
    const read = moderationStatus(status);
    if (read === null) return bad('plaudit:status must be "new", "reviewed" or "hidden"');
    kept['plaudit:status'] = read;
  }
  return ok(kept);
}

/** A status as sent; `visible` is the older name of `reviewed`. */
function moderationStatus(value: unknown): ModerationStatus | null {
  if (value === 'visible') return 'reviewed';
  return value === 'new' || value === 'reviewed' || value === 'hidden' ? value : null;
}

export function checkModeration(body: unknown): Checked<ModerationPatch> {
  const status = moderationStatus(isObject(body) ? body['plaudit:status'] : undefined);
  return status === null
    ? no(422, 'invalid-moderation', 'plaudit:status must be "new", "reviewed" or "hidden"')
    : ok({ 'plaudit:status': status });
}

/** Keys that could reach an object's prototype if a consumer merged the data naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first forbidden key anywhere in `value` (walked without recursion: imports may nest deeply), or null. */
export function forbiddenKey(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      stack.push(...v);
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) return key;
      stack.push((v as Record<string, unknown>)[key]);
    }
  }
  return null;
}

/** An import that passed, or the answer it earns (a 422 lists every rejected item). */
export type CheckedImport =
  | { ok: true; items: Annotation[] }
  | { ok: false; status: number; error: string; reason: string; rejected?: ImportResult['rejected'] };

/**
 * `{ items: Annotation[] }`, at most `LIMITS.maxImportItems`, every item valid
 * by the reader rules relaxed for an editor (`AnnotationRules.import`), with a
 * `urn:uuid:` id of its own, distinct within the import, and no forbidden key.
 */
export function checkImport(body: unknown): CheckedImport {
  if (!isObject(body) || !Array.isArray(body.items)) return no(422, 'invalid-import', 'expected {"items": [annotations]}') as CheckedImport;
  const top = Object.keys(body).find((k) => FORBIDDEN_KEYS.has(k));
  if (top !== undefined) return no(422, 'invalid-import', `the key "${top}" is not accepted`) as CheckedImport;
  const { items } = body;
  if (items.length > LIMITS.maxImportItems) {
    return no(413, 'too-many-items', `an import may hold at most ${LIMITS.maxImportItems} annotations`) as CheckedImport;
  }
  const rejected: ImportResult['rejected'] = [];
  const accepted: Annotation[] = [];
  const seen = new Set<string>();
  const encoder = new TextEncoder();
  items.forEach((item: unknown, index: number) => {
    const rawId = isObject(item) && typeof item.id === 'string' ? item.id : null;
    const reject = (reason: string) => rejected.push({ index, id: rawId, reason });
    const key = forbiddenKey(item);
    if (key !== null) return reject(`the key "${key}" is not accepted`);
    const uuid = rawId?.toLowerCase().startsWith('urn:uuid:') ? rawId.slice('urn:uuid:'.length).toLowerCase() : null;
    if (uuid === null || !UUID.test(uuid)) return reject('id must be urn:uuid: and a UUID');
    if (seen.has(uuid)) return reject('the same id is in this import twice');
    seen.add(uuid);
    if (encoder.encode(JSON.stringify(item)).length > LIMITS.maxAnnotationBytes) {
      return reject(`an annotation may be at most ${LIMITS.maxAnnotationBytes} bytes`);
    }
    const checked = checkAnnotation(item, uuid, { import: true });
    if (!checked.ok) return reject(checked.reason);
    accepted.push(checked.value);
  });
  if (rejected.length > 0) {
    return {
      ok: false, status: 422, error: 'invalid-import',
      reason: `${rejected.length} of ${items.length} annotations are invalid; nothing was imported`, rejected,
    };
  }
  return { ok: true, items: accepted };
}
