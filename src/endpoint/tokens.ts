/**
 * Bearer tokens. Storage only ever sees `hashToken(token)`: a SHA-256 digest
 * in lower-case hex (Web Crypto, in browsers and Node alike). Tokens are long
 * random strings, so an unsalted fast hash is enough: nothing to brute-force.
 */

/** What a token looks like on the wire (`Authorization: Bearer <token>`). */
export const TOKEN_PATTERN = /^[A-Za-z0-9._~+/=-]{16,256}$/;

export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A new random token: 32 bytes, base64url (43 characters), e.g. for an editor. */
export function newToken(prefix = ''): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const b64 = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${prefix}${b64}`;
}
