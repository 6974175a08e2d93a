import { describe, expect, it } from 'vitest';
import exifr from 'exifr';
import { PDFDocument } from 'pdf-lib';
import jpeg from 'jpeg-js';
import { cleanAttachment, sniffType } from './attachments.ts';
import { jpegWithGps, pdfWithAuthor, pngWithText } from '../../test/fixtures/files.ts';
import { leftovers } from '../../test/fixtures/leftovers.ts';

describe('attachments', () => {
  it('removes the GPS position and camera data from a phone photo and keeps the picture', async () => {
    const photo = jpegWithGps(29.7604, -95.3698);
    const before = await exifr.parse(photo, { gps: true });
    expect(before?.latitude).toBeCloseTo(29.7604, 3);
    const cleaned = await cleanAttachment(photo);
    expect(cleaned.contentType).toBe('image/jpeg');
    expect(await exifr.parse(cleaned.data, { gps: true }).catch(() => undefined)).toBeUndefined();
    expect(cleaned.data.includes(Buffer.from('Exif'))).toBe(false);
    expect(cleaned.data.includes(Buffer.from('Haven'))).toBe(false);
    const decoded = jpeg.decode(cleaned.data);
    expect([decoded.width, decoded.height]).toEqual([16, 16]);
  });

  it('removes text and time chunks from a PNG', async () => {
    const cleaned = await cleanAttachment(pngWithText('Jane Reporter'));
    expect(cleaned.contentType).toBe('image/png');
    expect(cleaned.data.includes(Buffer.from('Jane Reporter'))).toBe(false);
    expect(cleaned.data.includes(Buffer.from('tIME'))).toBe(false);
    expect(cleaned.data.includes(Buffer.from('IDAT'))).toBe(true);
  });

  it('removes the author, title and creator from a PDF, even where they sat in a compressed object stream', async () => {
    const original = await pdfWithAuthor('Jane Reporter');
    expect(leftovers(original, ['Jane Reporter'])).not.toEqual([]); // pdf-lib packs the Info dictionary in an object stream
    const cleaned = await cleanAttachment(original);
    expect(cleaned.contentType).toBe('application/pdf');
    expect(leftovers(cleaned.data, ['Jane Reporter', 'Shift schedule', 'Office Writer', '/Producer', 'pdf-lib'])).toEqual([]);
    const doc = await PDFDocument.load(cleaned.data, { updateMetadata: false });
    expect(doc.getAuthor()).toBeUndefined();
    expect(doc.getPageCount()).toBe(1);
  });

  it('decides the type by content, not by name: a script renamed .jpg is refused', async () => {
    const fake = Buffer.from('<script>alert(1)</script>');
    expect(sniffType(fake)).toBeNull();
    await expect(cleanAttachment(fake)).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(cleanAttachment(Buffer.from('MZ\x90\x00executable'))).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses empty, oversized and truncated files', async () => {
    await expect(cleanAttachment(Buffer.alloc(0))).rejects.toMatchObject({ code: 'unsupported_media_type' });
    await expect(cleanAttachment(Buffer.alloc(10 * 1024 * 1024 + 1, 0xff))).rejects.toMatchObject({ code: 'payload_too_large' });
    await expect(cleanAttachment(jpegWithGps().subarray(0, 30))).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });
});
