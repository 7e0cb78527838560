// The per-token rate limit as plaudit-server runs it (the endpoint's option):
// a burst, then 429 with Retry-After in whole seconds, per token, refilled over time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEndpoint } from '../../src/endpoint/handler.js';
import { RateLimiter } from '../../src/endpoint/rate-limit.js';
import { memoryStorageForSuite } from './sql-backends.js';

describe('rate limits', () => {
  const storage = memoryStorageForSuite();

  it('answers 429 with Retry-After once a token has used its burst, and only for that token', async () => {
    const endpoint = createEndpoint({ storage: storage.current.storage, rateLimit: { perMinute: 6, burst: 2 } });
    const get = (token: string) => endpoint(new Request('http://server.test/api/plaudit/articles/a-story/claps', { headers: { Authorization: `Bearer ${token}` } }));
    const [one, two] = ['rate-limited-token-0001', 'rate-limited-token-0002'];
    assert.equal((await get(one)).status, 200);
    assert.equal((await get(one)).status, 200);
    const refused = await get(one);
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('Retry-After'), '10', 'six a minute: the next in 10 s');
    assert.deepEqual(await refused.json(), { error: 'rate-limited', reason: 'too many requests, slow down' });
    assert.equal((await get(two)).status, 200, 'another token has its own bucket');
  });

  it('refills at the sustained rate', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 1 }, () => now);
    assert.equal(limiter.take('k'), 0);
    assert.equal(limiter.take('k'), 1, 'one a second: wait a second');
    now = 1_000;
    assert.equal(limiter.take('k'), 0);
  });
});
