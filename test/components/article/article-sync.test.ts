import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { textHash } from '../../../src/core/text-hash.js';
import type { PlauditSyncStatusEvent } from '../../../src/events/plaudit-sync-status.js';
import { BASE, startTestMock, type TestMock } from '../../sync/helpers.js';
import { buttonNamed, highlightSelection, makeArticle, shadow, uniqueId } from './helpers.js';

/** Modules only the sync wiring imports. */
const SYNC_MODULES = /\/src\/(sync\/sync-engine|controllers\/sync-controller|components\/article\/article-sync|components\/sync-status\/)/;

describe('<plaudit-article> sync', () => {
  afterEach(() => document.getSelection()?.removeAllRanges());

  // First: later tests load the sync code into this page.
  it('without an endpoint, loads no sync code and makes no request over create, edit and delete', async () => {
    const original = window.fetch;
    const calls: unknown[] = [];
    window.fetch = (...args: Parameters<typeof fetch>) => {
      calls.push(args[0]);
      return original(...args);
    };
    try {
      const el = await makeArticle();
      await highlightSelection(el, 'picks a pivot');
      const id = el.annotations[0]!.annotation.id;
      await el.layer!.actions.editNote(id);
      await el.updateComplete;
      const editor = shadow(el).querySelector('plaudit-note-editor')!;
      await editor.updateComplete;
      editor.shadowRoot!.querySelector('textarea')!.value = 'A note';
      buttonNamed(editor.shadowRoot!, 'Save').click();
      await waitUntil(() => el.annotations[0]?.annotation.body?.value === 'A note');
      await el.layer!.actions.remove(id);
      await el.updateComplete;
      expect(shadow(el).querySelector('plaudit-sync-status')).to.equal(null);
      // Give a debounced flush, had one been scheduled, time to start.
      await new Promise((r) => setTimeout(r, 600));
    } finally {
      window.fetch = original;
    }
    expect(calls).to.deep.equal([]);
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    expect(loaded.filter((name) => SYNC_MODULES.test(name))).to.deep.equal([]);
  });

  it('registers the story by its headline: the article\'s h1, else og:title, else the page title, never a section h2', async () => {
    const { describeArticle } = await import('../../../src/components/article/article-sync.js');
    const { buildTextModel } = await import('../../../src/core/text-model.js');
    const host = Object.assign(document.createElement('div'), { resolvedArticleId: 'headline-test' });
    host.innerHTML = '<h2>A section</h2><p>Body text.</p>';
    document.body.append(host);
    const meta = Object.assign(document.createElement('meta'), { content: 'The headline' });
    meta.setAttribute('property', 'og:title');
    try {
      expect(describeArticle(host, buildTextModel(host)).title).to.equal(document.title.trim() || 'A section');
      document.head.append(meta);
      expect(describeArticle(host, buildTextModel(host)).title).to.equal('The headline');
      host.insertAdjacentHTML('afterbegin', '<h1>Its own h1</h1>');
      expect(describeArticle(host, buildTextModel(host)).title).to.equal('Its own h1');
    } finally {
      meta.remove();
      host.remove();
    }
  });

  describe('with an endpoint', () => {
    let mock: TestMock;
    before(async () => {
      mock = await startTestMock({ worker: true });
    });
    after(() => mock.stop());

    it('registers the article (title, URL, text hash, paragraphs) and shows the sync status', async () => {
      await mock.reset();
      // Keep the page's engine for the test, so its short debounce applies. Imported here: the test above
      // checks that nothing loaded the sync code before.
      const { acquireSyncEngine } = await import('../../../src/sync/sync-engine.js');
      const engine = acquireSyncEngine(BASE, { debounceMs: 5, backoff: { baseMs: 5, capMs: 20 } });
      try {
        const articleId = uniqueId();
        const el = await makeArticle(articleId, undefined, `endpoint="${BASE}"`);
        const path = `${BASE}/articles/${encodeURIComponent(articleId)}`;
        const registration = () => mock.log.entries.find((e) => e.method === 'PUT' && new URL(e.url, location.href).pathname === path);
        await waitUntil(registration, 'the article was not registered', { timeout: 10_000 });
        expect(JSON.parse(registration()!.body)).to.deep.equal({
          title: 'On sorting',
          url: location.origin + location.pathname,
          textHash: textHash(el.layer!.store.model!.text),
          paragraphs: [
            'On sorting',
            'Sorting is the first algorithm many of us meet. It hides a surprising amount of design.',
            'Quicksort picks a pivot, partitions the rest, and recurses. Merge sort splits, sorts and merges.',
            'Stable sorts keep equal items in order. That matters more often than you would think!',
          ],
        });
        const status = shadow(el).querySelector('.bar plaudit-sync-status')!;
        expect(status.getAttribute('endpoint')).to.equal(BASE);
        await waitUntil(() => customElements.get('plaudit-sync-status') && status.shadowRoot, 'status line not defined');
      } finally {
        engine.release();
      }
    });

    it('fires plaudit-sync-status from the article on each status change, heard on document once per change', async () => {
      await mock.reset();
      const { acquireSyncEngine } = await import('../../../src/sync/sync-engine.js');
      const engine = acquireSyncEngine(BASE, { debounceMs: 5, backoff: { baseMs: 5, capMs: 20 } });
      const heard: PlauditSyncStatusEvent[] = [];
      /** Where each event began: its path is empty once dispatch is over. */
      const origins: EventTarget[] = [];
      const listen = (e: PlauditSyncStatusEvent) => {
        heard.push(e);
        origins.push(e.composedPath()[0]!);
      };
      document.addEventListener('plaudit-sync-status', listen);
      try {
        const articleId = uniqueId();
        const el = await makeArticle(articleId, undefined, `endpoint="${BASE}"`);
        const pending = (from = 0) => heard.slice(from).map((e) => e.detail.status.pending);
        const settled = () => heard.at(-1)?.detail.status.pending === 0;
        // Sync starts, and the article's registration is sent. (Other tests may leave refused changes in
        // this browser's outbox, so the state may be "error"; the pending count is this test's.)
        const path = `${BASE}/articles/${encodeURIComponent(articleId)}`;
        const registered = () => mock.log.entries.some((e) => e.method === 'PUT' && new URL(e.url, location.href).pathname === path);
        await waitUntil(() => registered() && settled(), 'no plaudit-sync-status heard on document after the registration', { timeout: 10_000 });
        const before = heard.length;
        await highlightSelection(el, 'picks a pivot');
        const sent = async () => (await mock.store.annotationsOf(articleId)).length === 1;
        await waitUntil(async () => (await sent()) && settled(), 'no status after the highlight was sent', { timeout: 10_000 });
        expect(Math.max(...pending(before)), 'the highlight was a change: it waited to be sent').to.be.greaterThan(0);
        for (const [i, e] of heard.entries()) {
          expect(origins[i] === el, 'fired by the article, not its status line').to.equal(true);
          expect(e.bubbles && e.composed, 'bubbles and composed').to.equal(true);
          expect(e.detail.endpoint).to.equal(BASE);
          if (i) expect(JSON.stringify(e.detail), 'each change once').not.to.equal(JSON.stringify(heard[i - 1]!.detail));
        }
      } finally {
        document.removeEventListener('plaudit-sync-status', listen);
        engine.release();
      }
    });

    it('with the default note-visibility, sends a highlight to the server without its creator; a private note stays', async () => {
      await mock.reset();
      const { acquireSyncEngine } = await import('../../../src/sync/sync-engine.js');
      const engine = acquireSyncEngine(BASE, { debounceMs: 5, backoff: { baseMs: 5, capMs: 20 } });
      try {
        const articleId = uniqueId();
        const el = await makeArticle(articleId, undefined, `endpoint="${BASE}"`);
        await highlightSelection(el, 'picks a pivot');
        const highlightId = el.annotations[0]!.annotation.id;
        const onServer = async () => (await mock.store.annotationsOf(articleId)).map((s) => s.annotation);
        await waitUntil(async () => (await onServer()).length === 1, 'the highlight never reached the server', { timeout: 10_000 });
        const [sent] = await onServer();
        expect(sent!.id).to.equal(highlightId);
        expect(sent!.motivation).to.equal('highlighting');
        expect(sent, 'an anonymous signal').not.to.have.property('creator');
        // A note on a second passage keeps the default, private: it never leaves the device.
        await highlightSelection(el, 'Stable sorts');
        const noteId = el.annotations.find((a) => a.annotation.id !== highlightId)!.annotation.id;
        await waitUntil(async () => (await onServer()).length === 2, 'the second highlight never reached the server', { timeout: 10_000 });
        await el.layer!.actions.editNote(noteId);
        await el.updateComplete;
        const editor = shadow(el).querySelector('plaudit-note-editor')!;
        await editor.updateComplete;
        editor.shadowRoot!.querySelector('textarea')!.value = 'A private thought';
        buttonNamed(editor.shadowRoot!, 'Save').click();
        await waitUntil(async () => (await onServer()).length === 1, 'the private note was left on the server', { timeout: 10_000 });
        expect((await onServer())[0]!.id).to.equal(highlightId);
        const local = el.annotations.find((a) => a.annotation.id === noteId)!.annotation;
        expect(local['plaudit:visibility']).to.equal('private');
        expect(JSON.stringify(mock.log.entries)).not.to.contain('A private thought');
      } finally {
        engine.release();
      }
    });
  });
});
