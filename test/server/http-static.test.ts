// Static files beside the endpoint: only what is inside a mount, never a
// dotfile, with the right types and, on pages, the strict security headers.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startHttpServer, type HttpServer } from '../../src/server/http-server.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with the path sent exactly as written (fetch would normalise `..` away). */
function get(server: HttpServer, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('http-server: static files', () => {
  let dir: string;
  let server: HttpServer;
  const handled: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plaudit-static-'));
    const site = join(dir, 'site');
    mkdirSync(join(site, 'sub'), { recursive: true });
    mkdirSync(join(site, '.git'));
    mkdirSync(join(dir, 'bundles'));
    writeFileSync(join(dir, 'package.json'), '{"name":"outside"}');
    writeFileSync(join(dir, 'shared.css'), 'body { color: red }');
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>home</title>');
    writeFileSync(join(site, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
    writeFileSync(join(site, 'page.html'), '<!doctype html><title>page</title>');
    writeFileSync(join(site, 'data.json'), '{}');
    writeFileSync(join(site, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(site, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(site, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
    writeFileSync(join(site, 'notes.txt'), 'plain');
    writeFileSync(join(site, 'blob.bin'), 'raw');
    writeFileSync(join(site, '.env'), 'SECRET=1');
    writeFileSync(join(site, '.git', 'config'), '[core]');
    writeFileSync(join(dir, 'bundles', 'plaudit.js'), 'export {};');
    writeFileSync(join(dir, 'bundles', 'plaudit.js.map'), '{"version":3}');
    symlinkSync(join(dir, 'package.json'), join(site, 'linked.json'));
    server = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      maxBodyBytes: 1024,
      health: async () => {},
      log: { write() {} },
      staticDir: [
        { prefix: '/', path: site },
        { prefix: '/dist/', path: join(dir, 'bundles') },
        { prefix: '/demo.css', path: join(dir, 'shared.css') },
      ],
      handler: async (request) => {
        handled.push(`${request.method} ${new URL(request.url).pathname}`);
        return new Response('from the endpoint');
      },
    });
  });

  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves each kind of file with its content type and no-cache', async () => {
    const types: Record<string, string> = {
      '/page.html': 'text/html; charset=utf-8',
      '/data.json': 'application/json; charset=utf-8',
      '/logo.svg': 'image/svg+xml',
      '/image.png': 'image/png',
      '/favicon.ico': 'image/x-icon',
      '/notes.txt': 'text/plain; charset=utf-8',
      '/blob.bin': 'application/octet-stream',
      '/dist/plaudit.js': 'text/javascript; charset=utf-8',
      '/dist/plaudit.js.map': 'application/json; charset=utf-8',
      '/demo.css': 'text/css; charset=utf-8',
    };
    for (const [path, type] of Object.entries(types)) {
      const answer = await get(server, path);
      assert.equal(answer.status, 200, path);
      assert.equal(answer.headers['content-type'], type, path);
      assert.equal(answer.headers['cache-control'], 'no-cache', path);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', path);
    }
    assert.equal((await get(server, '/dist/plaudit.js')).body, 'export {};');
  });

  it('sends pages with a strict Content-Security-Policy and no referrer', async () => {
    const page = await get(server, '/');
    assert.equal(page.status, 200);
    assert.match(page.body, /<title>home<\/title>/);
    assert.equal(
      page.headers['content-security-policy'],
      "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'",
    );
    assert.equal(page.headers['referrer-policy'], 'no-referrer');
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal((await get(server, '/dist/plaudit.js')).headers['content-security-policy'], undefined);
    // An SVG opened on its own may not run scripts.
    assert.match(String((await get(server, '/logo.svg')).headers['content-security-policy']), /script-src 'none'/);
  });

  it('serves index.html for a directory, redirecting to the slash first', async () => {
    const bare = await get(server, '/sub');
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, '/sub/');
    const slash = await get(server, '/sub/');
    assert.equal(slash.status, 200);
    assert.match(slash.body, /<title>sub<\/title>/);
  });

  it('refuses paths that climb out of the mount, however they are spelled', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/package.json',
      '/.%2e/package.json',
      '/sub/..%2f..%2fpackage.json',
      '/sub/%2e%2e%2fpackage.json',
      '/..%5cpackage.json',
      '/dist/../../package.json',
      '//etc/passwd',
      '/%00',
      '/%zz',
      '/linked.json',
    ]) {
      const answer = await get(server, path);
      assert.equal(answer.status, 404, path);
      assert.doesNotMatch(answer.body, /outside/, path);
    }
  });

  it('refuses dotfiles and dot-directories', async () => {
    for (const path of ['/.env', '/%2eenv', '/.git/config', '/.git/', '/sub/.hidden']) {
      assert.equal((await get(server, path)).status, 404, path);
    }
  });

  it('answers 404 for a missing file', async () => {
    const answer = await get(server, '/missing.html');
    assert.equal(answer.status, 404);
    assert.equal(JSON.parse(answer.body).error, 'not-found');
  });

  it('answers a matching If-None-Match with 304, and HEAD without a body', async () => {
    const first = await get(server, '/page.html');
    const etag = first.headers.etag as string;
    assert.match(etag, /^W\/".+"$/);
    const again = await get(server, '/page.html', { 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    const head = await get(server, '/page.html', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-length'], String(first.body.length));
    assert.equal(head.body, '');
  });

  it('leaves the endpoint path, and other methods, to the handler', async () => {
    handled.length = 0;
    assert.equal((await get(server, '/api/plaudit/articles/x/claps')).body, 'from the endpoint');
    assert.equal((await get(server, '/page.html', {}, 'DELETE')).body, 'from the endpoint');
    assert.deepEqual(handled, ['GET /api/plaudit/articles/x/claps', 'DELETE /page.html']);
  });
});
