import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/article/article.js';
import type { PlauditArticleElement } from '../../../src/components/article/article.component.js';
import { uniqueId } from './helpers.js';

describe('<plaudit-article> and its claps', () => {
  it('renders a clap button after the article, with its article id and cap', async () => {
    const id = uniqueId();
    const el = await fixture<PlauditArticleElement>(
      html`<plaudit-article article-id=${id} max-claps="20"><article><p>Text.</p></article></plaudit-article>`,
    );
    const claps = el.shadowRoot!.querySelector('plaudit-claps')!;
    expect(claps).to.exist;
    expect(claps.resolvedArticleId).to.equal(id);
    expect(claps.resolvedMax).to.equal(20);
    // After the article: the slot comes first in the shadow tree.
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.compareDocumentPosition(claps) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
  });

  it('renders none with no-claps', async () => {
    const el = await fixture<PlauditArticleElement>(
      html`<plaudit-article article-id=${uniqueId()} no-claps><article><p>Text.</p></article></plaudit-article>`,
    );
    expect(el.shadowRoot!.querySelector('plaudit-claps')).to.equal(null);
  });
});

describe('<plaudit-article> note-visibility', () => {
  it('keeps notes private unless the author says "shared", and warns about other values', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
    try {
      const el = await fixture<PlauditArticleElement>(
        html`<plaudit-article article-id=${uniqueId()} no-claps note-visibility="everyone"><p>Text.</p></plaudit-article>`,
      );
      expect(el.noteVisibility).to.equal('private');
      expect(el.noteVisibility).to.equal('private');
      expect(warnings.filter((w) => w.includes('note-visibility'))).to.have.length(1);
      el.setAttribute('note-visibility', 'shared');
      expect(el.noteVisibility).to.equal('shared');
      el.removeAttribute('note-visibility');
      expect(el.noteVisibility).to.equal('private');
    } finally {
      console.warn = original;
    }
  });
});
