import type { KeyRing } from '../../platform/crypto/keys.ts';
import { CROCKFORD_ALPHABET, encodeBase32 } from '../../platform/crypto/base32.ts';

const ALPHABET = CROCKFORD_ALPHABET;
const RECEIPT_BYTES = 10; // 80 bits

/**
 * The receipt is derived from the form's one-time submission id with a server key, so a double submit of the
 * same form shows the same receipt again without the receipt itself ever being stored (only its keyed hash).
 */
export function receiptForSubmission(keys: KeyRing, submissionId: string): string {
  const bytes = keys.hmac('receipt-index', `receipt:${submissionId}`).subarray(0, RECEIPT_BYTES);
  const out = encodeBase32(bytes, ALPHABET);
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
