// plaudit-server's command line: options and environment read into a
// command (flags win, bad values are one-line errors with exit 2), and the
// editor-token commands' output. These run in-process over a stub storage;
// cli-process.test.ts runs the built bin against a real PGlite directory.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, DEFAULTS, parseCommand, type Command } from '../../src/server/config.js';
import { DataDirInUseError, LOCK_FILE, lockDataDir, withDataDirLock } from '../../src/server/data-dir-lock.js';
import type { EditorTokenStore } from '../../src/server/editor-token-commands.js';
import { runCli, type CliOptions } from '../../src/server/run-cli.js';

function serveConfig(argv: string[], env: Record<string, string> = {}) {
  const command = parseCommand(argv, env);
  assert.equal(command.command, 'serve');
  return (command as Extract<Command, { command: 'serve' }>).config;
}

function errorOf(argv: string[], env: Record<string, string> = {}): string {
  try {
    parseCommand(argv, env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    assert.doesNotMatch(error.message, /\n/, 'one line');
    return error.message;
  }
  assert.fail(`no error for ${argv.join(' ')}`);
}

describe('config: serve options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plaudit-config-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('has safe defaults: this machine only, PGlite, same-origin, rate-limited', () => {
    assert.deepEqual(serveConfig([]), {
      databaseUrl: null,
      dataDir: './plaudit-data',
      port: 8787,
      host: '127.0.0.1',
      base: '/api/plaudit',
      allowedOrigins: null,
      staticMounts: [],
      rateLimit: { perMinute: 600, burst: 60 },
      maxBodyBytes: DEFAULTS.maxBodyBytes,
      requestTimeoutMs: 15_000,
    });
    assert.ok(DEFAULTS.maxBodyBytes > 20 * 1024 * 1024, 'an import of the largest size fits');
    assert.equal(parseCommand(['serve'], {}).command, 'serve');
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://plaudit:hunter2@db.internal:5432/plaudit',
      PLAUDIT_DATA_DIR: '/var/lib/plaudit',
      PLAUDIT_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      PLAUDIT_BASE: '/feedback/',
      PLAUDIT_STATIC_DIR: dir,
      PLAUDIT_RATE_LIMIT: '120/20',
      PLAUDIT_MAX_BODY: '2M',
      PLAUDIT_REQUEST_TIMEOUT: '2.5',
    };
    const fromEnv = serveConfig([], env);
    assert.equal(fromEnv.port, 9000);
    assert.equal(fromEnv.host, '0.0.0.0');
    assert.equal(fromEnv.databaseUrl, env.DATABASE_URL);
    assert.equal(fromEnv.dataDir, '/var/lib/plaudit');
    assert.deepEqual(fromEnv.allowedOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(fromEnv.base, '/feedback');
    assert.deepEqual(fromEnv.staticMounts, [{ prefix: '/', path: dir }]);
    assert.deepEqual(fromEnv.rateLimit, { perMinute: 120, burst: 20 });
    assert.equal(fromEnv.maxBodyBytes, 2 * 1024 * 1024);
    assert.equal(fromEnv.requestTimeoutMs, 2500);

    const flags = serveConfig([
      '--port', '0', '--host', '::1', '--allow-origin', 'https://c.example', '--allow-origin', 'http://localhost:3000',
      '--rate-limit', '0', '--max-body', '4096', '--request-timeout', '30', '--static', `/dist/=${dir}`, '--base', '/p',
    ], env);
    assert.equal(flags.port, 0);
    assert.equal(flags.host, '::1');
    assert.deepEqual(flags.allowedOrigins, ['https://c.example', 'http://localhost:3000']);
    assert.equal(flags.rateLimit, false);
    assert.equal(flags.maxBodyBytes, 4096);
    assert.equal(flags.requestTimeoutMs, 30_000);
    assert.deepEqual(flags.staticMounts, [{ prefix: '/dist/', path: dir }]);
    assert.equal(flags.base, '/p');
  });

  it('allows every origin with * alone', () => {
    assert.equal(serveConfig(['--allow-origin', '*']).allowedOrigins, '*');
    assert.match(errorOf(['--allow-origin', '*,https://a.example']), /cannot be combined/);
  });

  it('gives one clear line for each bad value', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--port', '70000'], /--port .*"70000" is not a port/],
      [['--port', 'http'], /--port/],
      [['--host', 'a b'], /--host/],
      [['--database-url', 'mysql://u:secret@h/db'], /postgres/],
      [['--allow-origin', 'https://a.example/'], /not an origin/],
      [['--allow-origin', 'blog.example'], /not an origin/],
      [['--base', 'api'], /--base/],
      [['--static', '/nowhere/at/all'], /does not exist/],
      [['--static', `/api/plaudit/x=${dir}`], /inside the endpoint/],
      [['--static', `/../=${dir}`], /not a URL path prefix/],
      [['--rate-limit', 'fast'], /--rate-limit/],
      [['--max-body', '12'], /--max-body/],
      [['--max-body', '1G'], /--max-body/],
      [['--request-timeout', '0'], /--request-timeout/],
      [['--nonsense'], /Unknown option '--nonsense'/],
      [['--port'], /--port/],
      [['launch'], /unknown command "launch"/],
      [['serve', 'extra'], /unexpected argument "extra"/],
      [['--name', 'x'], /--name does not apply to serve/],
    ];
    for (const [argv, pattern] of cases) assert.match(errorOf(argv), pattern, argv.join(' '));
    assert.doesNotMatch(errorOf(['--database-url', 'mysql://u:secret@h/db']), /secret/, 'never echoes a password');
  });

  it('asks for help with --help, -h or help', () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['editor-token', 'list', '--help']]) {
      assert.equal(parseCommand(argv, {}).command, 'help');
    }
  });
});

