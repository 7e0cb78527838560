// The built `plaudit-server` bin as a process: exit codes, editor tokens in
// a real (temporary) PGlite directory, and a SIGTERM that lets the request in
// flight finish before the process exits 0. The bin is built into .build/
// first (so its npm imports resolve), or taken from PLAUDIT_TEST_CLI.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';

const SLOW = { timeout: 180_000 };

let cli: string;
let dataDir: string;

before(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'plaudit-cli-')), 'data');
  cli = process.env.PLAUDIT_TEST_CLI ?? '.build/server-cli-test/cli.js';
  if (!process.env.PLAUDIT_TEST_CLI) {
    mkdirSync('.build/server-cli-test', { recursive: true });
    execFileSync(process.execPath, ['scripts/build-server.mjs', '--outfile', cli], { stdio: 'ignore' });
  }
});

after(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

/**
 * Whether a new connection is served: 'refused' when the connect fails, or
 * when the kernel had queued it just before the listener closed and it is
 * then reset without a byte of answer; 'served' when an answer comes.
 */
function probe(port: number): Promise<'refused' | 'served'> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answered = false;
    socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'));
    socket.on('data', () => (answered = true));
    socket.on('error', () => {});
    socket.on('close', () => resolve(answered ? 'served' : 'refused'));
  });
}

/** The environment without DATABASE_URL: these runs are about PGlite, whatever the runner's database. */
const { DATABASE_URL: _unused, ...ENV } = process.env;

function runBin(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...ENV, PLAUDIT_DATA_DIR: dataDir } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('plaudit-server (process)', () => {
  it('prints usage for --help and exits 0; exits 2 with one line for a bad flag or command', () => {
    const help = runBin(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage:\n {2}plaudit-server \[serve\]/);
    for (const args of [['--port', 'abc'], ['--frobnicate'], ['frobnicate'], ['editor-token', 'create']]) {
      const bad = runBin(args);
      assert.equal(bad.code, 2, args.join(' '));
      assert.equal(bad.stdout, '');
      assert.match(bad.stderr, /^plaudit-server: .+\n$/, args.join(' '));
    }
  });

  it('creates, lists and revokes editor tokens in a PGlite directory', SLOW, () => {
    const created = runBin(['editor-token', 'create', '--name', 'ada']);
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout.trim();
    assert.match(token, /^[A-Za-z0-9._~+/=-]{16,256}$/);
    assert.match(created.stderr, /cannot be shown again/);

    const listed = runBin(['editor-token', 'list']);
    assert.equal(listed.code, 0, listed.stderr);
    const rows = listed.stdout.trimEnd().split('\n').map((line) => line.split(/\s{2,}/));
    assert.deepEqual(rows[0], ['ID', 'NAME', 'CREATED', 'REVOKED']);
    assert.equal(rows.length, 2);
    assert.equal(rows[1]![1], 'ada');
    assert.equal(rows[1]![3], '-');
    assert.ok(!listed.stdout.includes(token), 'the list never shows a token');

    const revoked = runBin(['editor-token', 'revoke', 'ada']);
    assert.equal(revoked.code, 0, revoked.stderr);
    const json = JSON.parse(runBin(['editor-token', 'list', '--json']).stdout);
    assert.equal(json.length, 1);
    assert.equal(json[0].name, 'ada');
    assert.notEqual(json[0].revoked, null);
    assert.equal(runBin(['editor-token', 'revoke', 'nobody']).code, 1);
  });

  it('on SIGTERM finishes the request in flight, refuses new connections, and exits 0', SLOW, async () => {
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const lines = createInterface({ input: child.stderr });
    let stderr = '';
    lines.on('line', (line) => (stderr += `${line}\n`));
    /** The next stderr line matching `pattern`; fails if the process ends first. */
    const nextLine = (pattern: RegExp) => new Promise<string>((resolve, reject) => {
      const listener = (line: string) => {
        if (!pattern.test(line)) return;
        lines.off('line', listener);
        resolve(line);
      };
      lines.on('line', listener);
      void exited.then((code) => reject(new Error(`exited ${code} before ${pattern}: ${stderr}`)));
    });

    const started = await nextLine(/^Plaudit server on /);
    assert.match(started, /^Plaudit server on http:\/\/127\.0\.0\.1:\d+\/api\/plaudit \(PGlite in .+\)$/);
    const port = Number(/:(\d+)\//.exec(started)![1]);
    assert.equal(await probe(port), 'served');

    // PGlite is one process: while the server runs, the directory is its alone.
    const locked = runBin(['editor-token', 'list']);
    assert.equal(locked.code, 1);
    assert.match(locked.stderr, /in use by process \d+/);

    // The request's head goes first with Expect: 100-continue; the server's
    // "100 Continue" proves the request is in flight before the signal.
    const body = JSON.stringify({ count: 3, rev: 1 });
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const continued = new Promise<void>((resolve) => socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('100 Continue')) resolve();
    }));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write([
      'PUT /api/plaudit/articles/story-1/claps/6f1c2b3a-1d2e-4f5a-8b9c-0d1e2f3a4b5c HTTP/1.1',
      'Host: localhost',
      'Authorization: Bearer reader-token-0123456789abcdef',
      'Content-Type: application/json',
      `Content-Length: ${body.length}`,
      'Expect: 100-continue',
      '', '',
    ].join('\r\n'));
    await continued;

    const stopping = nextLine(/^Stopping/);
    child.kill('SIGTERM');
    await stopping;
    assert.equal(await probe(port), 'refused');

    socket.write(body);
    await closed;
    assert.match(answer, /HTTP\/1\.1 200 OK/);
    assert.match(answer, /"total":3/);
    assert.equal(await exited, 0);
    assert.match(stdout, /"method":"PUT".*"status":200/);
    assert.ok(!stdout.includes('reader-token-0123456789abcdef'));
  });
});
