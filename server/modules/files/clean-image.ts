import sharp from 'sharp';
import { refuseFile } from './refuse.ts';

/**
 * The most pixels an image may decode to. 120 megapixels takes a 108 MP phone photo; a small file that claims
 * more (a decompression bomb) is refused before its pixels are allocated.
 */
export const MAX_IMAGE_PIXELS = 120_000_000;

const QUALITY = 85;

/**
 * Decodes the first image only and encodes its pixels anew: no EXIF, XMP, IPTC, ICC or maker notes are
 * written, and nothing after the image's end (a second MPO image, a motion photo's video) is read. The EXIF
 * orientation is applied to the pixels first, so a portrait photo stays upright without it.
 */
export async function cleanImage(data: Buffer, type: 'image/jpeg' | 'image/png' | 'image/webp'): Promise<Buffer> {
  const pipeline = sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS, pages: 1, page: 0, failOn: 'error' }).rotate();
  const encoded = type === 'image/jpeg' ? pipeline.jpeg({ quality: QUALITY }) : type === 'image/png' ? pipeline.png() : pipeline.webp({ quality: QUALITY });
  try {
    return await encoded.toBuffer();
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message)) throw refuseFile('This image has too many pixels to be taken (at most 120 megapixels).');
    throw refuseFile('This image could not be read; it may be damaged. Try saving it again or sending a screenshot.');
  }
}
