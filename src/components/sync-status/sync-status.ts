import { PlauditSyncStatusElement } from './sync-status.component.js';

export { PlauditSyncStatusElement };

customElements.get('plaudit-sync-status') ?? customElements.define('plaudit-sync-status', PlauditSyncStatusElement);

declare global {
  interface HTMLElementTagNameMap {
    'plaudit-sync-status': PlauditSyncStatusElement;
  }
}
