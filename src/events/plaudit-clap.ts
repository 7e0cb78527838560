/** What `plaudit-clap` reports once claps are recorded on the device. */
export interface PlauditClapDetail {
  articleId: string;
  /** The reader's claps for the article after the change. */
  count: number;
  /** The change just recorded: positive for claps, negative for an undo. */
  delta: number;
  /** The article's total as this widget knows it (all readers when synced). */
  total: number;
}

/**
 * Fired by `<plaudit-claps>` after claps are recorded on the device (once per
 * burst, not per clap), and after an undo. Bubbles and crosses shadow roots.
 */
export class PlauditClapEvent extends Event {
  static readonly type = 'plaudit-clap';
  readonly detail: PlauditClapDetail;
  constructor(detail: PlauditClapDetail) {
    super(PlauditClapEvent.type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'plaudit-clap': PlauditClapEvent;
  }
}
