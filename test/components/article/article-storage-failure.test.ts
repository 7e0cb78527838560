import { silenceWarnings } from '../../helpers/storage-failure.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { openPlauditDatabase } from '../../../src/storage/open-database.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import {
  buttonNamed, failAnnotationWrites, findRange, highlightSelection, makeArticle, openNoteEditor, pressKey, select, shadow,
  toolbar, watchUnhandledRejections, type WriteFailure,
} from './helpers.js';

const FULL = "this browser's storage for this site is full";
const EDITOR_MESSAGE = `Not saved: ${FULL}. Your text is still here; free some space and press Save again, or copy it.`;

/** The stored, not deleted, annotation records of an article (read straight from IndexedDB). */
async function storedRecords(articleId: string) {
  const db = await openPlauditDatabase();
  const all = await db.getAllFromIndex('annotations', 'by-article', articleId);
  return all.filter((r) => !r.deleted);
}

/** The ids drawn at the middle of `text`'s passage (hit-testing the highlights as a click does). */
async function drawnAt(el: PlauditArticleElement, text: string): Promise<string[]> {
  await el.updateComplete;
  const rect = findRange(el, text).getBoundingClientRect();
  return el.layer!.highlights.at(rect.left + rect.width / 2, rect.top + rect.height / 2);
}

const notesButton = (el: PlauditArticleElement) => shadow(el).querySelector('.notes-button')!.textContent!.trim();
const notice = (el: PlauditArticleElement) => shadow(el).querySelector<HTMLElement>('[part="notice"]');


async function editorOf(el: PlauditArticleElement) {
  await waitUntil(() => shadow(el).querySelector('plaudit-note-editor'), 'editor did not open');
  const editor = shadow(el).querySelector('plaudit-note-editor')!;
  await editor.updateComplete;
  return editor;
}

function typeNote(editor: HTMLElement, text: string): HTMLTextAreaElement {
  const box = editor.shadowRoot!.querySelector('textarea')!;
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  return box;
}

const alertOf = (editor: HTMLElement) => editor.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim();

const MODES: { mode: WriteFailure; label: string }[] = [
  { mode: 'throw', label: 'put throws QuotaExceededError synchronously' },
  { mode: 'abort', label: 'the transaction aborts with QuotaExceededError' },
];

