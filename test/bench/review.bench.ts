/**
 * `<plaudit-review>` over the mock endpoint with 10,000 annotations and 50,000
 * clap records across 50 stories: time to first render of each view (against
 * the same view over an empty store), the longest main-thread task while
 * typing a search and while scrolling the 10,000-item list, and the memory the
 * list holds once every page is loaded (against a 100-item store). Figures are
 * printed, not asserted: `npm run bench`.
 *
 * The mock answers through msw's service worker, whose handlers run on this
 * page's main thread: the mock's own work (filtering and sorting 10,000
 * annotations for every page it serves, re-reading its store after a write)
 * shows up in the long tasks. Each long task is therefore printed with what
 * the Long Animation Frames API says ran in it, beside the review's and the
 * list's own update times and the mock's synchronous read times, measured by
 * wrapping their methods. The heap is read with `gc()` and unrounded
 * `performance.memory` (flags in web-test-runner.bench.config.mjs).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupWorker, type SetupWorker } from 'msw/browser';
import '../../src/components/review/review.js';
import { PlauditReviewElement } from '../../src/components/review/review.component.js';
import { PlauditReviewNotes, ROW_HEIGHT } from '../../src/components/review/review-notes.component.js';
import { EditorViews } from '../../src/endpoint/editor-views.js';
import { createHandlers, EDITOR_TOKEN } from '../../demo/mock-endpoint/handlers.js';
import { RequestLog } from '../../demo/mock-endpoint/request-log.js';
import { ServerStore } from '../../demo/mock-endpoint/server-store.js';
import { addRow, log, median, ms, printTable } from './bench-report.js';
import { generateReviewData, SEARCH_PHRASE, type ReviewData } from './review-data.js';

const STORIES = 50;
const READERS = 1_000; // × 50 stories = 50,000 clap records
const ANNOTATIONS = 10_000;
const SMALL = 100;
const RUNS = 7;
const SCROLL_STEPS = 60;
const PAGE = 100;

type StoreName = 'full' | 'empty' | 'small';
interface BenchStore {
  base: string;
  db: string;
  store: ServerStore;
  log: RequestLog;
}

const stores = {} as Record<StoreName, BenchStore>;
let worker: SetupWorker;
let data: ReviewData;
/** The story the story view opens: the one with the most annotations. */
let storyId = '';

// ---- waiting for frames and content ---------------------------------------------------------

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));
const sleep = (msec: number): Promise<void> => new Promise((r) => setTimeout(r, msec));

/** Resolves after the current task, and the rendering update that follows it, have finished. */
const afterThisTask = (): Promise<void> => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    resolve();
  };
  channel.port2.postMessage(null);
});

/** Quiet time between measurements: what came before has rendered and its requests are answered. */
async function settle(msec = 300): Promise<void> {
  await frame();
  await frame();
  await sleep(msec);
}

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(5);
  }
}

const root = (el: Element): ShadowRoot => el.shadowRoot!;
const notesOf = (el: PlauditReviewElement): PlauditReviewNotes | null => root(el).querySelector('plaudit-review-notes');

/** The list shows its first row (or says it is empty). */
function listReady(el: PlauditReviewElement): boolean {
  const notes = notesOf(el);
  if (!notes || notes.total < 0) return false;
  return notes.total === 0
    ? root(notes).querySelector('.split > p.empty') !== null
    : root(notes).querySelector('.row[data-index="0"]:not(.loading)') !== null;
}

type View = 'stories' | 'story' | 'notes';
const READY: Record<View, (el: PlauditReviewElement) => boolean> = {
  stories: (el) => root(el).querySelector('table.stories tbody tr, section[aria-labelledby="stories-heading"] > p.empty') !== null,
  // The story's numbers, charts and heat map render in one go with its heading; then its list.
  story: (el) => root(el).querySelector('#story-heading') !== null && listReady(el),
  notes: (el) => root(el).querySelector('h3')?.textContent === 'All notes' && listReady(el),
};

