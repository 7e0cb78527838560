/**
 * `<plaudit-article>` in the article's language, used as a reader would: the
 * toolbar, the note editor, the Undo bar, the panel and the announcements in
 * German, and an Arabic article whose UI is mirrored (the toolbar's first action
 * at the right, arrow keys following what the reader sees, the panel on the left).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../../helpers/wait.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import { findRange, select, shadow, toolbar, uniqueId } from './helpers.js';
import { chord, type } from './keys.js';
import { button, clickCentre } from './geometry.js';

const GERMAN = `<article><h1>Über das Sortieren</h1>
  <p>Sortieren ist der erste Algorithmus, den viele kennenlernen. Er verbirgt erstaunlich viel Entwurf.</p>
  <p>Stabile Verfahren behalten gleiche Elemente in ihrer Reihenfolge.</p></article>`;
const ARABIC = `<article><h1>عن الفرز</h1>
  <p>الفرز هو أول خوارزمية يقابلها كثير منا. وهو يخفي قدرًا مدهشًا من التصميم.</p>
  <p>الخوارزميات المستقرة تحفظ ترتيب العناصر المتساوية.</p></article>`;

async function mount(lang: string, body: string): Promise<PlauditArticleElement> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.setAttribute('lang', lang);
  wrapper.innerHTML = `<plaudit-article article-id="${uniqueId()}" no-claps>${body}</plaudit-article>`;
  const el = wrapper.querySelector('plaudit-article')!;
  await el.loaded;
  await el.load();
  await el.updateComplete;
  return el;
}

const texts = (root: ShadowRoot) => [...root.querySelectorAll('button')].map((b) => b.textContent!.trim());
const live = (el: PlauditArticleElement) => shadow(el).querySelector('[role="status"]')?.textContent?.trim() ?? '';

describe('<plaudit-article> in the article’s language', () => {
  afterEach(() => document.getSelection()?.removeAllRanges());

  it('speaks German inside lang="de": toolbar, editor, Undo bar, panel and announcements', async () => {
    const el = await mount('de', GERMAN);
    expect(shadow(el).querySelector('.notes-button')!.textContent!.trim()).to.equal('Notizen (0)');

    select(findRange(el, 'Stabile Verfahren behalten'));
    let bar = await toolbar(el);
    expect(texts(bar.shadowRoot!)).to.deep.equal(['Markieren', 'Notiz hinzufügen', 'Link kopieren']);
    await expect(bar).to.be.accessible();
    expect(bar.shadowRoot!.querySelector('[role="toolbar"]')!.getAttribute('aria-label')).to.equal('Auswahl kommentieren');

    await clickCentre(button(bar.shadowRoot!, 'Notiz hinzufügen'), 'Notiz hinzufügen');
    await waitUntil(() => shadow(el).querySelector('plaudit-note-editor'), 'the editor opens');
    const editor = shadow(el).querySelector('plaudit-note-editor')!;
    await editor.updateComplete;
    const dialog = editor.shadowRoot!.querySelector('dialog')!;
    expect(dialog.querySelector('h2')!.textContent).to.equal('Notiz hinzufügen');
    expect(texts(editor.shadowRoot!)).to.deep.equal(['Abbrechen', 'Speichern']);
    expect(dialog.querySelector('#counter')!.textContent!.trim()).to.equal('0 / 10.000 Zeichen');
    await type('Gut gesagt');
    await chord('Control', 'Enter');
    await waitUntil(() => el.annotations.length === 1, 'the note is saved');
    await waitUntil(() => live(el) === 'Notiz gespeichert', `announced "${live(el)}"`);

    // The panel: German headings, buttons and a date written the German way.
    shadow(el).querySelector<HTMLElement>('.notes-button')!.click();
    await waitUntil(() => shadow(el).querySelector('plaudit-notes-panel'), 'the panel opens');
    const panel = shadow(el).querySelector('plaudit-notes-panel')!;
    await panel.updateComplete;
    const root = panel.shadowRoot!;
    expect(root.querySelector('h2')!.textContent).to.equal('Ihre Markierungen und Notizen');
    expect(root.querySelector('.passage')!.getAttribute('aria-label')).to.match(/^Notiz zu: Stabile Verfahren/);
    const time = root.querySelector('time')!;
    const expected = new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time.dateTime));
    expect(time.textContent).to.equal(expected);

    // Delete from the panel: the Undo bar and its announcement in German.
    button(root, 'Löschen').click();
    await waitUntil(() => shadow(el).querySelector('.undo'), 'the Undo bar appears');
    const undo = shadow(el).querySelector('.undo')!;
    expect(undo.querySelector('span')!.textContent).to.equal('Notiz gelöscht.');
    expect(texts(undo as unknown as ShadowRoot)).to.deep.equal(['Rückgängig', 'Schließen']);
    await waitUntil(() => live(el).startsWith('Notiz gelöscht'), `announced "${live(el)}"`);
    expect(live(el)).to.equal('Notiz gelöscht. Alt+Umschalt+U macht es rückgängig.');
  });

  it('works on a page whose lang is malformed (lang="en_US"): English rules, and the panel still shows its dates', async () => {
    const el = await mount('en_US', GERMAN);
    select(findRange(el, 'Stabile Verfahren behalten'));
    const bar = await toolbar(el);
    await clickCentre(button(bar.shadowRoot!, 'Add note'), 'Add note');
    await waitUntil(() => shadow(el).querySelector('plaudit-note-editor'), 'the editor opens');
    await shadow(el).querySelector('plaudit-note-editor')!.updateComplete;
    await type('Noted');
    await chord('Control', 'Enter');
    await waitUntil(() => el.annotations.length === 1, 'the note is saved');
    shadow(el).querySelector<HTMLElement>('.notes-button')!.click();
    await waitUntil(() => shadow(el).querySelector('plaudit-notes-panel')?.shadowRoot?.querySelector('time'), 'the panel lists the note');
    const time = shadow(el).querySelector('plaudit-notes-panel')!.shadowRoot!.querySelector('time')!;
    const english = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time.dateTime));
    expect(time.textContent).to.equal(english);
    expect(shadow(el).querySelector('.notes-button')!.textContent!.trim()).to.equal('Notes (1)');
  });

  it('takes strings a page sets on <plaudit-article>, in the toolbar and the editor inside it too', async () => {
    const el = await mount('en', GERMAN);
    // As the README shows it: one property on the article element.
    el.strings = { save: 'Keep it', highlight: 'Mark', notesButton: 'Your notes: {n}' };
    await el.updateComplete;
    expect(shadow(el).querySelector('.notes-button')!.textContent!.trim()).to.equal('Your notes: 0');
    select(findRange(el, 'Stabile Verfahren behalten'));
    const bar = await toolbar(el);
    expect(texts(bar.shadowRoot!)).to.deep.equal(['Mark', 'Add note', 'Copy link']);
    await clickCentre(button(bar.shadowRoot!, 'Add note'), 'Add note');
    await waitUntil(() => shadow(el).querySelector('plaudit-note-editor'), 'the editor opens');
    const editor = shadow(el).querySelector('plaudit-note-editor')!;
    await editor.updateComplete;
    expect(texts(editor.shadowRoot!)).to.deep.equal(['Cancel', 'Keep it']);
    await chord('Escape');
  });

  it('is mirrored in Arabic: the first action at the right, arrows as the reader sees them, the panel on the left', async () => {
    const el = await mount('ar', ARABIC);
    select(findRange(el, 'الخوارزميات المستقرة'));
    const bar = await toolbar(el);
    const buttons = [...bar.shadowRoot!.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['تمييز', 'إضافة ملاحظة', 'نسخ الرابط']);
    const [first, second] = buttons.map((b) => b.getBoundingClientRect());
    expect(first!.left, 'Highlight is the rightmost').to.be.greaterThan(second!.left);

    // Alt+Shift+H moves focus to the toolbar; Left goes to the next action, the one to its left.
    await chord('Alt', 'Shift', 'KeyH');
    await waitUntil(() => bar.shadowRoot!.activeElement === buttons[0], 'focus on the toolbar');
    await sendKeys({ press: 'ArrowLeft' });
    expect(bar.shadowRoot!.activeElement).to.equal(buttons[1]);
    await sendKeys({ press: 'ArrowRight' });
    expect(bar.shadowRoot!.activeElement).to.equal(buttons[0]);
    await sendKeys({ press: 'Escape' });

    shadow(el).querySelector<HTMLElement>('.notes-button')!.click();
    await waitUntil(() => shadow(el).querySelector('plaudit-notes-panel'), 'the panel opens');
    const panel = shadow(el).querySelector('plaudit-notes-panel')!;
    await panel.updateComplete;
    const box = panel.getBoundingClientRect();
    expect(box.left, 'the panel is at the left edge').to.be.lessThan(innerWidth / 2);
    expect(getComputedStyle(panel.shadowRoot!.querySelector('[part="base"]')!).direction).to.equal('rtl');
    expect(panel.shadowRoot!.querySelector('h2')!.textContent).to.equal('تمييزاتك وملاحظاتك');
    await expect(panel).to.be.accessible();
    await expect(el).to.be.accessible();
    // The article itself keeps the direction the page gave it (none: left to right here).
    expect(getComputedStyle(el.querySelector('p')!).direction).to.equal('ltr');
  });
});
