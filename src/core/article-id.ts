/**
 * The id an article's feedback is filed under: the author's explicit id, else
 * the page's canonical URL, else the page's address without query or hash (so
 * tracking parameters do not split one story's claps).
 */
export function resolveArticleId(explicit: string | null | undefined, doc: Document): string {
  const given = explicit?.trim();
  if (given) return given;
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
  if (canonical?.href) return canonical.href;
  const { origin, pathname } = doc.defaultView?.location ?? location;
  return origin + pathname;
}
