import { probabilities, type DigitGuess, type DigitModel } from './digit-classifier.js';
import { digitFeatures, normalizeDigit, strokeWidth, type InkImage } from './digit-image.js';
import { figurePieces, type FigureInk } from './digit-segments.js';
import type { GrayBitmap } from './gray-bitmap.js';

/**
 * The figures of a blank's ink read by the handwritten-digit recognizer
 * (digit-classifier.ts), figure by figure (digit-segments.ts). A piece of
 * ink is cut into as many figures as its width makes it; when the
 * recognizer is unsure of a figure so cut, the piece is tried as one
 * figure more (two figures written touching, narrow enough to pass for
 * one; a wide "0" is not cut, being read surely whole), kept when every
 * figure of it is read surely; never as fewer. A piece that cannot be
 * read as figures at all makes the whole reading unsure: the figures
 * around it are not read as the number alone.
 *
 * A figure is read as it was cut out and three ways more: a pixel bolder,
 * its faint edge left off, and leaning a little more (`variants`). A
 * figure the recognizer truly knows is read the same each way; its
 * probability is the lowest of the four, so a figure whose reading flips
 * with a pixel of stroke is not read surely. The model's threshold was
 * chosen on held-out MNIST digits read the same way.
 */

/** A piece is tried as n figures while each would be at least this wide for its height ("1" is narrow)… */
const MIN_ASPECT = 0.2;
/** …and at most this wide. */
const MAX_ASPECT = 1.1;
/** At most this many figures in one piece. */
const MAX_PER_PIECE = 4;

/** What the recognizer read in a blank's ink. */
export interface DigitsReading {
  /** The figures, left to right (empty when there are none). */
  text: string;
  /** Each figure's probability, in order. */
  probabilities: number[];
  /** The lowest of them (0 when there are no figures). */
  confidence: number;
  /** Whether every figure was read surely (its probability at least the model's threshold). */
  sure: boolean;
  /** For each figure read unsurely: its position, the recognizer's two guesses. */
  doubts: { at: number; guess: DigitGuess }[];
  /** Dots, ticks and slashes left out. */
  specks: number;
  /** Pieces of ink that could not be read as figures: the size of a figure but not cut into figures (a tail before a figure), or a mark between figures too low for one yet more than a dot. */
  lost: number;
}

/** Reads the figures in a blank's ink (gray on white, as the ink mask keeps it). */
export function readDigits(ink: GrayBitmap, model: DigitModel): DigitsReading {
  const found = figurePieces(ink);
  const guesses: DigitGuess[] = [];
  let lost = found.doubtful;
  for (const piece of found.pieces) {
    const h = piece.box.y1 - piece.box.y0;
    const w = piece.box.x1 - piece.box.x0;
    const read = (n: number): DigitGuess[] | null => {
      const parts = piece.cut(n);
      const g = parts?.map((f: FigureInk) => steadyGuess(model, f.ink));
      return g && g.every((x): x is DigitGuess => !!x) ? g : null;
    };
    const worst = (g: DigitGuess[] | null): number => (g ? Math.min(...g.map((x) => x.probability)) : -1);
    let best = read(piece.count);
    // only one figure more than the width makes it: read as fewer, two figures written touching pass for one
    // wider figure ("94" for a "4"), so a piece is never read as fewer figures than its width says
    const more = piece.count + 1;
    if (worst(best) < model.minProbability && more <= MAX_PER_PIECE && w / more >= MIN_ASPECT * h && w / more <= MAX_ASPECT * h) {
      const other = read(more);
      if (worst(other) >= model.minProbability) best = other;
    }
    if (best) guesses.push(...best);
    else lost++;
  }
  const probabilities = guesses.map((g) => g.probability);
  const doubts = guesses.flatMap((guess, at) => (guess.probability < model.minProbability ? [{ at, guess }] : []));
  return { text: guesses.map((g) => g.digit).join(''), probabilities, confidence: probabilities.length ? Math.min(...probabilities) : 0, sure: guesses.length > 0 && !doubts.length && !lost, doubts, specks: found.specks + found.slashes, lost };
}

/** The figure's ink drawn the ways `steadyGuess` reads it: as cut out, bolder, without its faint edge, leaning more. */
export function variants(ink: InkImage): InkImage[] {
  const core: InkImage = { ...ink, data: ink.data.map((v) => (v >= 0.5 ? v : 0)) };
  const lean = 0.15;
  const w = ink.width + Math.ceil(lean * ink.height);
  const leaning: InkImage = { width: w, height: ink.height, data: new Float32Array(w * ink.height) };
  for (let y = 0; y < ink.height; y++)
    for (let x = 0; x < ink.width; x++) {
      const nx = Math.round(x + lean * (ink.height - 1 - y));
      leaning.data[y * w + nx] = Math.max(leaning.data[y * w + nx] ?? 0, ink.data[y * ink.width + x] ?? 0);
    }
  return [ink, strokeWidth(ink, 1), core, leaning];
}

/**
 * The recognizer's reading of one figure over its `variants`: the digit
 * whose lowest probability over them is highest, with that probability;
 * the runner-up is the other digit some variant gives most.
 */
export function steadyGuess(model: DigitModel, ink: InkImage): DigitGuess | null {
  const each = variants(ink).flatMap((v) => {
    const n = normalizeDigit(v);
    return n ? [probabilities(model, digitFeatures(n))] : [];
  });
  if (!each.length) return null;
  const low = [...Array(10).keys()].map((d) => Math.min(...each.map((p) => p[d] ?? 0)));
  const high = [...Array(10).keys()].map((d) => Math.max(...each.map((p) => p[d] ?? 0)));
  const digit = low.indexOf(Math.max(...low));
  const second = [...Array(10).keys()].filter((d) => d !== digit).sort((a, b) => (high[b] ?? 0) - (high[a] ?? 0))[0]!;
  return { digit, probability: low[digit] ?? 0, second, secondProbability: high[second] ?? 0 };
}
