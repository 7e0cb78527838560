import type { IDBPTransaction } from 'idb';
import type { Annotation } from '../core/annotation.js';
import type { PlauditDatabase } from '../storage/open-database.js';
import type { OutboxEntry, PlauditSchema } from '../storage/schema.js';
import { parseRetryAfter } from './backoff.js';
import { isShareable, mergeAnnotation, sameOnServer, toWire } from './annotation-wire.js';
import { NetworkError, type HttpClient, type HttpReply } from './http-client.js';
import { annotationPath, articlePath, MediaType, readerClapsPath, type ClapPut, type ClapTotals } from './protocol.js';

/** What sending one outbox entry came to. */
export type EntryOutcome =
  | { type: 'done' }
  /** Refused for good (validation, or 403: this one record is not the reader's): marked failed with the server's reason. */
  | { type: 'failed'; reason: string }
  /** Worth trying again later: no answer, timeout, 5xx, 429. `offline` when no answer came at all. */
  | { type: 'retry'; retryAfterMs?: number | null; offline?: boolean }
  /** 401: this device's token is not accepted; nothing will pass until that changes. */
  | { type: 'auth'; reason: string };

/** What the flusher tells its engine, each once the change it reports is stored. */
export interface FlushHooks {
  /** The server's totals after a clap write. */
  totals(articleId: string, totals: ClapTotals): void;
  /** A server answer changed an annotation the reader sees (merged text, moderation status). */
  changed(articleId: string): void;
}

/** Sends one outbox entry and settles it. */
export type Flusher = (entry: OutboxEntry) => Promise<EntryOutcome>;

const STORES = ['outbox', 'annotations', 'meta', 'totals'] as const;
type SettleTx = IDBPTransaction<PlauditSchema, (typeof STORES)[number][], 'readwrite'>;

const MAX_CONFLICT_ROUNDS = 4;
const DONE: EntryOutcome = { type: 'done' };
/**
 * Settling an entry need not wait for the disk: if a crash loses the deletion,
 * the entry is sent again, and every request is idempotent.
 */
const RELAXED = { durability: 'relaxed' } as const;

/** Raised inside a step to end it with an outcome. */
class Stop {
  constructor(readonly outcome: EntryOutcome) {}
}
const KEPT_CHANGING = new Stop({ type: 'retry' });
const gone = ({ status }: HttpReply) => status === 404 || status === 410;

/** Returns a 2xx answer; turns any other into the outcome the flusher acts on (`now` reads a `Retry-After` date). */
function checkReply(reply: HttpReply, now: number): HttpReply {
  const { status } = reply;
  if (status < 300) return reply;
  const reason: string = reply.body?.reason || `the server answered ${status} ${reply.statusText}`.trim();
  throw new Stop(
    status === 401
      ? { type: 'auth', reason }
      : status === 429 || status === 503
        ? { type: 'retry', retryAfterMs: parseRetryAfter(reply.headers.get('Retry-After'), now) }
        : status > 499 || status === 408
          ? { type: 'retry' }
          : { type: 'failed', reason },
  );
}

/**
 * Returns the function that sends one outbox entry, built from the CURRENT
 * local record (entries only reference keys), and settles it: on success the
 * entry is deleted (a newer entry for the same key has a new seq, so it stays),
 * ETags go into the annotation record and totals into the `totals` store.
 */
