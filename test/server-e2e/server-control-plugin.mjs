// A web-test-runner plugin that runs the real Plaudit server (the built
// dist/server/cli.js) for browser tests, behind the fault proxy, and lets a test
// kill it with SIGKILL and start it again on the same data. Command:
// executeServerCommand({ command: 'plaudit-server', payload: { action, ... } }).
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startFaultProxy } from './fault-proxy.mjs';

/** A real PostgreSQL when `DATABASE_URL` is set (each run in a schema of its own), besides PGlite always. */
const DATABASE_URL = process.env.DATABASE_URL ?? '';
export const BACKENDS = DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const CLI = 'dist/server/cli.js';
/** The server's messages, each start and exit: the runner's progress display overwrites stderr. */
const LOG = join(tmpdir(), 'plaudit-e2e-server.log');
const note = (line) => appendFileSync(LOG, `${new Date().toISOString()} ${line}\n`);
const BASE = '/api/plaudit';

async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function admin(run) {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** One server process at a time, with its data directory (PGlite) kept across kills. */
class ServerUnderTest {
  child = null;
  port = 0;
  dataDir = null;
  proxy = null;
  starts = 0;
  kills = 0;

  schema = null;
  database = [];

  async start({ seed, backend = 'pglite' }) {
    await this.stop();
    this.starts = this.kills = 0;
    this.database = [];
    if (backend === 'postgres') {
      // A random name made here, never from input.
      this.schema = `plaudit_e2e_${Math.random().toString(36).slice(2, 10)}`;
      await admin((c) => c.query(`CREATE SCHEMA ${this.schema}`));
      const url = new URL(DATABASE_URL);
      url.searchParams.set('options', `-c search_path=${this.schema}`);
      this.database = ['--database-url', url.toString()];
    }
    this.dataDir = mkdtempSync(join(tmpdir(), 'plaudit-e2e-'));
    writeFileSync(LOG, '');
    this.port = await freePort();
    this.proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: () => this.port }, seed });
    this.spawn();
    await this.waitHealthy();
    return { endpoint: `http://127.0.0.1:${this.proxy.port}${BASE}`, direct: `http://127.0.0.1:${this.port}${BASE}` };
  }

  spawn() {
    this.starts++;
    const args = [CLI, 'serve', '--port', String(this.port), '--data-dir', this.dataDir, ...this.database, '--allow-origin', '*', '--rate-limit', '0'];
    note(`start ${this.starts}: ${args.join(' ')}`);
    // The server reads DATABASE_URL itself: the PGlite runs must not inherit the runner's.
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    // The request log: failures only (a 5xx from the server itself is worth seeing).
    child.stdout.on('data', (chunk) => {
      for (const line of String(chunk).split('\n')) if (/"status":5|handler-error/.test(line)) note(`log: ${line}`);
    });
    child.stderr.on('data', (chunk) => note(`stderr: ${String(chunk).trim()}`));
    child.on('exit', (code, signal) => note(`exit ${code ?? signal}`));
    this.child = child;
  }

  async waitHealthy(timeoutMs = 60_000) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (response.ok) return true;
      } catch {
        // not up yet
      }
      await sleep(100);
    }
    throw new Error('the server did not become healthy');
  }

  /** SIGKILL: no shutdown, no flush; whatever was in flight is cut off. */
  async kill() {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    this.kills++;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }

  async stop() {
    if (this.child && this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    this.child = null;
    await this.proxy?.close();
    this.proxy = null;
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
    this.dataDir = null;
    if (this.schema) await admin((c) => c.query(`DROP SCHEMA ${this.schema} CASCADE`));
    this.schema = null;
  }
}

export function serverControlPlugin() {
  const server = new ServerUnderTest();
  return {
    name: 'plaudit-server-control',
    async executeCommand({ command, payload }) {
      if (command !== 'plaudit-server') return undefined;
      switch (payload.action) {
        case 'backends':
          return BACKENDS;
        case 'start':
          return server.start(payload);
        case 'kill':
          await server.kill();
          return true;
        case 'restart':
          // Starts again on the same data; the test goes on while it boots.
          if (!server.child) server.spawn();
          return true;
        case 'healthy':
          return server.waitHealthy();
        case 'faults':
          server.proxy.set(payload.settings);
          return true;
        case 'heal':
          server.proxy.heal();
          return true;
        case 'stats':
          return { ...server.proxy.counts, starts: server.starts, kills: server.kills };
        case 'stop':
          await server.stop();
          return true;
        default:
          throw new Error(`unknown action ${payload.action}`);
      }
    },
    async serverStop() {
      await server.stop();
    },
  };
}
