import { html, nothing, svg } from 'lit-html';
import type { StoryDay } from '../../sync/protocol.js';
import { formatNumber } from './review-format.js';

const W = 640;
const H = 180;
const PAD = { left: 36, right: 32, top: 8, bottom: 24 };

/**
 * The clap distribution: readers per number of claps given (1..max), as SVG
 * bars with a table alternative. The SVG is a labelled image; the table holds
 * the same numbers for screen readers and for copying (toggled open).
 */
export function clapHistogram(distribution: readonly number[], max: number) {
  const counts = Array.from({ length: max }, (_, i) => distribution[i + 1] ?? 0);
  const top = Math.max(1, ...counts);
  const readers = counts.reduce((a, b) => a + b, 0);
  const slot = (W - PAD.left - PAD.right) / max;
  const plotH = H - PAD.top - PAD.bottom;
  const label = `Clap distribution: ${formatNumber(readers)} readers; the most common count is ${
    readers ? counts.indexOf(top) + 1 : 0} claps (${formatNumber(readers ? top : 0)} readers).`;
  return html`<figure class="chart">
    <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${label}>
      ${axis(top, plotH)}
      ${counts.map((n, i) => n === 0 ? nothing : svg`<rect class="bar" x=${PAD.left + i * slot + 1} width=${Math.max(1, slot - 2)}
        y=${PAD.top + plotH - (n / top) * plotH} height=${(n / top) * plotH}><title>${i + 1} claps: ${n} readers</title></rect>`)}
      ${[1, 10, 20, 30, 40, 50].filter((c) => c <= max).map((c) => svg`<text class="tick" x=${PAD.left + (c - 0.5) * slot}
        y=${H - 6} text-anchor="middle">${c}</text>`)}
    </svg>
    <figcaption>Readers (vertical) by the number of claps they gave (horizontal).</figcaption>
    <details>
      <summary>Show as a table</summary>
      <table>
        <caption>Readers by claps given</caption>
        <thead><tr><th scope="col">Claps</th><th scope="col">Readers</th></tr></thead>
        <tbody>${counts.map((n, i) => n === 0 ? nothing : html`<tr><th scope="row">${i + 1}</th><td>${formatNumber(n)}</td></tr>`)}</tbody>
      </table>
    </details>
  </figure>`;
}

/** Claps and notes per day: bars for claps, a line of dots for notes, and a table alternative. */
export function activityChart(days: readonly StoryDay[]) {
  if (days.length === 0) return html`<p class="empty">No activity in this period.</p>`;
  const top = Math.max(1, ...days.map((d) => Math.abs(d.claps)));
  const topNotes = Math.max(1, ...days.map((d) => d.notes + d.highlights));
  const slot = (W - PAD.left - PAD.right) / days.length;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - (Math.max(0, v) / top) * plotH;
  const ny = (v: number) => PAD.top + plotH - (v / topNotes) * plotH;
  const every = Math.ceil(days.length / 8);
  const total = days.reduce((s, d) => s + d.claps, 0);
  const marks = days.reduce((s, d) => s + d.notes + d.highlights, 0);
  return html`<figure class="chart">
    <svg viewBox="0 0 ${W} ${H}" role="img"
      aria-label=${`Activity over ${days.length} days: ${formatNumber(total)} claps, ${formatNumber(marks)} highlights and notes.`}>
      ${axis(top, plotH)}
      ${days.map((d, i) => d.claps <= 0 ? nothing : svg`<rect class="bar" x=${PAD.left + i * slot + 1} width=${Math.max(1, slot - 2)}
        y=${y(d.claps)} height=${PAD.top + plotH - y(d.claps)}><title>${d.day}: ${d.claps} claps</title></rect>`)}
      <text class="tick line-tick" x=${W - PAD.right + 4} y=${PAD.top + 10}>${formatNumber(topNotes)}</text>
      <polyline class="line" fill="none" points=${days.map((d, i) => `${PAD.left + (i + 0.5) * slot},${ny(d.notes + d.highlights)}`).join(' ')}></polyline>
      ${days.map((d, i) => i % every === 0 ? svg`<text class="tick" x=${PAD.left + (i + 0.5) * slot} y=${H - 6}
        text-anchor="middle">${d.day.slice(5)}</text>` : nothing)}
    </svg>
    <figcaption><span class="key bar-key" aria-hidden="true"></span> claps per day
      <span class="key line-key" aria-hidden="true"></span> highlights and notes per day</figcaption>
    <details>
      <summary>Show as a table</summary>
      <table>
        <caption>Activity per day (UTC)</caption>
        <thead><tr><th scope="col">Day</th><th scope="col">Claps</th><th scope="col">Highlights</th><th scope="col">Notes</th></tr></thead>
        <tbody>${days.map((d) => html`<tr><th scope="row">${d.day}</th><td>${formatNumber(d.claps)}</td>
          <td>${formatNumber(d.highlights)}</td><td>${formatNumber(d.notes)}</td></tr>`)}</tbody>
      </table>
    </details>
  </figure>`;
}

function axis(top: number, plotH: number) {
  return svg`<line class="axis" x1=${PAD.left} x2=${W - PAD.right} y1=${PAD.top + plotH} y2=${PAD.top + plotH}></line>
    <text class="tick" x=${PAD.left - 4} y=${PAD.top + 10} text-anchor="end">${formatNumber(top)}</text>
    <text class="tick" x=${PAD.left - 4} y=${PAD.top + plotH} text-anchor="end">0</text>`;
}