/**
 * Resolves in the microtask after the DOM change that makes `ready` true: a
 * MutationObserver on the review's shadow root and on each notes list's.
 */
function whenReady(el: PlauditReviewElement, ready: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const options = { childList: true, subtree: true, attributes: true, characterData: true };
    const observed = new Set<ShadowRoot>();
    const observer = new MutationObserver(check);
    function check(): void {
      for (const notes of root(el).querySelectorAll('plaudit-review-notes')) {
        if (!observed.has(root(notes))) {
          observed.add(root(notes));
          observer.observe(root(notes), options);
        }
      }
      if (ready()) {
        observer.disconnect();
        resolve(performance.now());
      }
    }
    observer.observe(root(el), options);
    check();
  });
}

function makeReview(name: StoreName): PlauditReviewElement {
  const el = document.createElement('plaudit-review') as PlauditReviewElement;
  el.setAttribute('endpoint', stores[name].base);
  el.token = EDITOR_TOKEN;
  el.style.cssText = 'display: block; width: 1000px';
  return el;
}

/**
 * Mounts a review on `name`'s store, opens `view`, and times it to the first
 * frame that shows the view's content: the clock stops when a message posted
 * from the requestAnimationFrame callback after the content appeared is
 * delivered, i.e. once that frame's style, layout and paint are done.
 */
async function timeFirstRender(name: StoreName, view: View): Promise<{ total: number; content: number; requests: string[]; el: PlauditReviewElement }> {
  const el = makeReview(name);
  const logged = stores[name].log.entries.length;
  const t0 = performance.now();
  document.body.append(el);
  if (view === 'story') el.openStory(storyId);
  else if (view === 'notes') el.showView('notes');
  const content = await whenReady(el, () => READY[view](el));
  await frame();
  await afterThisTask();
  const total = performance.now() - t0;
  const requests = stores[name].log.entries.slice(logged).map((e) => {
    const url = new URL(e.url);
    return `${url.pathname.slice(stores[name].base.length)}${url.searchParams.has('offset') ? `@${url.searchParams.get('offset')}${url.searchParams.has('article') ? '/story' : ''}` : ''}`;
  });
  return { total, content: content - t0, requests, el };
}

// ---- what ran on the main thread ------------------------------------------------------------

/** The Long Animation Frames API's entry (Chromium), as far as this bench reads it. */
interface LongAnimationFrame extends PerformanceEntry {
  renderStart: number;
  styleAndLayoutStart: number;
  blockingDuration: number;
  scripts: Array<{
    invoker: string; invokerType: string; sourceURL: string; sourceFunctionName: string;
    startTime: number; duration: number; forcedStyleAndLayoutDuration: number;
  }>;
}

/** A span of synchronous work: when it began and how long it ran. */
interface Span {
  start: number;
  duration: number;
}

/**
 * Times, by wrapping their methods for a while: each update of the review and
 * of its notes list (render() through lit's DOM commit to updated()), and the
 * synchronous part of the mock's editor reads (summaries, a story's detail, a
 * page of the review list: filtering, sorting and slicing the annotations).
 */
class Instrument {
  readonly review: Span[] = [];
  readonly list: Span[] = [];
  readonly mock: Span[] = [];
  #restore: Array<() => void> = [];

  constructor() {
    this.#updates(PlauditReviewElement.prototype, this.review);
    this.#updates(PlauditReviewNotes.prototype, this.list);
    const views = EditorViews.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of ['summaries', 'detail', 'reviewPage']) {
      const original = views[name]!;
      const spans = this.mock;
      views[name] = function (this: unknown, ...args: unknown[]) {
        const start = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          spans.push({ start, duration: performance.now() - start });
        }
      };
      this.#restore.push(() => (views[name] = original));
    }
  }

  #updates(proto: object, spans: Span[]): void {
    const target = proto as { render(): unknown; updated?: () => void };
    const { render } = target;
    const own = Object.prototype.hasOwnProperty.call(target, 'updated');
    const updated = target.updated;
    let started = 0;
    target.render = function (this: unknown) {
      started = performance.now();
      return render.call(this);
    };
    target.updated = function (this: unknown) {
      spans.push({ start: started, duration: performance.now() - started });
      updated?.call(this);
    };
    this.#restore.push(() => {
      target.render = render;
      if (own) target.updated = updated;
      else delete target.updated;
    });
  }

  release(): void {
    this.#restore.splice(0).forEach((r) => r());
  }
}

