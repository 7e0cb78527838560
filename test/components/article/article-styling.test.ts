/**
 * README's `<plaudit-article>` CSS properties that article-theme.test.ts does
 * not cover (that file has the surface, text, link and focus-ring colours),
 * set in a host page's stylesheet on `:root` (and on the element), defaults
 * first. Read from what is drawn, each in the state that shows it: the bar,
 * a note's underline, the note editor, the selection toolbar, the reading
 * cursor's sentence and the clap button.
 */
import { expect } from '@open-wc/testing';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import { drawn, pageStyles } from '../../helpers/page-style.js';
import { waitUntil } from '../../helpers/wait.js';
import { addNote, articleOnPage, buttonNamed, findRange, openNoteEditor, select, shadow, toolbar } from './helpers.js';

/** The element a CSS Custom Highlight layer's first range starts in, and that layer's computed style there. */
function highlightStyle(layer: string, what: string): CSSStyleDeclaration {
  const range = [...(CSS.highlights.get(layer) ?? [])][0] as Range | undefined;
  if (!range) throw new Error(`${what}: nothing in the ${layer} layer`);
  return getComputedStyle(range.startContainer.parentElement!, `::highlight(${layer})`);
}

async function drawnProperties(el: PlauditArticleElement): Promise<Record<string, string>> {
  const root = shadow(el);
  const seen: Record<string, string> = {
    '--plaudit-font (bar)': drawn(root.querySelector('.bar'), 'fontFamily', 'the bar'),
    '--plaudit-font-size (bar)': drawn(root.querySelector('.bar'), 'fontSize', 'the bar'),
    '--plaudit-border (Notes button)': drawn(root.querySelector('.notes-button'), 'borderTopColor', 'the Notes button'),
  };
  const claps = root.querySelector('plaudit-claps')!;
  await claps.ready;
  await claps.updateComplete;
  seen['--plaudit-accent (clap button)'] = drawn(claps.shadowRoot!.querySelector('[part=button]'), 'borderTopColor', 'the clap button');

  await addNote(el, 'Quicksort picks a pivot', 'Pivots matter.');
  seen['--plaudit-note-underline-color'] = highlightStyle('plaudit-note', 'a note').textDecorationColor;

  const editor = await openNoteEditor(el, 'Stable sorts');
  const dialog = editor.shadowRoot!.querySelector('[part=base]');
  seen['--plaudit-accent (Save)'] = drawn(buttonNamed(editor.shadowRoot!, 'Save'), 'backgroundColor', 'the editor\'s Save');
  seen['--plaudit-border (editor)'] = drawn(dialog, 'borderTopColor', 'the note editor');
  seen['--plaudit-font-size (editor)'] = drawn(dialog, 'fontSize', 'the note editor');
  seen['--plaudit-cursor-color (editor\'s passage)'] = highlightStyle('plaudit-cursor', 'the passage being annotated').backgroundColor;
  buttonNamed(editor.shadowRoot!, 'Cancel').click();
  await waitUntil(() => !root.querySelector('plaudit-note-editor'), 'the editor did not close');

  select(findRange(el, 'Merge sort splits'));
  const bar = (await toolbar(el)).shadowRoot!.querySelector('[part=base]');
  seen['--plaudit-toolbar-background'] = drawn(bar, 'backgroundColor', 'the toolbar');
  seen['--plaudit-toolbar-color'] = drawn(bar, 'color', 'the toolbar');
  seen['--plaudit-font (toolbar)'] = drawn(bar, 'fontFamily', 'the toolbar');
  document.getSelection()!.removeAllRanges();

  await el.startReadingCursor();
  await waitUntil(() => root.querySelector('.cursor'), 'the reading cursor did not start');
  seen['--plaudit-cursor-color (reading cursor)'] = highlightStyle('plaudit-cursor', 'the reading cursor').backgroundColor;
  return seen;
}

const DEFAULTS = {
  '--plaudit-font (bar)': 'system-ui, sans-serif',
  '--plaudit-font-size (bar)': '15px',
  '--plaudit-border (Notes button)': 'rgb(140, 149, 159)',
  '--plaudit-accent (clap button)': 'rgb(179, 65, 31)',
  '--plaudit-note-underline-color': 'rgba(30, 120, 230, 0.9)',
  '--plaudit-accent (Save)': 'rgb(11, 87, 208)',
  '--plaudit-border (editor)': 'rgb(140, 149, 159)',
  '--plaudit-font-size (editor)': '15px',
  '--plaudit-cursor-color (editor\'s passage)': 'rgba(128, 128, 255, 0.35)',
  '--plaudit-toolbar-background': 'rgb(31, 35, 40)',
  '--plaudit-toolbar-color': 'rgb(255, 255, 255)',
  '--plaudit-font (toolbar)': 'system-ui, sans-serif',
  '--plaudit-cursor-color (reading cursor)': 'rgba(128, 128, 255, 0.35)',
};

const SET = `--plaudit-font: Georgia, serif; --plaudit-font-size: 18px; --plaudit-border: rgb(200, 0, 0);
  --plaudit-accent: rgb(0, 100, 0); --plaudit-note-underline-color: rgb(0, 0, 200);
  --plaudit-cursor-color: rgb(0, 200, 200); --plaudit-toolbar-background: rgb(250, 250, 200);
  --plaudit-toolbar-color: rgb(50, 0, 50);`;

const OPTIONS = {
  '--plaudit-font (bar)': 'Georgia, serif',
  '--plaudit-font-size (bar)': '18px',
  '--plaudit-border (Notes button)': 'rgb(200, 0, 0)',
  '--plaudit-accent (clap button)': 'rgb(0, 100, 0)',
  '--plaudit-note-underline-color': 'rgb(0, 0, 200)',
  '--plaudit-accent (Save)': 'rgb(0, 100, 0)',
  '--plaudit-border (editor)': 'rgb(200, 0, 0)',
  '--plaudit-font-size (editor)': '18px',
  '--plaudit-cursor-color (editor\'s passage)': 'rgb(0, 200, 200)',
  '--plaudit-toolbar-background': 'rgb(250, 250, 200)',
  '--plaudit-toolbar-color': 'rgb(50, 0, 50)',
  '--plaudit-font (toolbar)': 'Georgia, serif',
  '--plaudit-cursor-color (reading cursor)': 'rgb(0, 200, 200)',
};

describe('<plaudit-article> CSS properties, as a page sets them', () => {
  const addPageStyle = pageStyles();
  // The page's own type, which the widget's UI must not take.
  beforeEach(() => addPageStyle('.page { font: 30px/2 serif; }'));

  it('with none set, draws the documented defaults', async () => {
    expect(await drawnProperties(await articleOnPage())).to.deep.equal(DEFAULTS);
  });

  for (const where of [':root', 'plaudit-article']) {
    it(`draws --plaudit-font, -font-size, -border, -accent, -note-underline-color, -cursor-color, -toolbar-background and -toolbar-color set on ${where}`, async () => {
      addPageStyle(`${where} { ${SET} }`);
      expect(await drawnProperties(await articleOnPage())).to.deep.equal(OPTIONS);
    });
  }
});
