import type { Line, Page, Word } from '../../schemas/index.js';
import type { OcrResult } from './ocr-engine.js';

/**
 * Maps an engine's pixel words onto the page model the text layer uses
 * (points, top-left origin), so layout and segment run unchanged on scans.
 */
export function ocrResultToPage(number: number, result: OcrResult, dpi: number, sizePt: { width: number | null; height: number | null }): Page {
  const k = 72 / dpi;
  const scale = (b: { x0: number; y0: number; x1: number; y1: number }) => ({ x0: b.x0 * k, y0: b.y0 * k, x1: b.x1 * k, y1: b.y1 * k });
  const words: Word[] = [];
  const lines: Line[] = [];
  for (const line of result.lines) {
    const wordStart = words.length;
    for (const w of line.words) {
      const box = scale(w.box);
      words.push({ text: w.text, box, fontSize: box.y1 - box.y0, fontName: null, bold: false, confidence: w.confidence });
    }
    const box = scale(line.box);
    lines.push({ text: line.words.map((w) => w.text).join(' '), box, fontSize: box.y1 - box.y0, bold: false, wordStart, wordEnd: words.length });
  }
  return {
    number,
    width: sizePt.width ?? (result.widthPx ? result.widthPx * k : null),
    height: sizePt.height ?? (result.heightPx ? result.heightPx * k : null),
    origin: 'ocr',
    text: lines.map((l) => l.text).join('\n'),
    words,
    lines,
    rulings: [],
    blocks: [],
    quality: null,
    repairs: [],
    originalText: null,
  };
}
