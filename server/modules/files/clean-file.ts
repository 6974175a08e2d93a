import { createHash } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { cleanImage } from './clean-image.ts';
import { cleanPdf } from './clean-pdf.ts';
import { refuseFile } from './refuse.ts';

export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type AttachmentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export interface CleanAttachment {
  contentType: AttachmentType;
  data: Buffer;
  sha256: string;
}

/** The type a file really is, read from its first bytes; the name and the browser's claim are ignored. */
export function sniffType(data: Buffer): AttachmentType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (data.length >= 5 && data.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/**
 * Checks a file and writes a new one holding only what is needed to show its content: images are re-encoded
 * from their pixels, PDFs are redrawn as page images (docs/decisions/012-file-cleaning.md). Nothing of the
 * uploaded bytes (metadata, appended images or videos, scripts, fonts, hidden text) is copied. Throws for
 * anything else.
 */
export async function cleanAttachment(data: Buffer): Promise<CleanAttachment> {
  if (data.length === 0) throw refuseFile('The file is empty.');
  if (data.length > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large', 'Each file can be at most 10 MB.');
  const contentType = sniffType(data);
  if (!contentType) throw refuseFile('Only photos (JPEG, PNG, WebP) and PDF documents can be attached.');
  const cleaned = contentType === 'application/pdf' ? await cleanPdf(data) : await cleanImage(data, contentType);
  return { contentType, data: cleaned, sha256: createHash('sha256').update(cleaned).digest('hex') };
}
