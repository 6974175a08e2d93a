import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What each derived key is for. A key is never used for two purposes. */
export type KeyPurpose =
  | 'audit-chain'
  | 'token-index'
  | 'secret-seal'
  | 'key-check'
  | 'receipt-index'
  | 'blind-index'
  | 'data-key-wrap';

/**
 * The master key lives outside the database (an environment variable or a key file), so a stolen dump of the
 * database alone cannot forge audit entries, read sealed secrets or look up tokens.
 */
export class KeyRing {
  private readonly derived = new Map<KeyPurpose, Buffer>();

  constructor(private readonly master: Buffer) {
    if (master.length !== 32) throw new Error('The master key must be 32 bytes.');
  }

  key(purpose: KeyPurpose): Buffer {
    let k = this.derived.get(purpose);
    if (!k) {
      k = Buffer.from(hkdfSync('sha256', this.master, Buffer.alloc(0), `haven:${purpose}:v1`, 32));
      this.derived.set(purpose, k);
    }
    return k;
  }

  /**
   * A later generation of a purpose's key, for rotation (decision 010: the survivor data keys' key-encrypting
   * key). Generation 1 is `key(purpose)`.
   */
  keyOf(purpose: KeyPurpose, generation: number): Buffer {
    if (generation === 1) return this.key(purpose);
    if (!Number.isInteger(generation) || generation < 1) throw new Error('A key generation is a positive whole number.');
    return Buffer.from(hkdfSync('sha256', this.master, Buffer.alloc(0), `haven:${purpose}:v${generation}`, 32));
  }

  /** Keyed hash for lookups by secret value (session tokens, one-time links, receipts). */
  hmac(purpose: KeyPurpose, value: string | Buffer): Buffer {
    return createHmac('sha256', this.key(purpose)).update(value).digest();
  }

  /** A value stored beside the data that shows whether this key ring is the one the data was written with. */
  checkValue(): string {
    return this.hmac('key-check', 'haven').toString('base64');
  }

  matchesCheckValue(value: string): boolean {
    const a = Buffer.from(value, 'base64');
    const b = Buffer.from(this.checkValue(), 'base64');
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

export interface LoadKeyRingOptions {
  masterKey: string | undefined;
  keyFile: string;
  /** Create the key file when there is none (the embedded laptop default). */
  createIfMissing: boolean;
}

export interface LoadedKeyRing {
  keys: KeyRing;
  created: boolean;
  source: string;
}

export async function loadKeyRing(options: LoadKeyRingOptions): Promise<LoadedKeyRing> {
  if (options.masterKey) {
    return { keys: new KeyRing(Buffer.from(options.masterKey, 'base64')), created: false, source: 'HAVEN_MASTER_KEY' };
  }
  try {
    const text = (await readFile(options.keyFile, 'utf8')).trim();
    const master = Buffer.from(text, 'base64');
    if (master.length !== 32) throw new Error(`The key file ${options.keyFile} does not hold 32 bytes of base64.`);
    return { keys: new KeyRing(master), created: false, source: options.keyFile };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || !options.createIfMissing) throw error;
  }
  const master = randomBytes(32);
  await mkdir(path.dirname(options.keyFile), { recursive: true, mode: 0o700 });
  await writeFile(options.keyFile, `${master.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(options.keyFile, 0o600);
  return { keys: new KeyRing(master), created: true, source: options.keyFile };
}
