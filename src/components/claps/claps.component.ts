import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { resolveArticleId } from '../../core/article-id.js';
import { DEFAULT_MAX_CLAPS, parseMaxClaps } from '../../core/clap-rules.js';
import { ClapController } from '../../controllers/clap-controller.js';
import { HoldController } from '../../controllers/hold-controller.js';
import { PlauditBeforeClapEvent } from '../../events/plaudit-before-clap.js';
import { PlauditClapEvent } from '../../events/plaudit-clap.js';
import { clapIcon } from './clap-icon.js';
import { clapsStyles } from './claps.styles.js';

const BUBBLE_MS = 900;
/** A click this soon after a pointer or key hold is that hold's own click, not a new clap. */
const CLICK_AFTER_HOLD_MS = 800;

/**
 * Weighted claps for a story: one press is one clap, holding claps faster and
 * faster up to the reader's cap. Claps are stored on the device at once and,
 * with an `endpoint`, synced.
 *
 * @summary A clap button with the reader's count, the story's total and an undo.
 * @tag plaudit-claps
 *
 * @attr article-id - The story's id. Defaults to the page's canonical URL, else its address.
 * @attr max-claps - The most claps one reader may give the story (a positive integer, default 50).
 * @attr endpoint - Where to sync claps; without it nothing leaves the reader's device.
 *
 * @event {PlauditBeforeClapEvent} plaudit-before-clap - Before each clap; cancelable, to veto it.
 * @event {PlauditClapEvent} plaudit-clap - After a burst of claps (or an undo) is recorded on the device.
 *
 * @csspart base - The wrapper of everything.
 * @csspart button - The clap button.
 * @csspart bubble - The floating "+N" shown while clapping.
 * @csspart total - The story's total.
 * @csspart count - The reader's own claps.
 * @csspart undo - The "Undo claps" button.
 * @csspart hint - The "Not saved on this device" hint.
 *
 * @cssproperty --plaudit-accent - The button's colour. Default #b3411f.
 * @cssproperty --plaudit-accent-contrast - Text on the accent colour. Default white.
 * @cssproperty --plaudit-clap-size - The button's diameter. Default 56px.
 * @cssproperty --plaudit-font - The font family. Default the system UI font.
 * @cssproperty --plaudit-font-size - The base font size. Default 15px.
 * @cssproperty --plaudit-text-color - The text colour. Default inherited.
 * @cssproperty --plaudit-muted-color - Secondary text. Default the text colour at 68%.
 */
export class PlauditClapsElement extends LitElement {
  static override styles = clapsStyles;

  @property({ attribute: 'article-id', reflect: true }) accessor articleId: string | null = null;
  @property({ attribute: 'max-claps' }) accessor maxClaps: string | number | null = null;
  @property() accessor endpoint: string | null = null;

  @state() private accessor announcement = '';
  @state() private accessor bubbleShown = false;

  @query('.clap') private accessor button!: HTMLButtonElement;

  private readonly claps = new ClapController(this, () => ({
    articleId: this.resolvedArticleId,
    max: this.resolvedMax,
    sync: Boolean(this.endpoint),
  }));
  private readonly hold = new HoldController(this, {
    step: () => this.clapOnce(),
    end: () => void this.finishBurst(),
  });
  private burst = 0;
  private lastHoldEnd = -Infinity;
  private bubbleTimer: ReturnType<typeof setTimeout> | undefined;
  private warnedMax: string | null = null;

  /** The reader's claps for this story. */
  get count(): number {
    return this.claps.snapshot?.count ?? 0;
  }

  /** The story's total, from every reader when synced. */
  get total(): number {
    return this.claps.snapshot?.total ?? 0;
  }

  /** The article id in use (explicit, canonical URL or page address). */
  get resolvedArticleId(): string {
    return resolveArticleId(this.articleId, this.ownerDocument);
  }

  /** The cap in use; a malformed `max-claps` falls back to 50 with one console warning. */
  get resolvedMax(): number {
    const raw = this.maxClaps;
    const parsed = typeof raw === 'number' ? parseMaxClaps(String(raw)) : parseMaxClaps(raw);
    if (parsed !== null) return parsed;
    const shown = String(raw);
    if (this.warnedMax !== shown) {
      this.warnedMax = shown;
      console.warn(`<plaudit-claps>: max-claps="${shown}" is not a positive integer; using ${DEFAULT_MAX_CLAPS}.`);
    }
    return DEFAULT_MAX_CLAPS;
  }

