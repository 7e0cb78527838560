import { html, nothing } from 'lit-html';
import type { TextQuoteSelector } from '../../core/annotation.js';
import { buildDeepLink } from '../../core/deep-link.js';
import type { ArticleDetail, HeatRun, Passage } from '../../sync/protocol.js';
import { plural } from './review-format.js';

const LEVELS = 5;

/**
 * The story's registered paragraphs, each stretch of text shaded by how many
 * readers' highlights and notes cover it (five levels relative to the busiest
 * stretch, with a legend). Text only: the server's paragraphs are never HTML.
 */
export function heatMap(detail: ArticleDetail) {
  const paragraphs = detail.registration?.paragraphs ?? [];
  if (paragraphs.length === 0) {
    return html`<p class="empty">The story's text is not registered here, so there is no heat map:
      a page with <code>endpoint</code> set registers it on its first sync.</p>`;
  }
  const top = Math.max(0, ...detail.heat.flat().map((r) => r.count));
  if (top === 0) return html`<p class="empty">Nobody has highlighted this story yet.</p>`;
  const level = (count: number) => Math.max(1, Math.ceil((count / top) * LEVELS));
  return html`<div class="heat-legend" aria-hidden="true">Fewer
      ${Array.from({ length: LEVELS }, (_, i) => html`<span class="swatch h${i + 1}"></span>`)} more readers
      (darkest: ${plural(top, 'reader', 'readers')})</div>
    <div class="heat" role="group" tabindex="0" aria-label="The story's text shaded by how many readers marked each passage; the top passages are listed below.">
      ${paragraphs.map((text, i) => html`<p>${runs(text, detail.heat[i] ?? [], level)}</p>`)}
    </div>`;
}

function runs(text: string, heat: readonly HeatRun[], level: (n: number) => number) {
  const parts = [];
  let at = 0;
  for (const run of heat) {
    if (run.start > at) parts.push(text.slice(at, run.start));
    parts.push(html`<mark class="h${level(run.count)}" title=${plural(run.count, 'reader', 'readers')}>${text.slice(run.start, run.end)}</mark>`);
    at = run.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** The most marked passages with their counts, each a link to the passage in the story. */
export function topPassages(detail: ArticleDetail) {
  if (detail.passages.length === 0) return html`<p class="empty">No passages marked yet.</p>`;
  const url = detail.registration?.url ?? (/^https?:\/\//.test(detail.id) ? detail.id : '');
  return html`<ol class="passages">
    ${detail.passages.map((p) => {
      const link = url ? passageLink(url, detail.registration?.paragraphs[p.paragraph], p) : '';
      return html`<li>
        ${link ? html`<a href=${link} target="_blank" rel="noopener"><q>${p.quote}</q></a>` : html`<q>${p.quote}</q>`}
        <span class="counts">${plural(p.highlights, 'highlight', 'highlights')}, ${plural(p.notes, 'note', 'notes')}</span>
      </li>`;
    })}
  </ol>
  ${detail.orphans > 0
    ? html`<p class="note">${plural(detail.orphans, 'annotation no longer anchors', 'annotations no longer anchor')} in the
        current text (the story changed after readers marked it); they are listed as orphans below.</p>`
    : nothing}`;
}

/** A deep link with the passage's own context, so the text fragment finds the right repeat. */
export function passageLink(url: string, paragraph: string | undefined, p: Pick<Passage, 'quote' | 'start' | 'end'>): string {
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: p.quote };
  if (paragraph && p.start >= 0) {
    quote.prefix = paragraph.slice(Math.max(0, p.start - 32), p.start);
    quote.suffix = paragraph.slice(p.end, p.end + 32);
  }
  try {
    return buildDeepLink(url, quote);
  } catch {
    return '';
  }
}

