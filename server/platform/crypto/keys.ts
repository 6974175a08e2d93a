import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors.ts';

/** What each derived key is for. A key is never used for two purposes. */
export type KeyPurpose =
  | 'audit-chain'
  | 'token-index'
  | 'secret-seal'
  | 'key-check'
  | 'receipt-index'
  | 'blind-index'
  | 'data-key-wrap'
  | 'backup-auth'
  | 'backup-encryption';

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

export interface FindKeyRingOptions {
  masterKey: string | undefined;
  keyFile: string;
  /** Accept a key file that other users can read (HAVEN_KEY_FILE_PERMISSIVE=1), with a warning. */
  permissive: boolean;
}

export interface FoundKeyRing {
  keys: KeyRing;
  source: string;
  /** Something the operator must hear about loudly (a key file others can read, accepted on request). */
  warning?: string;
}

/**
 * The master key from HAVEN_MASTER_KEY or the key file, or null when there is neither. Never creates one: only
 * `openHaven` knows whether the database is brand new, the one case where a new key is right.
 */
export async function findKeyRing(options: FindKeyRingOptions): Promise<FoundKeyRing | null> {
  if (options.masterKey) {
    return { keys: new KeyRing(Buffer.from(options.masterKey, 'base64')), source: 'HAVEN_MASTER_KEY' };
  }
  let text: string;
  try {
    text = (await readFile(options.keyFile, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('unavailable', `The key file ${options.keyFile} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Make it readable by the user Haven runs as, and by no one else.`);
  }
  const master = Buffer.from(text, 'base64');
  if (master.length !== 32) throw new AppError('unavailable', `The key file ${options.keyFile} does not hold 32 bytes of base64. Restore the right key file from your key backup.`);
  const exposure = await exposedTo(options.keyFile);
  if (exposure) {
    const problem = `The key file ${options.keyFile} can be read by other users (${exposure}). Anyone who can read it can forge audit entries and unseal survivor records.`;
    const fix = `Run: chmod 600 ${options.keyFile} (owned by the user Haven runs as).`;
    if (!options.permissive) throw new AppError('unavailable', `${problem} ${fix} To start anyway, set HAVEN_KEY_FILE_PERMISSIVE=1.`);
    return { keys: new KeyRing(master), source: options.keyFile, warning: `${problem} Started anyway because HAVEN_KEY_FILE_PERMISSIVE=1. ${fix}` };
  }
  return { keys: new KeyRing(master), source: options.keyFile };
}

/** Who besides the owner may read the file, if anyone. POSIX modes only: Windows has none to check. */
async function exposedTo(file: string): Promise<string | null> {
  if (process.platform === 'win32') return null;
  const mode = (await stat(file)).mode & 0o777;
  if ((mode & 0o077) === 0) return null;
  return `mode ${mode.toString(8).padStart(4, '0')}: ${mode & 0o007 ? 'everyone' : 'its group'} may read or change it`;
}

/** Writes a new random master key, readable by its owner only. Refuses to replace any existing file. */
export async function createKeyFile(keyFile: string): Promise<KeyRing> {
  const master = randomBytes(32);
  await mkdir(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  await writeFile(keyFile, `${master.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(keyFile, 0o600);
  return new KeyRing(master);
}

/** What to do when there is no master key, said plainly. */
export function missingKeyMessage(keyFile: string, why: string): string {
  return [
    `No master key: HAVEN_MASTER_KEY is not set and the key file ${keyFile} does not exist. ${why}`,
    'If this installation already holds data, restore the key it was written with from your key backup (to',
    `${keyFile}, or set HAVEN_KEY_FILE to where it is, or HAVEN_MASTER_KEY to its content): a new key cannot read that data.`,
    'Only for a new installation, make one with `openssl rand -base64 32` and set HAVEN_MASTER_KEY to it, or save it',
    'in a file readable by Haven\'s user only (chmod 600) named by HAVEN_KEY_FILE. Back the key up apart from the database.',
  ].join(' ');
}
