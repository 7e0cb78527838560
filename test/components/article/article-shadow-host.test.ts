import { expect, fixture, html } from '@open-wc/testing';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import { waitUntil } from '../../helpers/wait.js';
import { ARTICLE_HTML, buttonNamed, findRange, shadow, toolbar, uniqueId } from './helpers.js';

/** Another framework's component: it renders the article inside its own open shadow root. */
class ThemeShell extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
}
customElements.get('theme-shell') ?? customElements.define('theme-shell', ThemeShell);

async function articleInShadowRoot(): Promise<{ shell: ThemeShell; el: PlauditArticleElement }> {
  const shell = await fixture<ThemeShell>(html`<theme-shell></theme-shell>`);
  const el = document.createElement('plaudit-article') as PlauditArticleElement;
  el.setAttribute('article-id', uniqueId());
  el.setAttribute('no-claps', '');
  el.innerHTML = ARTICLE_HTML;
  shell.shadowRoot!.append(el);
  await el.loaded;
  return { shell, el };
}

/** Selects `range` in the page's selection, whose nodes sit in a shadow tree. */
function selectInShadow(range: Range): void {
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  document.dispatchEvent(new Event('selectionchange'));
}

describe('<plaudit-article> inside another component\'s shadow root', () => {
  afterEach(() => document.getSelection()?.removeAllRanges());

  it('sees a selection made inside the shadow root, highlights it, and draws it there', async () => {
    const { shell, el } = await articleInShadowRoot();
    selectInShadow(findRange(el, 'picks a pivot'));
    const bar = await toolbar(el);
    buttonNamed(bar.shadowRoot!, 'Highlight').click();
    await waitUntil(() => el.annotations.length === 1, 'the highlight was not saved');
    const [saved] = el.annotations;
    expect(saved!.status).to.equal('anchored');
    const quote = saved!.annotation.target.selector.find((s) => s.type === 'TextQuoteSelector');
    expect(quote && 'exact' in quote ? quote.exact : '').to.equal('picks a pivot');
    // Text in a shadow tree is styled by that tree's stylesheets: the ::highlight rules are adopted there too.
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
      const rules = shell.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText));
      expect(rules.some((r) => r.includes('::highlight(plaudit-highlight)'))).to.equal(true);
    }
    expect(shadow(el).querySelector('plaudit-selection-toolbar'), 'the toolbar closes after the action').to.equal(null);
  });

  it('lets go of the shadow root\'s highlight rules when the last article there leaves', async () => {
    const { shell, el } = await articleInShadowRoot();
    const count = () => shell.shadowRoot!.adoptedStyleSheets.length;
    const held = count();
    el.remove();
    expect(count()).to.equal(typeof CSS !== 'undefined' && 'highlights' in CSS ? held - 1 : held);
  });
});
