/**
 * The reader bundle: registers `<plaudit-article>` and `<plaudit-claps>`.
 * Paste `<script type="module" src=".../plaudit.js"></script>` and wrap the article.
 */
import './components/claps/claps.js';
import './components/article/article.js';

export { PlauditClapsElement } from './components/claps/claps.component.js';
export { PlauditArticleElement } from './components/article/article.component.js';
export * from './index.js';
