import { html, nothing } from 'lit-html';
import { ReviewError, type ReviewSource } from '../../core/review-source.js';
import { PollController } from '../../controllers/poll-controller.js';
import { LocalReviewSource } from '../../storage/local-review-source.js';
import { PERIODS, type ArticleDetail, type ArticleSummary, type Period } from '../../sync/protocol.js';
import { ServerReviewSource } from '../../sync/review-client.js';
import { LiteElement } from '../shared/lite-element.js';
import { shortcutsDialog } from './review-help.js';
import type { PlauditReviewNotes } from './review-notes.component.js';
import './review-notes.js';
import { storiesView, type StoryColumn } from './review-stories.js';
import { storyView } from './review-story.js';
import { reviewStyles } from './review.styles.js';

type View = 'stories' | 'story' | 'notes';

const PERIOD_LABEL: Record<Period, string> = { '7d': 'Last 7 days', '30d': 'Last 30 days', all: 'All time' };
const tokenKey = (endpoint: string) => `plaudit-review-token:${endpoint}`;

/**
 * The editor's review of what readers said: every story with its claps, fans,
 * weighted score, highlights and notes; one story's clap distribution,
 * activity, heat map and top passages; all annotations in one list with
 * keyboard triage (reviewed, hidden, undo), export (JSON-LD, CSV) and import.
 *
 * With `endpoint`, it shows all readers' shared feedback from that server and
 * needs an editor token: the `token` property, or else the "Editor token"
 * form it shows, kept for this browser session only (sessionStorage). Without
 * `endpoint`, it shows this browser's own claps and annotations and says so.
 * Open views are read again every few seconds while the tab is visible (304s
 * when nothing changed), so several editors see each other's moderation.
 *
 * @summary The editors' review of readers' claps, highlights and notes.
 * @tag plaudit-review
 *
 * @attr endpoint - The Plaudit server: all readers' shared feedback, with an editor token. Without it: this browser's own claps and annotations (an author trying Plaudit before a server), and the view says so.
 * @attr period - `7d`, `30d` or `all` (default): what the numbers count. Anything else: `all`, with one console warning.
 *
 * @event {PlauditModerateEvent} plaudit-moderate - A moderation (reviewed, hidden, new) was saved, on the server or in this browser; an undo fires it again. `detail: { annotation, status, previous }` (`PlauditModerateDetail`). Bubbles, composed.
 * @event {PlauditReviewOpenEvent} plaudit-review-open - Before a passage opens in a new tab ("o" or Enter on a row, "Open passage"). Cancelable: `preventDefault()` and navigate your own way. `detail: { url, annotation }` (`PlauditReviewOpenDetail`), `url` being the passage's deep link. Bubbles, composed.
 *
 * @csspart base - The frame.
 *
 * @cssproperty --plaudit-accent - Bars, the current tab and the active row (default `#b3411f`; `#e0714f` in dark mode).
 * @cssproperty --plaudit-accent-contrast - Text on the accent: the current tab (default white; `#111111` in dark mode).
 * @cssproperty --plaudit-text - Text colour (default `#1f2328`; `#f0f3f6` in dark mode).
 * @cssproperty --plaudit-muted - Secondary text (default `#57606a`; `#9da7b3` in dark mode).
 * @cssproperty --plaudit-border - Borders (default `#8c959f`; `#6e7681` in dark mode).
 * @cssproperty --plaudit-surface - Backgrounds of controls and dialogs (default white; `#1f2328` in dark mode). The review follows `prefers-color-scheme`.
 * @cssproperty --plaudit-focus-ring - The focus outline (default `#0969da`).
 * @cssproperty --plaudit-font - Font family (default: the system UI font).
 * @cssproperty --plaudit-font-size - Base size in px (default 15px).
 */
export class PlauditReviewElement extends LiteElement {
  static override styles = reviewStyles;
  static observedAttributes = ['endpoint', 'period'];

