import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createCanvas, loadImage, type Image } from '@napi-rs/canvas';
import type { Box, Document, Page } from '../../schemas/index.js';
import { sha256File } from '../core/index.js';
import { createSandboxedRenderer, turnPng, type PageRenderer } from '../ocr/index.js';
import { readChanges } from '../output/index.js';

const PREVIEW_DPI = 150;
/** A preview that takes longer is given up (its child killed): a reviewer is waiting. */
const PREVIEW_TIME_MS = 60_000;
const MARGIN_PT = 8;

/**
 * Crops of the page images records came from, for reviewers. The original
 * file is found through the change feed (where it was read; for the
 * service, also its `processed/` resting place) and used only when its
 * sha256 is the document's: never a path made from document content.
 * Rendered pages are kept in a small cache. The untrusted original is
 * rendered or decoded by the page renderer's child process (src/ocr), as
 * for OCR: a page that aborts Skia fails that preview, not the server; what
 * comes back is a PNG the child encoded.
 */
export class PageImages {
  readonly #originals = new Map<string, string | null>();
  readonly #pages = new Map<string, Promise<{ image: Image; dpi: number }>>();
  readonly #renderer: PageRenderer;
  /** `renderer`: default one child process, started at the first preview. */
  constructor(
    readonly outDir: string,
    renderer?: PageRenderer,
  ) {
    this.#renderer = renderer ?? createSandboxedRenderer({ children: 1, timeoutMs: PREVIEW_TIME_MS });
  }

  /** PNG of `box` (points, top-left origin) on page `n`, with a margin; null when the original is not at hand. */
  async crop(doc: Document, n: number, box: Box): Promise<Buffer | null> {
    const original = await this.#original(doc);
    if (!original || doc.source.mediaType === 'image/tiff') return null;
    const { image, dpi } = await this.#page(doc, original, n);
    const k = dpi / 72;
    const x = Math.max(0, Math.floor((box.x0 - MARGIN_PT) * k));
    const y = Math.max(0, Math.floor((box.y0 - MARGIN_PT) * k));
    const w = Math.min(image.width - x, Math.ceil((box.x1 - box.x0 + 2 * MARGIN_PT) * k));
    const h = Math.min(image.height - y, Math.ceil((box.y1 - box.y0 + 2 * MARGIN_PT) * k));
    if (w <= 0 || h <= 0) return null;
    const canvas = createCanvas(w, h);
    canvas.getContext('2d').drawImage(image, x, y, w, h, 0, 0, w, h);
    return canvas.toBuffer('image/png');
  }

  /** PNG of the whole page `n` as read (turned upright), for the full-page view; null when the original is not at hand. */
  async page(doc: Document, n: number): Promise<Buffer | null> {
    const original = await this.#original(doc);
    if (!original || doc.source.mediaType === 'image/tiff' || !doc.pages[n - 1]) return null;
    const { image } = await this.#page(doc, original, n);
    const canvas = createCanvas(image.width, image.height);
    canvas.getContext('2d').drawImage(image, 0, 0);
    return canvas.toBuffer('image/png');
  }

  #page(doc: Document, original: string, n: number): Promise<{ image: Image; dpi: number }> {
    const key = `${doc.id}:${n}`;
    let cached = this.#pages.get(key);
    if (!cached) {
      cached = (async () => {
        const page = doc.pages[n - 1];
        const kind = doc.source.kind === 'image' ? 'image' : 'pdf';
        const preview = await this.#renderer.preview({ path: original, kind, mediaType: doc.source.mediaType, page: n, dpi: kind === 'pdf' ? PREVIEW_DPI : 300 });
        const image = await loadImage(await uprightAsRead(preview.bytes, page));
        return { image, dpi: kind === 'pdf' ? preview.dpi : imageDpi(image, page) };
      })();
      cached.catch(() => this.#pages.delete(key));
      this.#pages.set(key, cached);
      if (this.#pages.size > 12) this.#pages.delete(this.#pages.keys().next().value!);
    }
    return cached;
  }

  /** Stops the renderer's child. */
  async close(): Promise<void> {
    await this.#renderer.close();
  }

  async #original(doc: Document): Promise<string | null> {
    if (this.#originals.has(doc.id)) return this.#originals.get(doc.id)!;
    const candidates: string[] = [];
    for (const e of (await readChanges(this.outDir)).reverse()) {
      if (e.id !== doc.id || !e.original) continue;
      candidates.push(e.original, join(dirname(dirname(e.original)), 'processed', basename(e.original)));
    }
    let found: string | null = null;
    for (const c of candidates) if (await sameContent(c, doc)) {
      found = c;
      break;
    }
    this.#originals.set(doc.id, found);
    return found;
  }
}

/**
 * The page image turned as OCR turned it (`turned(90°)` in the page's
 * repairs: scanned sideways), so that the words' boxes, which are in the
 * upright page's frame, land on their words.
 */
export async function uprightAsRead(png: Buffer, page: Page | undefined): Promise<Buffer> {
  const turned = Number(/^turned\((\d+)°\)$/u.exec(page?.repairs.find((r) => r.startsWith('turned(')) ?? '')?.[1] ?? 0);
  return turned === 90 ? turnPng(png, 270) : turned === 180 ? turnPng(png, 180) : turned === 270 ? turnPng(png, 90) : png;
}

/** An image input's resolution: its pixel width over the page's width in points (300 when the page does not say). */
function imageDpi(image: Image, page: Page | undefined): number {
  return page?.width ? (image.width * 72) / page.width : 300;
}

async function sameContent(path: string, doc: Document): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile() || info.size !== doc.source.bytes) return false;
  return (await sha256File(path)) === doc.source.sha256;
}

/** The box a record came from: its own, or the union of its prose lines. */
export function recordBox(doc: Document, source: { page: number | null; box: Box | null; lines: [number, number] | null }): Box | null {
  if (source.box) return source.box;
  const page = source.page ? doc.pages[source.page - 1] : undefined;
  if (!page || !source.lines) return null;
  const boxes = page.lines.slice(source.lines[0], source.lines[1] + 1).flatMap((l) => (l.box ? [l.box] : []));
  if (!boxes.length) return null;
  return { x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)), x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)) };
}
