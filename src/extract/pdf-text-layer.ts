import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Page } from '../../schemas/index.js';
import { decodeLegacy, detectLegacyEncoding } from './legacy-encoding.js';
import { readGraphics } from './pdf-graphics.js';
import { buildLines, measureTextQuality, type TextRun } from '../core/index.js';

/**
 * Reads one page's text layer into positioned words and lines, in NFC.
 * The page's quality verdict says whether the layer can be used as is.
 */
export async function readPdfPage(page: PDFPageProxy): Promise<{ page: Page; imageCoverage: number; imageDpi: number | null }> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  // Reading the operator list (for the rules) also loads the page's fonts into
  // commonObjs, where their real names ("ABCDEF+DejaVuSerif-Bold") and bold flags are.
  const { rulings, imageCoverage, imageDpi, annotationText } = await readGraphics(page);
  const repairs = new Set<string>();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !item.str) continue;
    const text = item.str.normalize('NFC');
    if (text !== item.str) repairs.add('nfc');
    runs.push(toRun(item, text, page, viewport.convertToViewportPoint.bind(viewport)));
  }
  const encoding = detectLegacyEncoding(runs.map((r) => r.text).join(' '), runs.map((r) => r.fontName ?? ''));
  if (encoding) {
    for (const run of runs) run.text = decodeLegacy(run.text, encoding);
    repairs.add(encoding);
  }
  // what e-signature fields print (the number, the day) belongs to the line it is drawn on
  if (annotationText.length) {
    runs.push(...annotationText);
    repairs.add('annotation-text');
  }
  const { lines, words } = buildLines(runs);
  const text = lines.map((l) => l.text).join('\n');
  const result: Page = {
    number: page.pageNumber,
    width: viewport.width,
    height: viewport.height,
    origin: 'text-layer',
    text,
    words,
    lines,
    rulings,
    blocks: [],
    quality: measureTextQuality(text),
    repairs: [...repairs],
    originalText: null,
  };
  return { page: result, imageCoverage, imageDpi };
}

function toRun(item: TextItem, text: string, page: PDFPageProxy, toViewport: (x: number, y: number) => number[]): TextRun {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
  const [x = 0, baseline = 0] = toViewport(e, f);
  const fontSize = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
  const font = fontInfo(page, item.fontName);
  return { text, x, baseline, width: item.width, fontSize, fontName: font.name, bold: font.bold };
}

function fontInfo(page: PDFPageProxy, id: string): { name: string | null; bold: boolean } {
  try {
    const font = page.commonObjs.get(id) as { name?: string; bold?: boolean; black?: boolean } | null;
    const name = font?.name?.replace(/^[A-Z]{6}\+/, '') ?? null;
    return { name, bold: Boolean(font?.bold || font?.black || /bold|black|heavy/i.test(name ?? '')) };
  } catch {
    return { name: null, bold: false };
  }
}
