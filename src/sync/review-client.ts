import type { Annotation } from '../core/annotation.js';
import { ReviewError, type ModerationOutcome, type ReviewQuery, type ReviewSource } from '../core/review-source.js';
import {
  MediaType, paths, type ArticleDetail, type ArticleSummary, type ErrorBody, type ImportResult, type ModerationStatus,
  type Period, type ReviewItem, type ReviewPage,
} from './protocol.js';

/** How many story answers (the list, one story's detail per period) are kept for revalidation. */
const CACHED_ANSWERS = 16;

/**
 * The editor's reads and writes against a Plaudit server, with an editor
 * token. Reads are conditional, so polling an unchanged view costs a 304 and
 * hands back the very same object (callers compare identities to skip a
 * render). Story answers are kept with their ETags, the few most recent;
 * annotation pages are not kept at all: their ETags hang off the page objects
 * (a WeakMap), so a page the list lets go of is freed, and the list passes the
 * page it holds back as `previous` to revalidate it.
 */
export class ServerReviewSource implements ReviewSource {
  readonly kind = 'server';
  readonly #cache = new Map<string, { etag: string; body: unknown }>();
  readonly #etags = new WeakMap<object, string>();

  constructor(
    readonly endpoint: string,
    readonly token: string,
    private readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  stories(period: Period): Promise<ArticleSummary[]> {
    return this.#get(`${paths.articles(this.#base)}?period=${period}`);
  }

  story(id: string, period: Period): Promise<ArticleDetail> {
    return this.#get(`${paths.article(this.#base, id)}?period=${period}`);
  }

  async items(query: ReviewQuery, previous?: ReviewPage): Promise<ReviewPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const etag = previous && this.#etags.get(previous);
    const response = await this.#send(`${paths.review(this.#base)}?${params}`, { headers: etag ? { 'If-None-Match': etag } : {} });
    if (response.status === 304 && previous) return previous;
    await this.#check(response);
    const page = (await response.json()) as ReviewPage;
    const tag = response.headers.get('ETag');
    if (tag) this.#etags.set(page, tag);
    return page;
  }

  async moderate(item: ReviewItem, status: ModerationStatus): Promise<ModerationOutcome> {
    const response = await this.#send(paths.annotation(this.#base, item.annotation.id), {
      method: 'PATCH',
      headers: { 'Content-Type': MediaType.Json, 'If-Match': item.etag },
      body: JSON.stringify({ 'plaudit:status': status }),
    });
    const etag = response.headers.get('ETag') ?? '';
    if (response.status === 412) {
      const body = (await response.json().catch(() => ({}))) as { current?: Annotation };
      if (!body.current) throw new ReviewError('Another editor changed this note; reload to see it.', 412);
      return { ok: false, current: withAnnotation(item, body.current, etag) };
    }
    await this.#check(response);
    return { ok: true, item: withAnnotation(item, (await response.json()) as Annotation, etag) };
  }

  async importAnnotations(items: Annotation[]): Promise<ImportResult> {
    const response = await this.#send(paths.import(this.#base), {
      method: 'POST',
      headers: { 'Content-Type': MediaType.Annotation },
      body: JSON.stringify({ items }),
    });
    if (response.status === 422) {
      const result = (await response.json().catch(() => null)) as ImportResult | null;
      if (result?.rejected) return result;
    }
    await this.#check(response);
    return (await response.json()) as ImportResult;
  }

  get #base(): string {
    return this.endpoint.replace(/\/+$/, '');
  }

  async #get<T>(url: string): Promise<T> {
    const cached = this.#cache.get(url);
    const response = await this.#send(url, { headers: cached ? { 'If-None-Match': cached.etag } : {} });
    if (response.status === 304 && cached) {
      this.#cache.delete(url);
      this.#cache.set(url, cached);
      return cached.body as T;
    }
    await this.#check(response);
    const body = (await response.json()) as T;
    const etag = response.headers.get('ETag');
    if (etag) {
      this.#cache.delete(url);
      this.#cache.set(url, { etag, body });
      if (this.#cache.size > CACHED_ANSWERS) this.#cache.delete(this.#cache.keys().next().value!);
    }
    return body;
  }

  async #send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetcher(url, {
        ...init,
        headers: { Accept: MediaType.Json, ...init.headers, Authorization: `Bearer ${this.token}` },
      });
    } catch {
      throw new ReviewError(`Could not reach the server at ${this.endpoint}. Check the connection and try again.`, 0);
    }
  }

  async #check(response: Response): Promise<void> {
    if (response.ok) return;
    const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
    const reason = typeof body?.reason === 'string' ? body.reason : response.statusText;
    const message =
      response.status === 401 ? 'The server did not accept this editor token. Check it and sign in again.'
      : response.status === 403 ? `This token may not read the editors' view (${reason}). Use an editor token.`
      : `The server answered ${response.status}: ${reason}`;
    throw new ReviewError(message, response.status);
  }
}

function withAnnotation(item: ReviewItem, annotation: Annotation, etag: string): ReviewItem {
  return { ...item, annotation, etag: etag || item.etag, status: annotation['plaudit:status'] ?? 'new' };
}
