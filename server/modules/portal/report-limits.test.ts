import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestHaven } from '../../test/test-app.ts';
import { multipart, pick } from '../../test/multipart.ts';
import { jpegWithGps } from '../../test/fixtures/files.ts';

const tipCount = async (h: TestHaven) => Number((await h.ctx.db.selectFrom('tips').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const storedBytes = async (h: TestHaven) => Number((await h.ctx.db.selectFrom('tip_attachments').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('byte_size'), eb.lit(0)).as('n')).executeTakeFirstOrThrow()).n);

async function send(h: TestHaven, fields: Record<string, string>, files: Parameters<typeof multipart>[1] = [], remoteAddress = '192.0.2.10') {
  const page = await h.app.inject({ method: 'GET', url: '/report' });
  const body = multipart({ sid: pick(page.body, /name="sid" value="([^"]+)"/), concern: 'labor', ...fields }, files);
  return h.app.inject({ method: 'POST', url: '/report', payload: body.payload, headers: body.headers, remoteAddress });
}

/** A JPEG padded to about `mb` megabytes (its padding is a comment segment the cleaner drops). */
function bigJpeg(mb: number): Buffer {
  const small = jpegWithGps();
  const pad: Buffer[] = [];
  for (let left = Math.floor(mb * 1024 * 1024); left > 0; left -= 65_000) {
    const n = Math.min(65_000, left);
    const seg = Buffer.alloc(n + 4, 0x20);
    seg[0] = 0xff; seg[1] = 0xfe; seg.writeUInt16BE(n + 2, 2);
    pad.push(seg);
  }
  return Buffer.concat([small.subarray(0, 2), ...pad, small.subarray(2)]);
}

describe('limits on anonymous reports', () => {
  let h: TestHaven;
  beforeAll(async () => {
    h = await createTestApp({ config: { reportsPerClientHour: 3, uploadBytesPerClientHour: 2 * 1024 * 1024 } });
  });
  afterAll(async () => h.close());

  it('takes a few reports from one visitor, then asks them to wait, keeping what they wrote; others are not affected', async () => {
    for (let i = 0; i < 3; i++) expect((await send(h, { narrative: `Report number ${i} about the farm` }, [], '192.0.2.20')).statusCode).toBe(200);
    const before = await tipCount(h);
    const refused = await send(h, { narrative: 'A fourth report from the same place' }, [], '192.0.2.20');
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('A fourth report from the same place');
    expect(refused.body).toContain('1-888-373-7888');
    expect(await tipCount(h)).toBe(before);
    expect((await send(h, { narrative: 'Someone else entirely' }, [], '192.0.2.21')).statusCode).toBe(200);
  });

  it('keeps the words of a report but not files past the visitor’s hourly share, and says which files were not kept', async () => {
    const bytesBefore = await storedBytes(h);
    const files = ['one.jpg', 'two.jpg', 'three.jpg'].map((name) => ({ field: 'files', name, type: 'image/jpeg', data: bigJpeg(0.9) }));
    const answer = await send(h, { narrative: 'Photos of the van outside' }, files, '192.0.2.30');
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toMatch(/<output>[0-9A-Z-]{19}<\/output>/);
    expect(answer.body).toContain('three.jpg');
    expect(answer.body).not.toContain('one.jpg');
    expect(await storedBytes(h)).toBeLessThan(bytesBefore + 2 * 1024 * 1024);
  });
});

describe('a nearly full disk', () => {
  let h: TestHaven;
  beforeAll(async () => {
    h = await createTestApp({ config: { minFreeDiskBytes: Number.MAX_SAFE_INTEGER } });
  });
  afterAll(async () => h.close());

  it('takes the report without its files and tells the reporter which files were not kept', async () => {
    const before = await tipCount(h);
    const answer = await send(h, { narrative: 'The words must survive a full disk' }, [{ field: 'files', name: 'van-photo.jpg', type: 'image/jpeg', data: jpegWithGps() }]);
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toMatch(/<output>[0-9A-Z-]{19}<\/output>/);
    expect(answer.body).toContain('van-photo.jpg');
    expect(await tipCount(h)).toBe(before + 1);
    expect(await storedBytes(h)).toBe(0);
  });
});

describe('oversized forms', () => {
  let h: TestHaven;
  beforeAll(async () => {
    h = await createTestApp();
  });
  afterAll(async () => h.close());

  it('answers a 60 MB form with a readable 413 page, not a server error', async () => {
    const encoded = await h.app.inject({ method: 'POST', url: '/report', payload: `narrative=${'a'.repeat(60 * 1024 * 1024)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(encoded.statusCode).toBe(413);
    expect(encoded.headers['content-type']).toContain('text/html');
    expect(encoded.body).toContain('Quick exit');
    const body = multipart({ concern: 'labor' }, [{ field: 'files', name: 'huge.jpg', type: 'image/jpeg', data: Buffer.alloc(60 * 1024 * 1024, 1) }]);
    const multi = await h.app.inject({ method: 'POST', url: '/report', payload: body.payload, headers: body.headers });
    expect(multi.statusCode).toBe(413);
    expect(multi.body).toContain('at most 10 MB');
  });
});
