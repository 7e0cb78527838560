import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * @open-wc's waitUntil with a 5 s timeout instead of 1 s. A timeout is not a
 * timing assertion: it only bounds how long a test waits for what the user
 * would see, and shared CI machines are slow now and then.
 */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 5000, ...options });
}
