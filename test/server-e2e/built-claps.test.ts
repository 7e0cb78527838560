// The built clap button (dist/plaudit-claps.js, as an author embeds it) against
// the real server on a cross-origin endpoint, killed with SIGKILL in the middle
// of a clapping burst: once the server is back, it holds every clap, once.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { getReaderIdentity } from '../../src/storage/reader-identity.js';
import { freshClientDb } from '../sync/helpers.js';
import { waitUntil } from '../helpers/wait.js';

type Control = { action: string; [key: string]: unknown };
const control = <T,>(payload: Control) => executeServerCommand<T, Control>('plaudit-server', payload);

describe('the built <plaudit-claps> against the real server', function () {
  this.timeout(120_000);
  after(() => control({ action: 'stop' }));

  it('keeps every clap of a burst through a SIGKILL of the server, counted once', async () => {
    const { endpoint, direct } = (await control<{ endpoint: string; direct: string }>({ action: 'start', seed: 1 }))!;
    const db = await freshClientDb();
    const reader = await getReaderIdentity(db);
    const articleId = `burst-${crypto.randomUUID().slice(0, 8)}`;
    const bundle = '/dist/plaudit-claps.js';
    await import(bundle);
    const el = document.createElement('plaudit-claps');
    el.setAttribute('article-id', articleId);
    el.setAttribute('endpoint', endpoint);
    document.body.append(el);
    await customElements.whenDefined('plaudit-claps');
    await waitUntil(() => el.shadowRoot?.querySelector('button'), 'no clap button');
    const button = el.shadowRoot!.querySelector('button')!;

    // Some responses are lost on the way: the server did the work, the page never heard.
    await control({ action: 'faults', settings: { loseRate: 0.3 } });
    for (let i = 1; i <= 30; i++) {
      button.click();
      if (i === 12) await control({ action: 'kill' });
      if (i === 24) await control({ action: 'restart' });
      await new Promise((r) => setTimeout(r, 30));
    }
    await waitUntil(() => /You: 30 of 50/.test(el.shadowRoot!.textContent ?? ''), 'the page shows 30 claps');
    await control({ action: 'heal' });
    await control({ action: 'healthy' });

    const totals = async () => {
      const response = await fetch(`${direct}/articles/${articleId}/claps`, { headers: { Authorization: `Bearer ${reader.token}` } });
      return (await response.json()) as { total: number; clappers: number; mine: number };
    };
    await waitUntil(async () => (await totals()).total === 30, 'the server never reached 30 claps', { timeout: 60_000 });
    expect(await totals()).to.deep.equal({ total: 30, clappers: 1, mine: 30 });
    el.remove();
  });
});
