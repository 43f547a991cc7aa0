import { atomsOf, joinsNext, opensCell, opensTimeline, startsLower, type Atom } from './linearized-cells.js';
import type { DumpLine } from './linearized-rows.js';
import { textWidth } from './text-width.js';

/** Cell texts are compared without case, spacing or a closing stop ("thành phố." = "Thành phố"). */
export const normCell = (s: string): string => s.toLowerCase().replace(/\s+/gu, ' ').replace(/[.;,]+$/u, '').trim();
/** The first two words of a cell ("đồng chí", "sở khoa"). */
export const openingOf = (s: string): string => normCell(s).split(' ').slice(0, 2).join(' ');

/** Shape points of a run of atoms (log-odds-like, as in row-segmentation.ts): how it starts, ends and breaks. */
const SHAPE = {
  brokenPhrase: -2.5,
  sentenceEnd: 0.5,
  opener: 1,
  midLine: -1,
  tallBesideAnother: -2,
  goesOn: 0.5,
  newSentenceInside: -1,
  openerInside: -1,
} as const;

/** A cell holds at most this many atoms (longest cells: a task of ten lines cut at capitals). */
const MAX_ATOMS = 60;

/**
 * What a run of atoms is, whatever column it goes to: computed once per run
 * and kept over the readings of a table (the runs of a part do not change).
 */
export interface Span {
  text: string;
  /** Its first three words: all its opening depends on (read off the short text, not the long one built up). */
  head: string;
  /** Points from how the run starts, ends and breaks (no column needed). */
  shape: number;
  /** Points from its start as a cell's first line (not given to the lines after a page break). */
  start: number;
  lowerStart: boolean;
  hasDigit: boolean;
  /** It is a lone dash: an empty target ("-"). */
  dash: boolean;
  /** It starts like a timeline (opensTimeline: its first three words decide it). */
  opensTimeline: boolean;
  /** Widths of its lines (ems): the first `lineCount - 1` in `lineWidths` (shared by the runs from one atom), then `lastWidth`. */
  lineWidths: readonly number[];
  lineCount: number;
  lastWidth: number;
  maxWidth: number;
  /** Widths of each line break's line plus the next line's first word (the first `fitCount` of `fits`): the word would have fitted below these. */
  fits: readonly number[];
  fitCount: number;
  targets: number;
  /** It holds a piece of a line of several targets. */
  inRun: boolean;
  atoms: number;
  /** openingOf(text), from its first three words. */
  opening: string;
  /** normCell(text), worked out when first asked for. */
  norm: string | undefined;
}

/** A part of a row cut into atoms, with every run of them. */
export interface PreparedPart {
  atoms: Atom[];
  /** spans[a]: the runs starting at atom a, shortest first. */
  spans: Span[][];
}

/** Atoms and runs of a part of a row (see Span). */
export function preparePart(lines: readonly DumpLine[]): PreparedPart {
  const atoms = atomsOf(lines);
  const part = measureLines(atoms);
  return { atoms, spans: atoms.map((_, a) => spansFrom(atoms, part, a)) };
}


/** A printed line, or the end of one, as the last line of a cell: how it ends, and how wide it is with the next line's first word. */
interface LineEnd {
  joinsNext: boolean;
  endsSentence: boolean;
  width: number;
  /** textWidth of the line, a space and the next atom's first word (the word would have fitted below this). */
  withNextWord: number;
}

/** What the runs of a part ask of its printed lines, measured once rather than once a run. */
interface MeasuredPart {
  /** The first atom of each atom's printed line. */
  lineFirst: number[];
  /** Width of each atom's printed line from its first atom up to that atom. */
  prefixWidth: number[];
  /** For an atom that opens a printed line, the whole line before it as a cell line's end. */
  before: (LineEnd | null)[];
  /** Per atom: whether it holds a digit, starts in lower case, opens a cell (opensCell). */
  digit: boolean[];
  lower: boolean[];
  opens: boolean[];
}

function measureLines(atoms: readonly Atom[]): MeasuredPart {
  const lineFirst: number[] = [];
  const prefixWidth: number[] = [];
  const before: (LineEnd | null)[] = [];
  let line = '';
  atoms.forEach((atom, i) => {
    const opensLine = i === 0 || atom.line !== atoms[i - 1]!.line;
    before.push(opensLine && i > 0 ? lineEnd(line, atom) : null);
    line = opensLine ? atom.text : `${line} ${atom.text}`;
    lineFirst.push(opensLine ? i : lineFirst[i - 1]!);
    prefixWidth.push(textWidth(line));
  });
  return {
    lineFirst, prefixWidth, before,
    digit: atoms.map((x) => /\d/u.test(x.text)), lower: atoms.map((x) => startsLower(x.text)), opens: atoms.map((x) => opensCell(x.text)),
  };
}

