// A web-test-runner plugin for startup.bench.ts: it serves pages the bench generates and lets the
// bench open each one fresh in its own tab of the launched Chromium, as a reader's browser would,
// with CPU throttling (DevTools protocol) and real mouse and key input (puppeteer).
//
// In @web/test-runner-chrome, `session.browser` is the ChromeLauncher and
// `session.browser.getPage(session.id)` the puppeteer Page running the bench; new tabs open in
// that page's browser context, so they share its origin and IndexedDB.
//
// Commands (payloads are JSON):
//   startup-serve   { name, html }            serves html at /__startup/<name>.html
//   startup-open    { url, throttle }         new tab, observers installed before any script, then
//                                             goto(url) until load -> { id }
//   startup-eval    { id, source, arg }       runs the function `source` in the tab with `arg`
//   startup-mouse   { id, steps }             steps: { type: 'move'|'down'|'up', x, y, steps? }
//   startup-type    { id, text }              real key presses
//   startup-wait    { id, ms }                waits in Node (the tab's timers are throttled)
//   startup-close   { id }
//
// BENCH_TRACE=<dir> also records a DevTools trace (with JS samples and invalidation tracking) of
// each startup-mouse command into <dir>/mouse-<n>.json, for chrome://tracing or DevTools; tracing
// slows the page, so figures from such a run are not the bench's.

const PREFIX = '/__startup/';
// What BENCH_TRACE records.
const TRACE_CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-devtools.timeline.invalidationTracking', 'blink', 'cc', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler',
];
let traced = 0;

/**
 * Runs in each tab before its first script: buffered observers for long tasks and event timing,
 * so nothing that happens during start-up is missed.
 */
function installObservers() {
  const bench = (window.__bench = { longtasks: [], events: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      bench.events.push({
        name: e.name, start: e.startTime, duration: e.duration, interactionId: e.interactionId,
        processing: e.processingEnd - e.processingStart,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
}

export function cdpPlugin() {
  const pages = new Map();
  const tabs = new Map();
  let next = 0;
  const tab = (id) => {
    const page = tabs.get(id);
    if (!page) throw new Error(`no bench tab ${id}`);
    return page;
  };
  return {
    name: 'bench-cdp',
    serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const html = pages.get(context.path.slice(PREFIX.length).replace(/\.html$/, ''));
      return html === undefined ? undefined : { body: html, type: 'html', headers: { 'cache-control': 'no-store' } };
    },
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('startup-')) return undefined;
      if (session.browser.type !== 'puppeteer' || typeof session.browser.getPage !== 'function') {
        throw new Error('startup bench commands need the Chromium (puppeteer) launcher');
      }
      switch (command) {
        case 'startup-serve':
          pages.set(payload.name, payload.html);
          return true;
        case 'startup-open': {
          const bench = session.browser.getPage(session.id);
          const page = await bench.browserContext().newPage();
          await page.setViewport({ width: 1024, height: 768 });
          const cdp = await page.createCDPSession();
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: payload.throttle ?? 1 });
          await page.evaluateOnNewDocument(installObservers);
          const id = ++next;
          tabs.set(id, page);
          await page.goto(new URL(payload.url, bench.url()).href, { waitUntil: 'load', timeout: 120000 });
          return { id };
        }
        case 'startup-eval':
          return tab(payload.id).evaluate(`(${payload.source})(${JSON.stringify(payload.arg ?? null)})`);
        case 'startup-mouse': {
          const page = tab(payload.id);
          const { mouse } = page;
          const trace = process.env.BENCH_TRACE && `${process.env.BENCH_TRACE}/mouse-${++traced}.json`;
          if (trace) await page.tracing.start({ path: trace, categories: TRACE_CATEGORIES });
          for (const s of payload.steps) {
            if (s.type === 'move') await mouse.move(s.x, s.y, { steps: s.steps ?? 1 });
            else if (s.type === 'down') await mouse.down();
            else await mouse.up();
          }
          if (trace) await new Promise((resolve) => setTimeout(resolve, 1500)).then(() => page.tracing.stop());
          return true;
        }
        case 'startup-type':
          await tab(payload.id).keyboard.type(payload.text, { delay: 30 });
          return true;
        case 'startup-wait':
          await new Promise((resolve) => setTimeout(resolve, payload.ms));
          return true;
        case 'startup-close':
          await tab(payload.id).close();
          tabs.delete(payload.id);
          return true;
        default:
          return undefined;
      }
    },
  };
}
