// The demo's editor page: the mock endpoint stands in for a real server, then
// the review element loads as an editor's page would load it. The demo fills in
// its own editor token (the element never knows one): on a real site the
// editor types theirs into the element's sign-in form, or the page sets `token`.
import { startMockEndpoint } from './mock-endpoint/browser.js';
import { EDITOR_TOKEN } from './mock-endpoint/handlers.js';

const review = document.querySelector('plaudit-review');
try {
  await startMockEndpoint();
  if (review) review.token = EDITOR_TOKEN;
} catch (error) {
  console.warn('The mock endpoint could not start; the review shows this browser only.', error);
  review?.removeAttribute('endpoint');
}
await import('../src/plaudit-review.js');
