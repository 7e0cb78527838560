// The reader's sync against the REAL server (dist/server/cli.js on PGlite),
// through a proxy that drops connections, answers 500/503/429 and loses
// responses, while the server process is killed with SIGKILL and started again
// on the same data. Afterwards the server holds exactly what the reader meant:
// no clap lost or counted twice, no annotation missing or doubled, no private
// note sent. The reader's model and steps are the mock's randomized test's (test/sync/reader-model.ts).
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ReaderData } from '../../src/endpoint/storage.js';
import { getReaderIdentity } from '../../src/storage/reader-identity.js';
import { createSyncEngine, type SyncEngine } from '../../src/sync/sync-engine.js';
import { mulberry32 } from '../../demo/mock-endpoint/faults.js';
import { freshClientDb } from '../sync/helpers.js';
import { CHANGES, expectedOnServer, newReaderModel, randomStep } from '../sync/reader-model.js';

/** Fixed seeds for CI; a failure names the seed to replay. */
const SEEDS = [20261201, 42];
const OPERATIONS = 220;
/** The server is killed at these operations and started again ten operations later. */
const KILL_AT = [50, 110, 170];
const ARTICLES = ['letterpress-revival', 'the-last-keepers', "o'reilly; drop table--"].map((id) => id.replace(/[^A-Za-z0-9._~-]/g, '_'));

type Control = { action: string; [key: string]: unknown };
const control = <T,>(payload: Control) => executeServerCommand<T, Control>('plaudit-server', payload);

describe('the reader against the real server: faults, and the server killed mid-run', function () {
  this.timeout(240_000);
  after(() => control({ action: 'stop' }));

  // PGlite always; a real PostgreSQL too when the runner has DATABASE_URL (CI does).
  const backends = ['pglite', 'postgres'];
  for (const backend of backends) for (const SEED of SEEDS) it(`on ${backend}: ends with exactly what the reader intended (seed ${SEED})`, async function () {
    if (!(await control<string[]>({ action: 'backends' }))!.includes(backend)) this.skip();
    const random = mulberry32(SEED);
    const { endpoint, direct } = (await control<{ endpoint: string; direct: string }>({ action: 'start', seed: SEED, backend }))!;
    const db = await freshClientDb();
    const reader = await getReaderIdentity(db);
    const model = newReaderModel();
    const newEngine = (): SyncEngine =>
      createSyncEngine(endpoint, { debounceMs: 2, timeoutMs: 1500, maxInFlight: 4, backoff: { baseMs: 5, capMs: 200, random: mulberry32(SEED + 1) } });
    let engine = newEngine();

    for (let op = 0; op < OPERATIONS; op++) {
      if (op % 20 === 0) {
        const stormy = random() < 0.7;
        await control({ action: 'faults', settings: stormy ? { networkRate: random() * 0.2, statusRate: random() * 0.25, loseRate: random() * 0.2 } : { networkRate: 0, statusRate: 0, loseRate: 0 } });
      }
      // Killed while requests are in flight; the reader goes on meanwhile, and their changes wait in the outbox.
      if (KILL_AT.includes(op)) await control({ action: 'kill' });
      if (KILL_AT.includes(op - 10)) {
        await control({ action: 'restart' });
        await control({ action: 'healthy' });
      }
      // A reader's pace, so that requests flow between the kills.
      await new Promise((r) => setTimeout(r, 2 + Math.floor(random() * 20)));
      const step = await randomStep(db, model, random, reader.id, ARTICLES, op);
      if (step === 'reload') {
        engine.release();
        engine = newEngine();
      } else if (step === 'pause') {
        await new Promise((r) => setTimeout(r, Math.floor(random() * 40)));
      } else if (CHANGES.has(step)) {
        engine.notifyChanged();
      }
    }

    // The network heals and the server is up; the reader keeps the page open until everything is sent.
    await control({ action: 'heal' });
    await control({ action: 'restart' });
    await control({ action: 'healthy' });
    const deadline = Date.now() + 120_000;
    while ((await db.count('outbox')) > 0 && Date.now() < deadline) await engine.flushNow();
    const status = engine.status;
    engine.release();
    console.log(`after the run: ${JSON.stringify(await control({ action: 'stats' }))}, online ${navigator.onLine}`);
    const left = await db.getAll('outbox');
    expect(left, `the outbox is empty; status ${JSON.stringify(status)}; left ${JSON.stringify(left.slice(0, 5))}`).to.have.length(0);

    // The server's state, read directly (no proxy) through the protocol with the reader's own token.
    const get = async <T,>(path: string): Promise<T> => {
      const response = await fetch(`${direct}${path}`, { headers: { Authorization: `Bearer ${reader.token}` } });
      expect(response.status, path).to.equal(200);
      return (await response.json()) as T;
    };
    for (const articleId of ARTICLES) {
      const totals = await get<{ total: number; mine: number }>(`/articles/${encodeURIComponent(articleId)}/claps`);
      const intended = model.claps.get(articleId) ?? 0;
      expect(totals, `claps on ${articleId}`).to.deep.equal({ total: intended, clappers: intended > 0 ? 1 : 0, mine: intended });
    }
    const data = await get<ReaderData>(`/readers/${reader.id}`);
    const ids = data.annotations.map((a) => a.id);
    expect(new Set(ids).size, 'no annotation stored twice').to.equal(ids.length);
    expect([...ids].sort(), 'exactly the shared annotations').to.deep.equal(expectedOnServer(model).map((a) => a.id).sort());
    for (const stored of data.annotations) {
      const intended = model.notes.get(stored.id)!.annotation;
      expect(stored.body?.value, stored.id).to.equal(intended.body?.value);
      expect(stored.modified, stored.id).to.equal(intended.modified);
    }
    const everything = JSON.stringify(data);
    for (const secret of model.privateTexts) expect(everything.includes(secret), `a private note reached the server: ${secret}`).to.equal(false);
    const stats = await control<Record<string, number>>({ action: 'stats' });
    console.log(`server faults seed ${SEED}: ${JSON.stringify(stats)}`);
    expect(stats!.kills, 'the server was killed').to.equal(KILL_AT.length);
    await control({ action: 'stop' });
  });
});
