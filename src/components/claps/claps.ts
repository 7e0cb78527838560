import { PlauditClapsElement } from './claps.component.js';

export { PlauditClapsElement };

customElements.get('plaudit-claps') ?? customElements.define('plaudit-claps', PlauditClapsElement);

declare global {
  interface HTMLElementTagNameMap {
    'plaudit-claps': PlauditClapsElement;
  }
}
