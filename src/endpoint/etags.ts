/** ETags and the conditional headers that compare them (RFC 9110 §13). */

/** The strong ETag of annotation version `n`. */
export const etagOf = (n: number): string => `"a${n.toString(36)}"`;

/** `If-None-Match` (a list, or `*`) against an ETag: weak comparison, as RFC 9110 asks for GET. */
export function noneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(etag));
}

/** `If-Match` may list several ETags, or `*`; strong comparison (a weak ETag never matches). */
export function etagMatches(header: string, etag: string): boolean {
  return header.split(',').some((t) => t.trim() === '*' || t.trim() === etag);
}
