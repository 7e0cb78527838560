/**
 * README's `<plaudit-review>` CSS properties and part, used as a host page
 * would: set in the page's stylesheet on `:root` (or on the element), the
 * frame styled with `plaudit-review::part(base)`, defaults first, in light and
 * (where the browser can emulate it) dark mode. Read from the stories view of
 * the hand-made data set as drawn: the frame, the current tab, a control, the
 * source line and a focus outline.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PlauditReviewElement } from '../../../src/components/review/review.component.js';
import { drawn, itDrawsProperties, pageStyles, type PropertyRow } from '../../helpers/page-style.js';
import { reviewFixture, root, seedHandMade, serveMock, storiesTable } from './helpers.js';

async function drawnReview(el: PlauditReviewElement): Promise<Record<string, string>> {
  await storiesTable(el);
  const shadow = root(el);
  const base = shadow.querySelector('[part=base]');
  const [current, other] = [...shadow.querySelectorAll('nav button')];
  // From the current tab to the next by keyboard, so that the focus ring shows.
  (current as HTMLElement).focus();
  await sendKeys({ press: 'Tab' });
  expect(shadow.activeElement, 'Tab moved to "All notes"').to.equal(other);
  expect(other!.matches(':focus-visible'), 'focus is shown').to.equal(true);
  return {
    '--plaudit-accent (current tab)': drawn(current, 'backgroundColor', 'the current tab'),
    '--plaudit-accent-contrast (current tab)': drawn(current, 'color', 'the current tab'),
    '--plaudit-text': drawn(base, 'color', 'the frame'),
    '--plaudit-muted (source line)': drawn(shadow.querySelector('.source'), 'color', 'the source line'),
    '--plaudit-border (a control)': drawn(other, 'borderTopColor', '"All notes"'),
    '--plaudit-surface (frame)': drawn(base, 'backgroundColor', 'the frame'),
    '--plaudit-surface (a control)': drawn(other, 'backgroundColor', '"All notes"'),
    '--plaudit-focus-ring': drawn(other, 'outlineColor', 'the focused "All notes"'),
    '--plaudit-font': drawn(base, 'fontFamily', 'the frame'),
    '--plaudit-font-size': drawn(base, 'fontSize', 'the frame'),
  };
}

/** Each thing a property decides: as drawn, by default in light mode, set by the page, and by default in dark mode. */
const TABLE: [drawnAs: string, light: string, set: string, dark?: string][] = [
  ['--plaudit-accent (current tab)', 'rgb(179, 65, 31)', 'rgb(0, 100, 0)', 'rgb(224, 113, 79)'],
  ['--plaudit-accent-contrast (current tab)', 'rgb(255, 255, 255)', 'rgb(255, 255, 0)', 'rgb(17, 17, 17)'],
  ['--plaudit-text', 'rgb(31, 35, 40)', 'rgb(60, 20, 10)', 'rgb(240, 243, 246)'],
  ['--plaudit-muted (source line)', 'rgb(87, 96, 106)', 'rgb(120, 120, 60)', 'rgb(157, 167, 179)'],
  ['--plaudit-border (a control)', 'rgb(140, 149, 159)', 'rgb(200, 0, 0)', 'rgb(110, 118, 129)'],
  ['--plaudit-surface (frame)', 'rgb(255, 255, 255)', 'rgb(250, 240, 230)', 'rgb(31, 35, 40)'],
  ['--plaudit-surface (a control)', 'rgb(255, 255, 255)', 'rgb(250, 240, 230)', 'rgb(31, 35, 40)'],
  ['--plaudit-focus-ring', 'rgb(9, 105, 218)', 'rgb(0, 120, 60)'],
  ['--plaudit-font', 'system-ui, sans-serif', 'Georgia, serif'],
  ['--plaudit-font-size', '15px', '18px'],
];
const LIGHT: PropertyRow[] = TABLE.map(([drawnAs, light, set]) => [drawnAs, light, set]);
// They have no -dark forms: a page's value holds in both schemes.
const DARK: PropertyRow[] = TABLE.map(([drawnAs, light, set, dark]) => [drawnAs, dark ?? light, set]);

describe('<plaudit-review> CSS properties and part, as a page uses them', () => {
  serveMock();
  const addPageStyle = pageStyles();
  beforeEach(async () => {
    // The page's own type and colours, which the review must not take.
    addPageStyle('body { font: 30px/2 serif; color: rgb(0, 0, 255); }');
    await seedHandMade();
  });

  itDrawsProperties(addPageStyle, { make: () => reviewFixture(), read: drawnReview, rows: LIGHT, on: [':root', 'plaudit-review'] });
  itDrawsProperties(addPageStyle, { make: () => reviewFixture(), read: drawnReview, rows: DARK, on: [':root'], scheme: 'dark' });

  it('draws what the page sets on ::part(base)', async () => {
    const el = await reviewFixture();
    await storiesTable(el);
    const base = root(el).querySelector('[part=base]');
    expect(drawn(base, 'borderTopColor', 'part base'), 'with no page rule: its own text colour').to.equal('rgb(31, 35, 40)');
    addPageStyle('plaudit-review::part(base) { background-color: rgb(1, 2, 3); border: 2px solid rgb(4, 5, 6); }');
    expect({ background: drawn(base, 'backgroundColor', 'part base'), border: drawn(base, 'borderTopColor', 'part base') })
      .to.deep.equal({ background: 'rgb(1, 2, 3)', border: 'rgb(4, 5, 6)' });
  });
});
