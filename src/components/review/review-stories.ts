import { html, nothing } from 'lit-html';
import type { ArticleSummary } from '../../sync/protocol.js';
import { formatNumber, formatTime } from './review-format.js';

/** A sortable column of the stories table: its key, heading, and whether it sorts as text. */
const COLUMNS = [
  ['title', 'Story'],
  ['total', 'Claps'],
  ['clappers', 'Fans'],
  ['meanClaps', 'Claps per fan'],
  ['weighted', 'Weighted score'],
  ['highlights', 'Highlights'],
  ['notes', 'Notes'],
  ['newNotes', 'New notes'],
  ['lastActivity', 'Last activity'],
] as const;

export type StoryColumn = (typeof COLUMNS)[number][0];

export interface StoriesState {
  rows: ArticleSummary[];
  sort: StoryColumn;
  descending: boolean;
  search: string;
}

export interface StoriesHandlers {
  sortBy(column: StoryColumn): void;
  search(text: string): void;
  open(id: string): void;
}

/** The rows the table shows: searched by title (or id), sorted by the chosen column. */
export function visibleStories({ rows, sort, descending, search }: StoriesState): ArticleSummary[] {
  const needle = search.trim().toLocaleLowerCase();
  const shown = needle ? rows.filter((r) => `${r.title} ${r.id}`.toLocaleLowerCase().includes(needle)) : [...rows];
  const sign = descending ? -1 : 1;
  return shown.sort((a, b) => {
    const x = a[sort] ?? '';
    const y = b[sort] ?? '';
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * order || a.title.localeCompare(b.title);
  });
}

/**
 * Every story in one table. Column headers are buttons (click, Enter or Space
 * sorts; again reverses) and carry `aria-sort`. The weighted score's footnote
 * says how it dampens a single enthusiast.
 */
export function storiesView(state: StoriesState, on: StoriesHandlers) {
  const rows = visibleStories(state);
  return html`<section aria-labelledby="stories-heading">
    <div class="section-head">
      <h3 id="stories-heading">Stories</h3>
      <label class="search">Search by title
        <input type="search" data-search .value=${state.search} @input=${(e: Event) => on.search((e.target as HTMLInputElement).value)} />
      </label>
    </div>
    ${state.rows.length === 0
      ? html`<p class="empty" role="status">No feedback yet: claps, highlights and notes appear here as readers leave them.</p>`
      : html`<div class="table-wrap">
        <table class="stories">
          <caption class="visually-hidden">Stories with their claps, fans and annotations; column headers sort.</caption>
          <thead><tr>${COLUMNS.map(([key, label]) => html`<th scope="col"
            aria-sort=${state.sort === key ? (state.descending ? 'descending' : 'ascending') : 'none'}>
            <button type="button" class="sort" @click=${() => on.sortBy(key)}>${label}${key === 'weighted'
              ? html`<sup aria-hidden="true">*</sup>` : nothing}<span class="arrow" aria-hidden="true">${
              state.sort === key ? (state.descending ? '▼' : '▲') : ''}</span></button></th>`)}</tr></thead>
          <tbody>
            ${rows.length === 0
              ? html`<tr><td colspan=${COLUMNS.length} class="empty">No story matches “${state.search}”.</td></tr>`
              : rows.map((r) => html`<tr>
                <th scope="row"><button type="button" class="link" @click=${() => on.open(r.id)}>${r.title || r.id}</button>
                  ${r.url ? html`<a class="story-url" href=${r.url} target="_blank" rel="noopener" aria-label=${`Open “${r.title || r.id}”`}>↗</a>` : nothing}</th>
                <td>${formatNumber(r.total)}</td>
                <td>${formatNumber(r.clappers)}</td>
                <td>${formatNumber(r.meanClaps)}</td>
                <td>${formatNumber(r.weighted)}</td>
                <td>${formatNumber(r.highlights)}</td>
                <td>${formatNumber(r.notes)}</td>
                <td>${r.newNotes > 0 ? html`<strong>${formatNumber(r.newNotes)}</strong>` : '0'}</td>
                <td>${formatTime(r.lastActivity)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      <p class="footnote"><sup>*</sup> Weighted score: each reader counts with the square root of their claps, so one
        enthusiast's 50 claps weigh about 7 while fifty readers who clap once weigh 50.</p>`}
  </section>`;
}
