/**
 * Reader pseudonyms for the editor's review: "Reader K7QF2", the same for the
 * same reader every time, so an editor can see that three notes came from one
 * person without ever seeing who (the reader id or token never leaves the server).
 *
 * The label is a keyed hash: 25 bits of cyrb53 over a server-side random
 * secret and the reader's key, written in Crockford base32. Without the secret
 * a label cannot be tied back to a key. It is a label, not security: anyone
 * holding the secret can test candidate keys, and any two readers share a
 * label with a chance of 1 in 2^25 (among 10,000 readers expect a pair or two).
 */
import { textHash } from './text-hash.js';

/** Crockford's base32: no I, L, O or U, so labels read aloud without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 5;

/** The pseudonym of `key` (a reader id, else a token) under `secret`. Synchronous and pure. */
export function readerPseudonym(secret: string, key: string): string {
  // The separator keeps ("ab", "c") and ("a", "bc") apart.
  let bits = parseInt(textHash(`${secret}\u0000${key}`), 16);
  let label = '';
  for (let i = 0; i < LENGTH; i++) {
    label += ALPHABET[bits % 32];
    bits = Math.floor(bits / 32);
  }
  return `Reader ${label}`;
}
