import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import type { Annotation } from '../../src/core/annotation.js';
import { parseImport } from '../../src/core/annotation-import.js';
import { toAnnotationCollection } from '../../src/core/jsonld-export.js';
import { ANNOTATION_CHANNEL } from '../../src/storage/annotation-store.js';
import { LocalImportError, importIntoLocal } from '../../src/storage/local-import.js';
import { openPlauditDatabase, type PlauditDatabase } from '../../src/storage/open-database.js';
import type { AnnotationRecord } from '../../src/storage/schema.js';
import { ourAnnotation, ourAnnotations } from '../fixtures/import/annotations.js';

const later = (a: Annotation): Annotation => ({ ...a, modified: '2026-01-01T00:00:00.000Z', 'plaudit:textHash': 'changed' });

async function rejection(promise: Promise<unknown>): Promise<LocalImportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(LocalImportError);
    return error as LocalImportError;
  }
  throw new Error('expected a LocalImportError');
}

/** Replaces `IDBObjectStore.prototype.put` for one import: `onCall(n)` runs before the n-th call (1-based). */
async function withPut<T>(onCall: (n: number, store: IDBObjectStore) => void, run: () => Promise<T>): Promise<T> {
  const original = IDBObjectStore.prototype.put;
  let n = 0;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    onCall(++n, this);
    return original.apply(this, args);
  };
  try {
    return await run();
  } finally {
    IDBObjectStore.prototype.put = original;
  }
}

