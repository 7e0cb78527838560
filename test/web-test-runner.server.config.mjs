// The built server (dist/server/cli.js, `npm run build:server`) under the browser:
// end-to-end tests of the widget against the real server and a real database,
// through a fault-injecting proxy, with the server killed and restarted.
import { shared } from './shared-config.mjs';
import { serverControlPlugin } from './server-e2e/server-control-plugin.mjs';
import base from './web-test-runner.config.mjs';

export default {
  ...base,
  files: ['test/server-e2e/**/*.test.ts'],
  plugins: [...shared.plugins, serverControlPlugin()],
  testFramework: { config: { timeout: 240_000 } },
  testsFinishTimeout: 600_000,
};