  #token: string | null = null;
  #source: ReviewSource | null = null;
  #sourceKey = '';
  #view: View = 'stories';
  #stories: ArticleSummary[] | null = null;
  #detail: ArticleDetail | null = null;
  #storyId: string | null = null;
  #sort: { column: StoryColumn; descending: boolean } = { column: 'weighted', descending: true };
  #search = '';
  #error: ReviewError | null = null;
  #warnedPeriod = '';
  #loads = 0;

  constructor() {
    super();
    new PollController(this, () => void this.#load(true));
  }

  /**
   * The server; without it, this browser's own data.
   * @attr endpoint
   */
  get endpoint(): string | null {
    return this.getAttribute('endpoint');
  }
  set endpoint(value: string | null) {
    this.setAttr('endpoint', value);
  }

  /**
   * The period the numbers cover.
   * @attr period
   */
  get period(): Period {
    const value = this.getAttribute('period') ?? 'all';
    if ((PERIODS as readonly string[]).includes(value)) return value as Period;
    if (this.#warnedPeriod !== value) {
      this.#warnedPeriod = value;
      console.warn(`<plaudit-review>: period="${value}" is not 7d, 30d or all; showing all time.`);
    }
    return 'all';
  }
  set period(value: Period) {
    this.setAttr('period', value);
  }

  /**
   * The editor token for `endpoint` (a secret, so never an attribute). Unset, the element shows an "Editor
   * token" form and keeps what is typed for the browser session only (sessionStorage). A 401 or 403 (a wrong
   * token, or a reader's) shows the server's reason and the form again.
   */
  get token(): string | null {
    return this.#token;
  }
  set token(value: string | null) {
    this.#token = value || null;
    this.requestUpdate();
  }

  /** Where it reads from: a server or this browser (`null` while it waits for a token). */
  get source(): ReviewSource | null {
    this.#ensureSource();
    return this.#source;
  }

  /** Signs out: forgets the token, the copy kept for the browser session included. */
  signOut(): void {
    const endpoint = this.endpoint;
    if (endpoint) sessionStorage.removeItem(tokenKey(endpoint));
    this.#token = null;
    this.#stories = null;
    this.#detail = null;
    this.requestUpdate();
  }

  /** Goes to the view of the story with this id. */
  openStory(id: string): void {
    this.#storyId = id;
    this.#detail = null;
    this.#view = 'story';
    this.requestUpdate();
    void this.#load(false);
  }

  /** Goes to the stories table (`'stories'`) or to all notes (`'notes'`). */
  showView(view: 'stories' | 'notes'): void {
    this.#view = view;
    this.requestUpdate();
    void this.#load(false);
  }

  override attributeChangedCallback(): void {
    super.attributeChangedCallback();
    this.#stories = null;
    this.#detail = null;
    if (this.isConnected) void this.#load(false);
  }

  #ensureSource(): void {
    const endpoint = this.endpoint;
    const token = endpoint ? (this.#token ?? sessionStorage.getItem(tokenKey(endpoint))) : null;
    const key = endpoint ? `${endpoint}\n${token ?? ''}` : '';
    if (this.#source && key === this.#sourceKey) return;
    if (endpoint && !token) {
      this.#source = null;
      this.#sourceKey = key;
      return;
    }
    this.#sourceKey = key;
    this.#source = endpoint ? new ServerReviewSource(endpoint, token!) : new LocalReviewSource();
    this.#stories = null;
    this.#detail = null;
    this.#error = null;
  }

  /** Loads what the view shows; `quiet` (polling) keeps the screen as it is on failure. */
  async #load(quiet: boolean): Promise<void> {
    this.#ensureSource();
    const source = this.#source;
    if (!source) return;
    const load = ++this.#loads;
    const period = this.period;
    try {
      const stories = await source.stories(period);
      const detail = this.#view === 'story' && this.#storyId ? await source.story(this.#storyId, period) : null;
      if (load !== this.#loads || source !== this.#source) return;
      if (stories === this.#stories && detail === this.#detail && !this.#error) return;
      this.#stories = stories;
      this.#detail = detail;
      this.#error = null;
    } catch (error) {
      if (load !== this.#loads || (quiet && !(error instanceof ReviewError && error.auth))) return;
      this.#error = error instanceof ReviewError ? error : new ReviewError(String(error), 0);
      if (this.#error.auth && this.endpoint) {
        sessionStorage.removeItem(tokenKey(this.endpoint));
        this.#token = null;
        this.#ensureSource();
      }
    }
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load(false);
  }

  #signIn(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    const token = input.value.trim();
    if (!token || !this.endpoint) return;
    sessionStorage.setItem(tokenKey(this.endpoint), token);
    this.#token = token;
    this.#error = null;
    void this.#load(false);
  }

  #onKey(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '/') {
      event.preventDefault();
      const notes = this.renderRoot.querySelector<PlauditReviewNotes>('plaudit-review-notes');
      if (notes && this.#view !== 'stories') notes.focusSearch();
      else this.renderRoot.querySelector<HTMLInputElement>('input[data-search]')?.focus();
    } else if (event.key === '?') {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLDialogElement>('dialog.help')?.showModal();
    }
  }

  protected render() {
    this.#ensureSource();
    const source = this.#source;
    const period = this.period;
    return html`<div part="base" @keydown=${this.#onKey}>
      <div class="bar">
        <h2 class="title">Reader feedback</h2>
        ${source
          ? html`<nav aria-label="Review views">
              <button type="button" aria-current=${this.#view !== 'notes' ? 'page' : 'false'} @click=${() => this.showView('stories')}>Stories</button>
              <button type="button" aria-current=${this.#view === 'notes' ? 'page' : 'false'} @click=${() => this.showView('notes')}>All notes</button>
            </nav>
            <label>Period <select @change=${(e: Event) => (this.period = (e.target as HTMLSelectElement).value as Period)}>
              ${PERIODS.map((p) => html`<option value=${p} ?selected=${p === period}>${PERIOD_LABEL[p]}</option>`)}
            </select></label>
            <button type="button" aria-haspopup="dialog" @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('dialog.help')?.showModal()}>Shortcuts <kbd>?</kbd></button>
            ${this.endpoint ? html`<button type="button" @click=${() => this.signOut()}>Sign out</button>` : nothing}`
          : nothing}
      </div>
      <p class="source">${this.endpoint
        ? html`Feedback shared by all readers, from <code>${this.endpoint}</code>.`
        : html`This browser's own claps and annotations (no <code>endpoint</code> set): what one reader left here, not all readers.`}</p>
      ${this.#error ? html`<p class="error" role="alert">${this.#error.message}</p>` : nothing}
      ${source ? this.#content(source) : this.#signInForm()}
      ${shortcutsDialog()}
    </div>`;
  }

  #signInForm() {
    return html`<form class="sign-in" @submit=${this.#signIn}>
      <label>Editor token
        <input type="password" name="token" autocomplete="off" spellcheck="false" required />
      </label>
      <button type="submit">Sign in</button>
      <p class="note">Kept for this browser session only. A reader's token does not open the editors' view.</p>
    </form>`;
  }

  #content(source: ReviewSource) {
    const stories = this.#stories;
    if (!stories) return this.#error ? nothing : html`<p role="status">Loading the feedback…</p>`;
    const notes = (article: string | null) => html`<plaudit-review-notes .source=${source} .stories=${stories}
      .period=${this.period} .article=${article} .onChanged=${() => void this.#load(false)}></plaudit-review-notes>`;
    if (this.#view === 'notes') return html`<h3>All notes</h3>${notes(null)}`;
    if (this.#view === 'story') {
      if (!this.#detail) return this.#error ? nothing : html`<p role="status">Loading the story…</p>`;
      return html`${storyView(this.#detail, () => this.showView('stories'))}${notes(this.#detail.id)}`;
    }
    return storiesView(
      { rows: stories, sort: this.#sort.column, descending: this.#sort.descending, search: this.#search },
      {
        sortBy: (column) => {
          this.#sort = { column, descending: this.#sort.column === column ? !this.#sort.descending : column !== 'title' };
          this.requestUpdate();
        },
        search: (text) => {
          this.#search = text;
          this.requestUpdate();
        },
        open: (id) => this.openStory(id),
      },
    );
  }
}
