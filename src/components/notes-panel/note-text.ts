import { html, type TemplateResult } from 'lit-html';

/** http(s) URLs in running text; trailing punctuation is left out of the link. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}]/gi;

export type NoteToken = { text: string } | { href: string; label: string };

/** Splits a note into text and http(s) links. Nothing else ever becomes a link. */
export function tokenizeNote(text: string): NoteToken[] {
  const tokens: NoteToken[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0;
    let href: string;
    try {
      const url = new URL(match[0]);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      href = url.href;
    } catch {
      continue;
    }
    if (index > last) tokens.push({ text: text.slice(last, index) });
    tokens.push({ href, label: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) tokens.push({ text: text.slice(last) });
  return tokens;
}

/**
 * A note as lit text bindings with safe links: the reader's text is never parsed
 * as HTML, and only http(s) URLs become links, opened without referrer or opener.
 */
export function renderNoteText(text: string): TemplateResult {
  return html`${tokenizeNote(text).map((token) =>
    'href' in token
      ? html`<a href=${token.href} rel="noopener noreferrer nofollow" target="_blank">${token.label}</a>`
      : token.text,
  )}`;
}
