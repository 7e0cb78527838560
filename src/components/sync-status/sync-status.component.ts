import { html, nothing } from 'lit-html';
import { SyncController } from '../../controllers/sync-controller.js';
import { SYNC_EN } from '../../core/strings-en/sync.js';
import { SyncState, type FailedChange, type SyncStatus } from '../../sync/sync-status.js';
import { LiteElement } from '../shared/lite-element.js';
import { styles } from './sync-status.styles.js';

const KIND_LABEL = {
  claps: 'syncKindClaps',
  article: 'syncKindArticle',
  'annotation-put': 'syncKindNote',
  'annotation-delete': 'syncKindDelete',
} as const satisfies Record<FailedChange['kind'], keyof typeof SYNC_EN>;

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
 * @csspart base - The line: the sentence, and Retry (and the refused changes) after an error. In `<plaudit-article>`, its part `sync-status`.
 * @cssproperty --plaudit-sync-status-color - Text colour (default: the current colour).
 * @cssproperty --plaudit-sync-status-error-color - Colour of "Couldn't sync" (default `#a4161a`; `#ff8a80` in dark mode).
 * @cssproperty --plaudit-sync-status-font-size - Font size (default 13px).
 */
export class PlauditSyncStatusElement extends LiteElement {
  static override styles = styles;
  static observedAttributes = ['endpoint'];
  static override english = SYNC_EN;

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

  /** The sentence the line shows and announces; a server's reason is its own words. */
  #message(status: SyncStatus): string {
    const { state, pending, reason, failed } = status;
    if (state === SyncState.Offline) return this.t('syncOffline', { n: pending });
    if (state !== SyncState.Error) return this.t(state === SyncState.Syncing ? 'syncing' : state === SyncState.Synced ? 'synced' : 'syncLocal');
    return this.t('syncError', { reason: reason ?? failed[0]?.reason ?? this.t('syncUnknownError') });
  }

  protected render() {
    const status = this.#sync.status;
    const error = status.state === SyncState.Error;
    const retry = this.t('syncRetry');
    return html`<div part="base" dir=${this.locale.dir}>
      <span role="status" aria-live="polite" class=${error ? 'error' : ''}>${this.#message(status)}</span>
      ${error ? html`<button type="button" @click=${() => this.#retry()}>${retry}</button>` : nothing}
      ${status.failed.length > 0
        ? html`<ul aria-label=${this.t('syncRefused')}>
            ${status.failed.map((f) => {
              const kind = this.t(KIND_LABEL[f.kind]);
              return html`<li>
                <span>${kind}: ${f.reason}</span>
                <button type="button" aria-label="${retry}: ${kind}" @click=${() => this.#retry(f.seq)}>${retry}</button>
                <button type="button" aria-label="${this.t('syncDiscard')}: ${kind}" @click=${() => this.#discard(f.seq)}>${this.t('syncDiscard')}</button>
              </li>`;
            })}
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
