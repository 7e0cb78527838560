/**
 * README's `<plaudit-article>` CSS properties that article-theme.test.ts does
 * not cover (that file has the surface, text, link and focus-ring colours),
 * set in a host page's stylesheet on `:root` (and on the element), defaults
 * first. Read from what is drawn, each in the state that shows it: the bar,
 * a note's underline, the note editor, the selection toolbar, the reading
 * cursor's sentence and the clap button.
 */
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import { drawn, itDrawsProperties, pageStyles, type PropertyRow } from '../../helpers/page-style.js';
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
  seen['--plaudit-accent-contrast (Save)'] = drawn(buttonNamed(editor.shadowRoot!, 'Save'), 'color', 'the editor\'s Save');
  seen['--plaudit-radius (editor)'] = drawn(dialog, 'borderTopLeftRadius', 'the note editor');
  // A note over the limit: the editor's error message.
  const box = editor.shadowRoot!.querySelector('textarea')!;
  box.value = 'x'.repeat(10_001);
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await editor.updateComplete;
  seen['--plaudit-error-color (editor)'] = drawn(editor.shadowRoot!.querySelector('.error'), 'color', 'the editor\'s error');
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

const BORDER = 'rgb(140, 149, 159)';
const CURSOR = 'rgba(128, 128, 255, 0.35)';

/** Each thing a property decides: as drawn, by default, and set by the page. */
const ROWS: PropertyRow[] = [
  ['--plaudit-font (bar)', 'system-ui, sans-serif', 'Georgia, serif'],
  ['--plaudit-font-size (bar)', '15px', '18px'],
  ['--plaudit-border (Notes button)', BORDER, 'rgb(200, 0, 0)'],
  ['--plaudit-accent (clap button)', 'rgb(179, 65, 31)', 'rgb(0, 100, 0)'],
  ['--plaudit-note-underline-color', 'rgba(30, 120, 230, 0.9)', 'rgb(0, 0, 200)'],
  ['--plaudit-accent (Save)', 'rgb(11, 87, 208)', 'rgb(0, 100, 0)'],
  ['--plaudit-border (editor)', BORDER, 'rgb(200, 0, 0)'],
  ['--plaudit-font-size (editor)', '15px', '18px'],
  ['--plaudit-cursor-color (editor\'s passage)', CURSOR, 'rgb(0, 200, 200)'],
  ['--plaudit-accent-contrast (Save)', 'rgb(255, 255, 255)', 'rgb(255, 255, 0)'],
  ['--plaudit-radius (editor)', '8px', '2px'],
  ['--plaudit-error-color (editor)', 'rgb(179, 38, 30)', 'rgb(120, 0, 200)'],
  ['--plaudit-toolbar-background', 'rgb(31, 35, 40)', 'rgb(250, 250, 200)'],
  ['--plaudit-toolbar-color', 'rgb(255, 255, 255)', 'rgb(50, 0, 50)'],
  ['--plaudit-font (toolbar)', 'system-ui, sans-serif', 'Georgia, serif'],
  ['--plaudit-cursor-color (reading cursor)', CURSOR, 'rgb(0, 200, 200)'],
];

describe('<plaudit-article> CSS properties, as a page sets them', () => {
  const addPageStyle = pageStyles();
  // The page's own type, which the widget's UI must not take.
  beforeEach(() => addPageStyle('.page { font: 30px/2 serif; }'));

  itDrawsProperties(addPageStyle, {
    make: () => articleOnPage(), read: drawnProperties, rows: ROWS, on: [':root', 'plaudit-article'],
  });
});
