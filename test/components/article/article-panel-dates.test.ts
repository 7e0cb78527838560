/**
 * The panel's dates need the page's first Intl object, whose construction starts ICU (about
 * 100 ms at 4x CPU). With stored annotations it is made while the browser is idle after they are
 * drawn, so opening the panel makes none and still shows each item's date. Its own file: the
 * formatter is cached for the page.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { highlightSelection, makeArticle, shadow, uniqueId } from './helpers.js';

describe('<plaudit-article> panel dates', () => {
  it('with stored annotations, the date formatter is made before the panel opens, and the panel shows dates', async () => {
    const id = uniqueId();
    const first = await makeArticle(id);
    await highlightSelection(first, 'picks a pivot');
    first.parentElement!.remove();

    const made: unknown[][] = [];
    const { DateTimeFormat } = Intl;
    Intl.DateTimeFormat = new Proxy(DateTimeFormat, {
      construct: (target, args) => (made.push(args), Reflect.construct(target, args)),
    });
    try {
      const el = await makeArticle(id);
      await waitUntil(() => made.length > 0, 'no date formatter made while idle');
      const before = made.length;
      await el.openNotes();
      await el.updateComplete;
      const panel = shadow(el).querySelector('plaudit-notes-panel')!;
      await panel.updateComplete;
      const time = panel.shadowRoot!.querySelector('time');
      expect(time?.textContent?.trim(), 'the item shows its date').to.equal(
        new DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time!.dateTime)),
      );
      expect(made.length, 'no formatter made by opening the panel').to.equal(before);
    } finally {
      Intl.DateTimeFormat = DateTimeFormat;
    }
  });
});
