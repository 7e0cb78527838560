import type { Annotation } from '../core/annotation.js';
import type { PlauditDatabase } from '../storage/open-database.js';
import type { AnnotationRecord, OutboxEntry } from '../storage/schema.js';
import type { HttpClient } from './http-client.js';
import { NetworkError } from './http-client.js';
import { parseRetryAfter } from './backoff.js';
import { isShareable, mergeAnnotation, sameOnServer, toWire } from './annotation-wire.js';
import { MediaType, paths, type ClapPut, type ClapTotals, type ErrorBody } from './protocol.js';

/** What sending one outbox entry came to. */
export type EntryOutcome =
  | { type: 'done' }
  /** Refused for good (validation): the entry is marked failed with the server's reason. */
  | { type: 'failed'; reason: string }
  /** Worth trying again later: network failure, timeout, 5xx, 429. */
  | { type: 'retry'; reason: string; retryAfterMs: number | null; offline: boolean }
  /** 401/403: this device's token is not accepted; nothing will pass until that changes. */
  | { type: 'auth'; reason: string };

/** What the flusher needs from the engine. */
export interface FlushContext {
  base: string;
  db: PlauditDatabase;
  http: HttpClient;
  /** Called with the server's totals after each clap write, inside no transaction. */
  onTotals(articleId: string, totals: ClapTotals): void;
}

const MAX_CONFLICT_ROUNDS = 4;
/**
 * Settling an entry need not wait for the disk: if a crash loses the deletion,
 * the entry is sent again, and every request is idempotent.
 */
const RELAXED = { durability: 'relaxed' } as const;

/** Raised inside a step to end it with an outcome. */
class Stop extends Error {
  constructor(readonly outcome: EntryOutcome) {
    super(outcome.type);
  }
}

/**
 * Sends one outbox entry, built from the CURRENT local record (entries only
 * reference keys), and settles it: on success the entry is deleted (a newer
 * entry for the same key has a new seq, so it stays), ETags go into the
 * annotation record and totals into the `totals` store.
 */
export async function flushEntry(ctx: FlushContext, entry: OutboxEntry): Promise<EntryOutcome> {
  const current = entry.seq === undefined ? undefined : await ctx.db.get('outbox', entry.seq);
  if (!current || current.state !== 'pending') return { type: 'done' };
  try {
    if (current.kind === 'claps') return await sendClaps(ctx, current);
    if (current.kind === 'article') return await sendArticle(ctx, current);
    return await sendAnnotation(ctx, current);
  } catch (error) {
    if (error instanceof Stop) return settleFailure(ctx, current, error.outcome);
    if (error instanceof NetworkError) {
      return { type: 'retry', reason: error.timedOut ? 'the server took too long' : 'no connection', retryAfterMs: null, offline: !error.timedOut };
    }
    throw error;
  }
}

async function sendClaps(ctx: FlushContext, entry: OutboxEntry): Promise<EntryOutcome> {
  const record = await ctx.db.get('claps', entry.articleId);
  if (!record) return complete(ctx, entry);
  const body: ClapPut = { count: record.count, rev: record.rev };
  const response = await ctx.http.send({
    method: 'PUT',
    url: paths.readerClaps(ctx.base, entry.articleId, record.readerId),
    headers: { 'Content-Type': MediaType.Json },
    body: JSON.stringify(body),
  });
  await expectOk(response);
  const totals = (await response.json()) as ClapTotals;
  const tx = ctx.db.transaction(['outbox', 'totals'], 'readwrite', RELAXED);
  await Promise.all([
    tx.objectStore('totals').put({ articleId: entry.articleId, ...pickTotals(totals), fetched: new Date().toISOString() }),
    tx.objectStore('outbox').delete(entry.seq!),
    tx.done,
  ]);
  ctx.onTotals(entry.articleId, totals);
  return { type: 'done' };
}

async function sendArticle(ctx: FlushContext, entry: OutboxEntry): Promise<EntryOutcome> {
  const response = await ctx.http.send({
    method: 'PUT',
    url: paths.article(ctx.base, entry.articleId),
    headers: { 'Content-Type': MediaType.Json },
    body: JSON.stringify(entry.payload),
  });
  await expectOk(response);
  return complete(ctx, entry);
}

/**
 * A note is marked "sent" in `meta` before its first create leaves, so a later
 * withdrawal or deletion knows whether the server may hold it even when the
 * create's answer (and its ETag) was lost. A note never sent causes no request.
 */
const sentKey = (id: string) => `sync:sent:${id}`;

async function sendAnnotation(ctx: FlushContext, entry: OutboxEntry): Promise<EntryOutcome> {
  const id = entry.targetId ?? '';
  const record = await ctx.db.get('annotations', id);
  const mayBeRemote = Boolean(record?.etag) || (await ctx.db.get('meta', sentKey(id))) !== undefined;
  if (!record || record.deleted) {
    if (mayBeRemote) await deleteRemote(ctx, id, record?.etag);
    const tx = ctx.db.transaction(['outbox', 'annotations', 'meta'], 'readwrite', RELAXED);
    const now = await tx.objectStore('annotations').get(id);
    if (now?.deleted) await tx.objectStore('annotations').delete(id);
    await tx.objectStore('meta').delete(sentKey(id));
    await tx.objectStore('outbox').delete(entry.seq!);
    await tx.done;
    return { type: 'done' };
  }
  if (!isShareable(record.annotation)) {
    // A private note never leaves; if an earlier version may have been shared, withdraw it.
    if (mayBeRemote) await deleteRemote(ctx, id, record.etag);
    return complete(ctx, entry, { etagFor: (r) => (isShareable(r.annotation) ? r.etag : undefined), forgetSent: true });
  }
  if (!record.etag) await ctx.db.put('meta', '1', sentKey(id));
  const { etag, annotation } = await putRemote(ctx, record.annotation, record.etag);
  return complete(ctx, entry, { etagFor: () => etag, sentModified: record.annotation.modified, merged: annotation });
}