const sum = (spans: readonly Span[]): number => spans.reduce((s, u) => s + u.duration, 0);
const longest = (spans: readonly Span[]): number => Math.max(0, ...spans.map((u) => u.duration));

/** Long tasks and long animation frames in a window, with the instrumented work in each. */
class MainThreadWatch {
  readonly longTasks: PerformanceEntry[] = [];
  readonly frames: LongAnimationFrame[] = [];
  readonly work = new Instrument();
  static readonly supported = PerformanceObserver.supportedEntryTypes.includes('longtask');
  static readonly loafSupported = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
  readonly #t0 = performance.now();
  #observers: Array<[PerformanceObserver, PerformanceEntry[]]> = [];

  constructor() {
    if (MainThreadWatch.supported) {
      const o = new PerformanceObserver((list) => this.longTasks.push(...list.getEntries()));
      o.observe({ type: 'longtask', buffered: true });
      this.#observers.push([o, this.longTasks]);
    }
    if (MainThreadWatch.loafSupported) {
      const o = new PerformanceObserver((list) => this.frames.push(...(list.getEntries() as LongAnimationFrame[])));
      o.observe({ type: 'long-animation-frame', buffered: true });
      this.#observers.push([o, this.frames]);
    }
  }

  async stop(): Promise<void> {
    await frame();
    await frame();
    await sleep(100);
    for (const [o, into] of this.#observers) {
      into.push(...o.takeRecords());
      o.disconnect();
    }
    this.work.release();
    const since = (e: { startTime: number }) => e.startTime >= this.#t0;
    this.longTasks.splice(0, this.longTasks.length, ...this.longTasks.filter(since));
    this.frames.splice(0, this.frames.length, ...this.frames.filter(since));
  }

  get longestTask(): number {
    return Math.max(0, ...this.longTasks.map((t) => t.duration));
  }

  get longestFrame(): LongAnimationFrame | undefined {
    return [...this.frames].sort((a, b) => b.duration - a.duration)[0];
  }

  /** One line per long task (the five longest): when, how long, and the instrumented work and long-frame scripts inside it. */
  describe(): string[] {
    const at = (t: number) => `+${(t - this.#t0).toFixed(0)}`;
    return [...this.longTasks].sort((a, b) => b.duration - a.duration).slice(0, 5).map((task) => {
      const end = task.startTime + task.duration;
      const inside = (list: readonly Span[]) => list.filter((u) => u.start >= task.startTime && u.start < end);
      const { review, list, mock } = this.work;
      const parts = [`${at(task.startTime)} ms: ${ms(task.duration)}`,
        `review updates ${inside(review).length} (${ms(sum(inside(review)))})`,
        `list updates ${inside(list).length} (${ms(sum(inside(list)))})`,
        `mock reads ${inside(mock).length} (${ms(sum(inside(mock)))})`];
      const loaf = this.frames.find((f) => f.startTime <= task.startTime + 1 && f.startTime + f.duration >= end - 1);
      if (loaf) {
        const frameEnd = loaf.startTime + loaf.duration;
        const styleLayout = loaf.styleAndLayoutStart > 0 ? frameEnd - loaf.styleAndLayoutStart : 0;
        const scripts = loaf.scripts.filter((sc) => sc.startTime < end && sc.startTime + sc.duration > task.startTime)
          .map((sc) => `${sc.invokerType} ${sc.invoker || '?'} [${shortSource(sc.sourceURL)}${sc.sourceFunctionName ? ` ${sc.sourceFunctionName}` : ''}] ${ms(sc.duration)}` +
            (sc.forcedStyleAndLayoutDuration > 0 ? ` (forced layout ${ms(sc.forcedStyleAndLayoutDuration)})` : ''));
        parts.push(`its frame ${ms(loaf.duration)}, style/layout/paint ${ms(styleLayout)}, scripts ≥5 ms: ${scripts.join('; ') || 'none'}`);
      }
      return parts.join(', ');
    });
  }
}

