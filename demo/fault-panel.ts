import type { Faults, FaultSettings } from './mock-endpoint/faults.js';

type NumericKey = 'latencyMs' | 'errorRate' | 'loseResponseRate' | 'duplicateRate' | 'timeoutRate' | 'retryAfterSeconds';

const SLIDERS: Array<{ key: NumericKey; label: string; max: number; step: number; unit: 'ms' | '%' | 's' }> = [
  { key: 'latencyMs', label: 'Added latency', max: 5000, step: 50, unit: 'ms' },
  { key: 'errorRate', label: 'Error rate (network, 500, 503)', max: 1, step: 0.05, unit: '%' },
  { key: 'loseResponseRate', label: 'Commit but lose the response', max: 1, step: 0.05, unit: '%' },
  { key: 'duplicateRate', label: 'Duplicate requests', max: 1, step: 0.05, unit: '%' },
  { key: 'timeoutRate', label: 'Stall past the timeout', max: 1, step: 0.05, unit: '%' },
  { key: 'retryAfterSeconds', label: 'Retry-After on 429/503', max: 30, step: 1, unit: 's' },
];

/**
 * Builds the demo's fault panel into `container`: switches for the mock
 * endpoint's latency, error rate, offline, 429 bursts with Retry-After, lost
 * responses after commit, duplicates and stalls. The same `Faults` object
 * drives the tests. Returns a function that removes the panel and its listeners.
 */
export function mountFaultPanel(container: HTMLElement, faults: Faults): () => void {
  const panel = document.createElement('fieldset');
  panel.className = 'fault-panel';
  const legend = document.createElement('legend');
  legend.textContent = 'Network faults (demo server)';
  panel.append(legend);

  const outputs = new Map<NumericKey, { input: HTMLInputElement; output: HTMLOutputElement }>();
  for (const s of SLIDERS) {
    const id = `fault-${s.key}`;
    const row = document.createElement('div');
    const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: s.label });
    const input = Object.assign(document.createElement('input'), { type: 'range', id, min: '0', max: String(s.max), step: String(s.step) });
    const output = document.createElement('output');
    output.htmlFor.add(id);
    input.addEventListener('input', () => faults.set({ [s.key]: Number(input.value) } as Partial<FaultSettings>));
    row.append(label, input, output);
    panel.append(row);
    outputs.set(s.key, { input, output });
  }

  const offlineRow = document.createElement('div');
  const offline = Object.assign(document.createElement('input'), { type: 'checkbox', id: 'fault-offline' });
  offline.addEventListener('change', () => faults.set({ offline: offline.checked }));
  offlineRow.append(offline, Object.assign(document.createElement('label'), { htmlFor: 'fault-offline', textContent: ' Offline' }));
  panel.append(offlineRow);

  const buttons = document.createElement('div');
  const burst = Object.assign(document.createElement('button'), { type: 'button', textContent: '429 burst (next 5 requests)' });
  burst.addEventListener('click', () => faults.burst(5));
  const heal = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Heal the network' });
  heal.addEventListener('click', () => faults.heal());
  const remaining = document.createElement('output');
  remaining.setAttribute('aria-live', 'polite');
  buttons.append(burst, heal, remaining);
  panel.append(buttons);

  const render = () => {
    for (const s of SLIDERS) {
      const { input, output } = outputs.get(s.key)!;
      const value = faults.settings[s.key];
      input.value = String(value);
      output.textContent = s.unit === '%' ? `${Math.round(value * 100)}%` : `${value} ${s.unit}`;
    }
    offline.checked = faults.settings.offline;
    remaining.textContent = faults.burstRemaining > 0 ? `${faults.burstRemaining} requests will get 429` : '';
  };
  render();
  const unsubscribe = faults.subscribe(render);
  container.append(panel);
  return () => {
    unsubscribe();
    panel.remove();
  };
}
