// The built files (after `npm run build` and `node scripts/build-frameworks.mjs`), in
// headless Chromium: the bundles in dist/, and the React, Vue and Svelte examples
// in demo/frameworks/build/ that load them.
import base from './web-test-runner.config.mjs';

export default { ...base, files: ['test/dist/**/*.test.ts', 'test/frameworks/**/*.test.ts'] };
