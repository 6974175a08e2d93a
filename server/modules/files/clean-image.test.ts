import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import exifr from 'exifr';
import sharp from 'sharp';
import { cleanAttachment } from '../tips/attachments.ts';
import { fixture, jpegStarts, leftovers } from '../../test/fixtures/leftovers.ts';
import { pngChunk } from '../../test/fixtures/files.ts';

// What exiftool, the camera maker notes and the phone formats put in the fixtures (see fixtures/README.md).
const IMAGE_CANARIES = ['CANARY', 'Apple iOS', 'Exif', 'http://ns.adobe.com', 'MicroVideo', 'MotionPhoto', 'GCamera'];

async function metadataOf(data: Buffer) {
  return exifr.parse(data, { gps: true, tiff: true, xmp: true, iptc: true, icc: false }).catch(() => undefined);
}

describe('image cleaning', () => {
  it.each([
    ['canary.jpg', 'image/jpeg', 64, 48],
    ['canary.png', 'image/png', 48, 32],
    ['canary.webp', 'image/webp', 48, 32],
  ] as const)('writes %s anew with no EXIF, GPS, XMP, IPTC, maker note, comment or thumbnail, at its size', async (name, type, width, height) => {
    const original = fixture(name);
    const before = await sharp(original).metadata();
    expect([Boolean(before.exif), Boolean(before.xmp)]).toEqual([true, true]);
    expect(leftovers(original, ['CANARY-Artist', 'CANARY-XmpCreator'])).not.toEqual([]);
    if (type !== 'image/webp') expect((await metadataOf(original))?.latitude).toBeCloseTo(29.7604, 3);
    const cleaned = await cleanAttachment(original);
    expect(cleaned.contentType).toBe(type);
    expect(leftovers(cleaned.data, IMAGE_CANARIES)).toEqual([]);
    const after = await metadataOf(cleaned.data);
    expect(after?.latitude).toBeUndefined();
    expect(after?.Artist).toBeUndefined();
    expect(after?.Make).toBeUndefined();
    const shown = await sharp(cleaned.data).metadata();
    expect([shown.format, shown.width, shown.height, shown.exif, shown.xmp, shown.iptc]).toEqual([type.slice(6), width, height, undefined, undefined, undefined]);
    if (type === 'image/jpeg') expect(jpegStarts(cleaned.data)).toBe(1); // the EXIF thumbnail is gone too
  });

  it('turns a portrait phone photo upright and drops the orientation tag', async () => {
    const original = fixture('portrait-orientation-6.jpg');
    expect((await sharp(original).metadata()).orientation).toBe(6);
    const cleaned = await cleanAttachment(original);
    const shown = await sharp(cleaned.data).metadata();
    expect(shown.orientation).toBeUndefined();
    expect([shown.width, shown.height]).toEqual([24, 40]);
    expect(shown.height!).toBeGreaterThan(shown.width!);
  });

  it('keeps only the first image of a JPEG with a second image appended, and not the second one’s GPS, artist or make', async () => {
    const original = fixture('appended-second-image.jpg');
    expect(jpegStarts(original)).toBe(2);
    const cleaned = await cleanAttachment(original);
    expect(leftovers(cleaned.data, ['CANARY', 'Exif'])).toEqual([]);
    expect(jpegStarts(cleaned.data)).toBe(1);
    const { data, info } = await sharp(cleaned.data).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([32, 24]);
    expect(data[2]! > data[0]!).toBe(true); // steel blue, the first image, not the red second one
  });

  it('drops the video of a motion photo with its GPS location, and the motion photo tags', async () => {
    const original = fixture('motion-photo.jpg');
    expect(leftovers(original, ['+12.3456', 'ftyp', 'CANARY-VideoArtist'])).toHaveLength(3);
    const cleaned = await cleanAttachment(original);
    expect(leftovers(cleaned.data, ['+12.3456', 'ftyp', 'moov', 'loci', 'CANARY', ...IMAGE_CANARIES])).toEqual([]);
    expect(cleaned.data.length).toBeLessThan(original.length);
    expect((await sharp(cleaned.data).metadata()).width).toBe(32);
  });

  it('keeps only the primary image of a real iPhone MPO, without its gain map, MPF index or camera data', async () => {
    const original = fixture('iphone-gain-map.mpo');
    expect(leftovers(original, ['iPhone 14 Pro Max', 'MPF', 'hdrgainmap'])).toHaveLength(3);
    const cleaned = await cleanAttachment(original);
    expect(cleaned.contentType).toBe('image/jpeg');
    expect(leftovers(cleaned.data, ['iPhone', 'Apple', 'MPF', 'hdrgainmap', ...IMAGE_CANARIES])).toEqual([]);
    expect(jpegStarts(cleaned.data)).toBe(1);
    const shown = await sharp(cleaned.data).metadata();
    expect([shown.width, shown.height]).toEqual([56, 70]);
  });

  it('refuses a decompression bomb before decoding it', async () => {
    const bomb = pngHeaderOnly(20_000, 20_000);
    await expect(cleanAttachment(bomb)).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/too many pixels/) });
  });
});

/** A PNG that claims 400 megapixels but holds a few bytes of data: the shape of a decompression bomb. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(1000))), pngChunk('IEND', Buffer.alloc(0))]);
}
