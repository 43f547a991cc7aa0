import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextRun } from '../core/index.js';
import { multiply, type Matrix } from './pdf-matrix.js';

const translate = (x: number, y: number): Matrix => [1, 0, 0, 1, x, y];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const asMatrix = (m: unknown): Matrix => {
  const a = m as ArrayLike<number> | null;
  return a && a.length >= 6 ? [a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!] : IDENTITY;
};

interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

/**
 * The text that annotations print on the page: what e-signature tools put
 * in signature fields' appearances (the document's number "2926" and day
 * "15" in "Số: 2926/SNV-TCBC", "ngày 15 tháng 11"), filled form fields and
 * free-text notes. pdfjs's text content leaves them out, but they are on the
 * printed page; here they are read from the appearance streams in the
 * operator list, placed where they are drawn (top-left points), so they
 * join the page's lines like any other text.
 */
export function annotationRuns(ops: OperatorList, viewportTransform: number[]): TextRun[] {
  const runs: TextRun[] = [];
  const stack: Matrix[] = [];
  let ctm = asMatrix(viewportTransform);
  let depth = 0;
  let tm = IDENTITY;
  let tlm = IDENTITY;
  let font = { name: null as string | null, size: 0 };
  let leading = 0;
  let charSpacing = 0;
  let wordSpacing = 0;
  let hScale = 1;
  const moveText = (x: number, y: number): void => {
    tlm = multiply(translate(x, y), tlm);
    tm = tlm;
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = (ops.argsArray[i] ?? []) as unknown[];
    if (fn === OPS.beginAnnotation) {
      stack.push(ctm);
      // [id, rect, transform, matrix, hasOwnCanvas]: the appearance's form space onto the page
      ctm = multiply(asMatrix(args[3]), multiply(asMatrix(args[2]), ctm));
      depth += 1;
    } else if (fn === OPS.endAnnotation) {
      ctm = stack.pop() ?? ctm;
      depth = Math.max(0, depth - 1);
    } else if (depth === 0) continue;
    else if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(asMatrix(args), ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      ctm = multiply(asMatrix(args[0]), ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.beginText) tm = tlm = IDENTITY;
    else if (fn === OPS.setTextMatrix) tm = tlm = asMatrix(args[0] ?? args);
    else if (fn === OPS.moveText) moveText(Number(args[0] ?? 0), Number(args[1] ?? 0));
    else if (fn === OPS.setLeadingMoveText) {
      leading = -Number(args[1] ?? 0);
      moveText(Number(args[0] ?? 0), Number(args[1] ?? 0));
    } else if (fn === OPS.setLeading) leading = Number(args[0] ?? 0);
    else if (fn === OPS.nextLine) moveText(0, -leading);
    else if (fn === OPS.setFont) font = { name: typeof args[0] === 'string' ? args[0] : null, size: Number(args[1] ?? 0) };
    else if (fn === OPS.setCharSpacing) charSpacing = Number(args[0] ?? 0);
    else if (fn === OPS.setWordSpacing) wordSpacing = Number(args[0] ?? 0);
    else if (fn === OPS.setHScale) hScale = Number(args[0] ?? 100) / 100;
    else if (fn === OPS.showText || fn === OPS.showSpacedText) {
      const glyphs = (args[0] ?? []) as (Glyph | number)[];
      const start = multiply(tm, ctm);
      let advance = 0;
      let text = '';
      for (const g of glyphs) {
        if (typeof g === 'number') {
          advance -= (g / 1000) * font.size * hScale;
          continue;
        }
        text += g.unicode ?? '';
        advance += ((g.width ?? 0) / 1000) * font.size * hScale + charSpacing * hScale + (g.isSpace ? wordSpacing * hScale : 0);
      }
      tm = multiply(translate(advance, 0), tm);
      const scale = Math.hypot(start[2], start[3]) || 1;
      if (text.trim()) runs.push({ text: text.normalize('NFC'), x: start[4], baseline: start[5], width: advance * (Math.hypot(start[0], start[1]) || 1), fontSize: font.size * scale, fontName: null, bold: false });
    }
  }
  return runs;
}
