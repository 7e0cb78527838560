// The demo's editor page: what the mock endpoint knows, seen as an editor would.
// A preview of the review element (the editor-review issue builds the real one in
// src/); it uses only the documented editor endpoints and the demo's editor token.
import { css, html, LitElement, nothing } from 'lit';
import { startMockEndpoint } from './mock-endpoint/browser.js';
import { EDITOR_TOKEN } from './mock-endpoint/handlers.js';
import type { Annotation } from '../src/core/annotation.js';
import type { AnnotationPage, ArticleDetail, ArticleSummary } from '../src/sync/protocol.js';

interface Passage {
  quote: string;
  highlights: number;
  notes: number;
}

class DemoReview extends LitElement {
  static override properties = {
    endpoint: {},
    stories: { state: true },
    detail: { state: true },
    notes: { state: true },
    passages: { state: true },
    error: { state: true },
  };

  declare endpoint: string;
  declare stories: ArticleSummary[] | null;
  declare detail: ArticleDetail | null;
  declare notes: Annotation[];
  declare passages: Passage[];
  declare error: string;

  constructor() {
    super();
    this.endpoint = '/api/plaudit';
    this.stories = null;
    this.detail = null;
    this.notes = [];
    this.passages = [];
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async get<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await fetch(`${this.endpoint}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${EDITOR_TOKEN}`, 'Content-Type': 'application/json', ...init.headers },
    });
    if (!response.ok) throw new Error(`${response.status} ${(await response.json().catch(() => ({}))).reason ?? ''}`);
    return response.json() as Promise<T>;
  }

  async load(): Promise<void> {
    try {
      const stories = await this.get<ArticleSummary[]>('/articles');
      this.stories = stories.sort((a, b) => b.total - a.total);
      if (stories[0]) await this.open(stories[0].id);
    } catch (e) {
      this.error = `Could not load the feedback: ${(e as Error).message}`;
    }
  }

  async open(id: string): Promise<void> {
    this.detail = await this.get<ArticleDetail>(`/articles/${encodeURIComponent(id)}`);
    const items: Annotation[] = [];
    for (let page = 0, more = true; more && page < 40; page++) {
      const result = await this.get<AnnotationPage>(`/annotations/?article=${encodeURIComponent(id)}&page=${page}`);
      items.push(...result.items);
      more = Boolean(result.next);
    }
    const byQuote = new Map<string, Passage>();
    for (const a of items) {
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact ?? '';
      const entry = byQuote.get(quote) ?? { quote, highlights: 0, notes: 0 };
      if (a.body) entry.notes++;
      else entry.highlights++;
      byQuote.set(quote, entry);
    }
    this.passages = [...byQuote.values()].sort((a, b) => b.highlights + b.notes - (a.highlights + a.notes)).slice(0, 8);
    this.notes = items.filter((a) => a.body).sort((a, b) => b.modified.localeCompare(a.modified));
  }

  async moderate(note: Annotation): Promise<void> {
    const status = note['plaudit:status'] === 'hidden' ? 'visible' : 'hidden';
    const updated = await this.get<Annotation>(`/annotations/${note.id.replace('urn:uuid:', '')}`, {
      method: 'PATCH',
      body: JSON.stringify({ 'plaudit:status': status }),
    });
    this.notes = this.notes.map((n) => (n.id === note.id ? { ...n, ...updated, 'plaudit:status': status } : n));
  }

  exportJson(): void {
    const blob = new Blob([JSON.stringify({ story: this.detail, notes: this.notes }, null, 2)], { type: 'application/json' });
    const link = Object.assign(document.createElement('a'), {
      href: URL.createObjectURL(blob),
      download: `${this.detail?.id ?? 'feedback'}.json`,
    });
    link.click();
    URL.revokeObjectURL(link.href);
  }

  protected override render() {
    if (this.error) return html`<p role="alert">${this.error}</p>`;
    if (!this.stories) return html`<p role="status">Loading the feedback…</p>`;
    const detail = this.detail;
    const maxBar = Math.max(1, ...(detail?.distribution ?? []));
    return html`
      <section aria-labelledby="stories">
        <h2 id="stories">Stories by claps</h2>
        <table>
          <thead><tr><th scope="col">Story</th><th scope="col">Claps</th><th scope="col">Readers who clapped</th><th scope="col">Claps per reader</th><th scope="col">Highlights and notes</th></tr></thead>
          <tbody>
            ${this.stories.map(
              (s) => html`<tr aria-current=${detail?.id === s.id ? 'true' : 'false'}>
                <th scope="row"><button @click=${() => this.open(s.id)}>${s.title || s.id}</button></th>
                <td>${s.total.toLocaleString()}</td>
                <td>${s.clappers.toLocaleString()}</td>
                <td>${s.clappers ? (s.total / s.clappers).toFixed(1) : '–'}</td>
                <td>${s.annotations}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </section>
      ${detail
        ? html`<section aria-labelledby="detail">
            <h2 id="detail">${detail.registration?.title ?? detail.id}</h2>
            <p>${detail.totals.total.toLocaleString()} claps from ${detail.totals.clappers} readers.
              <button @click=${this.exportJson}>Export JSON</button></p>
            <h3>How readers clapped</h3>
            <ol class="bars" aria-label="Readers by number of claps given">
              ${detail.distribution.map((n, claps) =>
                claps && n
                  ? html`<li><span class="label">${claps} clap${claps === 1 ? '' : 's'}</span>
                      <span class="bar" style="inline-size:${(100 * n) / maxBar}%"></span>
                      <span class="n">${n} reader${n === 1 ? '' : 's'}</span></li>`
                  : nothing,
              )}
            </ol>
            <h3>Passages readers marked most</h3>
            <ol class="passages">
              ${this.passages.map((p) => html`<li><q>${p.quote}</q> <small>${p.highlights} highlights, ${p.notes} notes</small></li>`)}
            </ol>
            <h3>Notes shared with the editors (${this.notes.length})</h3>
            <ul class="notes">
              ${this.notes.map(
                (n) => html`<li class=${n['plaudit:status'] === 'hidden' ? 'hidden' : ''}>
                  <blockquote>${n.target.selector.find((s) => s.type === 'TextQuoteSelector')?.exact}</blockquote>
                  <p>${n.body?.value}</p>
                  <small>${new Date(n.modified).toLocaleString()}</small>
                  <button @click=${() => this.moderate(n)}>${n['plaudit:status'] === 'hidden' ? 'Show' : 'Hide'}</button>
                </li>`,
              )}
            </ul>
          </section>`
        : nothing}
    `;
  }

  static override styles = css`
    :host { display: block; font: 15px/1.5 system-ui, sans-serif; }
    table { border-collapse: collapse; inline-size: 100%; }
    th, td { text-align: start; padding: 0.45em 0.6em; border-block-end: 1px solid #0002; }
    td { font-variant-numeric: tabular-nums; }
    tr[aria-current='true'] { background: #b3411f14; }
    th button { all: unset; cursor: pointer; font-weight: 600; color: #8a2f14; text-decoration: underline; }
    button:focus-visible { outline: 2px solid #b3411f; outline-offset: 2px; }
    .bars { list-style: none; padding: 0; display: grid; gap: 2px; max-block-size: 22em; overflow: auto; }
    .bars li { display: grid; grid-template-columns: 6em 1fr 6em; align-items: center; gap: 0.5em; font-size: 0.85em; }
    .bar { block-size: 0.8em; background: #b3411f; border-radius: 2px; }
    .notes { list-style: none; padding: 0; display: grid; gap: 1em; }
    .notes li { border: 1px solid #0002; border-radius: 8px; padding: 0.8em 1em; }
    .notes li.hidden { opacity: 0.55; }
    blockquote { margin: 0 0 0.4em; padding-inline-start: 0.8em; border-inline-start: 3px solid #b3411f; font-style: italic; }
  `;
}

await startMockEndpoint().catch((error) => console.warn('The mock endpoint could not start.', error));
customElements.get('plaudit-review') ?? customElements.define('plaudit-review', DemoReview);
