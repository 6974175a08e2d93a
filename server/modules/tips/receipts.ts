import type { KeyRing } from '../../platform/crypto/keys.ts';

// Crockford's base32: no I, L, O or U, so a receipt read aloud or copied by hand survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECEIPT_BYTES = 10; // 80 bits

/**
 * The receipt is derived from the form's one-time submission id with a server key, so a double submit of the
 * same form shows the same receipt again without the receipt itself ever being stored (only its keyed hash).
 */
export function receiptForSubmission(keys: KeyRing, submissionId: string): string {
  const bytes = keys.hmac('receipt-index', `receipt:${submissionId}`).subarray(0, RECEIPT_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts a receipt as people type it: any case, spaces or dashes, O for 0 and I or L for 1. */
export function normalizeReceipt(input: string): string | null {
  const chars = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (chars.length !== 16 || [...chars].some((c) => !ALPHABET.includes(c))) return null;
  return chars.match(/.{4}/g)!.join('-');
}

export function receiptHash(keys: KeyRing, receipt: string): Buffer {
  return keys.hmac('receipt-index', `stored:${receipt}`);
}

export function submissionHash(keys: KeyRing, submissionId: string): Buffer {
  return keys.hmac('token-index', `submission:${submissionId}`);
}
