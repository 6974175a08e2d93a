import { randomBytes } from 'node:crypto';

/** A URL-safe random token. 32 bytes = 256 bits, far past the 128 bits sessions need. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
