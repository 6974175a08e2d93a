import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyRing } from '../../platform/crypto/keys.ts';
import { normalizeReceipt, receiptForSubmission } from './receipts.ts';

describe('receipts', () => {
  const keys = new KeyRing(randomBytes(32));

  it('are 16 Crockford characters in four groups (80 bits), the same for the same submission', () => {
    const receipt = receiptForSubmission(keys, 'submission-one');
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(receiptForSubmission(keys, 'submission-one')).toBe(receipt);
    expect(receiptForSubmission(keys, 'submission-two')).not.toBe(receipt);
    expect(receiptForSubmission(new KeyRing(randomBytes(32)), 'submission-one')).not.toBe(receipt);
  });

  it('are read back however a person types them', () => {
    expect(normalizeReceipt('4k7q 9mzt 2rbd x8pn')).toBe('4K7Q-9MZT-2RBD-X8PN');
    expect(normalizeReceipt('4K7Q-9MZT-2RBD-X8PO')).toBe('4K7Q-9MZT-2RBD-X8P0');
    expect(normalizeReceipt('IL00-0000-0000-0000')).toBe('1100-0000-0000-0000');
    expect(normalizeReceipt('4K7Q-9MZT-2RBD')).toBeNull();
    expect(normalizeReceipt('4K7Q-9MZT-2RBD-X8PU')).toBeNull();
  });
});
