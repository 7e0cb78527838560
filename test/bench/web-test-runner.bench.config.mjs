// Benchmarks: headless Chromium, same launcher as the test config, long timeouts,
// browser logs shown (the figures are printed with console.log).
//
// The peers are not browser-ready ESM (dom-anchor-text-quote is CommonJS,
// @apache-annotator/dom imports CommonJS babel helpers), so this config serves
// them bundled by esbuild. @apache-annotator/dom needs @apache-annotator/selector
// at run time; when it is not installed its matcher is reported as unavailable
// (NODE_PATH may point at a folder where it is installed).
import { build } from 'esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { shared } from '../shared-config.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../browsers.mjs';
import { cdpPlugin } from './cdp-plugin.mjs';

const PEERS = {
  'dom-anchor-text-quote': "import * as m from 'dom-anchor-text-quote'; export const toRange = m.toRange;",
  '@apache-annotator/dom':
    "export { createTextQuoteSelectorMatcher, highlightText } from '@apache-annotator/dom';",
};
const PREFIX = '/__bench-peers/';

// No frame-rate flags by default. "To frame" in anchoring.bench.ts does not wait for the
// display's refresh: the operation runs at the start of a frame (right after a
// requestAnimationFrame callback) and the clock stops when a message posted right after it is
// delivered, i.e. once that frame's style, layout, pre-paint, paint and commit, which run in the
// same task, are done. Uncapping the frame rate was tried first and is worse (Chromium 156,
// headless, 2 CPUs):
// - --disable-frame-rate-limit alone, or with --disable-gpu-vsync: still ~55-60 rAF callbacks/s.
// - --run-all-compositor-stages-before-draw alone: about one frame per second.
// - --disable-frame-rate-limit + --run-all-compositor-stages-before-draw: 450-4,300 rAF
//   callbacks/s, but Chromium then spins on begin-frames and uses both CPUs even on an idle
//   page (199% of a core, against 6% without), so the main thread is starved: in a trace,
//   Plaudit's pre-paint took up to 229 ms of wall time for 9-27 ms of its own CPU time, and
//   "clear 1,000 highlights (to frame)" went from 11-14 ms to 37 ms. It measured CPU
//   contention instead of vsync.
// BENCH_UNCAPPED_FRAMES=1 npm run bench adds those two flags, to re-check on another machine;
// the bench logs the rAF callbacks per second it sees either way.
const UNCAPPED_FRAMES = ['--disable-frame-rate-limit', '--run-all-compositor-stages-before-draw'];
// review.bench.ts reads the JS heap after forced collections: gc() and unrounded performance.memory.
const MEMORY = ['--js-flags=--expose-gc', '--enable-precise-memory-info'];
const benchArgs = [...CHROMIUM_ARGS, ...MEMORY, ...(process.env.BENCH_UNCAPPED_FRAMES === '1' ? UNCAPPED_FRAMES : [])];
const nodePaths = (process.env.NODE_PATH ?? '').split(':').filter(Boolean);

/** Stands in for a missing @apache-annotator/selector so the rest of the package still loads. */
const missingSelector = {
  name: 'missing-selector',
  setup(b) {
    b.onResolve({ filter: /^@apache-annotator\/selector$/ }, async (args) => {
      if (args.pluginData === 'again') return undefined;
      const found = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'again' });
      if (found.errors.length === 0) return { path: found.path };
      return { path: 'missing-selector', namespace: 'stub' };
    });
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: "const missing = () => { throw new Error('@apache-annotator/selector is not installed'); };" +
        'export const textQuoteSelectorMatcher = missing, textPositionSelectorMatcher = missing, ' +
        'describeTextQuote = missing, describeTextPosition = missing;',
    }));
  },
};

const bundles = new Map();
const peerBundles = {
  name: 'bench-peer-bundles',
  resolveImport({ source }) {
    if (source in PEERS) return `${PREFIX}${encodeURIComponent(source)}.js`;
    return undefined;
  },
  async serve(context) {
    if (!context.path.startsWith(PREFIX)) return undefined;
    const name = decodeURIComponent(context.path.slice(PREFIX.length, -3));
    if (!(name in PEERS)) return undefined;
    if (!bundles.has(name)) {
      const result = await build({
        stdin: { contents: PEERS[name], resolveDir: process.cwd(), loader: 'js' },
        bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent', nodePaths,
        define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
        plugins: [missingSelector],
      });
      bundles.set(name, result.outputFiles[0].text);
    }
    return { body: bundles.get(name), type: 'js' };
  },
};

export default {
  ...shared,
  files: ['test/bench/**/*.bench.ts'],
  // cdpPlugin: fresh tabs, CPU throttling and real input for startup.bench.ts.
  plugins: [peerBundles, cdpPlugin(), ...shared.plugins],
  browserLogs: true,
  testsFinishTimeout: 1800000,
  testFramework: { config: { timeout: 900000 } },
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: CHROMIUM, headless: true, args: benchArgs } }),
  ],
};
