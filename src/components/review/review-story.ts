import { html, nothing } from 'lit-html';
import { DEFAULT_MAX_CLAPS } from '../../core/clap-rules.js';
import type { ArticleDetail } from '../../sync/protocol.js';
import { activityChart, clapHistogram } from './review-charts.js';
import { formatNumber, formatTime } from './review-format.js';
import { heatMap, topPassages } from './review-heat.js';

/** One story: its numbers, how readers clapped, activity over time, the heat map and top passages. */
export function storyView(detail: ArticleDetail, back: () => void) {
  const s = detail.stats;
  const title = detail.registration?.title || detail.id;
  const max = Math.max(DEFAULT_MAX_CLAPS, detail.distribution.length - 1);
  return html`<section aria-labelledby="story-heading">
    <p><button type="button" class="link" @click=${back}>← All stories</button></p>
    <h3 id="story-heading">${title}</h3>
    ${detail.registration?.url ? html`<p><a href=${detail.registration.url} target="_blank" rel="noopener">Open the story ↗</a></p>` : nothing}
    <dl class="stats">
      <div><dt>Claps</dt><dd>${formatNumber(s.total)}</dd></div>
      <div><dt>Fans</dt><dd>${formatNumber(s.clappers)}</dd></div>
      <div><dt>Claps per fan</dt><dd>${formatNumber(s.meanClaps)}</dd></div>
      <div><dt>Weighted score</dt><dd>${formatNumber(s.weighted)}</dd></div>
      <div><dt>Highlights</dt><dd>${formatNumber(s.highlights)}</dd></div>
      <div><dt>Notes</dt><dd>${formatNumber(s.notes)}</dd></div>
      <div><dt>New notes</dt><dd>${formatNumber(s.newNotes)}</dd></div>
      <div><dt>Last activity</dt><dd>${formatTime(s.lastActivity)}</dd></div>
    </dl>
    <h4>How readers clapped</h4>
    ${detail.distribution.some((n) => n > 0) ? clapHistogram(detail.distribution, max) : html`<p class="empty">No claps yet.</p>`}
    <h4>Activity over time</h4>
    ${activityChart(detail.daily)}
    <h4>Where readers highlighted</h4>
    ${heatMap(detail)}
    <h4>Top passages</h4>
    ${topPassages(detail)}
    <h4>Annotations</h4>
  </section>`;
}
