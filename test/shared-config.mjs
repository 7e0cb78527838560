import { esbuild, mockWorkerMiddleware, strictPageMiddleware } from '../web-dev-server.config.mjs';
import { openapiPlugin } from './contract/openapi-plugin.mjs';

/** What every test run shares, whatever the browser. */
export const shared = {
  rootDir: '.',
  nodeResolve: true,
  files: ['test/**/*.test.ts', '!test/bench/**', '!test/dist/**', '!test/frameworks/**', '!test/server/**', '!test/server-e2e/**'],
  middleware: [mockWorkerMiddleware, strictPageMiddleware],
  plugins: [esbuild, openapiPlugin()],
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 20000 } },
};
