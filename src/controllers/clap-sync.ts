import { acquireSyncEngine } from '../sync/sync-engine.js';
import type { ClapModel } from './clap-model.js';

/**
 * Connects an article's clap model to the page's sync engine for `endpoint`:
 * every write is queued for the server in the same transaction, the engine is
 * told after it commits, and the server's totals flow back into the model.
 * Loaded only by elements that have an endpoint. Returns the disconnect.
 */
export function connectClapSync(model: ClapModel, endpoint: string): () => void {
  const engine = acquireSyncEngine(endpoint);
  model.queueForSync = true;
  const stopWrites = model.onWrite(() => engine.notifyChanged());
  const stopTotals = engine.subscribeTotals(model.articleId, (totals) => model.setServerTotals(totals));
  return () => {
    stopWrites();
    stopTotals();
    engine.release();
  };
}
