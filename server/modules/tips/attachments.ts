import { createHash } from 'node:crypto';
import { PDFDocument, PDFName } from 'pdf-lib';
import { AppError } from '../../platform/errors.ts';

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

const refuse = (message: string) => new AppError('unsupported_media_type', message);

/**
 * Checks a file and removes what could identify the person who made it: EXIF (camera, GPS position,
 * time), XMP and IPTC in images; author, creator and XMP metadata in PDFs. Throws for anything else.
 */
export async function cleanAttachment(data: Buffer): Promise<CleanAttachment> {
  if (data.length === 0) throw refuse('The file is empty.');
  if (data.length > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large', 'Each file can be at most 10 MB.');
  const contentType = sniffType(data);
  if (!contentType) throw refuse('Only photos (JPEG, PNG, WebP) and PDF documents can be attached.');
  const cleaned =
    contentType === 'image/jpeg' ? stripJpeg(data) :
    contentType === 'image/png' ? stripPng(data) :
    contentType === 'image/webp' ? stripWebp(data) :
    await stripPdf(data);
  return { contentType, data: cleaned, sha256: createHash('sha256').update(cleaned).digest('hex') };
}

/** Keeps the image segments; drops APP1–APP13 and APP15 (EXIF, XMP, IPTC, maker notes) and comments. */
export function stripJpeg(data: Buffer): Buffer {
  const out: Buffer[] = [data.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= data.length) {
    if (data[i] !== 0xff) throw refuse('This JPEG file is damaged.');
    const marker = data[i + 1]!;
    if (marker === 0xd9) break;
    if (marker === 0xda) {
      out.push(data.subarray(i)); // start of scan: the compressed image runs to the end of the file
      return Buffer.concat(out);
    }
    const length = data.readUInt16BE(i + 2);
    const segment = data.subarray(i, i + 2 + length);
    if (segment.length !== length + 2) throw refuse('This JPEG file is damaged.');
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = !(isApp && marker !== 0xe0 && marker !== 0xee) && marker !== 0xfe; // APP0 JFIF, APP14 Adobe colour
    if (keep) out.push(segment);
    i += 2 + length;
  }
  throw refuse('This JPEG file has no image data.');
}

// Chunks an image needs to be drawn the same; text, time and EXIF chunks are dropped.
const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'acTL', 'fcTL', 'fdAT']);

export function stripPng(data: Buffer): Buffer {
  const out: Buffer[] = [data.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= data.length) {
    const length = data.readUInt32BE(i);
    const type = data.toString('latin1', i + 4, i + 8);
    const chunk = data.subarray(i, i + 12 + length);
    if (chunk.length !== length + 12) throw refuse('This PNG file is damaged.');
    if (PNG_KEEP.has(type)) out.push(chunk);
    i += 12 + length;
    if (type === 'IEND') return Buffer.concat(out);
  }
  throw refuse('This PNG file is damaged.');
}

/** Drops EXIF and XMP chunks and clears their flags in the extended header. */
export function stripWebp(data: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let i = 12;
  while (i + 8 <= data.length) {
    const type = data.toString('latin1', i, i + 4);
    const size = data.readUInt32LE(i + 4);
    const padded = size + (size % 2);
    const chunk = Buffer.from(data.subarray(i, i + 8 + padded));
    if (chunk.length < 8 + size) throw refuse('This WebP file is damaged.');
    if (type === 'VP8X') chunk[8] = chunk[8]! & ~0x0c; // clear the EXIF (0x08) and XMP (0x04) flags
    if (type !== 'EXIF' && type !== 'XMP ') chunks.push(chunk);
    i += 8 + padded;
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}

/** Rewrites the PDF without its document information dictionary and XMP metadata. */
export async function stripPdf(data: Buffer): Promise<Buffer> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(data, { updateMetadata: false });
  } catch (error) {
    const encrypted = error instanceof Error && /encrypt/i.test(error.message);
    throw refuse(encrypted ? 'Password-protected PDFs cannot be attached. Remove the password and try again.' : 'This PDF file could not be read.');
  }
  doc.catalog.delete(PDFName.of('Metadata'));
  doc.context.trailerInfo.Info = undefined;
  for (const page of doc.getPages()) page.node.delete(PDFName.of('Metadata'));
  const saved = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return Buffer.from(saved);
}
