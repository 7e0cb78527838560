/**
 * Gives the main thread back to the browser between slices of long work
 * (anchoring hundreds of annotations at start-up) so input and painting are
 * not blocked: `scheduler.yield()` where it exists (keeps the task's priority),
 * else a macrotask via `setTimeout`.
 */
interface SchedulerWithYield {
  yield?(): Promise<void>;
}

export function yieldToMain(): Promise<void> {
  return (globalThis as { scheduler?: SchedulerWithYield }).scheduler?.yield?.() ?? new Promise((resolve) => setTimeout(resolve));
}
