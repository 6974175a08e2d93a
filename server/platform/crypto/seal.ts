import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Sealed value layout: version (1) | IV (12) | GCM tag (16) | ciphertext. The version byte lets keys and
// algorithms change without guessing what an old value is.
const VERSION = 1;

/** Encrypts with AES-256-GCM. `context` is bound as associated data, so a value cannot be moved between rows. */
export function seal(key: Buffer, plaintext: string | Buffer, context = ''): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function unseal(key: Buffer, sealed: Buffer, context = ''): Buffer {
  if (sealed.length < 29 || sealed[0] !== VERSION) throw new Error('Sealed value has an unknown format.');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
}
