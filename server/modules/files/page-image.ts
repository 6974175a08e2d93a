import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { PDFName, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';

const JPEG_QUALITY = 80;
/** Grey levels kept for a page with no colour: enough for anti-aliased text and scans, and it deflates well. */
const GREY_LEVELS = 32;
const GREY_STEP = Array.from({ length: 256 }, (_, v) => Math.round((Math.round((v / 255) * (GREY_LEVELS - 1)) * 255) / (GREY_LEVELS - 1)));

export interface DrawnPage {
  /** RGB samples, three bytes a pixel, rows `stride` bytes apart. */
  pixels: Uint8ClampedArray;
  width: number;
  height: number;
  stride: number;
}

/**
 * Stores a drawn page as an image XObject of the new document. A page with no colour (most documents) is a
 * deflated grey image: sharp and small, where JPEG would blur the text and be ten times larger. A page with
 * colour is a JPEG.
 */
export async function embedPageImage(doc: PDFDocument, page: DrawnPage): Promise<PDFRef> {
  const grey = greyOnly(page);
  if (grey) {
    const stream = doc.context.stream(deflateSync(grey), {
      Type: 'XObject', Subtype: 'Image', Width: page.width, Height: page.height, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode',
    });
    stream.dict.set(PDFName.of('Length'), PDFNumber.of(stream.getContentsSize()));
    return doc.context.register(stream);
  }
  const rgb = packed(page);
  const jpeg = await sharp(rgb, { raw: { width: page.width, height: page.height, channels: 3 } }).jpeg({ quality: JPEG_QUALITY }).toBuffer();
  const image = await doc.embedJpg(jpeg);
  return image.ref;
}

/** The page's grey levels, one byte a pixel, or null when any pixel has colour. */
function greyOnly({ pixels, width, height, stride }: DrawnPage): Buffer | null {
  const out = Buffer.allocUnsafe(width * height);
  for (let y = 0, o = 0; y < height; y++) {
    for (let x = 0, i = y * stride; x < width; x++, i += 3, o++) {
      const r = pixels[i]!;
      if (r !== pixels[i + 1] || r !== pixels[i + 2]) return null;
      out[o] = GREY_STEP[r]!;
    }
  }
  return out;
}

function packed({ pixels, width, height, stride }: DrawnPage): Buffer {
  if (stride === width * 3) return Buffer.from(pixels.buffer, pixels.byteOffset, width * height * 3);
  const out = Buffer.allocUnsafe(width * height * 3);
  for (let y = 0; y < height; y++) out.set(pixels.subarray(y * stride, y * stride + width * 3), y * width * 3);
  return out;
}
