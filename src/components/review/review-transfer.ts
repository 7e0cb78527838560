import { allItems, type ReviewQuery, type ReviewSource } from '../../core/review-source.js';
import type { ArticleSummary } from '../../sync/protocol.js';

export type ExportFormat = 'jsonld' | 'csv';

/**
 * The current selection as a file: JSON-LD (a W3C AnnotationCollection, every
 * annotation exactly as stored) or CSV (one row per annotation, safe to open
 * in a spreadsheet). The export modules load on first use.
 */
export async function exportSelection(
  source: ReviewSource,
  query: Omit<ReviewQuery, 'offset' | 'limit'>,
  format: ExportFormat,
  label: string,
): Promise<{ blob: Blob; name: string; count: number }> {
  const items = await allItems(source, query);
  const { exportFileName } = await import('../../core/jsonld-export.js');
  if (format === 'jsonld') {
    const { toAnnotationCollection } = await import('../../core/jsonld-export.js');
    const collection = toAnnotationCollection(items.map((i) => i.annotation), { label });
    return {
      blob: new Blob([JSON.stringify(collection)], { type: 'application/ld+json' }),
      name: exportFileName(label, 'jsonld'),
      count: items.length,
    };
  }
  const { toCsv, csvRowFromReviewItem } = await import('../../core/csv-export.js');
  return { blob: new Blob([toCsv(items.map(csvRowFromReviewItem), { bom: true })], { type: 'text/csv' }), name: exportFileName(label, 'csv'), count: items.length };
}


/** Saves a blob as a download, from inside the element's shadow root. */
export function download(root: ShadowRoot, blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/**
 * Maps an imported annotation's `target.source` to a story: our own ids as
 * they are, another tool's page URLs by the story's registered URL (without
 * fragment, query or trailing slash).
 */
export function storyResolver(stories: readonly ArticleSummary[], local: boolean): (source: string) => string | null {
  const byUrl = new Map<string, string>();
  const ids = new Set<string>();
  for (const s of stories) {
    ids.add(s.id);
    if (s.url) byUrl.set(normaliseUrl(s.url), s.id);
  }
  return (source) => {
    if (ids.has(source)) return source;
    const found = byUrl.get(normaliseUrl(source));
    if (found) return found;
    // Locally any well-formed id is a story: an author may import before anyone read it.
    return local && /^[A-Za-z0-9._~-]{1,128}$/.test(source) ? source : null;
  };
}

function normaliseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
}
