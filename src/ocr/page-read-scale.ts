import type { Box } from '../../schemas/index.js';
import { decodePgm, encodePgm, otsuThreshold, type GrayBitmap } from './gray-bitmap.js';
import type { OcrEngine, OcrResult, PageImage } from './ocr-engine.js';

/** Vertical strips the page is cut into to measure its text lines: narrow enough that a letterhead's two columns, or a table's cells, fall into strips of their own. */
const STRIPS = 12;
/** The most a page is shrunk by for its read: below this, small print (footnotes, table cells) loses strokes. */
const MIN_SCALE = 0.4;
/** Scales above this are not worth the resampling: the engine's own work hardly changes. */
const MAX_SCALE = 0.9;
/** A page shrunk below this resolution is not read: dots per inch, the least the engine still reads small print at. */
const MIN_DPI = 100;

/**
 * The median height, in pixels, of a page's text lines as its ink shows
 * them: each vertical strip's rows with ink, rows close enough together
 * joined (a diacritic over its letter, a descender under the next line's
 * accents apart), the runs as tall as a line of text kept. Measured on the
 * page as the engine reads it (rules erased). Close to the line boxes
 * tesseract reports (ascenders, marks and descenders included). Null when
 * the page shows too few lines to say.
 */
export function textLineHeight(img: GrayBitmap, dpi: number): number | null {
  const { width, height, data } = img;
  // Otsu's level is the darkest class's last: ink is at or below it
  // Otsu's level is the last of the dark class: ink is at or below it (capped as prepare-image.ts caps it)
  const threshold = Math.min(otsuThreshold(img), 160);
  // a mark above its letter stands this far off at most; lines of text stand further apart
  const join = Math.max(1, Math.round(dpi / 100));
  const [least, most] = [dpi / 30, dpi / 2];
  const strip = Math.max(1, Math.floor(width / STRIPS));
  const runs: number[] = [];
  const inked = new Uint8Array(height);
  for (let s = 0; s + strip <= width; s += strip) {
    for (let y = 0; y < height; y++) {
      let n = 0;
      for (let i = y * width + s, end = i + strip; i < end; i++) if (data[i]! <= threshold) n++;
      // two dark pixels make a row with ink: a lone speck does not
      inked[y] = n >= 2 ? 1 : 0;
    }
    let start = -1;
    let last = -1;
    for (let y = 0; y <= height; y++) {
      if (y < height && inked[y]) {
        if (start < 0 || y - last > join + 1) {
          if (start >= 0) keep(last - start + 1);
          start = y;
        }
        last = y;
      }
    }
    if (start >= 0) keep(last - start + 1);
  }
  function keep(h: number): void {
    if (h >= least && h <= most) runs.push(h);
  }
  if (runs.length < 10) return null;
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)]!;
}

/**
 * The scale a page is read at so that its median text line is `target`
 * pixels tall: never above 1 (more pixels than the page has add nothing),
 * 1 when the saving would be small, and never below MIN_SCALE nor below
 * MIN_DPI (small print). 1 when the line height is unknown.
 */
export function pageReadScale(lineHeight: number | null, target: number, dpi: number): number {
  if (!lineHeight || target <= 0) return 1;
  const scale = Math.max(target / lineHeight, MIN_SCALE, MIN_DPI / dpi);
  return scale > MAX_SCALE ? 1 : Math.round(scale * 100) / 100;
}

/**
 * A gray image shrunk by `scale` (< 1), each new pixel the area-weighted
 * mean of the pixels it covers: what a scanner at the lower resolution
 * would have seen, without the aliasing of sampling.
 */
export function shrinkGray(img: GrayBitmap, scale: number): GrayBitmap {
  const W = Math.max(1, Math.round(img.width * scale));
  const H = Math.max(1, Math.round(img.height * scale));
  const fx = img.width / W;
  const fy = img.height / H;
  // across first (each row to W columns), then down
  const across = new Float32Array(W * img.height);
  for (let x = 0; x < W; x++) {
    const a = x * fx;
    const b = a + fx;
    const i0 = Math.floor(a);
    const i1 = Math.min(img.width, Math.ceil(b));
    for (let y = 0; y < img.height; y++) {
      const row = y * img.width;
      let sum = 0;
      for (let i = i0; i < i1; i++) sum += (Math.min(b, i + 1) - Math.max(a, i)) * img.data[row + i]!;
      across[y * W + x] = sum / fx;
    }
  }
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    const a = y * fy;
    const b = a + fy;
    const j0 = Math.floor(a);
    const j1 = Math.min(img.height, Math.ceil(b));
    for (let x = 0; x < W; x++) {
      let sum = 0;
      for (let j = j0; j < j1; j++) sum += (Math.min(b, j + 1) - Math.max(a, j)) * across[j * W + x]!;
      out[y * W + x] = Math.round(sum / fy);
    }
  }
  return { width: W, height: H, data: out };
}

/**
 * Reads a prepared page (a gray PGM) with its text lines brought to
 * `lineHeight` pixels: tesseract's LSTM scales every line to a fixed height
 * anyway, so its work per line hardly changes, while its page-level work
 * (thresholding, components, line finding, the image handed over) falls
 * with the pixels. The words come back in the pixels of the image as
 * given, so everything after (cell re-reads at full resolution, comparison
 * signs, handwritten fields) works as before. `scale` is 1 when the page was
 * read as it is (no line height asked, the text too small, not a PGM).
 */
export async function recognizeAtLineHeight(engine: OcrEngine, image: PageImage, lineHeight: number | null): Promise<{ result: OcrResult; scale: number }> {
  const gray = lineHeight ? decodePgm(image.bytes) : null;
  const scale = gray ? pageReadScale(textLineHeight(gray, image.dpi), lineHeight!, image.dpi) : 1;
  if (!gray || scale >= 1) return { result: await engine.recognize(image), scale: 1 };
  const read = await engine.recognize({ bytes: encodePgm(shrinkGray(gray, scale)), dpi: image.dpi * scale });
  return { result: scaleResult(read, gray.width / Math.round(gray.width * scale), gray.height / Math.round(gray.height * scale)), scale };
}

/** An engine's result with every box stretched by (fx, fy): from the shrunk image's pixels back to the page's. */
export function scaleResult(result: OcrResult, fx: number, fy: number): OcrResult {
  const s = (b: Box): Box => ({ x0: Math.round(b.x0 * fx), y0: Math.round(b.y0 * fy), x1: Math.round(b.x1 * fx), y1: Math.round(b.y1 * fy) });
  return {
    lines: result.lines.map((l) => ({ box: s(l.box), words: l.words.map((w) => ({ ...w, box: s(w.box), ...(w.symbols ? { symbols: w.symbols.map((y) => ({ ...y, box: s(y.box) })) } : {}) })) })),
    widthPx: result.widthPx === null ? null : Math.round(result.widthPx * fx),
    heightPx: result.heightPx === null ? null : Math.round(result.heightPx * fy),
  };
}
