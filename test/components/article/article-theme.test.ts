/**
 * The colour properties a host page sets, used as a page would: on `:root`,
 * for light and (where the browser can emulate it) dark mode, with the
 * defaults first. Read from what the notes panel really draws: its background,
 * its text, a link in a note and a focus outline.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { inScheme, pageStyles } from '../../helpers/page-style.js';
import { waitUntil } from '../../helpers/wait.js';
import { addNote, buttonNamed, clickText, findRange, makeArticle, openNoteEditor, select, shadow, toolbar } from './helpers.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';

interface Drawn { surface: string; text: string; link: string; ring: string }

/** Writes a note with a link, opens the panel and moves focus onto one of its buttons by keyboard. */
async function panelColours(el: PlauditArticleElement): Promise<Drawn> {
  await addNote(el, 'Quicksort picks a pivot', 'See https://example.com/sorting');
  shadow(el).querySelector<HTMLElement>('.notes-button')!.click();
  await waitUntil(() => shadow(el).querySelector('plaudit-notes-panel')?.shadowRoot?.querySelector('.note a'), 'no panel with the note');
  const panel = shadow(el).querySelector('plaudit-notes-panel')!.shadowRoot!;
  await waitUntil(() => panel.activeElement, 'focus did not go into the panel');
  // A key press, so that the focused control shows its focus ring.
  await sendKeys({ press: 'Tab' });
  const focused = panel.activeElement!;
  expect(focused.matches(':focus-visible'), 'focus is shown').to.equal(true);
  const base = getComputedStyle(panel.querySelector('[part=base]')!);
  return {
    surface: base.backgroundColor,
    text: base.color,
    link: getComputedStyle(panel.querySelector('.note a')!).color,
    ring: getComputedStyle(focused).outlineColor,
  };
}

const LIGHT = { surface: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)', link: 'rgb(11, 87, 208)', ring: 'rgb(11, 87, 208)' };
const DARK = { surface: 'rgb(31, 35, 40)', text: 'rgb(240, 243, 246)', link: 'rgb(138, 180, 255)', ring: 'rgb(138, 180, 255)' };
const THEME = `:root {
  --plaudit-surface: rgb(250, 240, 230); --plaudit-text: rgb(60, 20, 10);
  --plaudit-link-color: rgb(120, 0, 90); --plaudit-focus-ring: rgb(0, 120, 60);
}`;
const SET = { surface: 'rgb(250, 240, 230)', text: 'rgb(60, 20, 10)', link: 'rgb(120, 0, 90)', ring: 'rgb(0, 120, 60)' };
/** A page's own dark theme: the same properties, inside its own media rule. */
const DARK_THEME = `@media (prefers-color-scheme: dark) { :root {
  --plaudit-surface: rgb(20, 10, 40); --plaudit-text: rgb(230, 220, 250);
  --plaudit-link-color: rgb(255, 170, 0); --plaudit-focus-ring: rgb(0, 230, 200);
} }`;

describe('<plaudit-article> colour properties', () => {
  const theme = pageStyles();

  it('with none set, light mode draws the default colours', async function () {
    await inScheme('light', () => this.skip());
    expect(await panelColours(await makeArticle())).to.deep.equal(LIGHT);
  });

  it('with none set, dark mode draws the dark defaults', async function () {
    await inScheme('dark', () => this.skip());
    expect(await panelColours(await makeArticle())).to.deep.equal(DARK);
  });

  it('set on :root, light mode draws --plaudit-surface, -text, -link-color and -focus-ring', async function () {
    await inScheme('light', () => this.skip());
    theme(THEME);
    expect(await panelColours(await makeArticle())).to.deep.equal(SET);
  });

  it('set on :root, dark mode draws them too: a colour a page sets applies in both modes', async function () {
    await inScheme('dark', () => this.skip());
    theme(THEME);
    expect(await panelColours(await makeArticle())).to.deep.equal(SET);
  });

  it('a page\'s own dark-mode rule sets them for dark mode only', async function () {
    await inScheme('dark', () => this.skip());
    theme(`${THEME}\n${DARK_THEME}`);
    expect(await panelColours(await makeArticle())).to.deep.equal({
      surface: 'rgb(20, 10, 40)', text: 'rgb(230, 220, 250)', link: 'rgb(255, 170, 0)', ring: 'rgb(0, 230, 200)',
    });
    await emulateMedia({ colorScheme: 'light' });
    document.getSelection()?.removeAllRanges();
    expect(await panelColours(await makeArticle()), 'the same page in light mode').to.deep.equal(SET);
  });
});

describe('<plaudit-article> in dark mode, checked by axe (colour contrast included)', () => {
  pageStyles();

  it('the toolbar, the editor with its error, a card and the panel', async function () {
    await inScheme('dark', () => this.skip());
    // A dark page, as a reader in dark mode has.
    document.body.style.setProperty('background', '#111');
    document.body.style.setProperty('color', '#eee');
    try {
      const el = await makeArticle();
      select(findRange(el, 'Merge sort splits'));
      await expect((await toolbar(el)).shadowRoot!.querySelector('[part=base]')).to.be.accessible();
      const editor = await openNoteEditor(el, 'Stable sorts');
      const box = editor.shadowRoot!.querySelector('textarea')!;
      box.value = 'x'.repeat(10_001);
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await editor.updateComplete;
      await expect(editor.shadowRoot!.querySelector('dialog')).to.be.accessible();
      buttonNamed(editor.shadowRoot!, 'Cancel').click();
      await waitUntil(() => !shadow(el).querySelector('plaudit-note-editor'), 'the editor did not close');
      await addNote(el, 'Quicksort picks a pivot', 'See https://example.com/sorting');
      clickText(el, 'pivot');
      await waitUntil(() => shadow(el).querySelector('.card'), 'no card');
      await expect(shadow(el).querySelector('.card')).to.be.accessible();
      await el.openNotes();
      await waitUntil(() => shadow(el).querySelector('plaudit-notes-panel')?.shadowRoot?.querySelector('.note'), 'no panel');
      await expect(shadow(el).querySelector('plaudit-notes-panel')).to.be.accessible();
    } finally {
      document.body.style.removeProperty('background');
      document.body.style.removeProperty('color');
    }
  });
});
