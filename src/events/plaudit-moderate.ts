import type { Annotation } from '../core/annotation.js';
import type { ModerationStatus } from '../sync/protocol.js';

export interface PlauditModerateDetail {
  /** The annotation as saved, with its new `plaudit:status`. */
  annotation: Annotation;
  status: ModerationStatus;
  /** The status before; an undo fires this event again with the two swapped. */
  previous: ModerationStatus;
}

/**
 * Fired by `<plaudit-review>` after a moderation (reviewed, hidden, new) is
 * saved, on the server or in this browser. Bubbles and is composed.
 */
export class PlauditModerateEvent extends Event {
  static readonly type = 'plaudit-moderate';
  readonly detail: PlauditModerateDetail;

  constructor(detail: PlauditModerateDetail) {
    super(PlauditModerateEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plaudit-moderate': PlauditModerateEvent;
  }
}
