/**
 * Gives the main thread back to the browser between slices of long work
 * (anchoring hundreds of annotations at start-up) so input and painting are
 * not blocked: `scheduler.yield()` where it exists (keeps the task's priority),
 * else a macrotask via `setTimeout`.
 */
interface SchedulerWithYield {
  yield(): Promise<void>;
}

export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (scheduler !== undefined && typeof scheduler.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
