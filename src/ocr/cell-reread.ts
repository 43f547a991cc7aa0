import type { Box, Ruling } from '../../schemas/index.js';
import { isVietnameseSyllable } from '../core/index.js';
import { cropGray, decodeGray, encodePgm, type GrayBitmap } from './gray-bitmap.js';
import { unglue } from './glued-words.js';
import type { OcrEngine, OcrLine, OcrResult, OcrWord, PageImage } from './ocr-engine.js';

/** White margin around a cell crop, in pixels: the engine finds text lines badly when ink touches the edge. */
const PAD = 12;
/** A cell larger than this share of the page is a frame, not a cell. */
const MAX_CELL_SHARE = 0.25;
/** A re-read must keep at least this share of the letters read with confidence (it must not buy cleanliness by dropping text). */
const KEEP_LETTERS = 0.85;
/** Below this confidence a word is doubtful: bold header cells come out as "NHI 2035", "IENIEET 2045" for "Năm …". */
const LOW_CONFIDENCE = 0.2;
/** A word the engine is at least this sure of counts in what a re-read must keep. */
const SURE = 0.5;
/** A re-read with no fewer garbled words is still kept when the engine is this much surer of it, on average. */
const SURER = 0.15;

/**
 * Reads again, alone, the table cells whose words came out garbled. A page
 * read as one block gives every table row one line across all its cells,
 * and inside narrow cells the engine then loses the spaces and doubles
 * letters ("SởKhoahọoc" for "Sở Khoa học"); the same cell cut out and read
 * by itself comes back right. A cell is read again when one of its words is
 * neither a Vietnamese syllable nor syllables glued together, or the engine
 * doubted it; the new reading is kept only when it is better (see `better`).
 * The cell is found from the table rules around the word.
 */
export async function rereadGarbledCells(result: OcrResult, image: PageImage, rulings: readonly Ruling[], engine: OcrEngine): Promise<OcrResult> {
  const k = image.dpi / 72;
  const rules = rulings.map((r) => ({ v: r.orientation === 'v', at: r.at * k, from: r.from * k, to: r.to * k }));
  if (!rules.length) return result;
  const cells = new Map<string, Box>();
  for (const line of result.lines)
    for (const w of line.words) {
      if (!garbled(w.text) && w.confidence >= LOW_CONFIDENCE) continue;
      const cell = cellAround(w.box, rules);
      if (cell) cells.set(`${cell.x0},${cell.y0},${cell.x1},${cell.y1}`, cell);
    }
  if (!cells.size) return result;
  const page = await decodeGray(image.bytes);
  let lines = result.lines;
  for (const cell of cells.values()) {
    if ((cell.x1 - cell.x0) * (cell.y1 - cell.y0) > MAX_CELL_SHARE * page.width * page.height) continue;
    const inside = (w: OcrWord) => contains(cell, w.box);
    const before = lines.flatMap((l) => l.words.filter(inside));
    const reread = await readCrop(page, cell, image.dpi, engine);
    const after = reread.flatMap((l) => l.words);
    if (!better(before, after)) continue;
    lines = [...lines.map((l) => ({ ...l, words: l.words.filter((w) => !inside(w)) })).filter((l) => l.words.length), ...reread];
  }
  return { ...result, lines };
}

/** Signs that are no part of Vietnamese text: what an OCR makes of specks and shading ("¿", "ˆ", "‹"). */
const FOREIGN_SIGN = /[¿¡ˆ˜‹›¢¤¦§¨¬¯´¸]/u;

/**
 * A word that is not Vietnamese: letters that are no syllable and do not
 * split into syllables either, or signs no Vietnamese text has.
 */
function garbled(text: string): boolean {
  if (FOREIGN_SIGN.test(text)) return true;
  return (text.normalize('NFC').match(/\p{L}+/gu) ?? []).some(
    // capitals (UBND, KHCN) and mixed-case codes (IoT) are abbreviations, not garble
    (run) => /\p{Ll}/u.test(run) && run.length > 1 && !/^\p{Lu}{2,}/u.test(run) && !isVietnameseSyllable(run) && unglue(run) === run,
  );
}

const garbledCount = (words: readonly OcrWord[]) => words.filter((w) => garbled(w.text)).length;
const letters = (words: readonly OcrWord[]) => words.reduce((n, w) => n + (w.text.match(/\p{L}/gu)?.length ?? 0), 0);
const meanConfidence = (words: readonly OcrWord[]) => words.reduce((n, w) => n + w.confidence, 0) / Math.max(1, words.length);

/**
 * A cell's second reading is better when it keeps the letters the first was
 * sure of, and has fewer garbled words or, as many, a clearly surer engine.
 */
function better(before: readonly OcrWord[], after: readonly OcrWord[]): boolean {
  if (!after.length || letters(after) < KEEP_LETTERS * letters(before.filter((w) => w.confidence >= SURE))) return false;
  const [was, is] = [garbledCount(before), garbledCount(after)];
  return is < was || (is === was && meanConfidence(after) >= meanConfidence(before) + SURER);
}

/** A word belongs to a cell when its centre lies inside. */
const contains = (cell: Box, b: Box) => {
  const x = (b.x0 + b.x1) / 2;
  const y = (b.y0 + b.y1) / 2;
  return x > cell.x0 && x < cell.x1 && y > cell.y0 && y < cell.y1;
};

/** The rectangle the nearest rules on all four sides of a word's centre enclose, or null outside a table. */
function cellAround(b: Box, rules: readonly { v: boolean; at: number; from: number; to: number }[]): Box | null {
  const x = (b.x0 + b.x1) / 2;
  const y = (b.y0 + b.y1) / 2;
  const across = (pos: number) => (r: { from: number; to: number }) => r.from <= pos && pos <= r.to;
  const vertical = rules.filter((r) => r.v && across(y)(r));
  const horizontal = rules.filter((r) => !r.v && across(x)(r));
  const left = Math.max(...vertical.filter((r) => r.at < x).map((r) => r.at));
  const right = Math.min(...vertical.filter((r) => r.at > x).map((r) => r.at));
  const top = Math.max(...horizontal.filter((r) => r.at < y).map((r) => r.at));
  const bottom = Math.min(...horizontal.filter((r) => r.at > y).map((r) => r.at));
  if (![left, right, top, bottom].every(Number.isFinite)) return null;
  return { x0: left, y0: top, x1: right, y1: bottom };
}

/** Reads one cell cut out of the page (on white, with a margin) and maps its words back to page pixels. */
async function readCrop(page: GrayBitmap, cell: Box, dpi: number, engine: OcrEngine): Promise<OcrLine[]> {
  const x0 = Math.max(0, Math.floor(cell.x0));
  const y0 = Math.max(0, Math.floor(cell.y0));
  const read = await engine.recognize({ bytes: encodePgm(cropGray(page, cell, PAD)), dpi });
  const shift = (b: Box): Box => ({ x0: b.x0 + x0 - PAD, y0: b.y0 + y0 - PAD, x1: b.x1 + x0 - PAD, y1: b.y1 + y0 - PAD });
  return read.lines.map((l) => ({
    box: shift(l.box),
    words: l.words.map((wd) => ({ ...wd, box: shift(wd.box), symbols: wd.symbols?.map((s) => ({ ...s, box: shift(s.box) })) })),
  }));
}
