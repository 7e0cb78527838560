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

const PEERS = {
  'dom-anchor-text-quote': "import * as m from 'dom-anchor-text-quote'; export const toRange = m.toRange;",
  '@apache-annotator/dom':
    "export { createTextQuoteSelectorMatcher, highlightText } from '@apache-annotator/dom';",
};
const PREFIX = '/__bench-peers/';

// Frames as fast as the browser can render them, for the "(to frame)" rows. By default
// headless Chromium begins a frame every 16.7 ms (60 Hz), so "until a frame with the change
// has been produced" is at least two refresh intervals (~33 ms) however little rendering
// there is, and a 0.1 ms clear measured like a 0.1 ms clear that takes 30 ms to paint.
// - --disable-frame-rate-limit: viz begins the next frame as soon as the last one is done.
// - --run-all-compositor-stages-before-draw: a frame is drawn only after its commit, raster
//   and activation, and the next frame begins after that. Without it headless Chromium 156
//   stays at ~60 rAF callbacks/s even with --disable-frame-rate-limit (and
//   --disable-gpu-vsync changes nothing there), and it is also what keeps "the next
//   requestAnimationFrame" meaning "the previous frame has been drawn" (see nextFrame in
//   anchoring.bench.ts).
// Measured in the bench (it logs the figure): ~55-60 rAF callbacks/s without these flags,
// several hundred to ~1,000/s with them. Plaudit and the peer are measured the same way.
// BENCH_CAPPED_FRAMES=1 npm run bench runs without them, for comparison.
const UNCAPPED_FRAMES = ['--disable-frame-rate-limit', '--run-all-compositor-stages-before-draw'];
const benchArgs = process.env.BENCH_CAPPED_FRAMES === '1' ? CHROMIUM_ARGS : [...CHROMIUM_ARGS, ...UNCAPPED_FRAMES];
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
  plugins: [peerBundles, ...shared.plugins],
  browserLogs: true,
  testsFinishTimeout: 1800000,
  testFramework: { config: { timeout: 900000 } },
  browsers: [
    chromeLauncher({ launchOptions: { executablePath: CHROMIUM, headless: true, args: benchArgs } }),
  ],
};
