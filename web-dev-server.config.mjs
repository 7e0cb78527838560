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

/**
 * The policy `demo/strict.html` is served with: no inline script or style, no
 * eval, no plugins, no `<base>`, and Trusted Types enforced for script sinks with
 * only lit's policy (`lit-html`; 'allow-duplicates' for pages that load two
 * bundles, each with its own lit). The README's "Strict pages" documents it.
 */
export const STRICT_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'",
  "require-trusted-types-for 'script'", "trusted-types lit-html 'allow-duplicates'",
].join('; ');

/** Sends `demo/strict.html` with `STRICT_POLICY` as a header, as a strict host would. */
export async function strictPageMiddleware(context, next) {
  await next();
  if (context.path === '/demo/strict.html') context.set('Content-Security-Policy', STRICT_POLICY);
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
  middleware: [mockWorkerMiddleware, strictPageMiddleware],
  plugins: [esbuild],
};
