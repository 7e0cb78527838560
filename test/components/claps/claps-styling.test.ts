/**
 * README's `<plaudit-claps>` CSS properties and parts, used as a host page
 * would: the properties set in the page's stylesheet on `:root` (or on the
 * element), the parts styled with `plaudit-claps::part(...)`, defaults first.
 * Read from what is drawn: the button's box and colours, the bubble, the text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { PlauditClapsElement } from '../../../src/components/claps/claps.component.js';
import { CLAPS_PARTS, clapButton, clapHeld, drawnClapsParts, inside, partColour, uniqueArticle } from '../../helpers/claps.js';
import { drawn, itDrawsProperties, pageStyles, type PropertyRow } from '../../helpers/page-style.js';

const ACCENT = 'rgb(179, 65, 31)';
const WHITE = 'rgb(255, 255, 255)';
const NONE = 'rgba(0, 0, 0, 0)';
/** The page around the element: its text colour, and a font the element must not take. */
const PAGE = 'rgb(10, 20, 30)';

/** The element in a page whose own text is `PAGE`-coloured, 30px serif. */
async function clapsOnPage(): Promise<PlauditClapsElement> {
  const page = await fixture<HTMLDivElement>(html`<div class="page"><plaudit-claps article-id=${uniqueArticle('styling')}></plaudit-claps></div>`);
  const el = page.querySelector('plaudit-claps')!;
  await el.ready;
  await el.updateComplete;
  return el;
}

/** What each documented property decides, as drawn, before and after one clap. */
async function drawnProperties(el: PlauditClapsElement): Promise<Record<string, string>> {
  const button = clapButton(el);
  const base = inside(el, 'base');
  const seen: Record<string, string> = {
    '--plaudit-clap-size (width)': drawn(button, 'width', 'button'),
    '--plaudit-clap-size (height)': drawn(button, 'height', 'button'),
    '--plaudit-accent (ring)': drawn(button, 'borderTopColor', 'button'),
    '--plaudit-accent (icon)': drawn(button, 'color', 'button'),
    '--plaudit-font': drawn(base, 'fontFamily', 'base'),
    '--plaudit-font-size': drawn(base, 'fontSize', 'base'),
    '--plaudit-text-color': drawn(inside(el, 'total'), 'color', 'total'),
  };
  await clapHeld(el, () => {
    seen['--plaudit-accent (bubble)'] = drawn(inside(el, 'bubble'), 'backgroundColor', 'bubble');
    seen['--plaudit-accent-contrast (bubble)'] = drawn(inside(el, 'bubble'), 'color', 'bubble');
  });
  seen['--plaudit-accent (clapped)'] = drawn(button, 'backgroundColor', 'clapped button');
  seen['--plaudit-accent-contrast (clapped)'] = drawn(button, 'color', 'clapped button');
  return seen;
}

/** Each thing a property decides: as drawn, by default, and set by the page. */
const ROWS: PropertyRow[] = [
  ['--plaudit-clap-size (width)', '56px', '40px'],
  ['--plaudit-clap-size (height)', '56px', '40px'],
  ['--plaudit-accent (ring)', ACCENT, 'rgb(0, 100, 0)'],
  ['--plaudit-accent (icon)', ACCENT, 'rgb(0, 100, 0)'],
  ['--plaudit-font', 'system-ui, sans-serif', 'Georgia, serif'],
  ['--plaudit-font-size', '15px', '20px'],
  ['--plaudit-text-color', PAGE, 'rgb(90, 0, 90)'],
  ['--plaudit-accent (bubble)', ACCENT, 'rgb(0, 100, 0)'],
  ['--plaudit-accent-contrast (bubble)', WHITE, 'rgb(255, 255, 0)'],
  ['--plaudit-accent (clapped)', ACCENT, 'rgb(0, 100, 0)'],
  ['--plaudit-accent-contrast (clapped)', WHITE, 'rgb(255, 255, 0)'],
];

describe('<plaudit-claps> CSS properties and parts, as a page uses them', () => {
  const addPageStyle = pageStyles();
  beforeEach(() => addPageStyle('.page { color: rgb(10, 20, 30); font: 30px/2 serif; }'));

  itDrawsProperties(addPageStyle, { make: clapsOnPage, read: drawnProperties, rows: ROWS, on: [':root', 'plaudit-claps'] });

  it('with no part styled, the parts draw their own backgrounds', async () => {
    expect(await drawnClapsParts(await clapsOnPage())).to.deep.equal({
      base: NONE, button: ACCENT, bubble: ACCENT, total: NONE, count: NONE, undo: NONE, hint: NONE,
    });
  });

  it('draws what the page sets on ::part(base), (button), (bubble), (total), (count), (undo) and (hint)', async () => {
    addPageStyle(CLAPS_PARTS.map((part, i) => `plaudit-claps::part(${part}) { background-color: ${partColour(i)}; }`).join('\n'));
    expect(await drawnClapsParts(await clapsOnPage())).to.deep.equal(Object.fromEntries(CLAPS_PARTS.map((part, i) => [part, partColour(i)])));
  });
});
