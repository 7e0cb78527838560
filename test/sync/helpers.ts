import { deleteDB } from 'idb';
import type { HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { ANNOTATION_CONTEXT, type Annotation } from '../../src/core/annotation.js';
import { openPlauditDatabase, resetPlauditDatabase, type PlauditDatabase } from '../../src/storage/open-database.js';
import { enqueue } from '../../src/storage/outbox-store.js';
import { getReaderIdentity } from '../../src/storage/reader-identity.js';
import { DB_NAME } from '../../src/storage/schema.js';
import { Busy } from '../../demo/mock-endpoint/busy.js';
import { Faults } from '../../demo/mock-endpoint/faults.js';
import { createHandlers } from '../../demo/mock-endpoint/handlers.js';
import { createMockFetch } from '../../demo/mock-endpoint/in-page.js';
import { RequestLog } from '../../demo/mock-endpoint/request-log.js';
import { ServerStore } from '../../demo/mock-endpoint/server-store.js';

export const BASE = '/api/plaudit';
const TEST_SERVER_DB = 'plaudit-mock-server-test';

/** The mock as tests use it: the demo's handlers, its own database, switches and a log. */
export interface TestMock {
  store: ServerStore;
  faults: Faults;
  /** Refuses the next requests with 429/503 and `Retry-After` (seconds or a date). */
  busy: Busy;
  log: RequestLog;
  handlers: HttpHandler[];
  /** Answers in-page from the same handlers (no service worker). */
  fetch: typeof fetch;
  worker: SetupWorker | null;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the mock; with `worker: true` through msw's service worker, like the demo. */
export async function startTestMock(options: { worker?: boolean; random?: () => number } = {}): Promise<TestMock> {
  await ServerStore.destroy(TEST_SERVER_DB);
  const store = await ServerStore.open(TEST_SERVER_DB);
  const faults = new Faults(options.random);
  const log = new RequestLog();
  const busy = new Busy();
  const handlers = createHandlers({ base: BASE, store, faults, log, busy });
  let worker: SetupWorker | null = null;
  if (options.worker) {
    worker = setupWorker(...handlers);
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
  }
  return {
    store,
    faults,
    busy,
    log,
    handlers,
    worker,
    fetch: createMockFetch(handlers),
    async reset() {
      faults.heal();
      busy.clear();
      log.clear();
      await store.clear();
    },
    async stop() {
      worker?.stop();
      store.close();
      await ServerStore.destroy(TEST_SERVER_DB);
    },
  };
}

/** The mock through msw's service worker for a describe block: started once, emptied before each test. */
export function serveMock(): { readonly mock: TestMock } {
  const served = {} as { mock: TestMock };
  before(async () => {
    served.mock = await startTestMock({ worker: true });
  });
  after(() => served.mock.stop());
  beforeEach(async () => {
    sessionStorage.clear();
    await served.mock.reset();
  });
  return served;
}

/** A fresh client database, as on a new device. */
export async function freshClientDb(): Promise<PlauditDatabase> {
  resetPlauditDatabase();
  await deleteDB(DB_NAME);
  return openPlauditDatabase();
}

/** Writes the reader's absolute count and queues it, in one transaction, as the clap store does. */
export async function writeClaps(db: PlauditDatabase, articleId: string, count: number): Promise<void> {
  const { id } = await getReaderIdentity(db);
  const tx = db.transaction(['claps', 'outbox'], 'readwrite');
  const old = await tx.objectStore('claps').get(articleId);
  await tx.objectStore('claps').put({ articleId, readerId: id, count, rev: (old?.rev ?? 0) + 1, updated: new Date().toISOString() });
  await enqueue(tx, { key: `claps:${articleId}`, kind: 'claps', articleId });
  await tx.done;
}

/** Stores an annotation and queues it, as the annotation store does. */
export async function writeAnnotation(db: PlauditDatabase, annotation: Annotation): Promise<void> {
  const id = annotation.id;
  const tx = db.transaction(['annotations', 'outbox'], 'readwrite');
  const old = await tx.objectStore('annotations').get(id);
  await tx.objectStore('annotations').put({
    id,
    articleId: annotation.target.source,
    modified: annotation.modified,
    annotation,
    ...(old?.etag ? { etag: old.etag } : {}),
  });
  await enqueue(tx, { key: `annotation:${id}`, kind: 'annotation-put', articleId: annotation.target.source, targetId: id });
  await tx.done;
}

/** Marks an annotation deleted and queues the deletion. */
export async function deleteAnnotation(db: PlauditDatabase, id: string): Promise<void> {
  const tx = db.transaction(['annotations', 'outbox'], 'readwrite');
  const old = await tx.objectStore('annotations').get(id);
  if (!old) return tx.done;
  await tx.objectStore('annotations').put({ ...old, deleted: true });
  await enqueue(tx, { key: `annotation:${id}`, kind: 'annotation-delete', articleId: old.articleId, targetId: id });
  await tx.done;
}

let clock = Date.parse('2026-12-01T10:00:00Z');
/** Strictly increasing ISO times, so "edited later" is well defined in tests. */
export function tick(): string {
  clock += 1000;
  return new Date(Math.max(clock, Date.now())).toISOString();
}

export interface NoteOptions {
  articleId?: string;
  note?: string;
  visibility?: 'private' | 'shared';
  creator: string;
  id?: string;
}

export function makeAnnotation(options: NoteOptions): Annotation {
  const when = tick();
  const annotation: Annotation = {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${options.id ?? crypto.randomUUID()}`,
    type: 'Annotation',
    motivation: options.note === undefined ? 'highlighting' : 'commenting',
    created: when,
    modified: when,
    creator: options.creator,
    target: {
      source: options.articleId ?? 'letterpress-revival',
      selector: [{ type: 'TextQuoteSelector', exact: 'how to make a sentence out of objects' }],
    },
  };
  if (options.note !== undefined) annotation.body = { type: 'TextualBody', value: options.note, format: 'text/plain' };
  if (options.visibility) annotation['plaudit:visibility'] = options.visibility;
  return annotation;
}

/** Polls until `check` returns true (no fixed sleeps in assertions). */
export async function waitUntil(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