const shortSource = (url: string): string => {
  if (!url) return 'no source';
  const path = new URL(url, location.href).pathname;
  return path.replace(/^\/node_modules\/(\.pnpm\/)?/, '').replace(/^\/__wds-outside-root__\/\d+\//, '');
};

// ---- memory ---------------------------------------------------------------------------------

const gc = (globalThis as { gc?: () => void }).gc;
/** Chromium's `performance.memory` is a snapshot taken when it is read: read it again each time. */
const memory = (): { usedJSHeapSize: number } | undefined => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;

/** The JS heap after forced collections (when `--js-flags=--expose-gc` gave us `gc()`). */
async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await sleep(50);
    gc?.();
  }
  await sleep(50);
  return memory()?.usedJSHeapSize ?? NaN;
}

const mb = (bytes: number): string => (Number.isNaN(bytes) ? 'n/a' : `${(bytes / 1_048_576).toFixed(2)} MB`);

/**
 * Scrolls the list page by page (each step its own frame), each page loading in turn; the
 * list lets go of the pages it scrolled past, so at the end it holds the last ones only.
 */
async function loadEveryPage(notes: PlauditReviewNotes): Promise<void> {
  const scroller = root(notes).querySelector<HTMLElement>('.scroller')!;
  const total = notes.total;
  for (let first = 0; first < total; first += PAGE) {
    await frame();
    scroller.scrollTop = first * ROW_HEIGHT;
    await until(() => notes.itemAt(first) !== undefined, `row ${first} loaded`);
  }
  await frame();
  scroller.scrollTop = scroller.scrollHeight;
  await until(() => notes.itemAt(total - 1) !== undefined, 'the last row loaded');
}

/**
 * Makes the list drop its pages (a reset, as a new source would), keeping its source. Not
 * inline in the test: a local holding the source would keep its cache alive across the
 * measurements that follow.
 */
function dropPages(notes: PlauditReviewNotes): void {
  const source = notes.source;
  notes.source = null;
  notes.source = source;
}

// ---- the benchmark --------------------------------------------------------------------------

