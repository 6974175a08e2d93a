import { describe, expect, it } from 'vitest';
import * as mupdf from 'mupdf';
import { PDFDocument, rgb } from 'pdf-lib';
import { cleanAttachment } from '../tips/attachments.ts';
import { fixture, leftovers } from '../../test/fixtures/leftovers.ts';

// Metadata names and values, and the producers' own names, in any encoding a PDF may use.
const METADATA = ['CANARY', 'LibreOffice', 'Writer', 'ExifTool', '/Author', '/Creator', '/Producer', '/Title', '/Info', 'xmpmeta', 'pdf-lib', '/Metadata', '/PieceInfo'];
const ACTIVE = ['/JavaScript', '/JS', '/OpenAction', '/AA', '/Launch', '/EmbeddedFile', '/AcroForm', '/Annots', '/Widget', 'app.alert', '/Font'];

/** Page 1 drawn in grey at 72 dpi: what a reader sees. */
function drawn(data: Buffer): Uint8ClampedArray {
  const doc = mupdf.Document.openDocument(data, 'application/pdf');
  const pixmap = doc.loadPage(0).toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceGray, false, true);
  return pixmap.getPixels().slice();
}

/** The cleaned page looks like the original: the same size and nearly the same pixels, and not blank. */
function expectSamePicture(original: Buffer, cleaned: Buffer) {
  const a = drawn(original);
  const b = drawn(cleaned);
  expect(b.length).toBe(a.length);
  let diff = 0;
  let dark = 0;
  for (let i = 0; i < a.length; i++) {
    diff += Math.abs(a[i]! - b[i]!);
    if (b[i]! < 128) dark++;
  }
  expect(diff / a.length).toBeLessThan(6);
  expect(dark).toBeGreaterThan(50);
}

describe('PDF cleaning', () => {
  it.each(['office.pdf', 'office-exiftool.pdf'])('writes %s as page images with no author, title, producer or XMP in any form', async (name) => {
    const original = fixture(name);
    expect(leftovers(original, ['CANARY-OfficeInitialCreator']).length + leftovers(original, ['CANARY-PdfAuthor']).length).toBeGreaterThan(0);
    const cleaned = await cleanAttachment(original);
    expect(cleaned.contentType).toBe('application/pdf');
    expect(leftovers(cleaned.data, [...METADATA, ...ACTIVE])).toEqual([]);
    const doc = await PDFDocument.load(cleaned.data, { updateMetadata: false });
    expect([doc.getPageCount(), doc.getAuthor(), doc.getProducer(), doc.getTitle()]).toEqual([1, undefined, undefined, undefined]);
    const size = doc.getPage(0).getSize();
    const originalSize = (await PDFDocument.load(original, { updateMetadata: false })).getPage(0).getSize();
    expect(size.width).toBeCloseTo(originalSize.width, 2);
    expect(size.height).toBeCloseTo(originalSize.height, 2);
    expectSamePicture(original, cleaned.data);
  });

  it('drops the open action script, link script, embedded file, form script and invisible text', async () => {
    const original = fixture('active.pdf');
    expect(leftovers(original, ['CANARY-OpenActionScript', 'CANARY-LinkScript', 'CANARY-FieldScript', 'CANARY-EmbeddedContent', 'CANARY-HiddenText', '/OpenAction', '/EmbeddedFile'])).toHaveLength(7);
    const cleaned = await cleanAttachment(original);
    expect(leftovers(cleaned.data, [...METADATA, ...ACTIVE])).toEqual([]);
    expect((await PDFDocument.load(cleaned.data)).getPageCount()).toBe(1);
    expectSamePicture(original, cleaned.data);
  });

  it('keeps a page with colour in colour (a JPEG page image) and a page without colour as a deflated grey image', async () => {
    const original = await PDFDocument.create();
    original.addPage([200, 100]).drawRectangle({ x: 20, y: 20, width: 120, height: 60, color: rgb(0.8, 0.1, 0.1) });
    original.addPage([200, 100]).drawText('Grey page', { x: 20, y: 40, size: 18 });
    const bytes = Buffer.from(await original.save());
    const cleaned = await cleanAttachment(bytes);
    expect(leftovers(cleaned.data, ['/DCTDecode', '/DeviceGray'])).toEqual(['/DCTDecode (latin1)', '/DeviceGray (latin1)']);
    expectSamePicture(bytes, cleaned.data);
    const page = mupdf.Document.openDocument(cleaned.data, 'application/pdf').loadPage(0).toPixmap(mupdf.Matrix.identity, mupdf.ColorSpace.DeviceRGB, false, true);
    const at = (50 * page.getWidth() + 50) * 3; // inside the rectangle
    const [r, g, b] = page.getPixels().subarray(at, at + 3);
    expect(r! - g!).toBeGreaterThan(100);
    expect(r! - b!).toBeGreaterThan(100);
  });

  it('refuses an encrypted PDF, even one that opens without a password, and says what to do', async () => {
    await expect(cleanAttachment(fixture('encrypted.pdf'))).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/encrypted.*Remove the protection/s) });
  });

  it('refuses a PDF with more pages than can be drawn, and a damaged one', async () => {
    const long = await PDFDocument.create();
    for (let n = 0; n < 101; n++) long.addPage([100, 100]);
    await expect(cleanAttachment(Buffer.from(await long.save()))).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/101 pages; at most 100/) });
    await expect(cleanAttachment(Buffer.from('%PDF-1.7\ngarbage'))).rejects.toMatchObject({ code: 'unsupported_media_type' });
  });
});
