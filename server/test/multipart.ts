import { randomBytes } from 'node:crypto';

/** Builds a multipart/form-data body as a browser submits a form with file inputs. */
export function multipart(fields: Record<string, string>, files: Array<{ field: string; name: string; type: string; data: Buffer }> = []): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----haven${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The first match of a pattern in an HTML page, for reading a receipt or a hidden field. */
export function pick(html: string, pattern: RegExp): string {
  const match = pattern.exec(html);
  if (!match?.[1]) throw new Error(`pattern ${pattern} not found in page`);
  return match[1];
}
