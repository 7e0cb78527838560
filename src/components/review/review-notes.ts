import { PlauditReviewNotes } from './review-notes.component.js';

export { PlauditReviewNotes };

customElements.get('plaudit-review-notes') ?? customElements.define('plaudit-review-notes', PlauditReviewNotes);

declare global {
  interface HTMLElementTagNameMap {
    'plaudit-review-notes': PlauditReviewNotes;
  }
}
