import { svg } from 'lit';

/** Two hands meeting, with three sparks; drawn in currentColor. */
export const clapIcon = svg`<svg class="icon" viewBox="0 0 32 32" fill="none" stroke="currentColor"
  stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
  <path d="M10.5 14.5 7.2 11.2a1.6 1.6 0 0 1 2.3-2.3l5 5"/>
  <path d="m12.3 11.6-2-2a1.6 1.6 0 0 1 2.3-2.3l5.4 5.4"/>
  <path d="m15.2 10.2-.8-.8a1.6 1.6 0 0 1 2.3-2.3l5.1 5.1c2.6 2.6 2.6 6.8 0 9.4l-.6.6a6.6 6.6 0 0 1-9.4 0l-5.6-5.6a1.6 1.6 0 0 1 2.3-2.3l3 3"/>
  <path d="M16 2.5v2.6M21.2 4.2l-1.3 2.2M10.8 4.2l1.3 2.2"/>
</svg>`;
