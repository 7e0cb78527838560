import { html, nothing } from 'lit-html';
import type { Annotation } from '../../core/annotation.js';
import { ReviewError, type ReviewSource } from '../../core/review-source.js';
import type { ArticleSummary, ImportResult } from '../../sync/protocol.js';
import { plural } from './review-format.js';
import { storyResolver } from './review-transfer.js';

/** What the import panel needs of the list it sits in. */
export interface ImportHost {
  readonly source: ReviewSource | null;
  readonly stories: readonly ArticleSummary[];
  onChanged: (() => void) | null;
  requestUpdate(): void;
  refresh(): Promise<void>;
}

type State =
  | { step: 'idle' }
  | { step: 'reading'; name: string; done: number; total: number }
  | { step: 'review'; name: string; accepted: Annotation[]; rejected: Array<{ index: number; id: string | null; reason: string }> }
  | { step: 'saving'; name: string; count: number }
  | { step: 'done'; name: string; result: ImportResult }
  | { step: 'failed'; name: string; message: string };

/** How many rejected records the report lists; the rest are counted. */
const SHOWN_REJECTIONS = 50;

/**
 * Import of JSON-LD into the review's source: read and check the file in
 * chunks with a progress bar (the page stays responsive), show what will be
 * accepted and why each rejected record was, then apply the valid part in one
 * all-or-nothing write. The import module loads on first use.
 */
export class ImportPanel {
  #state: State = { step: 'idle' };

  constructor(private readonly host: ImportHost) {}

  get state(): State {
    return this.#state;
  }

  #set(state: State): void {
    this.#state = state;
    this.host.requestUpdate();
  }

  /** Reads and checks a file; the editor then confirms. */
  async read(file: Blob, name = (file as File).name ?? 'file'): Promise<void> {
    const source = this.host.source;
    if (!source) return;
    this.#set({ step: 'reading', name, done: 0, total: 0 });
    try {
      const { parseImport } = await import('../../core/annotation-import.js');
      const report = await parseImport(file, {
        stories: storyResolver(this.host.stories, source.kind === 'local'),
        onProgress: (done: number, total: number) => this.#set({ step: 'reading', name, done, total }),
      });
      this.#set({ step: 'review', name, accepted: report.accepted, rejected: report.rejected });
    } catch (error) {
      this.#set({ step: 'failed', name, message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Applies the accepted records, all or nothing. */
  async apply(): Promise<void> {
    const state = this.#state;
    const source = this.host.source;
    if (state.step !== 'review' || !source) return;
    this.#set({ step: 'saving', name: state.name, count: state.accepted.length });
    try {
      const result = await source.importAnnotations(state.accepted);
      if (result.rejected.length > 0) {
        this.#set({ step: 'review', name: state.name, accepted: [], rejected: [...state.rejected, ...result.rejected] });
        return;
      }
      this.#set({ step: 'done', name: state.name, result });
      this.host.onChanged?.();
      await this.host.refresh();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Unreached or unanswered, the write may or may not have been applied (all of it or none):
      // importing the same file again is safe, since known ids are not added twice.
      const message = error instanceof ReviewError && error.status === 0
        ? `The import was not confirmed (${reason}). It was applied completely or not at all; import the same file again to be sure: nothing is added twice.`
        : /^Nothing was imported/.test(reason) ? reason : `Nothing was imported: ${reason}`;
      this.#set({ step: 'failed', name: state.name, message });
    }
  }

  close(): void {
    this.#set({ step: 'idle' });
  }

  trigger() {
    return html`<label class="button">Import JSON-LD…
      <input class="visually-hidden" type="file" accept=".json,.jsonld,application/json,application/ld+json" @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        const file = input.files?.[0];
        input.value = '';
        if (file) void this.read(file);
      }} /></label>`;
  }

  render() {
    const s = this.#state;
    if (s.step === 'idle') return nothing;
    return html`<section class="import" aria-label="Import" role="region">
      <h4>Import of ${s.name}</h4>
      ${s.step === 'reading'
        ? html`<p role="status">Reading and checking…</p>
            <progress max=${s.total || 1} value=${s.done} aria-label="Records checked"></progress>`
        : s.step === 'review'
          ? html`<p role="status">${plural(s.accepted.length, 'record can', 'records can')} be imported;
              ${plural(s.rejected.length, 'record was', 'records were')} rejected.</p>
            ${rejections(s.rejected)}
            <div class="buttons">
              ${s.accepted.length > 0
                ? html`<button type="button" @click=${() => void this.apply()}>Import ${plural(s.accepted.length, 'record', 'records')}</button>`
                : nothing}
              <button type="button" @click=${() => this.close()}>${s.accepted.length > 0 ? 'Cancel' : 'Close'}</button>
            </div>`
          : s.step === 'saving'
            ? html`<p role="status">Saving ${plural(s.count, 'record', 'records')}, all or nothing…</p><progress aria-label="Saving"></progress>`
            : s.step === 'done'
              ? html`<p role="status">Imported: ${s.result.created} new, ${s.result.updated} updated,
                  ${s.result.unchanged} already there (unchanged).</p>
                <button type="button" @click=${() => this.close()}>Close</button>`
              : html`<p role="alert" class="error">${s.message}</p><button type="button" @click=${() => this.close()}>Close</button>`}
    </section>`;
  }
}

function rejections(rejected: Array<{ index: number; id: string | null; reason: string }>) {
  if (rejected.length === 0) return nothing;
  return html`<details open>
    <summary>Rejected records</summary>
    <ul class="rejected">
      ${rejected.slice(0, SHOWN_REJECTIONS).map((r) => html`<li>Record ${r.index + 1}${r.id ? html` (<code>${r.id}</code>)` : nothing}: ${r.reason}</li>`)}
    </ul>
    ${rejected.length > SHOWN_REJECTIONS ? html`<p>…and ${rejected.length - SHOWN_REJECTIONS} more.</p>` : nothing}
  </details>`;
}
