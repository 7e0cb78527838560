import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/claps/claps.js';
import type { PlauditClapsElement } from '../../../src/components/claps/claps.component.js';
import { clapButton, part, uniqueArticle } from '../../helpers/claps.js';

/** `<plaudit-claps>` inside a host element with these attributes, as a page would write it. */
async function clapsIn(attrs: { lang?: string; dir?: string }, strings?: object): Promise<PlauditClapsElement> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${attrs.lang ?? ''} dir=${attrs.dir ?? 'auto'}></div>`);
  if (attrs.lang === undefined) wrapper.removeAttribute('lang');
  const el = document.createElement('plaudit-claps') as PlauditClapsElement;
  el.articleId = uniqueArticle('lang');
  if (strings) el.strings = strings;
  wrapper.append(el);
  await el.ready;
  await waitUntil(() => el.shadowRoot!.querySelector('[part="base"]'), 'the claps render');
  await el.updateComplete;
  return el;
}

const base = (el: PlauditClapsElement) => el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
const announcement = (el: PlauditClapsElement) => el.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();

describe('<plaudit-claps> in the page’s language', () => {
  it('is English, left to right, when the page names no language', async () => {
    expect(document.documentElement.hasAttribute('lang')).to.equal(false);
    const el = await clapsIn({});
    expect(part(el, 'total')).to.equal('0 claps');
    expect(part(el, 'count')).to.equal('Clap up to 50 times');
    expect(clapButton(el).getAttribute('aria-label')).to.equal('Clap for this story');
    expect(getComputedStyle(base(el)).direction).to.equal('ltr');
  });

  // Before any other German test in this file: the German table is not loaded yet.
  it('shows German from its very first render: the table loads before it, never English first', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de"></div>`);
    const el = document.createElement('plaudit-claps') as PlauditClapsElement;
    el.articleId = uniqueArticle('first');
    const rendered: string[] = [];
    const observer = new MutationObserver(() => rendered.push(el.shadowRoot!.textContent!.replace(/\s+/g, ' ')));
    observer.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
    wrapper.append(el);
    await waitUntil(() => part(el, 'count'), 'the claps render');
    observer.disconnect();
    expect(rendered.length).to.be.greaterThan(0);
    for (const text of rendered) expect(text).to.not.match(/Clap up to|claps/);
    expect(part(el, 'count')).to.equal('Bis zu 50-mal klatschen');
  });

  it('speaks German inside lang="de-AT", announcements included, with German plural forms', async () => {
    const el = await clapsIn({ lang: 'de-AT' });
    expect(part(el, 'total')).to.equal('0 Klatscher');
    expect(part(el, 'count')).to.equal('Bis zu 50-mal klatschen');
    expect(clapButton(el).getAttribute('aria-label')).to.equal('Für diesen Beitrag klatschen');
    clapButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => announcement(el).startsWith('Sie haben'), 'a German announcement');
    expect(announcement(el)).to.equal('Sie haben einmal geklatscht. Noch 49.');
    expect(part(el, 'count')).to.equal('Sie: 1 von 50');
    expect(el.shadowRoot!.querySelector('[part="undo"]')!.textContent!.trim()).to.equal('Rückgängig');
  });

  it('is Arabic and mirrored inside lang="ar": the button sits at the right, numbers written the Arabic way', async () => {
    const el = await clapsIn({ lang: 'ar' });
    expect(getComputedStyle(base(el)).direction).to.equal('rtl');
    expect(part(el, 'count')).to.equal(`صفّق حتى ${new Intl.NumberFormat('ar').format(50)} مرة`);
    const button = clapButton(el).getBoundingClientRect();
    const tally = el.shadowRoot!.querySelector('.tally')!.getBoundingClientRect();
    expect(button.left, 'the button is right of the tally').to.be.greaterThan(tally.left);
  });

  it('takes its direction from its language, not from the text around it', async () => {
    // An English widget in a right-to-left article reads left to right ("0 claps", not "claps 0").
    const el = await clapsIn({ lang: 'en', dir: 'rtl' });
    expect(getComputedStyle(base(el)).direction).to.equal('ltr');
    const button = clapButton(el).getBoundingClientRect();
    const tally = el.shadowRoot!.querySelector('.tally')!.getBoundingClientRect();
    expect(button.left).to.be.lessThan(tally.left);
  });

  it('uses the strings a page sets on the element, and a data-plaudit-strings element for a language Plaudit lacks', async () => {
    const script = Object.assign(document.createElement('script'), {
      type: 'application/json',
      textContent: JSON.stringify({ fr: { clapsUpTo: { one: 'Applaudir une fois', other: 'Applaudir jusqu’à {n} fois' }, clapTotal: '{count} applaudissements' } }),
    });
    script.dataset.plauditStrings = '';
    document.head.append(script);
    try {
      const fr = await clapsIn({ lang: 'fr-CA' });
      // Numbers in French use a narrow no-break space; the text is the page's own.
      expect(part(fr, 'count')).to.equal('Applaudir jusqu’à 50 fois');
      expect(part(fr, 'total')).to.equal('0 applaudissements');
      // What the page did not translate stays English.
      expect(clapButton(fr).getAttribute('aria-label')).to.equal('Clap for this story');
      const own = await clapsIn({ lang: 'de' }, { clapsUpTo: 'Gib bis zu {n} Applaus', clapButton: 42 });
      expect(part(own, 'count')).to.equal('Gib bis zu 50 Applaus');
      // A value that is not text is ignored: the German stays.
      expect(clapButton(own).getAttribute('aria-label')).to.equal('Für diesen Beitrag klatschen');
    } finally {
      script.remove();
    }
  });

  it('ignores a data-plaudit-strings element that is not JSON, with a console warning, and stays English', async () => {
    const script = Object.assign(document.createElement('script'), { type: 'application/json', textContent: '{ "en": { clapsUpTo: nope' });
    script.dataset.plauditStrings = '';
    document.head.append(script);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const el = await clapsIn({});
      expect(part(el, 'count')).to.equal('Clap up to 50 times');
      expect(warnings.some((w) => w.includes('data-plaudit-strings') && w.includes('not hold valid JSON'))).to.equal(true);
    } finally {
      console.warn = warn;
      script.remove();
    }
  });

  it('renders a page’s strings as text, never as markup', async () => {
    const el = await clapsIn({}, { clapsUpTo: '<img src=x onerror="window.__pwned=1">{n}' });
    expect(part(el, 'count')).to.equal('<img src=x onerror="window.__pwned=1">50');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });
});
