import type { Line, Word } from '../../schemas/index.js';
import { runBox, unionBox, type TextRun } from './text-runs.js';

/** A gap wider than this many ems splits one baseline into separate lines (two-column header block, table cells). */
const COLUMN_GAP_EM = 2.5;
/** A gap wider than this many ems between runs means a space between them. */
const SPACE_GAP_EM = 0.12;

/**
 * Groups text runs into lines in reading order: runs sharing a baseline
 * (within half an em) form a line, left to right; a wide gap on one baseline
 * starts a new line, so the agency and motto halves of the header block and
 * the cells of a table row stay apart. Words are split at spaces, with boxes
 * interpolated along their run.
 */
export function buildLines(runs: readonly TextRun[]): { lines: Line[]; words: Word[] } {
  const sorted = runs.filter((r) => r.text.trim()).sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const rows: TextRun[][] = [];
  for (const run of sorted) {
    const row = rows.at(-1);
    const ref = row?.[0];
    if (row && ref && Math.abs(run.baseline - ref.baseline) < Math.min(run.fontSize, ref.fontSize) * 0.5) row.push(run);
    else rows.push([run]);
  }
  const lines: Line[] = [];
  const words: Word[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    for (const segment of splitAtGaps(row)) lines.push(makeLine(segment, words));
  }
  return { lines, words };
}

function splitAtGaps(row: TextRun[]): TextRun[][] {
  const segments: TextRun[][] = [];
  let prev: TextRun | undefined;
  for (const run of row) {
    const gap = prev ? run.x - (prev.x + prev.width) : 0;
    if (!prev || gap > COLUMN_GAP_EM * run.fontSize) segments.push([run]);
    else segments.at(-1)?.push(run);
    prev = run;
  }
  return segments;
}

function makeLine(runs: TextRun[], words: Word[]): Line {
  const wordStart = words.length;
  let text = '';
  let prev: TextRun | undefined;
  for (const run of runs) {
    const gap = prev ? run.x - (prev.x + prev.width) : 0;
    if (prev && gap > SPACE_GAP_EM * run.fontSize && !text.endsWith(' ') && !run.text.startsWith(' ')) {
      text += ' ';
    }
    text += run.text;
    appendWords(run, words, Boolean(prev) && gap <= SPACE_GAP_EM * run.fontSize);
    prev = run;
  }
  const fontSize = Math.max(...runs.map((r) => r.fontSize));
  return {
    text: text.replace(/\s+/gu, ' ').trim(),
    box: unionBox(runs.map(runBox)),
    fontSize,
    bold: runs.every((r) => r.bold),
    wordStart,
    wordEnd: words.length,
  };
}

/** Splits a run at spaces; `glued` joins its first word onto the previous word (no gap between runs). */
function appendWords(run: TextRun, words: Word[], glued: boolean): void {
  const chars = [...run.text];
  const perChar = chars.length ? run.width / chars.length : 0;
  const box = runBox(run);
  let offset = 0;
  for (const part of run.text.split(/(\s+)/u)) {
    const len = [...part].length;
    if (part.trim()) {
      const x0 = box.x0 + offset * perChar;
      const word: Word = {
        text: part,
        box: { x0, y0: box.y0, x1: x0 + len * perChar, y1: box.y1 },
        fontSize: run.fontSize,
        fontName: run.fontName,
        bold: run.bold,
        confidence: run.confidence ?? 1,
      };
      const last = words.at(-1);
      if (glued && offset === 0 && last?.box && word.box) {
        last.text += word.text;
        last.box = { ...last.box, x1: word.box.x1 };
      } else words.push(word);
    }
    offset += len;
  }
}