export function createFlusher(
  base: string,
  db: PlauditDatabase,
  http: HttpClient,
  hooks: FlushHooks,
  /** The engine's clock, which `Retry-After` dates are measured against. */
  now: () => number = Date.now,
): Flusher {
  const check = (reply: HttpReply) => checkReply(reply, now());
  /** Deletes the entry, in one transaction with `change` (ETags, merged notes, totals). */
  const settle = async (entry: OutboxEntry, change?: (tx: SettleTx) => Promise<unknown>) => {
    const tx = db.transaction([...STORES], 'readwrite', RELAXED);
    await Promise.all([change?.(tx), tx.objectStore('outbox').delete(entry.seq!), tx.done]);
    return DONE;
  };

  const put = (url: string, body: unknown, headers: Record<string, string> = { 'Content-Type': MediaType.Json }) =>
    http.send('PUT', url, headers, JSON.stringify(body));

  /** PUT with If-None-Match/If-Match; on 412 fetch, merge, and send again. Returns the ETag and what the server holds. */
  const putRemote = async (url: string, local: Annotation, etag?: string): Promise<[string, Annotation]> => {
    let candidate = local;
    for (let round = 0; round < MAX_CONFLICT_ROUNDS; round++) {
      const reply = await put(url, toWire(candidate), {
        'Content-Type': MediaType.Annotation,
        ...(etag ? { 'If-Match': etag } : { 'If-None-Match': '*' }),
      });
      const { status } = reply;
      if (status < 300) return [reply.headers.get('ETag') ?? '', candidate];
      if (status === 404 && etag) {
        etag = undefined; // gone from the server: create it again
        continue;
      }
      if (status !== 412 && status !== 409) check(reply);
      const current = await http.send('GET', url, { Accept: MediaType.Annotation });
      etag = undefined;
      if (!gone(current)) {
        const server: Annotation = check(current).body;
        etag = current.headers.get('ETag') ?? '';
        candidate = mergeAnnotation(local, server);
        if (sameOnServer(candidate, server)) return [etag, candidate];
      }
    }
    throw KEPT_CHANGING;
  };

  /**
   * Withdraws the server's copy, whatever its version: `If-Match: *` (a version
   * changed by a moderator or another device goes too).
   */
  const deleteRemote = async (url: string) => {
    const reply = await http.send('DELETE', url, { 'If-Match': '*' });
    if (!gone(reply)) check(reply);
  };

  const sendClaps = async (entry: OutboxEntry) => {
    const { articleId } = entry;
    const record = await db.get('claps', articleId);
    if (!record) return settle(entry);
    const body: ClapPut = { count: record.count, rev: record.rev };
    const totals: ClapTotals = check(await put(readerClapsPath(base, articleId, record.readerId), body)).body;
    await settle(entry, (tx) => tx.objectStore('totals').put({ ...totals, articleId, fetched: new Date().toISOString() }));
    hooks.totals(articleId, totals);
    return DONE;
  };

  /**
   * A note is marked "sent" in `meta` before its first create leaves, so a later
   * withdrawal or deletion knows whether the server may hold it even when the
   * create's answer (and its ETag) was lost. A note never sent causes no request.
   */
  const sendAnnotation = async (entry: OutboxEntry) => {
    const id = entry.targetId ?? '';
    const url = annotationPath(base, id);
    const sentKey = `sync:sent:${id}`;
    const record = await db.get('annotations', id);
    const mayBeRemote = !!record?.etag || (await db.get('meta', sentKey)) !== undefined;

    if (!record || record.deleted || !isShareable(record.annotation)) {
      // Deleted, or private now: if an earlier version may be on the server, withdraw it.
      if (mayBeRemote) await deleteRemote(url);
      return settle(entry, async (tx) => {
        const annotations = tx.objectStore('annotations');
        const now = await annotations.get(id);
        await tx.objectStore('meta').delete(sentKey);
        if (now?.deleted) await annotations.delete(id);
        else if (now && !isShareable(now.annotation)) {
          delete now.etag;
          await annotations.put(now);
        }
      });
    }

    if (!record.etag) await db.put('meta', '1', sentKey);
    const sent = record.annotation;
    const [etag, merged] = await putRemote(url, sent, record.etag);
    let changed = false;
    await settle(entry, async (tx) => {
      const annotations = tx.objectStore('annotations');
      const now = await annotations.get(id);
      if (now && !now.deleted) {
        now.etag = etag;
        // Keep the merged version unless the reader edited since it was sent.
        if (now.annotation.modified === sent.modified && JSON.stringify(now.annotation) !== JSON.stringify(merged)) {
          now.annotation = merged;
          now.modified = merged.modified;
          changed = true;
        }
        await annotations.put(now);
      }
    });
    if (changed) hooks.changed(record.articleId);
    return DONE;
  };

  return async (entry) => {
    const current = await db.get('outbox', entry.seq!);
    if (current?.state !== 'pending') return DONE;
    try {
      if (current.kind === 'claps') return await sendClaps(current);
      if (current.kind !== 'article') return await sendAnnotation(current);
      check(await put(articlePath(base, current.articleId), current.payload));
      return await settle(current);
    } catch (error) {
      if (error instanceof NetworkError) return { type: 'retry', offline: !error.timedOut };
      if (!(error instanceof Stop)) throw error;
      const outcome = error.outcome;
      if (outcome.type === 'failed') {
        const tx = db.transaction('outbox', 'readwrite', RELAXED);
        const now = await tx.store.get(current.seq!);
        // Only mark the entry that failed; a newer change for the same key replaced it.
        if (now) await tx.store.put({ ...now, state: 'failed', error: outcome.reason, attempts: now.attempts + 1 });
        await tx.done;
      }
      return outcome;
    }
  };
}
