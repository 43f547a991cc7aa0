import { readFile, stat } from 'node:fs/promises';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { z } from 'zod';
import { Ruling } from '../../schemas/index.js';
import { openPdf, tiffPage } from '../core/index.js';
import type { PageImage } from './ocr-engine.js';
import { prepareImage, preparePixels, type PreparedImage } from './prepare-image.js';
import { renderPdfPage, renderPdfPagePixels } from './render-page.js';

/** Which page to get ready for OCR, and from what. Crosses to the renderer's child process, so it is parsed there. */
export const PageImageRequest = z.object({
  /** Absolute path of the document (the child reads it itself: no file bytes travel). */
  path: z.string().min(1),
  /** A PDF page is rendered; an image (PNG, JPEG, a TIFF's page) is decoded. */
  kind: z.enum(['pdf', 'image']),
  mediaType: z.string(),
  /** 1-based. */
  page: z.number().int().positive(),
  /** Render resolution of a PDF page; for an image, the resolution assumed when it does not say. */
  dpi: z.number().positive(),
});
export type PageImageRequest = z.infer<typeof PageImageRequest>;

const Corner = z.tuple([z.number(), z.number()]);

/** What comes back from the child: a prepared page (prepare-image.ts), parsed on arrival. */
export const PreparedPage = z.object({
  image: z.object({ bytes: z.instanceof(Uint8Array), dpi: z.number().positive() }),
  skew: z.number(),
  orientation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  rulings: z.array(Ruling),
  blank: z.boolean(),
  gray: z.object({ width: z.number().int(), height: z.number().int(), data: z.instanceof(Uint8Array) }).nullable(),
  masked: z.array(z.object({ colour: z.enum(['red', 'blue']), x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number(), pixels: z.number(), ink: z.object({ width: z.number().int(), height: z.number().int(), data: z.instanceof(Uint8Array) }).optional() })),
  photo: z.object({ corners: z.tuple([Corner, Corner, Corner, Corner]), dpi: z.number().positive() }).nullable(),
  seals: z.array(z.object({ cx: z.number(), cy: z.number(), r: z.number() })),
});

/** The document the last request named, kept open for its next pages (a renderer child serves many pages of one document). */
let open: { key: string; pdf: Promise<PDFDocumentProxy> } | null = null;
/** The TIFF the last request named, kept for its next pages. */
let tiff: { key: string; bytes: Promise<Buffer> } | null = null;

/**
 * Renders (PDF) or decodes (image) one page and prepares it for OCR:
 * blank check, orientation, deskew, table rules found and erased. Every
 * native decoder and renderer the OCR needs runs here, which is why the
 * page renderer runs this in a child process (page-renderer.ts): a hostile
 * page that aborts Skia ends that child, not the service. What leaves
 * here is an image this code encoded (a gray PGM) from one that decoded fine.
 */
export async function preparePageImage(request: PageImageRequest): Promise<PreparedImage> {
  const r = PageImageRequest.parse(request);
  // a PDF page's pixels go from the render to the preparation as they are, no PNG between. (Drawing a scan
  // from its own JPEG with Skia was tried and removed: 3-5x cheaper, but libjpeg-turbo's pixels, a fraction
  // of a gray level from pdfjs's, cost the kh-bql fixture scan outline 0.9245 -> 0.9057 and cells
  // 0.9839 -> 0.9719; see BENCHMARKS.md)
  if (r.kind === 'pdf') return preparePixels(await renderPdfPagePixels(await openDocument(await fileKey(r.path), r.path).pdf, r.page, r.dpi), r.dpi);
  if (r.mediaType === 'image/tiff') {
    const key = await fileKey(r.path);
    if (tiff?.key !== key) tiff = { key, bytes: readFile(r.path) };
    // a TIFF's pages are read one by one (decoded to PNG) at the resolution the file gives
    const page = tiffPage(await tiff.bytes, r.page);
    return prepareImage({ bytes: page.png, dpi: page.dpi ?? r.dpi }, 'image/png');
  }
  const image: PageImage = { bytes: await readFile(r.path), dpi: r.dpi };
  return prepareImage(image, r.mediaType);
}

/**
 * One page as a PNG this code encoded, not prepared for OCR: the review
 * page's previews. A PDF page is rendered; an image is decoded and encoded
 * again (Skia decodes the untrusted file here, in the renderer's child,
 * never in the server). TIFFs are not previewed.
 */
export async function previewPageImage(request: PageImageRequest): Promise<PageImage> {
  const r = PageImageRequest.parse(request);
  if (r.kind === 'pdf') return renderedPage(r);
  const image = await loadImage(await readFile(r.path));
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  return { bytes: canvas.toBuffer('image/png'), dpi: r.dpi };
}

/** A PDF page rendered to a PNG, the document kept open for its next pages. */
async function renderedPage(r: PageImageRequest): Promise<PageImage> {
  return renderPdfPage(await openDocument(await fileKey(r.path), r.path).pdf, r.page, r.dpi);
}

/** The PDF at `path`, kept open for its next pages (another file closes it). */
function openDocument(key: string, path: string): NonNullable<typeof open> {
  if (open?.key !== key) {
    const previous = open;
    open = { key, pdf: openPdf(path) };
    void previous?.pdf.then((p) => p.destroy()).catch(() => {});
  }
  return open;
}

/** A file as of now: the same path may hold another file later (a name dropped again). */
async function fileKey(path: string): Promise<string> {
  const s = await stat(path);
  return `${path}\0${s.size}\0${s.mtimeMs}\0${s.ino}`;
}
