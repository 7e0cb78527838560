// The demo page: the mock endpoint stands in for a real server (msw, in a service
// worker), then the reader widgets load exactly as an author's page would load them.
import { startMockEndpoint } from './mock-endpoint/browser.js';
import { mountFaultPanel } from './fault-panel.js';

const panel = document.getElementById('fault-panel');
try {
  const mock = await startMockEndpoint();
  if (panel) mountFaultPanel(panel, mock.faults);
} catch (error) {
  console.warn('The mock endpoint could not start; the widgets work offline only.', error);
}
await import('../src/plaudit.js');