describe('importIntoLocal', () => {
  let db: PlauditDatabase;
  let name: string;
  const snapshot = async () => ({ annotations: await db.getAll('annotations'), outbox: await db.getAll('outbox') });

  beforeEach(async () => {
    name = `plaudit-local-import-${crypto.randomUUID()}`;
    db = await openPlauditDatabase(name);
  });
  afterEach(async () => {
    db.close();
    await deleteDB(name);
  });

  it('creates, updates and leaves unchanged in one go, as annotation records, with no outbox entries', async () => {
    const [a, b, c] = ourAnnotations(3);
    await db.put('annotations', { id: a!.id, articleId: a!.target.source, modified: a!.modified, annotation: a!, etag: '"v1"' });
    await db.put('annotations', { id: b!.id, articleId: b!.target.source, modified: b!.modified, annotation: b! });
    await db.add('outbox', { key: 'claps:x', kind: 'claps', articleId: 'x', queuedAt: a!.created, attempts: 0, state: 'pending' });

    const result = await importIntoLocal(db, [later(a!), b!, c!]);
    expect(result).to.deep.equal({ created: 1, updated: 1, unchanged: 1, rejected: [] });
    expect(await db.get('annotations', a!.id)).to.deep.equal({
      id: a!.id, articleId: a!.target.source, modified: '2026-01-01T00:00:00.000Z', annotation: later(a!), etag: '"v1"',
    } satisfies AnnotationRecord);
    expect(await db.get('annotations', c!.id)).to.deep.equal({ id: c!.id, articleId: c!.target.source, modified: c!.modified, annotation: c! });
    expect((await db.getAll('outbox')).map((e) => e.key)).to.deep.equal(['claps:x']);
  });

  it('is idempotent: the same annotations a second time are all unchanged', async () => {
    const annotations = ourAnnotations(1000);
    expect(await importIntoLocal(db, annotations)).to.deep.equal({ created: 1000, updated: 0, unchanged: 0, rejected: [] });
    const before = await snapshot();
    expect(await importIntoLocal(db, annotations)).to.deep.equal({ created: 0, updated: 0, unchanged: 1000, rejected: [] });
    // Equal content with keys in another order is the same content.
    const reordered = annotations.map((a) => Object.fromEntries(Object.entries(a).reverse()) as unknown as Annotation);
    expect(await importIntoLocal(db, reordered)).to.deep.equal({ created: 0, updated: 0, unchanged: 1000, rejected: [] });
    expect(await snapshot()).to.deep.equal(before);
    expect(before.outbox).to.deep.equal([]);
  });

  it('stores nothing when a value cannot be stored half way (a function at 500 of 1,000)', async () => {
    const existing = ourAnnotations(200);
    await importIntoLocal(db, existing);
    const before = await snapshot();
    const annotations = ourAnnotations(1000).map((a, i) => (i < 100 ? later(a) : a));
    (annotations[500] as unknown as { extra: () => number }).extra = () => 1;
    const error = await rejection(importIntoLocal(db, annotations));
    expect(error.index).to.equal(500);
    expect(error.message).to.match(/^Nothing was imported: annotation #501 of 1000 \(urn:uuid:[0-9a-f-]+\) could not be stored: DataCloneError: /);
    expect(error.cause).to.have.property('name', 'DataCloneError');
    expect(await snapshot()).to.deep.equal(before);
  });

  it('stores nothing when the disk is full', async () => {
    await importIntoLocal(db, ourAnnotations(50));
    const before = await snapshot();
    const annotations = ourAnnotations(1000).map(later);
    const error = await rejection(
      withPut((n) => {
        if (n === 500) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }, () => importIntoLocal(db, annotations)),
    );
    expect(error.message).to.equal(
      'Nothing was imported: the browser’s storage for this site is full (QuotaExceededError). Free some space or import fewer annotations.',
    );
    expect(await snapshot()).to.deep.equal(before);
  });

  it('stores nothing when the transaction aborts after every write was queued', async () => {
    await importIntoLocal(db, ourAnnotations(50));
    const before = await snapshot();
    const error = await rejection(
      withPut((n, store) => {
        if (n === 500) queueMicrotask(() => store.transaction.abort());
      }, () => importIntoLocal(db, ourAnnotations(1000).map(later))),
    );
    expect(error.index).to.equal(null);
    expect(error.message).to.match(/^Nothing was imported: the transaction failed: AbortError: /);
    expect(await snapshot()).to.deep.equal(before);
  });

  it('refuses, before writing, a list with a repeated id or a record without an id', async () => {
    const a = ourAnnotation(1);
    const repeated = await rejection(importIntoLocal(db, [a, ourAnnotation(2), { ...a }]));
    expect(repeated.message).to.equal(`Nothing was imported: annotations #1 and #3 have the same id ${a.id}.`);
    const noId = await rejection(importIntoLocal(db, [a, { ...a, id: undefined } as unknown as Annotation]));
    expect([noId.index, noId.message]).to.deep.equal([1, 'Nothing was imported: annotation #2 has no id or no story.']);
    expect(await db.count('annotations')).to.equal(0);
  });

  it('leaves a record the reader deleted (awaiting sync) as it is', async () => {
    const a = ourAnnotation(1);
    const tombstone: AnnotationRecord = { id: a.id, articleId: a.target.source, modified: a.modified, annotation: a, deleted: true };
    await db.put('annotations', tombstone);
    expect(await importIntoLocal(db, [later(a)])).to.deep.equal({ created: 0, updated: 0, unchanged: 1, rejected: [] });
    expect(await db.get('annotations', a.id)).to.deep.equal(tombstone);
  });

  it('takes an exported and re-imported file back exactly, and asks open tabs to reload the stories', async () => {
    const annotations = ourAnnotations(2500, (i) => `story-${i % 3}`);
    const report = await parseImport(JSON.stringify(toAnnotationCollection(annotations, { label: 'x' })), {
      stories: (source) => (/^story-\d$/.test(source) ? source : null),
    });
    const channel = new BroadcastChannel(ANNOTATION_CHANNEL);
    const reloads = new Set<string>();
    const heard = new Promise<void>((resolve) => {
      channel.onmessage = (event: MessageEvent<{ type: string; articleId: string }>) => {
        if (event.data.type === 'reload') reloads.add(event.data.articleId);
        if (reloads.size === 3) resolve();
      };
    });
    try {
      expect(await importIntoLocal(db, report.accepted)).to.deep.equal({ created: 2500, updated: 0, unchanged: 0, rejected: [] });
      await heard;
    } finally {
      channel.close();
    }
    expect([...reloads].sort()).to.deep.equal(['story-0', 'story-1', 'story-2']);
    const stored = await db.getAll('annotations');
    const byId = new Map(stored.map((r) => [r.id, r.annotation]));
    expect(annotations.map((a) => byId.get(a.id))).to.deep.equal(annotations);
  });
});
