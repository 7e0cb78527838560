import { executeServerCommand } from '@web/test-runner-commands';
import { Busy } from '../../demo/mock-endpoint/busy.js';
import { createHandlers, EDITOR_TOKEN } from '../../demo/mock-endpoint/handlers.js';
import { createMockFetch } from '../../demo/mock-endpoint/in-page.js';
import { ServerStore } from '../../demo/mock-endpoint/server-store.js';
import { everyOperation } from './builders.js';
import { contractCases, type CallInit, type Capability, type Exchange } from './contract-suite.js';
import { recordingContext } from './recorder.js';

const BASE = '/api/plaudit';
/** What the mock serves beyond the core protocol: `/readers`, but no CORS (it is same-origin) and no `/healthz`. */
const CAPABILITIES = new Set<Capability>(['readers']);
/**
 * Cases the mock fails today, with the failure expected: they run, and pass
 * only while failing that way, so a fix (or another failure) is noticed.
 */
const KNOWN_DEVIATIONS = new Map<string, RegExp>([]);

async function problemsOf(exchanges: Exchange[]): Promise<string[]> {
  const answers = await executeServerCommand<string[][], { exchanges: Exchange[] }>('plaudit-openapi-validate', { exchanges });
  return answers.flat();
}

describe('contract: the demo mock', () => {
  const dbName = `plaudit-contract-${crypto.randomUUID()}`;
  let store: ServerStore;
  let busy: Busy;
  let mockFetch: typeof fetch;
  const context = () => recordingContext({ fetch: mockFetch, base: BASE, editorToken: EDITOR_TOKEN });

  before(async () => {
    await executeServerCommand('plaudit-openapi-reset');
    store = await ServerStore.open(dbName);
    busy = new Busy();
    mockFetch = createMockFetch(createHandlers({ base: BASE, store, busy }), async (input) => {
      throw new Error(`the mock has no route for ${String(input)}`);
    });
  });

  after(async () => {
    store.close();
    await ServerStore.destroy(dbName);
    const unseen = await executeServerCommand<string[], undefined>('plaudit-openapi-coverage');
    console.log(`OpenAPI coverage against the mock: ${unseen.length} documented (path, method, status) never seen:\n  ${unseen.join('\n  ')}`);
  });

  for (const contract of contractCases()) {
    const missing = (contract.needs ?? []).filter((n) => !CAPABILITIES.has(n));
    if (missing.length > 0) {
      it.skip(`${contract.name} [needs ${missing.join(', ')}]`, () => undefined);
      continue;
    }
    it(contract.name, async () => {
      const { ctx, exchanges } = context();
      let failure: unknown = null;
      try {
        await contract.run(ctx);
      } catch (error) {
        failure = error;
      }
      const problems = await problemsOf(exchanges);
      const messages = [...(failure ? [String(failure instanceof Error ? failure.message : failure)] : []), ...problems];
      const expected = KNOWN_DEVIATIONS.get(contract.name);
      if (expected) {
        if (messages.length === 0) throw new Error('this known deviation passes now: remove it from KNOWN_DEVIATIONS');
        if (!messages.every((m) => expected.test(m))) throw new Error(`fails otherwise than known:\n${messages.join('\n')}`);
        return;
      }
      if (messages.length > 0) throw new Error(messages.join('\n'));
    });
  }

  // The mock's busy switch provokes what a client cannot: 429 and 503 with either form of Retry-After.
  it('busy (mock switch): 429 and 503 carry Retry-After in delta-seconds or as an HTTP-date, with an error body, on every operation', async () => {
    const { ctx, exchanges } = context();
    const operations: Array<[string, string, CallInit]> = [
      ...everyOperation('busy-story', ctx.reader.id, crypto.randomUUID()),
      ['GET /readers/{id}', `/readers/${ctx.reader.id}`, {}],
      ['DELETE /readers/{id}', `/readers/${ctx.reader.id}`, { method: 'DELETE' }],
    ];
    for (const [status, form] of [[429, 'seconds'], [503, 'date']] as const) {
      for (const [what, path, init] of operations) {
        busy.answer(1, { status, seconds: 30, form });
        const response = await ctx.call(path, init);
        if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status}`);
        const retryAfter = response.headers.get('Retry-After') ?? '';
        if (form === 'seconds' ? retryAfter !== '30' : Number.isNaN(Date.parse(retryAfter))) throw new Error(`${what}: Retry-After ${retryAfter}`);
      }
    }
    const problems = await problemsOf(exchanges);
    if (problems.length > 0) throw new Error(problems.join('\n'));
  });
});
