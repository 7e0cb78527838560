import { silenceWarnings } from '../../helpers/storage-failure.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { waitUntil } from '../../helpers/wait.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import type { PlauditClapsElement } from '../../../src/components/claps/claps.component.js';
import { openPlauditDatabase, resetPlauditDatabase } from '../../../src/storage/open-database.js';
import { DB_NAME, DB_VERSION } from '../../../src/storage/schema.js';
import { clapButton, part } from '../../helpers/claps.js';
import {
  ARTICLE_HTML, findRange, highlightSelection, makeArticle, shadow, uniqueId, watchUnhandledRejections,
} from './helpers.js';

/** An article with its claps, as a page has it. */
async function articleWithClaps(id = uniqueId()): Promise<PlauditArticleElement> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<plaudit-article article-id="${id}">${ARTICLE_HTML}</plaudit-article>`;
  const el = wrapper.querySelector('plaudit-article')!;
  await el.loaded;
  await claps(el).ready;
  return el;
}

const claps = (el: PlauditArticleElement) => shadow(el).querySelector('plaudit-claps') as PlauditClapsElement;
const notice = (el: PlauditArticleElement) =>
  shadow(el).querySelector('[part="notice"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const hint = (el: PlauditArticleElement) => shadow(el).querySelector('.bar .hint')?.textContent?.trim() ?? '';

async function clap(el: PlauditArticleElement, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const recorded = oneEvent(claps(el), 'plaudit-clap');
    clapButton(claps(el)).click();
    await recorded;
  }
}

/** Saves a note on `text` as the editor's Save does. */
async function addNote(el: PlauditArticleElement, text: string, note: string): Promise<void> {
  await el.layer!.store.create(findRange(el, text), note, 'private');
}

/** Stored, not deleted, annotations of an article, straight from IndexedDB. */
async function stored(articleId: string) {
  const db = await openPlauditDatabase();
  return (await db.getAllFromIndex('annotations', 'by-article', articleId)).filter((r) => !r.deleted);
}

/** Deletes Plaudit's database as the browser's eviction or "clear site data" would; fails if we block it. */
function deleteDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the page blocked the deletion'));
  });
}

/** Starts from no database at all (the page's connection closed first). */
async function freshDatabase(): Promise<void> {
  resetPlauditDatabase();
  await deleteDB(DB_NAME);
}

describe('<plaudit-article> storage over the life of the page', () => {
  let rejections: ReturnType<typeof watchUnhandledRejections>;
  let warnings: ReturnType<typeof silenceWarnings>;
  beforeEach(() => {
    rejections = watchUnhandledRejections();
    warnings = silenceWarnings();
  });
  afterEach(() => {
    warnings.restore();
    rejections.stop();
    document.getSelection()?.removeAllRanges();
  });
  // The database these tests made (an old version's reader, say) is not left for other files.
  after(freshDatabase);

  it('without IndexedDB, works in memory and says so by the notes and the claps', async () => {
    resetPlauditDatabase();
    const original = indexedDB.open;
    indexedDB.open = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    try {
      const el = await articleWithClaps();
      expect(hint(el)).to.equal('Not saved on this device');
      expect(part(claps(el), 'hint')).to.equal('Not saved on this device');
      await highlightSelection(el, 'Stable sorts keep');
      await addNote(el, 'Merge sort splits', 'kept for this visit');
      await clap(el, 2);
      expect(el.annotations.map((a) => a.annotation.body?.value ?? '')).to.have.members(['', 'kept for this visit']);
      expect(part(claps(el), 'count')).to.equal('You: 2 of 50');
      expect(notice(el)).to.equal('');
    } finally {
      indexedDB.open = original;
      resetPlauditDatabase();
    }
    expect(rejections.reasons).to.deep.equal([]);
  });

  it('eviction: the database deleted under the page is detected, said, and what the page shows is stored again', async () => {
    const el = await articleWithClaps();
    const id = el.resolvedArticleId;
    await highlightSelection(el, 'Stable sorts keep');
    await addNote(el, 'Merge sort splits', 'a thought worth keeping');
    await clap(el, 3);
    await waitUntil(async () => (await stored(id)).length === 2, 'not stored at first');

    await deleteDatabase();
    await waitUntil(() => notice(el), 'no notice after the deletion');
    expect(notice(el)).to.contain('This browser deleted the storage for this site. Your notes and claps here are saved again.');
    // Nothing the reader sees went away.
    expect(el.annotations).to.have.length(2);
    expect(claps(el).count).to.equal(3);
    await waitUntil(async () => (await stored(id)).length === 2, 'the notes were not stored again');
    await waitUntil(async () => (await (await openPlauditDatabase()).get('claps', id))?.count === 3, 'claps not stored again');
    expect((await stored(id)).map((r) => r.annotation.body?.value ?? '')).to.have.members(['', 'a thought worth keeping']);

    // A reload finds them.
    el.parentElement!.remove();
    const again = await articleWithClaps(id);
    expect(again.annotations.map((a) => a.annotation.body?.value ?? '')).to.have.members(['', 'a thought worth keeping']);
    expect(claps(again).count).to.equal(3);
    // And the page goes on storing in the fresh database.
    await highlightSelection(again, 'Quicksort picks a pivot');
    await waitUntil(async () => (await stored(id)).length === 3, 'later highlight not stored');
    expect(rejections.reasons).to.deep.equal([]);
  });

  it('our connection closes for a newer version opened in another tab, which is never blocked', async () => {
    const el = await articleWithClaps();
    await highlightSelection(el, 'Stable sorts keep');
    let blocked = false;
    try {
      const newer = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(DB_NAME, DB_VERSION + 1);
        request.onblocked = () => (blocked = true);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      newer.close();
      expect(blocked).to.equal(false);
      // This old page still shows what it has, and says so when it cannot store more.
      expect(el.annotations).to.have.length(1);
      select('Merge sort splits');
      await el.layer!.actions.toolbar('highlight');
      await waitUntil(() => notice(el), 'no notice for the refused write');
      expect(notice(el)).to.contain('Not saved');
      expect(el.annotations).to.have.length(1);
    } finally {
      await freshDatabase();
    }
    expect(rejections.reasons).to.deep.equal([]);
  });

  it('an older tab that blocks the upgrade: the page does not hang, works in memory, and loses nothing stored', async () => {
    await freshDatabase();
    const id = uniqueId();
    // The old tab: version 1, with a reader's claps, and no versionchange handler, so it never closes.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('meta').put('old-reader', 'readerId');
        request.result.createObjectStore('claps', { keyPath: 'articleId' })
          .put({ articleId: id, readerId: 'old-reader', count: 4, rev: 1, updated: '2026-01-01' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    let el0!: PlauditArticleElement;
    try {
      const el = (el0 = await articleWithClaps(id));
      expect(hint(el)).to.equal('Not saved on this device');
      expect(part(claps(el), 'hint')).to.equal('Not saved on this device');
      await highlightSelection(el, 'Stable sorts keep');
      await clap(el, 1);
      expect(el.annotations).to.have.length(1);
    } finally {
      old.close();
    }
    // Once the old tab is gone, the upgrade runs and keeps what was stored.
    await waitUntil(async () => {
      try {
        return (await openPlauditDatabase()).version === DB_VERSION;
      } catch {
        return false;
      }
    }, 'the database never opened after the old tab closed');
    const db = await openPlauditDatabase();
    expect(await db.get('meta', 'readerId')).to.equal('old-reader');
    expect((await db.get('claps', id))?.count).to.equal(4);
    // The highlight made meanwhile, kept in memory, is stored now, and the page says so no more.
    await waitUntil(async () => (await stored(el0.resolvedArticleId)).length === 1, 'the highlight made while blocked was not stored');
    await waitUntil(() => hint(el0) === '', 'the page still says it cannot save');
    // The clap taken meanwhile goes with the next one.
    const el = document.querySelector('plaudit-article')!;
    await clap(el, 1);
    expect((await db.get('claps', id))?.count).to.equal(6);
    expect(part(claps(el), 'hint')).to.equal('');
    expect(rejections.reasons).to.deep.equal([]);
  });

  it('a version 1 database: claps and the reader are kept, and notes can be added', async () => {
    await freshDatabase();
    const id = uniqueId();
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore('meta');
        db.createObjectStore('claps', { keyPath: 'articleId' });
      },
    });
    await v1.put('meta', 'v1-reader', 'readerId');
    await v1.put('meta', 'a'.repeat(64), 'readerToken');
    await v1.put('claps', { articleId: id, readerId: 'v1-reader', count: 9, rev: 2, updated: '2026-01-01' });
    v1.close();
    const el = await articleWithClaps(id);
    expect(part(claps(el), 'count')).to.equal('You: 9 of 50');
    await addNote(el, 'Merge sort splits', 'after the upgrade');
    expect(el.annotations[0]!.annotation.creator).to.equal('v1-reader');
    expect((await stored(id)).map((r) => r.annotation.body?.value)).to.deep.equal(['after the upgrade']);
    expect(hint(el)).to.equal('');
  });

  it('corrupt records do not stop the rest loading: each is an orphan with one warning, and writes go on', async () => {
    const id = uniqueId();
    const first = await makeArticle(id);
    await highlightSelection(first, 'Stable sorts keep');
    first.parentElement!.remove();
    const db = await openPlauditDatabase();
    const now = new Date().toISOString();
    const bad: unknown[] = [
      { id: 'urn:uuid:no-annotation', articleId: id, modified: now },
      { id: 'urn:uuid:null', articleId: id, modified: now, annotation: null },
      { id: 'urn:uuid:string', articleId: id, modified: now, annotation: 'not an annotation' },
      { id: 'urn:uuid:odd', articleId: id, modified: now, annotation: { target: 5, body: { value: 42 }, selector: {} } },
    ];
    for (const record of bad) await db.put('annotations', record as never);

    const el = await makeArticle(id);
    // Kept as orphans (listed apart, never drawn), so that nothing stored is hidden or lost; one warning each.
    expect(el.annotations.map((a) => a.status)).to.deep.equal(['anchored', 'orphan', 'orphan', 'orphan', 'orphan']);
    for (const record of bad) {
      const { id: badId } = record as { id: string };
      expect(warnings.warnings.filter((w) => w.includes(badId)), badId).to.have.length(1);
    }
    expect(shadow(el).querySelector('.notes-button')!.textContent!.trim()).to.equal('Notes (5)');
    await highlightSelection(el, 'Merge sort splits');
    expect(rejections.reasons).to.deep.equal([]);
  });
});

function select(text: string): void {
  const el = document.querySelector('plaudit-article')!;
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(findRange(el, text));
}

const hadStorage = 'storage' in navigator;

/** Replaces `navigator.storage.persist` (a browser without the API gets a `navigator.storage` holding only it). */
function stubPersist(persist: (() => Promise<boolean>) | undefined): void {
  if (hadStorage) Object.defineProperty(navigator.storage, 'persist', { configurable: true, value: persist });
  else Object.defineProperty(navigator, 'storage', { configurable: true, value: { persist } });
}

describe('<plaudit-article> asks for persistent storage with the first note', () => {
  const KEY = 'persist-asked';
  let calls = 0;
  let answer: () => Promise<boolean> = () => Promise.resolve(true);
  let rejections: ReturnType<typeof watchUnhandledRejections>;

  beforeEach(async () => {
    calls = 0;
    answer = () => Promise.resolve(true);
    stubPersist(() => (calls++, answer()));
    await (await openPlauditDatabase()).delete('meta', KEY);
    rejections = watchUnhandledRejections();
  });

  afterEach(() => {
    // WebKitGTK has no navigator.storage: the stub was put there.
    if (hadStorage) delete (navigator.storage as { persist?: unknown }).persist;
    else delete (navigator as { storage?: unknown }).storage;
    rejections.stop();
    document.getSelection()?.removeAllRanges();
  });

  it('not on load, not for highlights, once for the first note, and never again once asked', async () => {
    const el = await makeArticle();
    await highlightSelection(el, 'Stable sorts keep');
    expect(calls, 'load and a highlight').to.equal(0);
    await addNote(el, 'Merge sort splits', 'first note');
    expect(calls, 'first note').to.equal(1);
    await addNote(el, 'Quicksort picks a pivot', 'second note');
    expect(calls, 'second note').to.equal(1);
    // Remembered in the database, so a later visit does not ask again.
    expect(await (await openPlauditDatabase()).get('meta', KEY)).to.equal('1');
    el.parentElement!.remove();
    const later = await makeArticle();
    await addNote(later, 'Merge sort splits', 'a later visit');
    expect(calls, 'a later visit').to.equal(1);
  });

  it('a refusal, or a browser without the API, changes nothing', async () => {
    answer = () => Promise.reject(new DOMException('No.', 'NotAllowedError'));
    const el = await makeArticle();
    await addNote(el, 'Merge sort splits', 'refused');
    expect(calls).to.equal(1);
    await (await openPlauditDatabase()).delete('meta', KEY);
    stubPersist(undefined);
    await addNote(el, 'Stable sorts keep', 'no API');
    expect(el.annotations).to.have.length(2);
    expect((await stored(el.resolvedArticleId)).map((r) => r.annotation.body?.value)).to.have.members(['refused', 'no API']);
    expect(notice(el)).to.equal('');
    await waitUntil(() => true);
    expect(rejections.reasons).to.deep.equal([]);
  });
});
