import { concatTransformationMatrix, drawObject, PDFDict, PDFDocument, PDFName, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import type * as MupdfModule from 'mupdf';
import { embedPageImage } from './page-image.ts';
import { refuseFile } from './refuse.ts';

/** More pages than this are refused: each is drawn, and a long file would hold the request for a long time. */
export const MAX_PDF_PAGES = 100;
/** Pages are drawn at this resolution, enough to read small print. */
const DOTS_PER_INCH = 150;
/** A page's longer side is drawn at most this many pixels, so a poster-sized page stays a sane image. */
const MAX_PAGE_PIXELS_SIDE = 2400;

type Mupdf = typeof MupdfModule;
let mupdf: Promise<Mupdf> | undefined;
// mupdf is a WebAssembly build: loaded on the first PDF, not when the server starts.
const loadMupdf = () => (mupdf ??= import('mupdf'));

/**
 * Draws every page as an image and writes a new PDF holding only those images, at the original page sizes.
 * Nothing of the uploaded file's objects is copied: no metadata, fonts, scripts, actions, annotations' texts,
 * form fields, embedded files, hidden text or earlier revisions. Why page images and not a rebuilt PDF:
 * docs/decisions/012-file-cleaning.md.
 */
export async function cleanPdf(data: Buffer): Promise<Buffer> {
  const { Document, ColorSpace, Matrix } = await loadMupdf();
  let source: InstanceType<Mupdf['Document']>;
  try {
    source = Document.openDocument(data, 'application/pdf');
  } catch {
    throw refuseFile('This PDF file could not be read; it may be damaged. Try saving or printing it to PDF again.');
  }
  try {
    const pdf = source.asPDF();
    if (!pdf) throw refuseFile('This PDF file could not be read.');
    if (source.needsPassword() || !pdf.getTrailer().get('Encrypt').isNull()) {
      throw refuseFile('Password-protected or encrypted PDFs cannot be attached. Remove the protection (or print it to a new PDF) and try again.');
    }
    const pages = source.countPages();
    if (pages === 0) throw refuseFile('This PDF file has no pages.');
    if (pages > MAX_PDF_PAGES) throw refuseFile(`This PDF has ${pages} pages; at most ${MAX_PDF_PAGES} can be attached. Split it into smaller files.`);

    const out = await PDFDocument.create({ updateMetadata: false });
    for (let n = 0; n < pages; n++) {
      // mupdf draws synchronously: let other requests run between pages instead of stalling for the whole file.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const page = source.loadPage(n);
      try {
        const [x0, y0, x1, y1] = page.getBounds();
        const width = x1 - x0;
        const height = y1 - y0;
        if (!(width > 0 && height > 0)) throw refuseFile(`Page ${n + 1} of this PDF has no size.`);
        const scale = Math.min(DOTS_PER_INCH / 72, MAX_PAGE_PIXELS_SIDE / Math.max(width, height));
        const pixmap = page.toPixmap(Matrix.scale(scale, scale), ColorSpace.DeviceRGB, false, true);
        try {
          const image = await embedPageImage(out, { pixels: pixmap.getPixels(), width: pixmap.getWidth(), height: pixmap.getHeight(), stride: pixmap.getStride() });
          const drawnPage = out.addPage([width, height]);
          // The page is the image, drawn over the whole page; nothing else is on it.
          const name = drawnPage.node.newXObject('Page', image);
          drawnPage.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(name), popGraphicsState());
          // pdf-lib starts every page with an empty font table and annotation list; a page image needs neither.
          drawnPage.node.delete(PDFName.of('Annots'));
          drawnPage.node.lookupMaybe(PDFName.of('Resources'), PDFDict)?.delete(PDFName.of('Font'));
        } finally {
          pixmap.destroy();
        }
      } finally {
        page.destroy();
      }
    }
    return Buffer.from(await out.save({ useObjectStreams: false }));
  } catch (error) {
    if (error instanceof Error && 'code' in error) throw error;
    throw refuseFile('This PDF file could not be read; it may be damaged. Try saving or printing it to PDF again.');
  } finally {
    source.destroy();
  }
}
