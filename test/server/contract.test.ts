// The protocol's contract suite (test/contract/, the same cases the mock passes
// in the browser) against the Node server over real HTTP: the endpoint handler
// behind the node:http adapter, on PGlite and on a real PostgreSQL. Every
// answer is validated against src/endpoint/openapi.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createEndpoint } from '../../src/endpoint/handler.js';
import { CACHE_TTL_MS } from '../../src/endpoint/storage-cache.js';
import { startHttpServer, type HttpServer } from '../../src/server/http-server.js';
import { contractCases, type Capability } from '../contract/contract-suite.js';
import { recordingContext } from '../contract/recorder.js';
// @ts-expect-error: plain JavaScript, shared with the browser runner's plugin.
import { createValidator } from '../contract/openapi-validator.mjs';
import { backends, open, type Opened } from './sql-backends.js';

const BASE = '/api/plaudit';
const ORIGIN = 'https://blog.example';
const CAPABILITIES = new Set<Capability>(['readers', 'cors', 'server']);
const spec = JSON.parse(readFileSync('src/endpoint/openapi.json', 'utf8'));

for (const backend of backends()) {
  describe(`contract: the Node server on ${backend.name}`, { skip: backend.skip }, () => {
    const validator = createValidator(spec);
    let db: Opened;
    let server: HttpServer;
    let editorToken: string;

    before(async () => {
      db = await open(backend);
      editorToken = (await db.storage.createEditorToken('contract')).token;
      // As plaudit-server runs it: with its caches.
      const handler = createEndpoint({ storage: db.storage, base: BASE, cors: { origins: [ORIGIN] }, cacheMs: CACHE_TTL_MS });
      server = await startHttpServer({
        handler, port: 0, host: '127.0.0.1', base: BASE, maxBodyBytes: 21 * 1024 * 1024,
        log: { write: () => true }, health: () => db.storage.version(),
      });
    });
    after(async () => {
      await server?.close();
      await db?.close();
      await backend.end();
      const unseen: string[] = validator.checkCoverage();
      console.log(`OpenAPI coverage against the server on ${backend.name}: ${unseen.length} documented (path, method, status) never seen${unseen.length ? `:\n  ${unseen.join('\n  ')}` : ''}`);
    });

    for (const contract of contractCases()) {
      const missing = (contract.needs ?? []).filter((n) => !CAPABILITIES.has(n));
      it(contract.name, { skip: missing.length > 0 ? `needs ${missing.join(', ')}` : false }, async () => {
        const { ctx, exchanges } = recordingContext({ fetch, server: server.origin, base: BASE, editorToken, origin: ORIGIN });
        let failure: unknown = null;
        try {
          await contract.run(ctx);
        } catch (error) {
          failure = error;
        }
        const problems: string[] = exchanges.flatMap((e) => validator.validate(e));
        const messages = [...(failure ? [failure instanceof Error ? failure.message : String(failure)] : []), ...problems];
        assert.deepEqual(messages, [], messages.join('\n'));
      });
    }
  });
}
