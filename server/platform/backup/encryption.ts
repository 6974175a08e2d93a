import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scryptSync } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import type { KeyRing } from '../crypto/keys.ts';
import { AppError } from '../errors.ts';

/**
 * An encrypted backup: the gzip'd backup cut into chunks, each sealed with AES-256-GCM.
 *
 *   "HVNBKE01"  kind (1 byte: 1 master key, 2 passphrase)  salt (16)  nonce prefix (8)
 *   then chunks: length (4, big-endian)  ciphertext  tag (16)
 *
 * Each chunk's nonce is the prefix and its number; its additional data is the file header, its number and
 * whether it is the last. So chunks cannot be reordered, dropped or moved between files, and a file cut
 * after any chunk is caught because no chunk says it is the last.
 */
const MAGIC = Buffer.from('HVNBKE01');
const HEADER_BYTES = MAGIC.length + 1 + 16 + 8;
const CHUNK = 64 * 1024;
const TAG = 16;

export type BackupEncryption = { kind: 'master-key' } | { kind: 'passphrase'; passphrase: string };
const KIND_CODE = { 'master-key': 1, passphrase: 2 } as const;

/** The file key: from the master key (HKDF) or the passphrase (scrypt), with the file's own salt. */
function fileKey(kind: 1 | 2, salt: Buffer, keys: KeyRing, passphrase: string | undefined): Buffer {
  if (kind === 1) return Buffer.from(hkdfSync('sha256', keys.key('backup-encryption'), salt, 'haven:backup-file:v1', 32));
  return scryptSync(passphrase!.normalize('NFC'), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}

function chunkNonce(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

function chunkAad(header: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail[4] = last ? 1 : 0;
  return Buffer.concat([header, tail]);
}

/** Encrypts what is written through it. */
export function encryptStream(encryption: BackupEncryption, keys: KeyRing): Transform {
  const kind = KIND_CODE[encryption.kind];
  const salt = randomBytes(16);
  const prefix = randomBytes(8);
  const header = Buffer.concat([MAGIC, Buffer.from([kind]), salt, prefix]);
  const key = fileKey(kind, salt, keys, encryption.kind === 'passphrase' ? encryption.passphrase : undefined);
  let pending = Buffer.alloc(0);
  let index = 0;
  let headerSent = false;
  const seal = (plain: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(prefix, index));
    cipher.setAAD(chunkAad(header, index, last));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length, 0);
    index++;
    return Buffer.concat([headerSent ? Buffer.alloc(0) : header, length, body, cipher.getAuthTag()]);
  };
  return new Transform({
    transform(data: Buffer, _encoding, done: TransformCallback) {
      pending = Buffer.concat([pending, data]);
      // Keep at least one byte back: the last chunk must be sealed as the last.
      while (pending.length > CHUNK) {
        this.push(seal(pending.subarray(0, CHUNK), false));
        headerSent = true;
        pending = pending.subarray(CHUNK);
      }
      done();
    },
    flush(done: TransformCallback) {
      this.push(seal(pending, true));
      done();
    },
  });
}

/** Whether a file starts like an encrypted backup, and which key it needs. */
export async function encryptedKind(file: string): Promise<'master-key' | 'passphrase' | null> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length + 1);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead < head.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    return head[MAGIC.length] === 2 ? 'passphrase' : 'master-key';
  } finally {
    await handle.close();
  }
}

/** Decrypts an encrypted backup as it is read; fails on any chunk that does not authenticate. */
export function decryptStream(keys: KeyRing, passphrase: string | undefined): Transform {
  let buffered = Buffer.alloc(0);
  let header: Buffer | null = null;
  let key: Buffer | null = null;
  let prefix: Buffer | null = null;
  let index = 0;
  let ended = false;
  const refuse = (kind: number) =>
    new AppError(
      'bad_request',
      kind === 2
        ? 'The backup cannot be decrypted: the passphrase (HAVEN_BACKUP_PASSPHRASE) is not the one it was made with, or the file was changed or damaged. Nothing was restored.'
        : 'The backup cannot be decrypted: this is not the master key it was made with (set HAVEN_MASTER_KEY or HAVEN_KEY_FILE to that key), or the file was changed or damaged. Nothing was restored.',
    );
  return new Transform({
    transform(data: Buffer, _encoding, done: TransformCallback) {
      buffered = Buffer.concat([buffered, data]);
      try {
        if (!header) {
          if (buffered.length < HEADER_BYTES) return done();
          header = buffered.subarray(0, HEADER_BYTES);
          const kind = header[MAGIC.length]!;
          key = fileKey(kind === 2 ? 2 : 1, header.subarray(MAGIC.length + 1, MAGIC.length + 17), keys, passphrase);
          prefix = header.subarray(MAGIC.length + 17);
          buffered = buffered.subarray(HEADER_BYTES);
        }
        for (;;) {
          if (buffered.length < 4) break;
          const length = buffered.readUInt32BE(0);
          if (length > CHUNK) throw refuse(header[MAGIC.length]!);
          if (buffered.length < 4 + length + TAG) break;
          if (ended) throw refuse(header[MAGIC.length]!);
          const body = buffered.subarray(4, 4 + length);
          const tag = buffered.subarray(4 + length, 4 + length + TAG);
          buffered = buffered.subarray(4 + length + TAG);
          // The last chunk is the one that authenticates as the last; try that only when nothing follows.
          const candidates = buffered.length === 0 ? [false, true] : [false];
          let plain: Buffer | null = null;
          for (const last of candidates) {
            try {
              const decipher = createDecipheriv('aes-256-gcm', key!, chunkNonce(prefix!, index));
              decipher.setAAD(chunkAad(header, index, last));
              decipher.setAuthTag(tag);
              plain = Buffer.concat([decipher.update(body), decipher.final()]);
              ended = last;
              break;
            } catch {
              plain = null;
            }
          }
          if (!plain) throw refuse(header[MAGIC.length]!);
          index++;
          this.push(plain);
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      if (!header || buffered.length > 0 || !ended) {
        return done(new AppError('bad_request', 'The encrypted backup is incomplete: it ends before its last part. Nothing was restored.'));
      }
      done();
    },
  });
}
