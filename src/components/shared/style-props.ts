import { noChange } from 'lit-html';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit-html/directive.js';

/** CSS properties by their CSS names (`left`, `block-size`, `--x`); a missing or null value removes one. */
export type StyleProps = Readonly<Record<string, string | null | undefined>>;

class StylePropsDirective extends Directive {
  #set = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('styleProps is an element binding: <div ${styleProps({...})}>');
  }

  render(_props: StyleProps): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]): unknown {
    const { style } = part.element as HTMLElement;
    for (const name of this.#set) {
      if (props[name] != null) continue;
      style.removeProperty(name);
      this.#set.delete(name);
    }
    for (const name in props) {
      const value = props[name];
      if (value == null) continue;
      style.setProperty(name, value);
      this.#set.add(name);
    }
    return noChange;
  }
}

/**
 * Sets an element's inline style properties through the CSSOM, on every render
 * including the first, and never writes its `style` attribute: a page whose
 * Content Security Policy has no 'unsafe-inline' in `style-src` refuses style
 * attributes (lit's `styleMap` writes one on its first render), while property
 * sets are allowed. An element binding: `<div ${styleProps({ left: '8px' })}>`.
 */
export const styleProps = directive(StylePropsDirective);