describe('review benchmark', function () {
  this.timeout(900_000);

  before(async () => {
    const now = Date.now();
    data = generateReviewData({ stories: STORIES, readers: READERS, annotations: ANNOTATIONS, now });
    const small = generateReviewData({ stories: STORIES, readers: 20, annotations: SMALL, now });
    const perStory = new Map<string, number>();
    for (const a of data.annotations) perStory.set(a.articleId, (perStory.get(a.articleId) ?? 0) + 1);
    storyId = [...perStory].sort((a, b) => b[1] - a[1])[0]![0];
    const handlers = [];
    for (const name of ['full', 'empty', 'small'] as const) {
      const db = `plaudit-bench-review-${name}`;
      await ServerStore.destroy(db);
      const store = await ServerStore.open(db);
      const requestLog = new RequestLog();
      stores[name] = { base: `/api/bench-${name}`, db, store, log: requestLog };
      handlers.push(...createHandlers({ base: stores[name].base, store, log: requestLog }));
    }
    const t0 = performance.now();
    await stores.full.store.bulk(data);
    await stores.small.store.bulk(small);
    const notes = data.annotations.filter((a) => a.annotation.body).length;
    log(`review data: ${STORIES} stories, ${data.readers.length} readers, ${data.claps.length} clap records, ${data.clapLog.length} clap log entries, ` +
      `${data.annotations.length} annotations (${notes} notes); story view opens ${storyId} (${perStory.get(storyId)} annotations); ` +
      `seeded in ${ms(performance.now() - t0)}`);
    worker = setupWorker(...handlers);
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
    const check = await fetch(`${stores.full.base}/review/annotations?limit=1`, { headers: { Authorization: `Bearer ${EDITOR_TOKEN}` } });
    expect((await check.json()).total).to.equal(ANNOTATIONS);
    log(`heap measurement: ${gc ? 'gc() exposed' : 'no gc() (add --js-flags=--expose-gc)'}, performance.memory ${memory() ? 'present' : 'absent'}`);
  });

  afterEach(() => document.querySelectorAll('plaudit-review').forEach((el) => el.remove()));

  after(async () => {
    worker?.stop();
    for (const s of Object.values(stores)) {
      s.store.close();
      await ServerStore.destroy(s.db);
    }
    printTable();
  });

  it('times the first render of each view, 10,000 annotations against an empty store', async () => {
    const labels: Record<View, string> = { stories: 'stories table', story: 'one story', notes: 'all notes' };
    for (const view of ['stories', 'notes', 'story'] as const) {
      // The story view needs a story to open: the empty store gets its registration only.
      if (view === 'story') {
        const article = data.articles.find((a) => a.id === storyId)!;
        await stores.empty.store.putArticle(storyId, article.registration);
      }
      const times: Record<'full' | 'empty', number[]> = { full: [], empty: [] };
      const content: Record<'full' | 'empty', number[]> = { full: [], empty: [] };
      const own: Record<'review' | 'list' | 'mock', number[]> = { review: [], list: [], mock: [] };
      let requests: string[] = [];
      // The first mount after a write makes the mock read and index its whole store: timed apart.
      for (const name of ['full', 'empty'] as const) {
        await settle();
        const cold = await timeFirstRender(name, view);
        cold.el.remove();
        log(`first render, ${labels[view]}, ${name} store, cold mock (indexes the store first): ${ms(cold.total)}`);
      }
      for (let run = 0; run < RUNS; run++) {
        for (const name of ['full', 'empty'] as const) {
          await settle();
          const work = new Instrument();
          const timed = await timeFirstRender(name, view);
          work.release();
          expect(READY[view](timed.el)).to.equal(true);
          if (name === 'full' && view !== 'stories') expect(notesOf(timed.el)!.total).to.be.greaterThan(0);
          if (name === 'full') {
            requests = timed.requests;
            own.review.push(sum(work.review));
            own.list.push(sum(work.list));
            own.mock.push(sum(work.mock));
          }
          timed.el.remove();
          times[name].push(timed.total);
          content[name].push(timed.content);
        }
      }
      const full = median(times.full);
      const empty = median(times.empty);
      log(`first render, ${labels[view]}: full ${times.full.map(ms).join(', ')} (content in the DOM at ${ms(median(content.full))}); ` +
        `empty ${times.empty.map(ms).join(', ')} (content at ${ms(median(content.empty))})`);
      log(`first render, ${labels[view]}, full store, medians: review updates ${ms(median(own.review))}, list updates ${ms(median(own.list))}, ` +
        `mock reads (synchronous) ${ms(median(own.mock))}; requests: ${requests.join(', ')}`);
      addRow({ figure: `first render: ${labels[view]} (to frame)`, plaudit: ms(full), peer: `empty store ${ms(empty)}`, ratio: full / empty, goal: 'info', pass: true });
    }
  });

  it('watches the main thread while 12 characters are typed into the all-notes search', async () => {
    await settle();
    const { el } = await timeFirstRender('full', 'notes');
    const notes = notesOf(el)!;
    await settle(500);
    notes.focusSearch();
    const watch = new MainThreadWatch();
    const t0 = performance.now();
    const keys: number[] = [];
    for (const ch of SEARCH_PHRASE) {
      await sendKeys({ type: ch });
      keys.push(performance.now());
    }
    await until(() => notes.query.q === SEARCH_PHRASE && listReady(el), 'the list shows the search result');
    await frame();
    await afterThisTask();
    const elapsed = performance.now() - t0;
    await watch.stop();
    const gaps = keys.map((t, i) => t - (i === 0 ? t0 : keys[i - 1]!));
    log(`typing "${SEARCH_PHRASE}": ${notes.total} matches, last key to updated list ${ms(elapsed - (keys.at(-1)! - t0))}, ` +
      `keys every ${ms(median(gaps))} (longest gap ${ms(Math.max(...gaps))})`);
    report('typing 12 characters', watch);
    expect(notes.total).to.be.greaterThan(0);
    el.remove();
  });

  it(`watches the main thread while the all-notes list of ${ANNOTATIONS.toLocaleString('en')} scrolls from top to bottom`, async () => {
    await settle();
    const { el } = await timeFirstRender('full', 'notes');
    const notes = notesOf(el)!;
    await settle(500);
    const scroller = root(notes).querySelector<HTMLElement>('.scroller')!;
    const max = scroller.scrollHeight - scroller.clientHeight;
    expect(notes.total).to.equal(ANNOTATIONS);
    const lastShown = () => root(notes).querySelector(`.row[data-index="${ANNOTATIONS - 1}"]:not(.loading)`) !== null;
    /** One pass, top to bottom, one step per frame; resolves once the last row shows. */
    const pass = async (what: string): Promise<void> => {
      scroller.scrollTop = 0;
      await settle();
      const watch = new MainThreadWatch();
      const t0 = performance.now();
      for (let step = 1; step <= SCROLL_STEPS; step++) {
        await frame();
        scroller.scrollTop = Math.round((max * step) / SCROLL_STEPS);
      }
      const scrolled = performance.now() - t0;
      await until(lastShown, 'the last row shows');
      await frame();
      await afterThisTask();
      const elapsed = performance.now() - t0;
      await watch.stop();
      log(`${what}: ${SCROLL_STEPS} steps of ${(max / SCROLL_STEPS / ROW_HEIGHT).toFixed(0)} rows in ${ms(scrolled)} ` +
        `(${((SCROLL_STEPS * 1000) / scrolled).toFixed(0)} steps/s), last row shown at ${ms(elapsed)}`);
      report(what, watch);
    };
    await pass(`scrolling ${ANNOTATIONS.toLocaleString('en')} items`);
    // Again, after one pass through every page (the mock's caches warm).
    await loadEveryPage(notes);
    await pass('scrolling again');

    // A reader claps somewhere; the next poll (every 5 s) reads the stories and the list's pages in view again.
    await settle();
    const logged = stores.full.log.entries.length;
    const watch = new MainThreadWatch();
    await stores.full.store.putClaps(storyId, data.readers[0]!.readerId, { count: 3, rev: 1_000 });
    const since = () => stores.full.log.entries.slice(logged);
    const reads = () => since().filter((e) => e.url.includes('/review/annotations'));
    await until(() => reads().length > 0, 'the list polled', 30_000);
    // The poll is over when every request is answered and nothing new came for half a second.
    for (let seen = -1; seen !== since().length;) {
      seen = since().length;
      await until(() => since().every((e) => e.outcome !== undefined), 'the poll is answered');
      await sleep(500);
    }
    await watch.stop();
    const pages = reads().map((e) => Number(new URL(e.url).searchParams.get('offset')) / PAGE);
    const polled = since();
    log(`poll after one write: ${polled.length} requests in ${ms(polled.at(-1)!.at - polled[0]!.at)} ` +
      `(list pages ${pages.join(', ')}; ${polled.filter((e) => e.outcome === 200).length} answered 200); ` +
      `mock reads ${watch.work.mock.length} taking ${ms(sum(watch.work.mock))} (longest ${ms(longest(watch.work.mock))}); ` +
      `long tasks ${watch.longTasks.length}${watch.longTasks.length ? `, longest ${ms(watch.longestTask)}` : ''}`);
    watch.describe().forEach((line) => log(`poll after a write, long task: ${line}`));
    addRow({ figure: 'longest task, poll after a write', plaudit: watch.longTasks.length ? ms(watch.longestTask) : 'none >50 ms',
      peer: `list pages read ${pages.length}`, ratio: watch.longestTask / 50, goal: 'info', pass: true });
    el.remove();
  });

  it('weighs the heap the list holds after scrolling through every page, 10,000 items against 100', async () => {
    const held: Partial<Record<'full' | 'small', number>> = {};
    for (const name of ['small', 'full'] as const) {
      // Once through with a throwaway review, so the mock's own caches (anchors, its index) are full first.
      await settle();
      const warm = (await timeFirstRender(name, 'notes')).el;
      await loadEveryPage(notesOf(warm)!);
      warm.remove();
      await settle();
      const before = await heapAfterGc();
      const mounted = await mountAndLoad(name);
      await settle();
      const loaded = await heapAfterGc();
      dropPages(mounted.notes.deref()!);
      await until(() => listReady(mounted.el.deref()!), 'the list reloaded');
      await settle();
      const dropped = await heapAfterGc();
      mounted.el.deref()!.remove();
      await settle();
      const after = await heapAfterGc();
      const collected = mounted.el.deref() === undefined && mounted.source.deref() === undefined;
      held[name] = loaded - after;
      log(`memory, ${mounted.total} items: heap before mounting ${mb(before)}, after scrolling through every page ${mb(loaded)}, ` +
        `after the list dropped its pages ${mb(dropped)}, after removing the review ${mb(after)} (review and source collected: ${collected}): ` +
        `held by the review ${mb(loaded - after)} (${((loaded - after) / mounted.total / 1024).toFixed(2)} KB per item), ` +
        `of which still held once the list dropped its pages ${mb(dropped - after)}`);
    }
    const ratio = held.full! / held.small!;
    addRow({ figure: `list memory, ${ANNOTATIONS.toLocaleString('en')} scrolled through (heap after GC)`, plaudit: mb(held.full!), peer: `${SMALL} items ${mb(held.small!)}`,
      ratio, goal: '<3x', pass: ratio < 3 });
  });
});

