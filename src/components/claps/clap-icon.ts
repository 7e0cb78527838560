import { svg } from 'lit-html';

/** An open hand with three sparks, drawn in currentColor; kept to one short path for size. */
export const clapIcon = svg`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M8 13V7.5a1.5 1.5 0 0 1 3 0V12m0-6a1.5 1.5 0 0 1 3 0v6m0-4.5a1.5 1.5 0 0 1 3 0V15a6 6 0 0 1-6 6h-.5A5.5 5.5 0 0 1 6 17l-1.6-3a1.5 1.5 0 0 1 2.6-1.5L8 14M12 1v2M7.5 2.5l1 1.5M16.5 2.5l-1 1.5"/></svg>`;
