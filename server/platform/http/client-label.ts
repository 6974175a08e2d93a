import { createHmac, randomBytes } from 'node:crypto';

// Made at start and never stored: nobody, not even an operator with the database and the master key, can
// try all 2^32 IPv4 addresses to find which one a label stands for. A restart starts new labels.
const labelKey = randomBytes(32);

/**
 * A short, stable (for this process's life) label for a client address, for the audit trail and the
 * administrators' view: the same source shows the same label, and the address itself is never written.
 */
export function clientLabel(address: string): string {
  return `src-${createHmac('sha256', labelKey).update(address).digest('hex').slice(0, 10)}`;
}