/**
 * Mounts the all-notes view on `name`'s store and scrolls through every page. Only weak
 * references come back, so nothing here keeps the review alive once it is removed.
 */
async function mountAndLoad(name: StoreName): Promise<{ el: WeakRef<PlauditReviewElement>; notes: WeakRef<PlauditReviewNotes>; source: WeakRef<object>; total: number }> {
  const { el } = await timeFirstRender(name, 'notes');
  const notes = notesOf(el)!;
  expect(notes.total).to.equal(name === 'full' ? ANNOTATIONS : SMALL);
  await loadEveryPage(notes);
  return { el: new WeakRef(el), notes: new WeakRef(notes), source: new WeakRef(notes.source!), total: notes.total };
}

function report(what: string, watch: MainThreadWatch): void {
  const task = watch.longestTask;
  const frameEntry = watch.longestFrame;
  const { review, list, mock } = watch.work;
  watch.describe().forEach((line) => log(`${what}, long task: ${line}`));
  log(`${what}: long tasks ${MainThreadWatch.supported ? watch.longTasks.length : 'not observable'}, longest ${ms(task)}; ` +
    `long animation frames ${watch.frames.length}, longest ${frameEntry ? `${ms(frameEntry.duration)} (blocking ${ms(frameEntry.blockingDuration)})` : '-'}; ` +
    `list updates ${list.length} (longest ${ms(longest(list))}, median ${ms(list.length ? median(list.map((u) => u.duration)) : 0)}), ` +
    `review updates ${review.length} (longest ${ms(longest(review))}); ` +
    `mock reads ${mock.length} (longest ${ms(longest(mock))}, median ${ms(mock.length ? median(mock.map((u) => u.duration)) : 0)})`);
  const shown = !MainThreadWatch.supported ? 'n/a' : watch.longTasks.length === 0 ? 'none >50 ms' : ms(task);
  addRow({ figure: `longest task, ${what}`, plaudit: shown, peer: 'budget 50 ms', ratio: task / 50, goal: 'no task >50 ms', pass: task <= 50 });
  addRow({ figure: '  longest list update / mock read', plaudit: ms(longest(list)), peer: `mock ${ms(longest(mock))}`, ratio: NaN, goal: 'info', pass: true });
}
