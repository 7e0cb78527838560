import { PlauditReviewElement } from './review.component.js';

export { PlauditReviewElement };

customElements.get('plaudit-review') ?? customElements.define('plaudit-review', PlauditReviewElement);

declare global {
  interface HTMLElementTagNameMap {
    'plaudit-review': PlauditReviewElement;
  }
}
