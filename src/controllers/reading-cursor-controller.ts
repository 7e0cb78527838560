import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sentenceSpans, spanIndexAt, type TextSpan } from '../core/sentences.js';
import { buildTextModel, offsetsToRange, rangeToOffsets, type TextModel } from '../core/text-model.js';
import { isAltShift } from './shortcut-keys.js';

/** A sentence of the article, with the block (paragraph, heading, item) it starts in. */
export interface Sentence extends TextSpan {
  block: number;
}

export interface ReadingCursorOptions {
  /** The current text model, if the annotations have one. */
  model(): TextModel | null;
  /** Whether this element should answer the document-wide shortcut. */
  ownsShortcut(): boolean;
  /** Called when the mode starts (focus the cursor) or the sentence changes. */
  moved(sentence: Sentence, range: Range): void;
  started(): void;
}

/**
 * Reading-cursor mode: a path through the article that needs no native
 * selection (screen readers cannot always drive it). Sentences come from
 * `Intl.Segmenter`; block elements always end a sentence. The element renders
 * the focusable cursor and forwards its keys to `move` / `moveBlock`, and the
 * document's keydown to `keydown` (it listens for all its shortcuts at once).
 */
export class ReadingCursorController implements ReactiveController {
  active = false;
  sentences: Sentence[] = [];
  index = 0;
  private model: TextModel | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ReadingCursorOptions,
  ) {
    host.addController(this);
  }

  /** The document's keydown: Alt+Shift+R starts the cursor in the article it belongs to. */
  keydown(event: KeyboardEvent): void {
    if (!isAltShift(event, 'KeyR') || !this.options.ownsShortcut()) return;
    event.preventDefault();
    this.start();
  }

  hostDisconnected(): void {
    this.active = false;
  }

  /** Starts at the sentence holding the selection, else the first one in view, else the first. */
  start(): void {
    const model = this.options.model() ?? buildTextModel(this.host);
    this.model = model;
    this.sentences = sentencesOf(model, this.host.ownerDocument.documentElement.lang || undefined);
    if (this.sentences.length === 0) return;
    this.index = Math.max(0, this.initialIndex(model));
    this.active = true;
    this.options.started();
    this.emit();
  }

  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.host.requestUpdate();
  }

  get current(): Sentence | null {
    return this.active ? (this.sentences[this.index] ?? null) : null;
  }

  /** The current sentence as a live Range. */
  range(): Range | null {
    const s = this.current;
    return s && this.model ? offsetsToRange(this.model, s.start, s.end) : null;
  }

  /** Moves by `delta` sentences, staying within the article. */
  move(delta: number): void {
    this.goTo(this.index + delta);
  }

  /** Moves to the first sentence of the next (1) or this/previous (-1) block. */
  moveBlock(direction: 1 | -1): void {
    const here = this.sentences[this.index];
    if (!here) return;
    let i = this.index;
    if (direction > 0) {
      while (i < this.sentences.length && this.sentences[i]!.block === here.block) i++;
    } else {
      // Back to the start of this block; if already there, to the start of the previous one.
      const startOf = (k: number) => {
        while (k > 0 && this.sentences[k - 1]!.block === this.sentences[k]!.block) k--;
        return k;
      };
      i = startOf(i);
      if (i === this.index && i > 0) i = startOf(i - 1);
    }
    this.goTo(i);
  }

  goTo(index: number): void {
    this.index = Math.max(0, Math.min(this.sentences.length - 1, index));
    this.emit();
  }

  private emit(): void {
    const sentence = this.current;
    const range = this.range();
    if (sentence && range) this.options.moved(sentence, range);
    this.host.requestUpdate();
  }

  private initialIndex(model: TextModel): number {
    const selection = this.host.ownerDocument.getSelection();
    if (selection && selection.rangeCount > 0) {
      const range = selection.getRangeAt(0).cloneRange();
      if (this.host.contains(range.startContainer)) {
        range.collapse(true);
        const probe = range.cloneRange();
        probe.setEnd(this.host, this.host.childNodes.length);
        const offsets = rangeToOffsets(model, probe);
        if (offsets) return spanIndexAt(this.sentences, offsets.start);
      }
    }
    const view = this.host.ownerDocument.defaultView;
    const height = view?.innerHeight ?? 0;
    const visible = this.sentences.findIndex((s) => {
      const rect = offsetsToRange(model, s.start, s.end).getBoundingClientRect();
      return rect.bottom > 0 && rect.top < height;
    });
    return visible;
  }
}

/** The sentences of a model; a change of block element between text nodes always ends a sentence. */
export function sentencesOf(model: TextModel, locale?: string): Sentence[] {
  const blocks = model.nodes.map((node) => blockOf(node, model.root));
  const breaks: number[] = [];
  const blockStarts: { offset: number; block: number }[] = [];
  let blockId = -1;
  for (let i = 0; i < model.nodes.length; i++) {
    if (i === 0 || blocks[i] !== blocks[i - 1]) {
      blockId++;
      const offset = model.segmentStart[model.nodeFirstSegment[i]!]!;
      if (i > 0) breaks.push(offset);
      blockStarts.push({ offset, block: blockId });
    }
  }
  let b = 0;
  return sentenceSpans(model.text, breaks, locale).map((span) => {
    while (b + 1 < blockStarts.length && blockStarts[b + 1]!.offset <= span.start) b++;
    return { ...span, block: blockStarts[b]?.block ?? 0 };
  });
}

const INLINE = /^(inline|contents|ruby)/;

/** The nearest element around `node` (or `node` itself) that is laid out as a block, else `root`. */
export function blockOf(node: Node, root: Element): Element {
  const view = root.ownerDocument.defaultView;
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== root; el = el.parentElement) {
    if (!INLINE.test(view?.getComputedStyle(el).display ?? '')) return el;
  }
  return root;
}