describe('config: editor-token commands', () => {
  it('reads create, list and revoke with the database options only', () => {
    assert.deepEqual(parseCommand(['editor-token', 'create', '--name', 'Ada L.'], { PLAUDIT_DATA_DIR: '/d' }), {
      command: 'editor-token create',
      database: { databaseUrl: null, dataDir: '/d' },
      name: 'Ada L.',
    });
    assert.deepEqual(parseCommand(['editor-token', 'list', '--json', '--data-dir', 'x'], {}), {
      command: 'editor-token list',
      database: { databaseUrl: null, dataDir: 'x' },
      json: true,
    });
    assert.deepEqual(parseCommand(['editor-token', 'revoke', 'ada'], {}), {
      command: 'editor-token revoke',
      database: { databaseUrl: null, dataDir: './plaudit-data' },
      target: 'ada',
    });
    assert.match(errorOf(['editor-token', 'create']), /needs --name/);
    assert.match(errorOf(['editor-token', 'create', '--name', '42']), /is a number/);
    assert.match(errorOf(['editor-token', 'revoke']), /needs one ID or NAME/);
    assert.match(errorOf(['editor-token', 'list', '--port', '1']), /--port does not apply/);
    assert.match(errorOf(['editor-token', 'rotate']), /unknown editor-token command "rotate"/);
    assert.match(errorOf(['editor-token']), /create, list or revoke/);
  });
});

/** Captures what a command writes; `stderrMatch` resolves once stderr matches. */
function io() {
  const out = { stdout: '', stderr: '' };
  const waiting: Array<{ pattern: RegExp; resolve: (match: RegExpExecArray) => void }> = [];
  return {
    out,
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: {
      write: (s: string) => {
        out.stderr += s;
        for (const wait of [...waiting]) {
          const match = wait.pattern.exec(out.stderr);
          if (match) waiting.splice(waiting.indexOf(wait), 1), wait.resolve(match);
        }
      },
    },
    stderrMatch: (pattern: RegExp) => new Promise<RegExpExecArray>((resolve) => waiting.push({ pattern, resolve })),
  };
}

/** An in-memory stand-in for the SQL storage's editor-token part. */
function stubStore() {
  const tokens: Array<{ id: string; name: string; created: string; revoked: string | null }> = [];
  let closed = 0;
  const store: EditorTokenStore = {
    async createEditorToken(name) {
      const row = { id: String(tokens.length + 1), name, created: '2026-01-02T03:04:05.000Z', revoked: null };
      tokens.push(row);
      return { id: row.id, name, token: `tok-${name}-0123456789abcdef` };
    },
    async listEditorTokens() {
      return tokens.map((t) => ({ ...t }));
    },
    async revokeEditorToken(target) {
      const row = tokens.find((t) => (t.id === target || t.name === target) && t.revoked === null);
      if (row) row.revoked = '2026-02-03T04:05:06.000Z';
      return Boolean(row);
    },
  };
  const openStorage = (async () => ({ storage: store, close: async () => void closed++ })) as unknown as CliOptions['openStorage'];
  return { openStorage, closed: () => closed };
}

describe('cli: editor-token over a stub storage', () => {
  it('creates (token alone on stdout), lists without tokens, revokes', async () => {
    const stub = stubStore();
    const run = async (argv: string[]) => {
      const streams = io();
      const code = await runCli(argv, { env: {}, openStorage: stub.openStorage, stdout: streams.stdout, stderr: streams.stderr });
      return { code, ...streams.out };
    };
    const created = await run(['editor-token', 'create', '--name', 'ada']);
    assert.equal(created.code, 0);
    assert.equal(created.stdout, 'tok-ada-0123456789abcdef\n');
    assert.match(created.stderr, /cannot be shown again/);

    const listed = await run(['editor-token', 'list']);
    assert.equal(listed.code, 0);
    assert.deepEqual(listed.stdout.trimEnd().split('\n').map((line) => line.split(/\s{2,}/)), [
      ['ID', 'NAME', 'CREATED', 'REVOKED'],
      ['1', 'ada', '2026-01-02T03:04:05.000Z', '-'],
    ]);
    assert.doesNotMatch(listed.stdout, /tok-/);

    assert.equal((await run(['editor-token', 'revoke', 'ada'])).code, 0);
    const again = await run(['editor-token', 'revoke', 'ada']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /no live editor token/);
    const json = JSON.parse((await run(['editor-token', 'list', '--json'])).stdout);
    assert.equal(json[0].revoked, '2026-02-03T04:05:06.000Z');
    assert.equal(stub.closed(), 5, 'the storage is closed after every command');
  });

  it('prints usage for --help (exit 0) and a one-line error for a bad flag (exit 2)', async () => {
    const stub = stubStore();
    const help = io();
    assert.equal(await runCli(['--help'], { env: {}, openStorage: stub.openStorage, ...help }), 0);
    assert.match(help.out.stdout, /^Usage:/);
    assert.match(help.out.stdout, /editor-token create --name NAME/);
    const bad = io();
    assert.equal(await runCli(['--port', 'x'], { env: {}, openStorage: stub.openStorage, ...bad }), 2);
    assert.equal(bad.out.stderr.split('\n').length, 2, 'one line');
    assert.match(bad.out.stderr, /^plaudit-server: --port/);
    assert.equal(stub.closed(), 0, 'no database opened for a usage error');
  });
});

