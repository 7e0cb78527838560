// A fresh "tab" for deep-link tests: its own window, modules and database connection,
// opened at a URL that carries `#plaudit=<id>` (or `?plaudit=`), as a reader following a link would.
import '../../src/components/article/article.js';
import type { PlauditArticleElement } from '../../src/components/article/article.component.js';
import { ARTICLES } from './articles.js';

const params = new URLSearchParams(location.search);
const wrapper = document.createElement('main');
const body = ARTICLES[params.get('body') ?? ''] ?? '';
wrapper.innerHTML = `<plaudit-article article-id="${params.get('article')}" no-claps>${body}</plaudit-article>`;
document.body.append(wrapper);
const el = wrapper.querySelector<PlauditArticleElement>('plaudit-article')!;

/** The deepest focused element of this window. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

Object.assign(window, { plauditArticle: el, plauditDeepActive: deepActive, plauditInitialHtml: el.innerHTML });
