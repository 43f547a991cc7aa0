import type { Box, Line, Page, Ruling, Word } from '../../schemas/index.js';
import { buildLines, type TextRun } from '../core/index.js';
import { unglue } from './glued-words.js';
import { dropJunkWords } from './junk-words.js';
import { columnGroups } from './side-by-side-blocks.js';
import { repairMissingGlyphs } from './missing-glyphs.js';
import type { OcrLine, OcrResult, OcrWord } from './ocr-engine.js';

/**
 * Maps an engine's pixel words onto the page model the text layer uses
 * (points, top-left origin), and builds lines with the same line builder as
 * the text layer — words on one baseline, left to right, split at wide gaps —
 * so reading order, tables and sections come out the same for a scan as for
 * its digital original. Each OCR line gives its words one baseline and size.
 */
export function ocrResultToPage(number: number, read: OcrResult, dpi: number, sizePt: { width: number | null; height: number | null }, rulings: readonly Ruling[] = []): Page {
  const k = 72 / dpi;
  // specks, strokes and rule remnants the engine doubted and that read as nothing are left out
  const { result, dropped } = dropJunkWords(read, insideRuledArea(rulings, k));
  const runs: TextRun[] = [];
  let unglued = 0;
  for (const line of result.lines) {
    const box = typeBox(line);
    const height = (box.y1 - box.y0) * k;
    // the line box runs from ascenders to descenders: the baseline sits about a fifth of it above the bottom
    const baseline = box.y1 * k - height * 0.2;
    // an OCR line box is taller than the type (accents above, descenders below): about 0.7 of it is the font size
    const fontSize = Math.max(4, height * 0.7);
    for (const w of line.words) {
      // glyphs the model lacks are put back; syllables read without the space between them are split again (the line builder shares out the box)
      const text = unglue(repairMissingGlyphs(w.text));
      if (text !== w.text) unglued++;
      runs.push({ text, x: w.box.x0 * k, baseline, width: (w.box.x1 - w.box.x0) * k, fontSize, fontName: null, bold: false, confidence: w.confidence });
    }
  }
  // blocks side by side (a letterhead's halves, the recipients beside the signature) are read one after the other, not row by row
  const width = sizePt.width ?? (result.widthPx ? result.widthPx * k : Math.max(0, ...runs.map((r) => r.x + r.width)));
  const height = sizePt.height ?? (result.heightPx ? result.heightPx * k : Math.max(0, ...runs.map((r) => r.baseline)));
  const columns = columnGroups(runs, width, height, rulings);
  const { lines, words } = columns ? buildInOrder(columns) : buildLines(runs);
  const repairs = [...(dropped ? [`junk-dropped(${dropped})`] : []), ...(unglued ? [`unglued(${unglued})`] : []), ...(columns ? ['side-by-side-blocks'] : [])];
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
    repairs,
    originalText: null,
  };
}

/**
 * Whether a word (in pixels) lies in the area the page's table rules span
 * (in points): two rules each way or more make a table; with fewer, nothing
 * is inside.
 */
function insideRuledArea(rulings: readonly Ruling[], k: number): (w: OcrWord) => boolean {
  const h = rulings.filter((r) => r.orientation === 'h');
  const v = rulings.filter((r) => r.orientation === 'v');
  if (h.length < 2 || v.length < 2) return () => false;
  const x0 = Math.min(...v.map((r) => r.at), ...h.map((r) => r.from));
  const x1 = Math.max(...v.map((r) => r.at), ...h.map((r) => r.to));
  const y0 = Math.min(...h.map((r) => r.at), ...v.map((r) => r.from));
  const y1 = Math.max(...h.map((r) => r.at), ...v.map((r) => r.to));
  return (w) => {
    const cx = ((w.box.x0 + w.box.x1) / 2) * k;
    const cy = ((w.box.y0 + w.box.y1) / 2) * k;
    return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
  };
}

/** Lines of each group of runs, the groups one after the other (each group's lines top to bottom). */
function buildInOrder(groups: readonly TextRun[][]): { lines: Line[]; words: Word[] } {
  const lines: Line[] = [];
  const words: Word[] = [];
  for (const group of groups) {
    const built = buildLines(group);
    const offset = words.length;
    words.push(...built.words);
    lines.push(...built.lines.map((l) => ({ ...l, wordStart: l.wordStart + offset, wordEnd: l.wordEnd + offset })));
  }
  return { lines, words };
}

/**
 * The box of a line's type: its words' union, leaving out a stray mark
 * ("|", a rule's remnant) much taller than the typical word or off its
 * middle, which stretches the line box over the next text line, whose words
 * would then share its baseline and interleave with its own.
 */
function typeBox(line: OcrLine): Box {
  const height = (w: OcrWord) => w.box.y1 - w.box.y0;
  const middle = (w: OcrWord) => (w.box.y0 + w.box.y1) / 2;
  const typical = median(line.words.map(height));
  const centre = median(line.words.map(middle));
  const core = line.words.filter((w) => height(w) <= 1.5 * typical && Math.abs(middle(w) - centre) <= 0.5 * typical);
  if (!core.length) return line.box;
  return { x0: line.box.x0, x1: line.box.x1, y0: Math.min(...core.map((w) => w.box.y0)), y1: Math.max(...core.map((w) => w.box.y1)) };
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
