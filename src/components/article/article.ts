import { PlauditArticleElement } from './article.component.js';

export { PlauditArticleElement };

customElements.get('plaudit-article') ?? customElements.define('plaudit-article', PlauditArticleElement);

declare global {
  interface HTMLElementTagNameMap {
    'plaudit-article': PlauditArticleElement;
  }
}
