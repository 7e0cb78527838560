/**
 * Plaudit's public types and classes, with no side effects: importing this
 * registers no element. Entry points (`plaudit.ts`, `plaudit-claps.ts`) register.
 */
export { PlauditClapsElement } from './components/claps/claps.component.js';
export { PlauditArticleElement } from './components/article/article.component.js';
export { PlauditClapEvent, type PlauditClapDetail } from './events/plaudit-clap.js';
export { PlauditBeforeClapEvent, type PlauditBeforeClapDetail } from './events/plaudit-before-clap.js';
export * from './events/plaudit-annotation-create.js';
export * from './events/plaudit-annotation-update.js';
export * from './events/plaudit-annotation-delete.js';
export * from './events/plaudit-sync-status.js';
export type {
  Annotation,
  AnchorStatus,
  NoteVisibility,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
  TextualBody,
} from './core/annotation.js';
export type * from './sync/protocol.js';
// Types only: brings every tag's and event's global map entry into these declarations.
export type { PlauditElementTagNameMap, PlauditEventMap } from './global-types.js';
