import { html, nothing } from 'lit-html';
import { resolveArticleId } from '../../core/article-id.js';
import { DEFAULT_MAX_CLAPS, parseMaxClaps } from '../../core/clap-rules.js';
import { ClapController } from '../../controllers/clap-controller.js';
import { HoldController } from '../../controllers/hold-controller.js';
import { PlauditBeforeClapEvent } from '../../events/plaudit-before-clap.js';
import { PlauditClapEvent } from '../../events/plaudit-clap.js';
import { formatNumber } from '../../core/strings.js';
import { CLAPS_EN } from '../../core/strings-en/claps.js';
import { clapIcon } from './clap-icon.js';
import { clapsStyles } from './claps.styles.js';
import { LiteElement } from '../shared/lite-element.js';
import '../shared/built-in-languages.js';

const BUBBLE_MS = 900;
/** A click this soon after a pointer or key hold is that hold's own click, not a new clap. */
const CLICK_AFTER_HOLD_MS = 800;

/**
 * Weighted claps for a story: one press is one clap, holding claps faster and
 * faster up to the reader's cap. Claps are stored on the device at once and,
 * with an `endpoint`, synced. It does not fire `plaudit-sync-status`: inside
 * `<plaudit-article>` the article does, for the same endpoint, and a listener
 * would otherwise hear every change twice.
 *
 * @summary A clap button with the reader's count, the story's total and an undo.
 * @tag plaudit-claps
 *
 * @attr article-id - The story's id. Default: the page's `<link rel="canonical">`, else `location.origin + location.pathname`.
 * @attr max-claps - The most claps one reader may give (positive integer, default 50). Anything else: 50, with one console warning.
 * @attr endpoint - Sync claps there and show all readers' total. Without it, no request is ever made.
 *
 * @event {PlauditBeforeClapEvent} plaudit-before-clap - Before each clap. Cancelable: `preventDefault()` vetoes the clap (and ends the hold). `detail: { articleId, count }` (`PlauditBeforeClapDetail`), `count` being the reader's claps before this one. Bubbles, composed.
 * @event {PlauditClapEvent} plaudit-clap - After a burst of claps, or an undo, is recorded on the device (once per burst, not per clap). `detail: { articleId, count, delta, total }` (`PlauditClapDetail`): `delta` is negative for an undo. Bubbles, composed.
 *
 * @csspart base - The wrapper of everything.
 * @csspart button - The clap button.
 * @csspart bubble - The floating "+N" shown while clapping.
 * @csspart total - The story's total.
 * @csspart count - The reader's own claps ("You: 12 of 50").
 * @csspart undo - The "Undo claps" button, shown once the reader has clapped.
 * @csspart hint - "Not saved on this device", shown when the browser cannot store the claps.
 *
 * @cssproperty --plaudit-accent - Button colour (default `#b3411f`).
 * @cssproperty --plaudit-accent-contrast - Text on the accent (default white).
 * @cssproperty --plaudit-clap-size - Button diameter (default 56px).
 * @cssproperty --plaudit-font - Font family (default: the system UI font).
 * @cssproperty --plaudit-font-size - Base size (default 15px; not `rem`, so a page's odd root size does not matter).
 * @cssproperty --plaudit-text-color - Text colour (default: inherited).
 */
export class PlauditClapsElement extends LiteElement {
  static override styles = clapsStyles;
  static observedAttributes = ['article-id', 'max-claps', 'endpoint'];
  static override english = CLAPS_EN;

  /**
   * The story's id.
   * @attr article-id
   */
  get articleId(): string | null {
    return this.getAttribute('article-id');
  }
  set articleId(value: string | null) {
    this.setAttr('article-id', value);
  }

  /**
   * The cap: a positive integer, else 50.
   * @attr max-claps
   */
  get maxClaps(): string | null {
    return this.getAttribute('max-claps');
  }
  set maxClaps(value: string | number | null) {
    this.setAttr('max-claps', value);
  }

  /**
   * Where to sync.
   * @attr endpoint
   */
  get endpoint(): string | null {
    return this.getAttribute('endpoint');
  }
  set endpoint(value: string | null) {
    this.setAttr('endpoint', value);
  }

  /** What the live region says; set through `#announce`. */
  #announcement = '';
  #bubbleShown = false;

