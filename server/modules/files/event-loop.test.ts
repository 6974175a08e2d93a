import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { cleanAttachment } from '../tips/attachments.ts';

describe('cleaning a long PDF', () => {
  it('lets other work run while its pages are drawn', async () => {
    const long = await PDFDocument.create();
    for (let n = 0; n < 30; n++) long.addPage([612, 792]).drawText(`Page ${n + 1}`, { x: 50, y: 700, size: 24 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const cleaned = await cleanAttachment(Buffer.from(await long.save()));
    clearInterval(timer);
    expect((await PDFDocument.load(cleaned.data)).getPageCount()).toBe(30);
    // A timer firing at least once per page drawn: the event loop was not held for the whole file.
    expect(ticks).toBeGreaterThanOrEqual(30);
  });
});
