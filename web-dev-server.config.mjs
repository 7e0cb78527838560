import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';

/**
 * The msw worker must be served from the site root so its scope covers every page
 * (the demo and the test runner's pages). The file lives with the mock endpoint.
 */
export function mockWorkerMiddleware(context, next) {
  if (context.url === '/mockServiceWorker.js' || context.url.startsWith('/mockServiceWorker.js?')) {
    context.url = '/demo/mock-endpoint/mockServiceWorker.js';
  }
  return next();
}

export const esbuild = esbuildPlugin({
  ts: true,
  target: 'es2022',
  tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
});

/** The demo: open http://localhost:8000/demo/ (the dev server serves appIndex under its folder). */
export default {
  rootDir: '.',
  nodeResolve: true,
  port: 8000,
  appIndex: 'demo/index.html',
  middleware: [mockWorkerMiddleware],
  plugins: [esbuild],
};