  /** Resolves once the stored count has been read. */
  get ready(): Promise<void> {
    return this.claps.current?.ready ?? Promise.resolve();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.bubbleTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('maxClaps')) void this.resolvedMax;
  }

  protected override render() {
    const snap = this.claps.snapshot;
    const count = snap?.count ?? 0;
    const max = snap?.max ?? this.resolvedMax;
    const total = snap?.total ?? 0;
    const atCap = count >= max;
    const label = atCap ? `Clap for this story (you have given the most, ${max})` : 'Clap for this story';
    return html`<div part="base" class="base">
      <div class="stage">
        <button
          part="button"
          class=${classMap({ clap: true, clapped: count > 0, active: this.hold.holding })}
          type="button"
          aria-label=${label}
          aria-disabled=${atCap ? 'true' : 'false'}
          aria-describedby="tally"
          title=${atCap ? `You gave the most claps (${max})` : 'Clap, or hold to clap more'}
          @pointerdown=${this.onPointerDown}
          @pointerup=${this.endHold}
          @pointercancel=${this.endHold}
          @lostpointercapture=${this.endHold}
          @keydown=${this.onKeyDown}
          @keyup=${this.onKeyUp}
          @blur=${this.endHold}
          @click=${this.onClick}
          @contextmenu=${(e: Event) => e.preventDefault()}
        >
          ${clapIcon}
        </button>
        <span part="bubble" class=${classMap({ bubble: true, shown: this.bubbleShown })} aria-hidden="true"
          >+${count}</span
        >
      </div>
      <div class="tally" id="tally">
        <span part="total" class="total"><strong>${total.toLocaleString()}</strong> ${total === 1 ? 'clap' : 'claps'}</span>
        <span part="count" class="mine"
          >${atCap ? `You gave the most: ${max}` : count > 0 ? `You: ${count} of ${max}` : `Clap up to ${max} times`}</span
        >
        ${snap && !snap.persisted
          ? html`<span part="hint" class="hint" role="note">Not saved on this device</span>`
          : nothing}
      </div>
      ${count > 0
        ? html`<button part="undo" class="undo" type="button" aria-label="Undo claps" @click=${this.undo}>
            Undo
          </button>`
        : nothing}
      <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  /** Sets the reader's claps for this story back to 0. */
  async undo(): Promise<void> {
    const model = this.claps.current;
    if (!model) return;
    await model.ready;
    const before = model.count;
    if (before === 0) return;
    await model.undo();
    this.dispatchEvent(
      new PlauditClapEvent({ articleId: model.articleId, count: model.count, delta: -before, total: model.snapshot.total }),
    );
    this.announce('Your claps were removed.');
    this.button?.focus();
  }

  private onPointerDown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    try {
      // Keeps pointerup coming to the button when the finger drifts off it.
      (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    } catch {
      // Synthetic or already-released pointers cannot be captured; the hold still works.
    }
    this.hold.start();
  };

  private onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    if (!e.repeat) this.hold.start();
  };

  private onKeyUp = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    this.endHold();
  };

  /** A click with no press before it (a screen reader's, or `click()`) is one clap. */
  private onClick = (): void => {
    if (performance.now() - this.lastHoldEnd < CLICK_AFTER_HOLD_MS || this.hold.holding) return;
    this.hold.start();
    this.hold.stop();
  };

  private endHold = (): void => {
    if (!this.hold.holding) return;
    this.lastHoldEnd = performance.now();
    this.hold.stop();
  };

  private clapOnce(): boolean {
    const model = this.claps.current;
    if (!model) return false;
    const veto = new PlauditBeforeClapEvent({ articleId: model.articleId, count: model.count });
    if (!this.dispatchEvent(veto)) return false;
    if (!model.clap()) return false;
    this.burst++;
    this.bubbleShown = true;
    clearTimeout(this.bubbleTimer);
    return true;
  }

  private async finishBurst(): Promise<void> {
    const model = this.claps.current;
    const delta = this.burst;
    this.burst = 0;
    this.bubbleTimer = setTimeout(() => (this.bubbleShown = false), BUBBLE_MS);
    if (!model) return;
    if (delta === 0) {
      if (model.count >= model.max) this.announce(`You have given the most claps, ${model.max}.`);
      return;
    }
    await model.flush();
    const { count, max, total } = model.snapshot;
    this.dispatchEvent(new PlauditClapEvent({ articleId: model.articleId, count, delta, total }));
    const left = max - count;
    this.announce(
      `You clapped ${count} ${count === 1 ? 'time' : 'times'}. ${left > 0 ? `${left} left.` : 'That is the most you can give.'}`,
    );
  }

  /** Live regions only speak changes, so the same sentence twice is nudged. */
  private announce(message: string): void {
    this.announcement = this.announcement === message ? `${message}\u00a0` : message;
  }
}