const lineEnd = (line: string, next: Atom): LineEnd => ({
  joinsNext: joinsNext(line),
  endsSentence: /\.$/u.test(line.trim()),
  width: textWidth(line),
  withNextWord: textWidth(`${line} ${next.text.split(/\s+/u)[0] ?? ''}`),
});

function spansFrom(atoms: readonly Atom[], part: MeasuredPart, a: number): Span[] {
  const out: Span[] = [];
  const prev = a > 0 ? atoms[a - 1]!.text : null;
  let shape = 0;
  if (prev !== null) {
    if (joinsNext(prev)) shape += SHAPE.brokenPhrase;
    if (/\.$/u.test(prev.trim())) shape += SHAPE.sentenceEnd;
  }
  if (!atoms[a]!.lineStart && !atoms[a]!.target) shape += SHAPE.midLine;
  const first = atoms[a]!.text;
  const start = opensCell(first) ? SHAPE.opener : 0;
  const lowerStart = startsLower(first);
  const lineWidths: number[] = [];
  const fits: number[] = [];
  // the span's first line when it starts inside a printed line: the rest of that line, measured here
  const midLine = part.lineFirst[a] !== a;
  let firstLine = '';
  let onFirstLine = true;
  let maxWidth = 0;
  let targets = 0;
  let inRun = false;
  let hasDigit = false;
  let text = '';
  let lastLine = '';
  let head = '';
  let headDone = false;
  let opening = '';
  let timeline = false;
  for (let b = a; b < atoms.length && b - a < MAX_ATOMS; b++) {
    const atom = atoms[b]!;
    if (atom.target) targets++;
    inRun ||= atom.inRun;
    hasDigit ||= part.digit[b]!;
    if (b > a && atom.line === atoms[b - 1]!.line) {
      if (onFirstLine && midLine) firstLine += ` ${atom.text}`;
      lastLine += ` ${atom.text}`;
      text += ` ${atom.text}`;
    } else {
      if (b > a) {
        const end = onFirstLine && midLine ? lineEnd(firstLine, atom) : part.before[b]!;
        if (part.lower[b] || end.joinsNext) shape += SHAPE.goesOn;
        else {
          if (end.endsSentence) shape += SHAPE.newSentenceInside;
          if (part.opens[b]) shape += SHAPE.openerInside;
        }
        if (!end.joinsNext) fits.push(end.withNextWord);
        lineWidths.push(end.width);
        onFirstLine = false;
      } else firstLine = atom.text;
      text = joinTwo(text, lastLine, atom.text);
      lastLine = atom.text;
    }
    // once it has three words, later atoms only add to (or join onto) the third or later
    if (!headDone) {
      head = text.split(' ', 3).join(' ');
      headDone = head.split(' ').length >= 3;
      opening = openingOf(head);
      timeline = opensTimeline(head);
    }
    const lastWidth = onFirstLine && midLine ? textWidth(firstLine) : part.prefixWidth[b]!;
    maxWidth = Math.max(maxWidth, lastWidth);
    // cells share a printed line only when both are one line high ("Kế hoạch Thường xuyên")
    const sharesLine = (!atoms[a]!.lineStart && !atoms[a]!.target) || (atoms[b + 1]?.line === atom.line && !atoms[b + 1]!.target);
    const tall = sharesLine && lineWidths.length > 0 ? SHAPE.tallBesideAnother : 0;
    out.push({
      text, head, shape: shape + tall, start, lowerStart, hasDigit, dash: b === a && /^[-–—]$/u.test(atom.text), opensTimeline: timeline,
      lineWidths, lineCount: lineWidths.length + 1, lastWidth, maxWidth, fits, fitCount: fits.length, targets, inRun, atoms: b - a + 1,
      opening, norm: undefined,
    });
  }
  return out;
}
/** A span's normalized text (see normCell), worked out once. */
export const spanNorm = (span: Span): string => (span.norm ??= normCell(span.text));
/** A span's opening (see openingOf). */
export const spanOpening = (span: Span): string => span.opening;

/**
 * Joins a cell line to the text before it as joinLines does ("57-" + "NQ/TW"
 * → "57-NQ/TW"), given the text's last line: looking at the end of the text
 * itself would flatten the string built so far at every line.
 */
const joinTwo = (text: string, lastLine: string, line: string): string =>
  !text ? line : /[\p{L}\p{N}]-$/u.test(lastLine) && /^[\p{L}\p{N}]/u.test(line) ? text + line : `${text} ${line}`;
