import { createReadStream } from 'node:fs';
import type { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

/**
 * The lines of a gzip'd file (decrypted first when given `decrypt`), read as they are needed. A damaged file fails here with zlib's reason (bad
 * header, bad data, wrong checksum, unexpected end), at the latest when its last bytes are read, which is
 * before the restore's transaction commits.
 */
export async function* readGzipLines(file: string, decrypt?: Transform): AsyncGenerator<string> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  // pipe() does not pass the source's errors on; without this an unreadable file would hang the reader.
  input.on('error', (error) => (decrypt ?? gunzip).destroy(error));
  if (decrypt) {
    decrypt.on('error', (error) => gunzip.destroy(error));
    input.pipe(decrypt).pipe(gunzip);
  } else {
    input.pipe(gunzip);
  }
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer);
      let start = 0;
      for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n', start)) {
        yield pending.slice(start, newline);
        start = newline + 1;
      }
      pending = pending.slice(start);
    }
    pending += decoder.end();
    if (pending.length > 0) yield pending;
  } finally {
    input.destroy();
    decrypt?.destroy();
    gunzip.destroy();
  }
}
