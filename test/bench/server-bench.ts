// `npm run bench:server`: 50 simulated readers against the real server (the
// endpoint behind the node:http adapter) on PGlite and, with DATABASE_URL, on
// PostgreSQL: 20,000 clap PUTs and 2,000 annotation creates, with throughput
// and latency, each as a ratio to the same database's raw single-row upsert
// rate measured in the same run with the same concurrency. The final totals
// must equal the sum the readers meant, exactly.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createEndpoint } from '../../src/endpoint/handler.js';
import { CACHE_TTL_MS } from '../../src/endpoint/storage-cache.js';
import { startHttpServer } from '../../src/server/http-server.js';
import { openStorage } from '../../src/server/sql/open-storage.js';
import type { SqlClient } from '../../src/server/sql/sql-client.js';
import { MediaType } from '../../src/sync/protocol.js';
import { stored } from '../contract/builders.js';
import { urlWithSchema } from '../server/sql-backends.js';
import { mulberry32 } from '../../demo/mock-endpoint/faults.js';

const READERS = 50;
const CLAP_PUTS = 20_000;
const ANNOTATIONS = 2_000;
const ARTICLES = ['bench-a', 'bench-b', 'bench-c', 'bench-d', 'bench-e'];
const BASE = '/api/plaudit';

interface Result {
  database: string;
  rawPerSecond: number;
  floorPerSecond: number;
  serverPerSecond: number;
  p50: number;
  p99: number;
  exact: boolean;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** `jobs` workers each running `next()` until it returns false. */
async function concurrently(jobs: number, next: (worker: number) => Promise<boolean>): Promise<void> {
  await Promise.all(Array.from({ length: jobs }, async (_, worker) => {
    while (await next(worker));
  }));
}

/** The raw rate: single-row upserts, one statement each, from `READERS` concurrent callers. */
async function rawUpserts(client: SqlClient, total: number): Promise<number> {
  await client.exec('CREATE TABLE IF NOT EXISTS bench_raw (k text PRIMARY KEY, v integer NOT NULL)');
  let done = 0;
  const started = performance.now();
  await concurrently(READERS, async (worker) => {
    if (done >= total) return false;
    const i = done++;
    await client.query('INSERT INTO bench_raw (k, v) VALUES ($1, $2) ON CONFLICT (k) DO UPDATE SET v = EXCLUDED.v', [`${worker}:${i % 400}`, i]);
    return true;
  });
  const seconds = (performance.now() - started) / 1000;
  await client.exec('DROP TABLE bench_raw');
  return total / seconds;
}

interface LoadResult {
  seconds: number;
  latencies: number[];
  /** Per article, the sum of every reader's last count: what the totals must be. */
  intended: Record<string, number>;
}

/**
 * The load generator's HTTP: node:http with one keep-alive connection per
 * reader. (Node's fetch costs the client several times more CPU per request,
 * and on a small machine the client then measures itself, not the server.)
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: READERS });
function send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** `GET /healthz` from `READERS` concurrent callers: requests per second. */
async function floor(origin: string): Promise<number> {
  let left = 5_000;
  const started = performance.now();
  await concurrently(READERS, async () => {
    if (left-- <= 0) return false;
    await send('GET', `${origin}/healthz`, {});
    return true;
  });
  return 5_000 / ((performance.now() - started) / 1000);
}

/** The readers: each sends its requests one after another, all of them at once. */
async function load(origin: string): Promise<LoadResult> {
  const server = { origin };
  const random = mulberry32(2026);
  const readers = Array.from({ length: READERS }, (_, i) => ({
    id: crypto.randomUUID(), token: `bench-reader-${i}-${crypto.randomUUID()}`, rev: new Map<string, number>(), count: new Map<string, number>(),
  }));
  // Each reader's requests in order: its share of clap PUTs and creates, shuffled together.
  const plans = readers.map(() => [] as Array<'clap' | 'note'>);
  for (let i = 0; i < CLAP_PUTS; i++) plans[i % READERS]!.push('clap');
  for (let i = 0; i < ANNOTATIONS; i++) plans[i % READERS]!.push('note');
  for (const plan of plans) plan.sort(() => random() - 0.5);
  const latencies: number[] = [];
  const started = performance.now();
  await concurrently(READERS, async (worker) => {
    const step = plans[worker]!.pop();
    if (!step) return false;
    const reader = readers[worker]!;
    const headers: Record<string, string> = { Authorization: `Bearer ${reader.token}` };
    let url: string;
    let body: string;
    if (step === 'clap') {
      const article = ARTICLES[Math.floor(random() * ARTICLES.length)]!;
      const count = Math.min(50, Math.max(0, (reader.count.get(article) ?? 0) + (random() < 0.9 ? 1 : -1)));
      const rev = (reader.rev.get(article) ?? 0) + 1;
      reader.count.set(article, count);
      reader.rev.set(article, rev);
      url = `${server.origin}${BASE}/articles/${article}/claps/${reader.id}`;
      body = JSON.stringify({ count, rev });
      headers['Content-Type'] = MediaType.Json;
    } else {
      const annotation = stored(ARTICLES[Math.floor(random() * ARTICLES.length)]!, { creator: reader.id, note: 'A note from the benchmark.' });
      url = `${server.origin}${BASE}/annotations/${annotation.id.slice('urn:uuid:'.length)}`;
      body = JSON.stringify(annotation);
      headers['Content-Type'] = MediaType.Annotation;
      headers['If-None-Match'] = '*';
    }
    const t0 = performance.now();
    const status = await send('PUT', url, headers, body);
    latencies.push(performance.now() - t0);
    if (status >= 300) throw new Error(`${step}: ${status}`);
    return true;
  });
  const seconds = (performance.now() - started) / 1000;
  const intended: Record<string, number> = {};
  for (const article of ARTICLES) intended[article] = readers.reduce((sum, r) => sum + (r.count.get(article) ?? 0), 0);
  return { seconds, latencies, intended };
}

async function benchOne(database: string, options: { databaseUrl?: string; dataDir?: string }): Promise<Result> {
  const opened = await openStorage({ ...options, poolSize: 10 });
  const { storage } = opened;
  const rawPerSecond = await rawUpserts(storage.db, CLAP_PUTS);
  const handler = createEndpoint({ storage, base: BASE, cacheMs: CACHE_TTL_MS });
  const server = await startHttpServer({
    handler, port: 0, host: '127.0.0.1', base: BASE, maxBodyBytes: 21 * 1024 * 1024, log: { write: () => true }, health: () => storage.ping(),
  });
  // The readers run in a worker thread: clients are elsewhere in real life, and here they get their own core.
  const inWorker = <T,>(mode: 'floor' | 'load') => new Promise<T>((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { origin: server.origin, mode } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  // The HTTP floor: what this machine serves of the cheapest request (GET /healthz, one SELECT 1).
  const floorPerSecond = await inWorker<number>('floor');
  const { seconds, latencies, intended } = await inWorker<LoadResult>('load');
  let exact = true;
  for (const article of ARTICLES) {
    if ((await storage.totals(article, null)).total !== (intended[article] ?? 0)) exact = false;
  }
  const notes = await storage.listAnnotations({ articleId: null, owner: null, includeHidden: true });
  if (notes.length !== ANNOTATIONS) exact = false;
  await server.close();
  await opened.close();
  latencies.sort((a, b) => a - b);
  return { database, rawPerSecond, floorPerSecond, serverPerSecond: (CLAP_PUTS + ANNOTATIONS) / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), exact };
}

if (!isMainThread) {
  const { origin, mode } = workerData as { origin: string; mode: 'floor' | 'load' };
  parentPort!.postMessage(mode === 'floor' ? await floor(origin) : await load(origin));
} else {
  await main();
}

async function main(): Promise<void> {
const results: Result[] = [];
const dir = mkdtempSync(join(tmpdir(), 'plaudit-bench-'));
try {
  results.push(await benchOne('PGlite', { dataDir: join(dir, 'data') }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const url = process.env.DATABASE_URL;
if (url) {
  const { postgresClient } = await import('../../src/server/sql/sql-client.js');
  const admin = postgresClient(url, 1);
  const schema = `plaudit_bench_${Math.random().toString(36).slice(2, 10)}`;
  await admin.exec(`CREATE SCHEMA ${schema}`);
  try {
    results.push(await benchOne('PostgreSQL', { databaseUrl: urlWithSchema(schema) }));
  } finally {
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  }
} else {
  console.log('PostgreSQL: skipped (set DATABASE_URL to include it)');
}

console.log(`\n${READERS} readers, ${CLAP_PUTS} clap PUTs + ${ANNOTATIONS} annotation creates, over HTTP on this machine:\n`);
console.log('| database | raw upserts/s | server requests/s | server / raw (goal 0.50) | HTTP floor/s | server / floor | p50 ms | p99 ms | totals exact |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.database} | ${r.rawPerSecond.toFixed(0)} | ${r.serverPerSecond.toFixed(0)} | ${(r.serverPerSecond / r.rawPerSecond).toFixed(2)} | ${r.floorPerSecond.toFixed(0)} | ${(r.serverPerSecond / r.floorPerSecond).toFixed(2)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.exact ? 'yes' : 'NO'} |`);
}
console.log('\nraw: single-row upserts, one statement each, same concurrency and pool. HTTP floor: GET /healthz (one SELECT 1) from the same');
console.log('client; the readers run in a worker thread, the server and PGlite share the main thread, all on this machine\'s cores.');
if (results.some((r) => !r.exact)) process.exitCode = 1;
}