for (const { mode, label } of MODES) {
  describe(`<plaudit-article> when storage refuses a write (${label})`, () => {
    let restoreWrites: (() => void) | null = null;
    let rejections: ReturnType<typeof watchUnhandledRejections>;
    let warnings: ReturnType<typeof silenceWarnings>;

    beforeEach(() => {
      rejections = watchUnhandledRejections();
      warnings = silenceWarnings();
    });

    afterEach(() => {
      restoreWrites?.();
      restoreWrites = null;
      warnings.restore();
      rejections.stop();
      document.getSelection()?.removeAllRanges();
    });

    /** Makes writes work again, as freeing space would. */
    function freeSpace(): void {
      restoreWrites?.();
      restoreWrites = null;
    }

    it('Highlight: nothing is drawn or listed, an alert says why, and Try again saves it', async () => {
      const el = await makeArticle();
      restoreWrites = failAnnotationWrites(mode);
      select(findRange(el, 'Merge sort splits'));
      const bar = await toolbar(el);
      buttonNamed(bar.shadowRoot!, 'Highlight').click();
      await waitUntil(() => notice(el), 'no notice');

      expect(notice(el)!.getAttribute('role')).to.equal('alert');
      expect(notice(el)!.textContent!.replace(/\s+/g, ' ')).to.contain(
        `Not saved: ${FULL}, so the highlight was not kept. Free some space, then press Try again.`,
      );
      expect(el.annotations).to.have.length(0);
      expect(notesButton(el)).to.equal('Notes (0)');
      expect(await drawnAt(el, 'Merge sort splits')).to.deep.equal([]);
      expect(await storedRecords(el.resolvedArticleId)).to.have.length(0);
      expect(warnings.warnings.some((w) => w.includes('Not saved'))).to.equal(true);

      freeSpace();
      buttonNamed(notice(el)!, 'Try again').click();
      await waitUntil(() => el.annotations.length === 1, 'retry did not save');
      await el.updateComplete;
      expect(notice(el)).to.equal(null);
      expect(el.annotations[0]!.annotation.motivation).to.equal('highlighting');
      expect(await drawnAt(el, 'Merge sort splits')).to.have.length(1);
      const stored = await storedRecords(el.resolvedArticleId);
      expect(stored.map((r) => r.id)).to.deep.equal([el.annotations[0]!.annotation.id]);
      expect(rejections.reasons).to.deep.equal([]);
    });

    it('Add note, Ctrl+Enter: the editor stays open with the text and the message, and Save again saves', async () => {
      const el = await makeArticle();
      const editor = await openNoteEditor(el, 'Stable sorts keep');
      const box = typeNote(editor, 'A long thought I must not lose');
      restoreWrites = failAnnotationWrites(mode);
      pressKey(box, 'Enter', { ctrlKey: true });
      await waitUntil(() => alertOf(editor) !== '', 'no message in the editor');

      expect(alertOf(editor)).to.equal(EDITOR_MESSAGE);
      expect(shadow(el).querySelector('plaudit-note-editor')).to.equal(editor);
      expect(box.value).to.equal('A long thought I must not lose');
      expect(box.getAttribute('aria-describedby')).to.contain('error');
      expect(el.annotations).to.have.length(0);
      expect(notesButton(el)).to.equal('Notes (0)');
      expect(await drawnAt(el, 'Stable sorts keep')).to.deep.equal([]);
      expect(await storedRecords(el.resolvedArticleId)).to.have.length(0);

      freeSpace();
      buttonNamed(editor.shadowRoot!, 'Save').click();
      await waitUntil(() => el.annotations.length === 1, 'retry did not save');
      await waitUntil(() => !shadow(el).querySelector('plaudit-note-editor'), 'editor stayed open');
      expect(el.annotations[0]!.annotation.body?.value).to.equal('A long thought I must not lose');
      const stored = await storedRecords(el.resolvedArticleId);
      expect(stored.map((r) => r.annotation.body?.value)).to.deep.equal(['A long thought I must not lose']);
      expect(rejections.reasons).to.deep.equal([]);
    });

    it('Edit note: the stored version stays, the editor keeps the new text, and Save again saves it', async () => {
      const el = await makeArticle();
      const first = await openNoteEditor(el, 'Quicksort picks a pivot');
      typeNote(first, 'first thought');
      buttonNamed(first.shadowRoot!, 'Save').click();
      await waitUntil(() => el.annotations.length === 1 && !shadow(el).querySelector('plaudit-note-editor'));
      const id = el.annotations[0]!.annotation.id;

      await el.focusAnnotation(id);
      buttonNamed(shadow(el).querySelector('.card')!, 'Edit').click();
      const editor = await editorOf(el);
      const box = typeNote(editor, 'second thought');
      restoreWrites = failAnnotationWrites(mode);
      pressKey(box, 'Enter', { ctrlKey: true });
      await waitUntil(() => alertOf(editor) !== '', 'no message in the editor');

      expect(alertOf(editor)).to.equal(EDITOR_MESSAGE);
      expect(box.value).to.equal('second thought');
      expect(el.annotations.map((a) => a.annotation.body?.value)).to.deep.equal(['first thought']);
      expect((await storedRecords(el.resolvedArticleId)).map((r) => r.annotation.body?.value)).to.deep.equal([
        'first thought',
      ]);

      freeSpace();
      pressKey(box, 'Enter', { ctrlKey: true });
      await waitUntil(() => !shadow(el).querySelector('plaudit-note-editor'), 'editor stayed open');
      expect(el.annotations.map((a) => a.annotation.body?.value)).to.deep.equal(['second thought']);
      expect((await storedRecords(el.resolvedArticleId)).map((r) => r.annotation.body?.value)).to.deep.equal([
        'second thought',
      ]);
      expect(rejections.reasons).to.deep.equal([]);
    });

    it('Delete: the annotation stays drawn, listed and stored, an alert says why, and Try again deletes it', async () => {
      const el = await makeArticle();
      await highlightSelection(el, 'hides a surprising amount');
      const id = el.annotations[0]!.annotation.id;
      await el.focusAnnotation(id);
      restoreWrites = failAnnotationWrites(mode);
      buttonNamed(shadow(el).querySelector('.card')!, 'Delete').click();
      await waitUntil(() => notice(el), 'no notice');

      expect(notice(el)!.getAttribute('role')).to.equal('alert');
      expect(notice(el)!.textContent!.replace(/\s+/g, ' ')).to.contain(
        `Not deleted: ${FULL}. The highlight is still here. Free some space, then press Try again.`,
      );
      expect(el.annotations.map((a) => a.annotation.id)).to.deep.equal([id]);
      expect(notesButton(el)).to.equal('Notes (1)');
      expect(await drawnAt(el, 'hides a surprising amount')).to.deep.equal([id]);
      expect((await storedRecords(el.resolvedArticleId)).map((r) => r.id)).to.deep.equal([id]);
      expect(shadow(el).querySelector('.card'), 'the card stays open').to.not.equal(null);
      expect(shadow(el).querySelector('[part="undo"]'), 'no Undo for what was not deleted').to.equal(null);

      freeSpace();
      buttonNamed(notice(el)!, 'Try again').click();
      // Undo is offered once the deletion is stored.
      await waitUntil(() => shadow(el).querySelector('[part="undo"]'), 'retry did not delete');
      expect(el.annotations).to.have.length(0);
      expect(notice(el)).to.equal(null);
      expect(await storedRecords(el.resolvedArticleId)).to.have.length(0);
      expect(await drawnAt(el, 'hides a surprising amount')).to.deep.equal([]);
      expect(rejections.reasons).to.deep.equal([]);
    });

    it('Undo (restore): the annotation stays deleted and unstored, an alert says why, and Try again restores it', async () => {
      const el = await makeArticle();
      await highlightSelection(el, 'hides a surprising amount');
      const id = el.annotations[0]!.annotation.id;
      await el.focusAnnotation(id);
      buttonNamed(shadow(el).querySelector('.card')!, 'Delete').click();
      await waitUntil(() => shadow(el).querySelector('[part="undo"]'), 'no Undo');
      restoreWrites = failAnnotationWrites(mode);
      buttonNamed(shadow(el).querySelector('[part="undo"]')!, 'Undo').click();
      await waitUntil(() => notice(el), 'no notice');

      expect(notice(el)!.getAttribute('role')).to.equal('alert');
      expect(notice(el)!.textContent!.replace(/\s+/g, ' ')).to.contain(
        `Not restored: ${FULL}. The highlight is still deleted. Free some space, then press Try again.`,
      );
      expect(el.annotations).to.have.length(0);
      expect(notesButton(el)).to.equal('Notes (0)');
      expect(await drawnAt(el, 'hides a surprising amount')).to.deep.equal([]);
      expect(await storedRecords(el.resolvedArticleId)).to.have.length(0);

      freeSpace();
      buttonNamed(notice(el)!, 'Try again').click();
      await waitUntil(() => el.annotations.length === 1, 'retry did not restore');
      await el.updateComplete;
      expect(notice(el)).to.equal(null);
      expect(el.annotations[0]!.annotation.id).to.equal(id);
      expect(await drawnAt(el, 'hides a surprising amount')).to.deep.equal([id]);
      expect((await storedRecords(el.resolvedArticleId)).map((r) => r.id)).to.deep.equal([id]);
      expect(rejections.reasons).to.deep.equal([]);
    });
  });
}
