import type { Box } from '../../schemas/index.js';
import { pixelBox, type GrayBitmap } from './gray-bitmap.js';
import type { OcrResult, OcrSymbol, OcrWord } from './ocr-engine.js';
import { unionBox } from '../core/index.js';

/** Characters the Vietnamese model prints for a comparison sign it lacks ("≥" comes out as ">", "=", "z>", "z"). */
const SIGN_CHARS = /^[<>=z≥≤]$/u;
/** A gap between sign and figure wider than this share of the figure's height is a space ("≥ 75%", not "≥75%"). */
const SPACE_GAP = 0.35;
/** A row of the sign's box with ink over this share of its width is a bar (of "≥", "≤" or "="). */
const BAR_ROW = 0.8;

export type ComparisonSign = '≥' | '≤' | '>' | '<' | '=';

/**
 * Puts back comparison signs before figures from the image. Plans set
 * targets as "≥ 90%"; the Vietnamese model has no "≥" and prints ">",
 * "=", "z>" or "z" for it, and joins the sign to the figure. The sign's
 * pixels say what it is: a bar under a chevron is "≥"/"≤", a chevron alone
 * ">"/"<", two bars "=". The gap between sign and figure says whether a
 * space stood between them. Words without symbol boxes (engines that do not
 * report them) are left as they are.
 */
export function readComparisonSigns(result: OcrResult, gray: GrayBitmap | null): OcrResult {
  if (!gray) return result;
  return { ...result, lines: result.lines.map((line) => ({ ...line, words: line.words.flatMap((w, i) => signWords(w, line.words[i + 1], gray)) })) };
}

function signWords(word: OcrWord, next: OcrWord | undefined, gray: GrayBitmap): OcrWord[] {
  // the engine sometimes reports an empty symbol at a word's edge
  const symbols = word.symbols?.filter((s) => s.text.trim());
  if (!symbols?.length || !SIGN_CHARS.test(symbols[0]!.text)) return [word];
  const firstDigit = symbols.findIndex((s) => /^\p{N}$/u.test(s.text));
  const signEnd = firstDigit < 0 ? symbols.length : firstDigit;
  if (!symbols.slice(0, signEnd).every((s) => SIGN_CHARS.test(s.text))) return [word];
  // the figure follows in the same word ("z>75%") or is the next word ("> 75%")
  const figure: OcrSymbol | undefined = firstDigit >= 0 ? symbols[firstDigit] : next?.symbols?.find((s) => s.text.trim());
  if (!figure || !/^\p{N}$/u.test(figure.text)) return [word];
  // an LSTM's symbol boxes are loose ("z" 824-841, ">" 837-851, "6" 852-865): the sign's own ink says where it ends
  const drawn = inkSpans(gray, { ...word.box, x1: figure.box.x1 });
  const signBox = drawn.length >= 2 ? { ...word.box, x0: drawn[0]!.from, x1: drawn[0]!.to } : unionBox(symbols.slice(0, signEnd).map((s) => s.box))!;
  const figureStart = drawn.length >= 2 ? drawn[1]!.from : figure.box.x0;
  const sign = classifySign(gray, signBox);
  if (!sign) return [word];
  if (firstDigit < 0) return [{ ...word, text: sign, symbols: [{ text: sign, box: signBox }] }];
  const rest = symbols.slice(firstDigit);
  const restText = rest.map((s) => s.text).join('');
  const figureHeight = figure.box.y1 - figure.box.y0;
  if (figureStart - signBox.x1 < SPACE_GAP * figureHeight) return [{ ...word, text: sign + restText, symbols: [{ text: sign, box: signBox }, ...rest] }];
  return [
    { text: sign, box: signBox, confidence: word.confidence, symbols: [{ text: sign, box: signBox }] },
    { text: restText, box: { ...unionBox(rest.map((s) => s.box))!, y0: word.box.y0, y1: word.box.y1 }, confidence: word.confidence, symbols: rest },
  ];
}

/** Runs of inked columns in a box, left to right (x1 exclusive): one glyph or touching glyphs each. */
function inkSpans(img: GrayBitmap, box: Box): { from: number; to: number }[] {
  const { x0, y0, x1, y1 } = pixelBox(img, box);
  const threshold = midGray(img, x0, y0, x1, y1);
  if (threshold === null) return [];
  const spans: { from: number; to: number }[] = [];
  for (let x = x0; x < x1; x++) {
    let inked = false;
    for (let y = y0; y < y1 && !inked; y++) inked = img.data[y * img.width + x]! < threshold;
    const last = spans[spans.length - 1];
    if (inked && last && last.to === x) last.to = x + 1;
    else if (inked) spans.push({ from: x, to: x + 1 });
  }
  return spans;
}

/** Half-way between the darkest and the lightest pixel of a box, or null when the box holds no contrast (no ink). */
function midGray(img: GrayBitmap, x0: number, y0: number, x1: number, y1: number): number | null {
  let lo = 255;
  let hi = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const v = img.data[y * img.width + x]!;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  return hi - lo < 64 ? null : (lo + hi) / 2;
}

interface InkRow {
  y: number;
  count: number;
  left: number;
  right: number;
}

/**
 * What sign the pixels in `box` draw, or null when they are unclear: bars
 * are rows inked across most of the box; the chevron's direction is where
 * its middle row sits against its top row (right of it: ">").
 */
export function classifySign(img: GrayBitmap, box: Box): ComparisonSign | null {
  const { x0, y0, x1, y1 } = pixelBox(img, box);
  if (x1 - x0 < 3 || y1 - y0 < 3) return null;
  const threshold = midGray(img, x0, y0, x1, y1);
  if (threshold === null) return null;
  const rows: InkRow[] = [];
  for (let y = y0; y < y1; y++) {
    let count = 0;
    let left = -1;
    let right = -1;
    for (let x = x0; x < x1; x++)
      if (img.data[y * img.width + x]! < threshold) {
        count++;
        if (left < 0) left = x;
        right = x;
      }
    if (count) rows.push({ y, count, left, right });
  }
  if (rows.length < 3) return null;
  const inkLeft = Math.min(...rows.map((r) => r.left));
  const inkWidth = Math.max(...rows.map((r) => r.right)) - inkLeft + 1;
  const top = rows[0]!.y;
  const height = rows[rows.length - 1]!.y - top + 1;
  const bars = barGroups(rows.filter((r) => r.count >= BAR_ROW * inkWidth));
  const bottomBar = bars.find((g) => g.to >= top + 0.7 * height);
  const topBar = bars.find((g) => g.from <= top + 0.3 * height && g !== bottomBar);
  if (topBar && bottomBar) return '=';
  const chevron = rows.filter((r) => !bottomBar || r.y < bottomBar.from);
  if (chevron.length < 3 || topBar) return null;
  const centre = (r: InkRow) => (r.left + r.right) / 2;
  const lean = centre(chevron[Math.floor(chevron.length / 2)]!) - centre(chevron[0]!);
  if (Math.abs(lean) < 0.15 * inkWidth) return null;
  if (bottomBar) return lean > 0 ? '≥' : '≤';
  return lean > 0 ? '>' : '<';
}

/** Consecutive bar rows as one bar each. */
function barGroups(rows: readonly InkRow[]): { from: number; to: number }[] {
  const groups: { from: number; to: number }[] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    if (last && r.y === last.to + 1) last.to = r.y;
    else groups.push({ from: r.y, to: r.y });
  }
  return groups;
}
