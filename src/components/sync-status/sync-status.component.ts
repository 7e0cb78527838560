import { html, nothing } from 'lit-html';
import { SyncController } from '../../controllers/sync-controller.js';
import { statusMessage, SyncState, type FailedChange } from '../../sync/sync-status.js';
import { LiteElement } from '../shared/lite-element.js';
import { styles } from './sync-status.styles.js';

const KIND_LABEL: Record<FailedChange['kind'], string> = {
  claps: 'Claps',
  article: 'Article details',
  'annotation-put': 'Note',
  'annotation-delete': 'Deleting a note',
};

/**
 * A small status line for sync: "Saved on this device", "Syncing...", "Synced",
 * "Offline: N changes waiting", or "Couldn't sync: reason" with a Retry button
 * and the refused changes, each with Retry and Discard. The sentence is a
 * polite live region, so screen readers announce changes without interrupting.
 * It shares the page's sync engine for its endpoint. It does not fire
 * `plaudit-sync-status` itself: `<plaudit-article>`, which renders it, does.
 *
 * @summary The sync status line, with Retry and Discard for refused changes.
 * @tag plaudit-sync-status
 *
 * @attr endpoint - The sync endpoint, as on `<plaudit-article>`. Without it the line says "Saved on this device".
 * @csspart base - The line: the sentence, and Retry (and the refused changes) after an error.
 * @cssproperty --plaudit-sync-status-color - Text colour (default: the current colour).
 * @cssproperty --plaudit-sync-status-error-color - Colour of "Couldn't sync" (default `#a4161a`; `#ff8a80` in dark mode).
 * @cssproperty --plaudit-sync-status-font-size - Font size (default 13px).
 */
export class PlauditSyncStatusElement extends LiteElement {
  static override styles = styles;
  static observedAttributes = ['endpoint'];

  /**
   * The sync endpoint.
   * @attr endpoint
   */
  get endpoint(): string | null {
    return this.getAttribute('endpoint');
  }
  set endpoint(value: string | null) {
    this.setAttr('endpoint', value);
  }

  readonly #sync = new SyncController(this, { endpoint: () => this.endpoint, dispatch: false });

  protected render() {
    const status = this.#sync.status;
    const error = status.state === SyncState.Error;
    return html`<div part="base">
      <span role="status" aria-live="polite" class=${error ? 'error' : ''}>${statusMessage(status)}</span>
      ${error ? html`<button type="button" @click=${() => this.#retry()}>Retry</button>` : nothing}
      ${status.failed.length > 0
        ? html`<ul aria-label="Changes the server refused">
            ${status.failed.map(
              (f) => html`<li>
                <span>${KIND_LABEL[f.kind]}: ${f.reason}</span>
                <button type="button" aria-label="Retry: ${KIND_LABEL[f.kind]}" @click=${() => this.#retry(f.seq)}>Retry</button>
                <button type="button" aria-label="Discard: ${KIND_LABEL[f.kind]}" @click=${() => this.#discard(f.seq)}>Discard</button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  #retry(seq?: number): void {
    void this.#sync.engine?.retry(seq);
  }

  #discard(seq: number): void {
    void this.#sync.engine?.discard(seq);
  }
}
