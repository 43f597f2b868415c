/**
 * Rater codes: a random id and a secret ("ID-SECRET", letters and digits that cannot be confused);
 * only the secret's sha256 is stored, and secrets are compared in constant time.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';

const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

const randomCode = (n: number): string => Array.from({ length: n }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export function newRaterCode(): { id: string; secret: string } {
  return { id: randomCode(5), secret: randomCode(6) };
}

/** The id and secret of a cookie or a typed code, or null when it is not one. */
export function parseRaterCode(credential: string | null): { id: string; secret: string } | null {
  const m = credential ? /^([A-Z0-9]{5})-([A-Z0-9]{6})$/.exec(credential.trim().toUpperCase()) : null;
  return m ? { id: m[1], secret: m[2] } : null;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
