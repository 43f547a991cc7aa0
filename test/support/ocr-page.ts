import type { Page } from '../../schemas/index.js';
import { measureTextQuality } from '../../src/core/index.js';

/**
 * A page as an OCR engine hands it on: one line per string, words split on
 * spaces, each read at `confidence`; its quality measured as the pipeline
 * measures it. Tests of the repairs that only touch OCR'd pages build their
 * input with it.
 */
export function ocrPage(lines: string[], confidence = 0.9, origin: Page['origin'] = 'ocr'): Page {
  const words = lines.flatMap((l) => l.split(' ').map((text) => ({ text, box: null, fontSize: 12, fontName: null, bold: false, confidence })));
  let at = 0;
  const out = lines.map((text) => {
    const n = text.split(' ').length;
    const line = { text, box: null, fontSize: 12, bold: false, wordStart: at, wordEnd: at + n };
    at += n;
    return line;
  });
  const text = lines.join('\n');
  return { number: 1, width: 595, height: 842, origin, text, words, lines: out, rulings: [], blocks: [], quality: measureTextQuality(text), repairs: [], originalText: null };
}