describe('cli: serve over a stub storage', () => {
  /** Just enough storage for the health check; the endpoint's routes are tested elsewhere. */
  function servable() {
    let closed = 0;
    const storage = { now: () => Date.now(), version: async () => 'v1', ping: async () => {} };
    const openStorage = (async () => ({ storage, close: async () => void closed++ })) as unknown as CliOptions['openStorage'];
    return { openStorage, closed: () => closed };
  }

  it('says where it listens, answers /healthz, and on stop closes the server and then the storage', async () => {
    const stub = servable();
    const streams = io();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const started = streams.stderrMatch(/Plaudit server on (http:\/\/[^/]+)\/api\/plaudit \(PGlite in \/tmp\/nowhere\)\n/);
    const exit = runCli(['--port', '0', '--data-dir', '/tmp/nowhere'], { env: {}, openStorage: stub.openStorage, stop: stopped, ...streams });
    const [, origin] = await started;
    const health = await fetch(`${origin}/healthz`);
    assert.equal(health.status, 200);
    await health.text();
    stop();
    assert.equal(await exit, 0);
    assert.equal(stub.closed(), 1);
    assert.match(streams.out.stdout, /"path":"\/healthz","status":200/);
  });

  it('exits 1 and closes the storage when the port is taken', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const stub = servable();
      const streams = io();
      assert.equal(await runCli(['--port', String(port)], { env: {}, openStorage: stub.openStorage, ...streams }), 1);
      assert.match(streams.out.stderr, /cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/);
      assert.equal(stub.closed(), 1);
    } finally {
      taken.close();
    }
  });

  it('exits 1 with the reason when the database cannot be opened, without printing the password', async () => {
    const streams = io();
    const openStorage = (async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.5:5432');
    }) as unknown as CliOptions['openStorage'];
    const code = await runCli(['--port', '0'], { env: { DATABASE_URL: 'postgres://plaudit:hunter2@10.0.0.5/plaudit' }, openStorage, ...streams });
    assert.equal(code, 1);
    assert.match(streams.out.stderr, /cannot open the database \(PostgreSQL on 10\.0\.0\.5\/plaudit\): connect ECONNREFUSED/);
    assert.doesNotMatch(streams.out.stderr, /hunter2/);
  });
});

describe('data-dir-lock: one process per PGlite directory', () => {
  const root = mkdtempSync(join(tmpdir(), 'plaudit-lock-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a directory a live process holds, and gives it back on release', () => {
    const dir = join(root, 'a');
    const release = lockDataDir(dir);
    // The holder here is this very process: write another live pid (our parent) in its place.
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid}\n`);
    assert.throws(() => lockDataDir(dir), (error: unknown) => error instanceof DataDirInUseError && error.pid === process.ppid);
    release();
    assert.equal(existsSync(join(dir, LOCK_FILE)), false);
    lockDataDir(dir)();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const dir = join(root, 'b');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    lockDataDir(dir);
    writeFileSync(join(dir, LOCK_FILE), `${gone.stdout}\n`);
    const release = lockDataDir(dir);
    release();
  });

  it('holds the lock from before opening until after closing, and not at all for PostgreSQL', async () => {
    const dir = join(root, 'c');
    const events: string[] = [];
    const open = withDataDirLock(async () => {
      events.push(`open, locked: ${existsSync(join(dir, LOCK_FILE))}`);
      return { storage: {}, close: async () => void events.push(`close, locked: ${existsSync(join(dir, LOCK_FILE))}`) };
    });
    const opened = await open({ databaseUrl: null, dataDir: dir });
    await opened.close();
    assert.deepEqual(events, ['open, locked: true', 'close, locked: true']);
    assert.equal(existsSync(join(dir, LOCK_FILE)), false);

    const failing = withDataDirLock(async () => {
      throw new Error('no');
    });
    await assert.rejects(failing({ databaseUrl: null, dataDir: dir }), /no/);
    assert.equal(existsSync(join(dir, LOCK_FILE)), false, 'released when opening fails');

    const pgDir = join(root, 'pg');
    await (await withDataDirLock(async () => ({ storage: {}, close: async () => {} }))({ databaseUrl: 'postgres://h/db', dataDir: pgDir })).close();
    assert.equal(existsSync(pgDir), false);
  });
});
