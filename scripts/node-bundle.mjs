// The esbuild options every Node-side bundle shares (the server, its tests and
// its benchmark): one ES module for Node 20, npm packages left as imports.
import { readFileSync } from 'node:fs';

export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  tsconfigRaw: readFileSync('tsconfig.json', 'utf8'),
  logLevel: 'warning',
};
