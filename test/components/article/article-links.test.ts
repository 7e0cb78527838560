import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { deepActive, findRange, highlightSelection, makeArticle, buttonNamed, select, shadow, toolbar, uniqueId } from './helpers.js';

describe('<plaudit-article> links', () => {
  const original = location.href;
  afterEach(() => {
    history.replaceState(null, '', original);
    document.getSelection()?.removeAllRanges();
  });

  it('Copy link gives a text-fragment URL carrying the annotation id (or a field to copy from)', async () => {
    const el = await makeArticle();
    await highlightSelection(el, 'Merge sort splits, sorts and merges.');
    const id = el.annotations[0]!.annotation.id;
    let copied = '';
    const clipboard = navigator.clipboard;
    const stub = { writeText: async (text: string) => void (copied = text) };
    Object.defineProperty(navigator, 'clipboard', { value: stub, configurable: true });
    try {
      await el.layer!.actions.copyAnnotationLink(id);
    } finally {
      Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
    }
    expect(copied).to.contain(`#plaudit=${id}:~:text=`);
    expect(copied).to.match(/#plaudit=urn:uuid:[0-9a-f-]+:~:text=rest%2C%20and%20recurses\.-,Merge%20sort%20splits%2C%20sorts%20and%20merges\.$/);
  });

  it('without a clipboard, shows the link in a field with a message', async () => {
    const el = await makeArticle();
    select(findRange(el, 'picks a pivot'));
    const bar = await toolbar(el);
    const clipboard = navigator.clipboard;
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      buttonNamed(bar.shadowRoot!, 'Copy link').click();
      await waitUntil(() => shadow(el).querySelector('#link-field'), 'no fallback field');
    } finally {
      Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
    }
    const field = shadow(el).querySelector<HTMLInputElement>('#link-field')!;
    expect(field.value).to.match(/#:~:text=Quicksort-,picks%20a%20pivot,-%2C%20partitions%20the$/);
    expect(shadow(el).querySelector('label[for="link-field"]')!.textContent).to.contain('could not be copied');
  });

  for (const where of ['query', 'hash'] as const) {
    it(`opens and focuses the annotation named in the ${where} on load`, async () => {
      const articleId = uniqueId();
      const first = await makeArticle(articleId);
      await highlightSelection(first, 'Stable sorts');
      const id = first.annotations[0]!.annotation.id;
      first.parentElement!.remove();
      const url = new URL(original);
      if (where === 'query') url.searchParams.set('plaudit', id);
      else url.hash = `plaudit=${id}`;
      history.replaceState(null, '', url.href);
      const el = await makeArticle(articleId);
      await waitUntil(() => deepActive()?.classList.contains('card'), 'annotation not focused');
      expect(deepActive()!.getAttribute('aria-label')).to.equal('Highlight: “Stable sorts”');
      expect(shadow(el).querySelector('.card')).to.exist;
    });
  }
});
