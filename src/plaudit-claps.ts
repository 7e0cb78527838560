/** Entry point for the clap button alone: registers `<plaudit-claps>`. */
import './components/claps/claps.js';

export { PlauditClapsElement } from './components/claps/claps.component.js';
export { PlauditClapEvent } from './events/plaudit-clap.js';
export { PlauditBeforeClapEvent } from './events/plaudit-before-clap.js';
