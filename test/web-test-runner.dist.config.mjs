// The built bundles in dist/ (after `npm run build`), in headless Chromium.
import base from './web-test-runner.config.mjs';

export default { ...base, files: ['test/dist/**/*.test.ts'] };
