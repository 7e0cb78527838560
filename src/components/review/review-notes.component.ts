import { html, nothing } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { storedQuote } from '../../core/anchor-selectors.js';
import { buildDeepLink } from '../../core/deep-link.js';
import type { ReviewQuery, ReviewSource } from '../../core/review-source.js';
import { PollController } from '../../controllers/poll-controller.js';
import { PlauditModerateEvent } from '../../events/plaudit-moderate.js';
import { PlauditReviewOpenEvent } from '../../events/plaudit-review-open.js';
import type { ArticleSummary, ModerationStatus, Period, ReviewItem, ReviewPage } from '../../sync/protocol.js';
import { LiteElement } from '../shared/lite-element.js';
import { styleProps } from '../shared/style-props.js';
import { ImportPanel } from './review-import.js';
import { itemDetail, itemRow, kindOf, STATUS_LABEL } from './review-item.js';
import { reviewNotesStyles } from './review-notes.styles.js';
import { download, exportSelection, type ExportFormat } from './review-transfer.js';
import { plural } from './review-format.js';

/** Fixed row height: the list renders only the rows in view, so it stays smooth with 10,000 items. */
export const ROW_HEIGHT = 96;
const PAGE = 100;
/** Rows rendered above and below the visible ones. Rows are keyed by position, so the focused row stays the same element while its item loads or changes. */
const OVERSCAN = 6;

type Filters = { article: string; kind: '' | 'highlight' | 'note'; status: '' | ModerationStatus; q: string; sort: 'time' | 'position' };
/** An action to undo: where the item was, its status before, and the item as the action saved it. */
interface Undo { id: string; index: number; previous: ModerationStatus; saved: ReviewItem }
interface Conflict { index: number; current: ReviewItem; mine: ReviewItem; wanted: ModerationStatus }

/**
 * The annotation list with keyboard triage, inside `<plaudit-review>` (the
 * "All notes" view, and a story's annotations). Not public API.
 *
 * A listbox of fixed-height rows of which only those in view are rendered
 * (aria-setsize/posinset give the whole count); the active row has the focus
 * and its full text shows beside the list. Keys: j/k or arrows move, r marks
 * reviewed, h hides (or unhides), u undoes, o opens the passage. Every action
 * keeps the focus on the row and is announced politely. Loaded pages are read
 * again every few seconds while the tab is visible (ETags make an unchanged
 * page a 304), so moderation by another editor shows without a reload.
 *
 * @internal
 */
export class PlauditReviewNotes extends LiteElement {
  static override styles = reviewNotesStyles;

  #source: ReviewSource | null = null;
  #stories: readonly ArticleSummary[] = [];
  #period: Period = 'all';
  #fixedArticle: string | null = null;
  #filters: Filters = { article: '', kind: '', status: '', q: '', sort: 'time' };
  #pages = new Map<number, ReviewPage>();
  #loading = new Set<number>();
  /** Loaded pages that may be out of date: read again when next in view. */
  #stale = new Set<number>();
  #total = -1;
  #generation = 0;
  #active = 0;
  #first = 0;
  #visibleRows = 8;
  #focusRow = false;
  #undo: Undo[] = [];
  #conflict: Conflict | null = null;
  #message = '';
  #error = '';
  #busy = '';
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #import = new ImportPanel(this);
  /** Called after an import changed the data, so the host reloads its numbers. */
  onChanged: (() => void) | null = null;

  constructor() {
    super();
    new PollController(this, () => void this.refresh());
  }