/** PUT with If-None-Match/If-Match; on 412 fetch, merge, and send again. */
async function putRemote(
  ctx: FlushContext,
  local: Annotation,
  knownEtag: string | undefined,
): Promise<{ etag: string; annotation: Annotation }> {
  let etag = knownEtag;
  let candidate = local;
  for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
    const response = await ctx.http.send({
      method: 'PUT',
      url: paths.annotation(ctx.base, local.id),
      headers: {
        'Content-Type': MediaType.Annotation,
        ...(etag ? { 'If-Match': etag } : { 'If-None-Match': '*' }),
      },
      body: JSON.stringify(toWire(candidate)),
    });
    if (response.ok) return { etag: response.headers.get('ETag') ?? '', annotation: candidate };
    if (response.status === 404 && etag) {
      etag = undefined; // gone from the server: create it again
      continue;
    }
    if (response.status !== 412 && response.status !== 409) await expectOk(response);
    const server = await getRemote(ctx, local.id);
    if (!server) {
      etag = undefined;
      continue;
    }
    candidate = mergeAnnotation(local, server.annotation);
    etag = server.etag;
    if (sameOnServer(candidate, server.annotation)) return { etag, annotation: candidate };
  }
  throw new Stop({ type: 'retry', reason: 'the note kept changing on the server', retryAfterMs: null, offline: false });
}

/** DELETE with If-Match, learning the ETag first when it is unknown or stale. */
async function deleteRemote(ctx: FlushContext, id: string, knownEtag: string | undefined): Promise<void> {
  let etag = knownEtag;
  for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
    if (!etag) {
      const server = await getRemote(ctx, id);
      if (!server) return;
      etag = server.etag;
    }
    const response = await ctx.http.send({
      method: 'DELETE',
      url: paths.annotation(ctx.base, id),
      headers: { 'If-Match': etag },
    });
    if (response.ok || response.status === 404 || response.status === 410) return;
    if (response.status !== 412) await expectOk(response);
    etag = undefined;
  }
  throw new Stop({ type: 'retry', reason: 'the note kept changing on the server', retryAfterMs: null, offline: false });
}

async function getRemote(ctx: FlushContext, id: string): Promise<{ etag: string; annotation: Annotation } | null> {
  const response = await ctx.http.send({
    method: 'GET',
    url: paths.annotation(ctx.base, id),
    headers: { Accept: MediaType.Annotation },
  });
  if (response.status === 404 || response.status === 410) return null;
  await expectOk(response);
  return { etag: response.headers.get('ETag') ?? '', annotation: (await response.json()) as Annotation };
}

interface Completion {
  etagFor?: (record: AnnotationRecord) => string | undefined;
  /** The annotation's `modified` as sent, and the merged result to keep if the reader has not edited since. */
  sentModified?: string;
  merged?: Annotation;
  /** The server no longer holds the note. */
  forgetSent?: boolean;
}

/**
 * Deletes the entry and, for annotations, stores the ETag (and the merged
 * annotation when the server's text won and the reader has not edited since).
 */
async function complete(ctx: FlushContext, entry: OutboxEntry, done: Completion = {}): Promise<EntryOutcome> {
  const tx = ctx.db.transaction(['outbox', 'annotations', 'meta'], 'readwrite', RELAXED);
  if (done.etagFor && entry.targetId) {
    const annotations = tx.objectStore('annotations');
    const record = await annotations.get(entry.targetId);
    if (record && !record.deleted) {
      const next = { ...record, etag: done.etagFor(record) };
      if (next.etag === undefined) delete next.etag;
      if (done.merged && record.annotation.modified === done.sentModified) {
        next.annotation = done.merged;
        next.modified = done.merged.modified;
      }
      await annotations.put(next);
    }
  }
  if (done.forgetSent && entry.targetId) await tx.objectStore('meta').delete(sentKey(entry.targetId));
  await tx.objectStore('outbox').delete(entry.seq!);
  await tx.done;
  return { type: 'done' };
}

async function settleFailure(ctx: FlushContext, entry: OutboxEntry, outcome: EntryOutcome): Promise<EntryOutcome> {
  if (outcome.type !== 'failed') return outcome;
  const tx = ctx.db.transaction('outbox', 'readwrite', RELAXED);
  const current = await tx.store.get(entry.seq!);
  // Only mark the entry that failed; a newer change for the same key replaced it.
  if (current) await tx.store.put({ ...current, state: 'failed', error: outcome.reason, attempts: current.attempts + 1 });
  await tx.done;
  return outcome;
}

/** Turns a non-2xx answer into the outcome the flusher acts on. */
async function expectOk(response: Response): Promise<void> {
  if (response.ok) return;
  const reason = await readReason(response);
  const status = response.status;
  if (status === 401 || status === 403) throw new Stop({ type: 'auth', reason });
  if (status === 429 || status === 503) {
    throw new Stop({ type: 'retry', reason, retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')), offline: false });
  }
  if (status >= 500 || status === 408) throw new Stop({ type: 'retry', reason, retryAfterMs: null, offline: false });
  throw new Stop({ type: 'failed', reason });
}

async function readReason(response: Response): Promise<string> {
  try {
    const body = (await response.clone().json()) as Partial<ErrorBody>;
    if (typeof body.reason === 'string' && body.reason) return body.reason;
  } catch {
    // not JSON: fall through to the status text
  }
  return `the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
}

function pickTotals(totals: ClapTotals): ClapTotals {
  return { total: totals.total, clappers: totals.clappers, mine: totals.mine };
}