  #claps = new ClapController(this, () => ({
    articleId: this.resolvedArticleId,
    max: this.resolvedMax,
    endpoint: this.endpoint?.trim() || null,
  }));
  #hold = new HoldController(
    this,
    () => this.#clapOnce(),
    () => void this.#finishBurst(),
  );
  /** Claps taken in the current burst. */
  #burst = 0;
  #lastHoldEnd = -1e9;
  #bubbleTimer?: ReturnType<typeof setTimeout>;
  #warnedMax?: string;

  /** The reader's claps for the story. */
  get count(): number {
    return this.#claps.model?.count ?? 0;
  }

  /** The story's total (all readers when synced; this device's otherwise). */
  get total(): number {
    return this.#claps.model?.snapshot.total ?? 0;
  }

  /** @internal The article id in use (explicit, canonical URL or page address). */
  get resolvedArticleId(): string {
    return resolveArticleId(this.articleId, this.ownerDocument);
  }

  /** @internal The cap in use; a malformed `max-claps` falls back to 50 with one console warning. */
  get resolvedMax(): number {
    const max = parseMaxClaps(this.maxClaps);
    if (max) return max;
    if (this.#warnedMax !== (this.#warnedMax = String(this.maxClaps))) {
      console.warn(`<plaudit-claps>: max-claps="${this.maxClaps}" is not a positive integer; using ${DEFAULT_MAX_CLAPS}.`);
    }
    return DEFAULT_MAX_CLAPS;
  }

  /** A promise: the stored count has been read. */
  get ready(): Promise<void> {
    return this.#claps.model?.ready ?? Promise.resolve();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#bubbleTimer);
  }

  protected render() {
    const { count, max, total, persisted } = this.#claps.model!.snapshot;
    const atCap = count >= max;
    return html`<div part="base" class="base" dir=${this.locale.dir}>
      <div class="stage">
        <button
          part="button"
          class="clap ${count ? 'clapped' : ''} ${this.#hold.holding ? 'active' : ''}"
          aria-label=${this.t(atCap ? 'clapButtonAtCap' : 'clapButton', { n: max })}
          aria-disabled=${atCap}
          aria-describedby="tally"
          @pointerdown=${this}
          @pointerup=${this}
          @pointercancel=${this}
          @lostpointercapture=${this}
          @keydown=${this}
          @keyup=${this}
          @blur=${this}
          @click=${this}
          @contextmenu=${this}
        >
          ${clapIcon}
        </button>
        <span part="bubble" class="bubble ${this.#bubbleShown ? 'shown' : ''}" aria-hidden="true">+${formatNumber(this.locale.lang, count)}</span>
      </div>
      <div class="tally" id="tally">
        <span part="total">${this.#total(total)}</span>
        <span part="count" class="mine">${this.t(atCap ? 'clapsAtCap' : count ? 'clapsMine' : 'clapsUpTo', { n: max, count })}</span>
        ${persisted ? nothing : html`<span part="hint" class="mine">${this.t('notSavedHere')}</span>`}
      </div>
      ${count
        ? html`<button part="undo" class="undo" aria-label=${this.t('clapsUndoLabel')} @click=${this.undo}>${this.t('clapsUndo')}</button>`
        : nothing}
      <div class="sr" role="status" aria-atomic="true">${this.#announcement}</div>
    </div>`;
  }

  /** The story's total, its number in bold: "<b>1,204</b> claps", in the element's language. */
  #total(total: number) {
    const [before, after] = this.t('clapTotal', { n: total, count: '\0' }).split('\0');
    // A form that says the number in words ("تصفيقتان", two claps) has no number to embolden.
    return after == null ? before : html`${before}<strong>${formatNumber(this.locale.lang, total)}</strong>${after}`;
  }

  /** Sets the reader's claps back to 0 (the "Undo claps" button). Returns a promise: the undo is recorded. */
  undo = async (): Promise<void> => {
    const model = this.#claps.model!;
    await model.ready;
    const delta = -model.count;
    if (!delta) return;
    await model.undo();
    this.#recorded(delta, this.t('clapsUndone'), model);
    this.renderRoot.querySelector<HTMLElement>('.clap')?.focus();
  };

  /**
   * The clap button's events, in one listener. A press (pointer, Enter or Space)
   * starts a hold and its release ends it; the keys' own repeat is ignored. A
   * click with no press before it (a screen reader's, or `click()`) is one clap.
   * @internal
   */
  handleEvent(e: Event): void {
    const hold = this.#hold;
    const key = (e as KeyboardEvent).key;
    switch (e.type) {
      case 'pointerdown':
        if ((e as PointerEvent).button) return;
        try {
          // Keeps pointerup coming to the button when the finger drifts off it.
          (e.target as Element).setPointerCapture((e as PointerEvent).pointerId);
        } catch {
          // Synthetic pointers cannot be captured; the hold works without.
        }
        return hold.start();
      case 'keydown':
      case 'keyup':
        if (key !== 'Enter' && key !== ' ') return;
        e.preventDefault();
        if (e.type === 'keyup') break;
        if (!(e as KeyboardEvent).repeat) hold.start();
        return;
      case 'click':
        if (performance.now() - this.#lastHoldEnd > CLICK_AFTER_HOLD_MS && !hold.holding) {
          hold.start();
          hold.stop();
        }
        return;
      case 'contextmenu':
        return e.preventDefault();
    }
    // pointerup, pointercancel, lostpointercapture, blur, keyup: the press ends.
    if (hold.holding) {
      this.#lastHoldEnd = performance.now();
      hold.stop();
    }
  }

  #clapOnce(): boolean {
    const model = this.#claps.model!;
    if (!this.dispatchEvent(new PlauditBeforeClapEvent({ articleId: model.articleId, count: model.count }))) return false;
    if (!model.clap()) return false;
    this.#burst++;
    this.#bubble(true);
    clearTimeout(this.#bubbleTimer);
    return true;
  }

  async #finishBurst(): Promise<void> {
    const model = this.#claps.model!;
    const delta = this.#burst;
    this.#burst = 0;
    this.#bubbleTimer = setTimeout(() => this.#bubble(false), BUBBLE_MS);
    if (!delta) {
      if (model.count >= model.max) this.#announce(this.t('clapsReachedCap', { n: model.max }));
      return;
    }
    await model.flush();
    const { count, max } = model.snapshot;
    const left = max - count;
    this.#recorded(delta, `${this.t('clapped', { n: count })} ${left ? this.t('clapsLeft', { n: left }) : this.t('clapsNoneLeft')}`, model);
  }

  /** Reports a recorded burst or undo, with the model it was written by (the element may be gone by then). */
  #recorded(delta: number, message: string, model = this.#claps.model!): void {
    const { count, total } = model.snapshot;
    this.dispatchEvent(new PlauditClapEvent({ articleId: model.articleId, count, delta, total }));
    this.#announce(message);
  }

  /** Live regions only speak changes, so the same sentence twice is nudged. */
  #announce(message: string): void {
    this.#announcement = this.#announcement === message ? `${message}\u00a0` : message;
    this.requestUpdate();
  }

  #bubble(shown: boolean): void {
    this.#bubbleShown = shown;
    this.requestUpdate();
  }
}