  set source(value: ReviewSource | null) {
    // lit sets an object-valued property again on every render of the host: only a new source resets.
    if (value === this.#source) return;
    this.#source = value;
    this.#reset();
  }
  get source(): ReviewSource | null {
    return this.#source;
  }

  set stories(value: readonly ArticleSummary[]) {
    this.#stories = value;
    this.requestUpdate();
  }
  get stories(): readonly ArticleSummary[] {
    return this.#stories;
  }

  set period(value: Period) {
    if (value === this.#period) return;
    this.#period = value;
    this.#reset();
  }

  /** Shows one story's annotations only (the story view); the story filter is then hidden. */
  set article(value: string | null) {
    if (value === this.#fixedArticle) return;
    this.#fixedArticle = value;
    this.#reset();
  }

  get total(): number {
    return this.#total;
  }

  /** The query the list shows, without paging: what Export exports. */
  get query(): Omit<ReviewQuery, 'offset' | 'limit'> {
    const f = this.#filters;
    const article = this.#fixedArticle ?? f.article;
    return {
      ...(article ? { article } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.status ? { status: f.status } : {}),
      ...(f.q.trim() ? { q: f.q.trim() } : {}),
      period: this.#period,
      sort: f.sort,
    };
  }

  itemAt(index: number): ReviewItem | undefined {
    return this.#pages.get(Math.floor(index / PAGE))?.items[index % PAGE];
  }

  get activeIndex(): number {
    return this.#active;
  }

  focusSearch(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[type=search]')?.focus();
  }

  /** Focuses the active row (after scrolling it into the rendered window). */
  focusList(): void {
    this.#moveTo(this.#active);
  }

  /** Reads every loaded page again; unchanged pages (304) change nothing. */
  async refresh(): Promise<void> {
    const source = this.#source;
    if (!source || this.#conflict) return;
    const generation = this.#generation;
    const activeId = this.itemAt(this.#active)?.annotation.id;
    let changed = false;
    // Only the pages in view are read again (a 304 each when nothing changed); the others are
    // marked stale and read again when they come into view, so a long list polls a few pages.
    const inView = new Set<number>();
    for (const i of [this.#first - OVERSCAN, this.#first + this.#visibleRows + OVERSCAN, this.#active]) inView.add(Math.floor(Math.max(0, i) / PAGE));
    for (const page of this.#pages.keys()) if (!inView.has(page)) this.#stale.add(page);
    for (const page of [...this.#pages.keys()].filter((p) => inView.has(p))) {
      try {
        const next = await source.items({ ...this.query, offset: page * PAGE, limit: PAGE }, this.#pages.get(page));
        if (generation !== this.#generation) return;
        this.#stale.delete(page);
        if (next !== this.#pages.get(page)) {
          this.#pages.set(page, next);
          this.#total = next.total;
          changed = true;
        }
      } catch {
        return; // A failed poll says nothing; the next one tries again.
      }
    }
    if (!changed) return;
    const moved = activeId ? this.#indexOf(activeId) : -1;
    if (moved >= 0) this.#active = moved;
    this.#active = Math.min(this.#active, Math.max(0, this.#total - 1));
    this.requestUpdate();
  }

  /** Exports what the list shows (every page of it). */
  async exportBlob(format: ExportFormat): Promise<{ blob: Blob; name: string; count: number }> {
    const label = this.#fixedArticle ? (this.#stories.find((s) => s.id === this.#fixedArticle)?.title ?? this.#fixedArticle) : 'Plaudit feedback';
    return exportSelection(this.#source!, this.query, format, label);
  }

  #reset(): void {
    this.#generation++;
    this.#pages.clear();
    this.#loading.clear();
    this.#stale.clear();
    this.#total = -1;
    this.#active = 0;
    this.#first = 0;
    this.#undo = [];
    this.#error = '';
    const scroller = this.renderRoot.querySelector('.scroller');
    if (scroller) scroller.scrollTop = 0;
    // The first page loads on the render this schedules, once every property the host sets in the same render is in.
    this.requestUpdate();
  }

  #ensure(from: number, to: number): void {
    const source = this.#source;
    if (!source) return;
    this.#evict(from, to);
    const last = this.#total >= 0 ? Math.min(to, this.#total - 1) : to;
    for (let page = Math.floor(Math.max(0, from) / PAGE); page <= Math.floor(Math.max(0, last) / PAGE); page++) {
      if ((this.#pages.has(page) && !this.#stale.has(page)) || this.#loading.has(page)) continue;
      this.#loading.add(page);
      const generation = this.#generation;
      source.items({ ...this.query, offset: page * PAGE, limit: PAGE }, this.#pages.get(page)).then(
        (result) => {
          if (generation !== this.#generation) return;
          this.#loading.delete(page);
          this.#stale.delete(page);
          this.#pages.set(page, result);
          this.#total = result.total;
          this.requestUpdate();
        },
        (error: unknown) => {
          if (generation !== this.#generation) return;
          this.#loading.delete(page);
          this.#error = error instanceof Error ? error.message : String(error);
          this.requestUpdate();
        },
      );
    }
  }

  /**
   * Lets go of the pages far from the rows in view (and from the active row),
   * so the list holds a page or two however far the editor scrolls.
   */
  #evict(from: number, to: number): void {
    const keep = (page: number) =>
      (page >= Math.floor(Math.max(0, from) / PAGE) - 1 && page <= Math.floor(Math.max(0, to) / PAGE) + 1) ||
      page === Math.floor(this.#active / PAGE);
    for (const page of [...this.#pages.keys()]) {
      if (keep(page)) continue;
      this.#pages.delete(page);
      this.#stale.delete(page);
    }
  }

  #indexOf(id: string): number {
    for (const [page, result] of this.#pages) {
      const i = result.items.findIndex((item) => item.annotation.id === id);
      if (i >= 0) return page * PAGE + i;
    }
    return -1;
  }

  #setItem(index: number, item: ReviewItem): void {
    const page = this.#pages.get(Math.floor(index / PAGE));
    if (!page) return;
    const items = [...page.items];
    items[index % PAGE] = item;
    this.#pages.set(Math.floor(index / PAGE), { ...page, items });
  }

  #announce(text: string): void {
    // A changed string, even when the same words repeat, so the live region speaks again.
    this.#message = this.#message === text ? `${text}\u00a0` : text;
    this.requestUpdate();
  }

  #onScroll(event: Event): void {
    const scroller = event.currentTarget as HTMLElement;
    this.#first = Math.floor(scroller.scrollTop / ROW_HEIGHT);
    this.#visibleRows = Math.ceil(scroller.clientHeight / ROW_HEIGHT) + 1;
    this.#ensure(this.#first - OVERSCAN, this.#first + this.#visibleRows + OVERSCAN);
    this.requestUpdate();
  }

  #moveTo(index: number): void {
    if (this.#total <= 0) return;
    this.#active = Math.max(0, Math.min(this.#total - 1, index));
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (scroller) {
      const top = this.#active * ROW_HEIGHT;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight;
      this.#first = Math.floor(scroller.scrollTop / ROW_HEIGHT);
    }
    this.#ensure(this.#active - OVERSCAN, this.#active + OVERSCAN);
    this.#focusRow = true;
    this.requestUpdate();
  }

  #onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const moves: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: 10, PageUp: -10 };
    if (event.key in moves) this.#moveTo(this.#active + moves[event.key]!);
    else if (event.key === 'Home') this.#moveTo(0);
    else if (event.key === 'End') this.#moveTo(this.#total - 1);
    else if (event.key === 'r') void this.moderate('reviewed');
    else if (event.key === 'h') void this.moderate(this.itemAt(this.#active)?.status === 'hidden' ? 'reviewed' : 'hidden');
    else if (event.key === 'n') void this.moderate('new');
    else if (event.key === 'u') void this.undo();
    else if (event.key === 'o' || event.key === 'Enter') this.openPassage();
    else return;
    event.preventDefault();
  }

  /** Sets the active item's status; a 412 asks the editor whether to keep their choice. */
  async moderate(status: ModerationStatus, index = this.#active, record = true): Promise<void> {
    const item = this.itemAt(index);
    if (!item || !this.#source) return;
    if (item.status === status) {
      this.#announce(`Already ${STATUS_LABEL[status].toLowerCase()}.`);
      return;
    }
    this.#busy = item.annotation.id;
    this.requestUpdate();
    try {
      const outcome = await this.#source.moderate(item, status);
      if (!outcome.ok) {
        this.#conflict = { index, current: outcome.current, mine: item, wanted: status };
        this.requestUpdate();
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLDialogElement>('dialog.conflict')?.showModal();
        return;
      }
      this.#setItem(index, outcome.item);
      if (record) this.#undo.push({ id: item.annotation.id, index, previous: item.status, saved: outcome.item });
      this.dispatchEvent(new PlauditModerateEvent({ annotation: outcome.item.annotation, status, previous: item.status }));
      this.#announce(`${record ? '' : 'Undone: '}${STATUS_LABEL[status]}: ${kindOf(item)} by ${item.reader}.`);
    } catch (error) {
      this.#announce(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.#busy = '';
      this.#focusRow = true;
      this.requestUpdate();
    }
  }

  async undo(): Promise<void> {
    const last = this.#undo.pop();
    if (!last) return this.#announce('Nothing to undo.');
    const index = this.itemAt(last.index)?.annotation.id === last.id ? last.index : this.#indexOf(last.id);
    if (index >= 0) {
      this.#active = index;
      return this.moderate(last.previous, index, false);
    }
    // Scrolled far away (its page let go): undo from the version the action saved.
    try {
      const outcome = await this.#source!.moderate(last.saved, last.previous);
      this.#announce(outcome.ok
        ? `Undone: ${STATUS_LABEL[last.previous]}: ${kindOf(last.saved)} by ${last.saved.reader}.`
        : 'Not undone: another editor changed it since.');
    } catch (error) {
      this.#announce(`Not undone: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async #resolveConflict(apply: boolean): Promise<void> {
    const conflict = this.#conflict;
    if (!conflict) return;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.conflict')?.close();
    this.#conflict = null;
    this.#setItem(conflict.index, conflict.current);
    if (apply) await this.moderate(conflict.wanted, conflict.index);
    else this.#announce(`Kept the other editor's choice: ${STATUS_LABEL[conflict.current.status]}.`);
    this.#focusRow = true;
    this.requestUpdate();
  }

  openPassage(index = this.#active): void {
    const item = this.itemAt(index);
    if (!item) return;
    const story = this.#stories.find((s) => s.id === item.annotation.target.source);
    const page = story?.url || (/^https?:\/\//.test(item.annotation.target.source) ? item.annotation.target.source : '');
    const quote = storedQuote(item.annotation);
    if (!page) return this.#announce('This story has no address to open.');
    if (!quote) return this.#announce('This annotation has no quoted passage to open.');
    const url = buildDeepLink(page, quote, item.annotation.id);
    const event = new PlauditReviewOpenEvent({ url, annotation: item.annotation });
    if (this.dispatchEvent(event)) window.open(url, '_blank', 'noopener');
  }

  async #export(format: ExportFormat): Promise<void> {
    this.#announce('Preparing the export…');
    try {
      const { blob, name, count } = await this.exportBlob(format);
      download(this.renderRoot, blob, name);
      this.#announce(`Exported ${plural(count, 'annotation', 'annotations')} as ${name}.`);
    } catch (error) {
      this.#announce(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  #filter(patch: Partial<Filters>): void {
    this.#filters = { ...this.#filters, ...patch };
    this.#reset();
  }

  protected override updated(): void {
    if (!this.#focusRow) return;
    const row = this.renderRoot.querySelector<HTMLElement>(`[data-index="${this.#active}"]`);
    if (row) {
      this.#focusRow = false;
      row.focus({ preventScroll: true });
    }
  }

  protected render() {
    const total = this.#total;
    const f = this.#filters;
    const first = Math.max(0, this.#first - OVERSCAN);
    const last = Math.min(total - 1, this.#first + this.#visibleRows + OVERSCAN);
    const indexes: number[] = [];
    for (let i = first; i <= last; i++) indexes.push(i);
    if (total > 0 && (this.#active < first || this.#active > last)) indexes.push(this.#active);
    this.#ensure(first, last);
    const active = this.itemAt(this.#active);
    return html`<div part="base">
      <form class="filters" role="search" aria-label="Filter the annotations" @submit=${(e: Event) => e.preventDefault()}>
        ${this.#fixedArticle === null
          ? html`<label>Story <select @change=${(e: Event) => this.#filter({ article: (e.target as HTMLSelectElement).value })}>
              <option value="">All stories</option>
              ${this.#stories.map((s) => html`<option value=${s.id} ?selected=${f.article === s.id}>${s.title || s.id}</option>`)}
            </select></label>`
          : nothing}
        <label>Kind <select @change=${(e: Event) => this.#filter({ kind: (e.target as HTMLSelectElement).value as Filters['kind'] })}>
          <option value="">Highlights and notes</option><option value="note">Notes</option><option value="highlight">Highlights</option>
        </select></label>
        <label>Status <select @change=${(e: Event) => this.#filter({ status: (e.target as HTMLSelectElement).value as Filters['status'] })}>
          <option value="">Any</option><option value="new">New</option><option value="reviewed">Reviewed</option><option value="hidden">Hidden</option>
        </select></label>
        <label>Sort <select @change=${(e: Event) => this.#filter({ sort: (e.target as HTMLSelectElement).value as Filters['sort'] })}>
          <option value="time">Newest first</option><option value="position">Position in the story</option>
        </select></label>
        <label class="grow">Search notes and quotes <input type="search" .value=${f.q} @input=${(e: Event) => {
          const q = (e.target as HTMLInputElement).value;
          clearTimeout(this.#searchTimer);
          this.#searchTimer = setTimeout(() => this.#filter({ q }), 200);
        }} /></label>
      </form>
      <div class="actions">
        <p class="count" id="count">${total < 0 ? 'Loading…' : plural(total, 'annotation', 'annotations')}</p>
        <button type="button" @click=${() => void this.#export('jsonld')} ?disabled=${total <= 0}>Export JSON-LD</button>
        <button type="button" @click=${() => void this.#export('csv')} ?disabled=${total <= 0}>Export CSV</button>
        ${this.#import.trigger()}
      </div>
      ${this.#import.render()}
      ${this.#error ? html`<p class="error" role="alert">${this.#error}</p>` : nothing}
      <div class="split">
        ${total === 0
          ? html`<p class="empty">No annotations match these filters.</p>`
          : html`<div class="scroller" role="listbox" aria-label="Annotations" aria-describedby="count keys"
              @scroll=${this.#onScroll} @keydown=${this.#onKey}>
              <div class="spacer" ${styleProps({ 'block-size': `${Math.max(0, total) * ROW_HEIGHT}px` })}>
                ${repeat(indexes, (i) => i, (i) => this.#row(i))}
              </div>
            </div>`}
        <section class="detail" aria-label="The selected annotation">
          ${active
            ? html`${itemDetail(active)}
              <div class="buttons">
                <button type="button" @click=${() => void this.moderate('reviewed')} ?disabled=${this.#busy !== ''}>Mark reviewed <kbd>r</kbd></button>
                <button type="button" @click=${() => void this.moderate(active.status === 'hidden' ? 'reviewed' : 'hidden')}
                  ?disabled=${this.#busy !== ''}>${active.status === 'hidden' ? 'Unhide' : 'Hide'} <kbd>h</kbd></button>
                <button type="button" @click=${() => void this.undo()} ?disabled=${this.#undo.length === 0}>Undo <kbd>u</kbd></button>
                <button type="button" @click=${() => this.openPassage()}>Open passage <kbd>o</kbd></button>
              </div>`
            : html`<p class="empty">${total < 0 ? 'Loading…' : 'Select an annotation to read it in full.'}</p>`}
        </section>
      </div>
      <p class="keys" id="keys">Keys: j/k or arrows move, r reviewed, h hide, u undo, o open the passage, / search, ? all shortcuts.</p>
      <p class="visually-hidden" role="status" aria-live="polite">${this.#message}</p>
      ${this.#conflictDialog()}
    </div>`;
  }

  #row(index: number) {
    const item = this.itemAt(index);
    const activeRow = index === this.#active;
    return html`<div class="row ${item?.status ?? 'loading'}" role="option" data-index=${index}
      tabindex=${activeRow ? 0 : -1} aria-selected=${activeRow ? 'true' : 'false'}
      aria-setsize=${Math.max(0, this.#total)} aria-posinset=${index + 1} aria-busy=${item ? 'false' : 'true'}
      ${styleProps({ transform: `translateY(${index * ROW_HEIGHT}px)` })}
      @click=${() => this.#moveTo(index)}>
      ${item ? itemRow(item, this.#fixedArticle === null) : html`<span class="row-meta">Loading…</span>`}
    </div>`;
  }

  #conflictDialog() {
    const c = this.#conflict;
    return html`<dialog class="conflict" aria-labelledby="conflict-title" @cancel=${(e: Event) => {
      e.preventDefault();
      void this.#resolveConflict(false);
    }}>
      ${c
        ? html`<h3 id="conflict-title">Another editor changed this ${kindOf(c.current)}</h3>
          <p>While you were looking, its status changed from <strong>${STATUS_LABEL[c.mine.status]}</strong> to
            <strong>${STATUS_LABEL[c.current.status]}</strong>${c.current.annotation.modified !== c.mine.annotation.modified
              ? ' and the reader edited it' : ''}.</p>
          <p>Your choice was <strong>${STATUS_LABEL[c.wanted]}</strong>.</p>
          <div class="buttons">
            <button type="button" @click=${() => void this.#resolveConflict(true)}>Apply mine (${STATUS_LABEL[c.wanted]})</button>
            <button type="button" @click=${() => void this.#resolveConflict(false)}>Keep theirs (${STATUS_LABEL[c.current.status]})</button>
          </div>`
        : nothing}
    </dialog>`;
  }
}

