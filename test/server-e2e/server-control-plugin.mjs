// A web-test-runner plugin that runs the real Plaudit server (the built
// dist/server/cli.js) for browser tests, behind the fault proxy, and lets a test
// kill it with SIGKILL and start it again on the same data. Command:
// executeServerCommand({ command: 'plaudit-server', payload: { action, ... } }).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFaultProxy } from './fault-proxy.mjs';

const CLI = 'dist/server/cli.js';
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

/** One server process at a time, with its data directory (PGlite) kept across kills. */
class ServerUnderTest {
  child = null;
  port = 0;
  dataDir = null;
  proxy = null;
  starts = 0;
  kills = 0;

  async start({ seed }) {
    await this.stop();
    this.dataDir = mkdtempSync(join(tmpdir(), 'plaudit-e2e-'));
    this.port = await freePort();
    this.proxy = await startFaultProxy({ target: { host: '127.0.0.1', port: () => this.port }, seed });
    this.spawn();
    await this.waitHealthy();
    return { endpoint: `http://127.0.0.1:${this.proxy.port}${BASE}`, direct: `http://127.0.0.1:${this.port}${BASE}` };
  }

  spawn() {
    this.starts++;
    const args = [CLI, 'serve', '--port', String(this.port), '--data-dir', this.dataDir, '--allow-origin', '*', '--rate-limit', '0'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk) => process.stderr.write(`[plaudit-server] ${chunk}`));
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
  }
}

export function serverControlPlugin() {
  const server = new ServerUnderTest();
  return {
    name: 'plaudit-server-control',
    async executeCommand({ command, payload }) {
      if (command !== 'plaudit-server') return undefined;
      switch (payload.action) {
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
