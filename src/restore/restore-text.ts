import { hasVietnameseDiacritic } from '../core/index.js';
import { candidatesFor, matchCase } from './candidates.js';
import type { NgramModel } from './ngram-model.js';
import { CLAUSE_END, tokenize } from './tokenize.js';
import { decode } from './viterbi-decoder.js';

/** A line whose words carry diacritics at least this often is Vietnamese as written: left untouched. */
const WRITTEN_WITH_DIACRITICS = 0.3;

export interface RestoredToken {
  original: string;
  restored: string;
  confidence: number;
}

export interface RestoredLine {
  text: string;
  changed: boolean;
  tokens: RestoredToken[];
}

/**
 * Restores the diacritics of one line: every word gets its candidate
 * readings, the trigram model picks the most probable sequence, and the
 * line is put back piece by piece, spacing, punctuation, numbers and codes
 * as they were. A line already written with diacritics comes back unchanged.
 */
export function restoreLine(line: string, model: NgramModel): RestoredLine {
  const pieces = tokenize(line);
  const words = pieces.filter((p) => p.kind === 'word');
  const marked = words.filter((w) => hasVietnameseDiacritic(w.text)).length;
  if (!words.length || marked / words.length >= WRITTEN_WITH_DIACRITICS) return { text: line, changed: false, tokens: [] };

  const slots: (string[] | null)[] = [];
  const slotOfPiece = new Map<number, number>();
  pieces.forEach((p, i) => {
    if (p.kind === 'word') {
      slotOfPiece.set(i, slots.length);
      slots.push(candidatesFor(p.text));
    } else if (p.kind === 'number') slots.push(['<num>']);
    else if (p.kind === 'code') slots.push(['<code>']);
    else if (p.kind === 'punct' && CLAUSE_END.test(p.text)) slots.push(null);
  });
  const decoded = decode(slots, model);
  const tokens: RestoredToken[] = [];
  const text = pieces
    .map((p, i) => {
      const slot = slotOfPiece.get(i);
      if (slot === undefined) return p.text;
      const d = decoded[slot];
      // a word read as itself keeps its own spelling and case ("VNeID", "groupType")
      const restored = d && d.choice !== p.text.toLowerCase() ? matchCase(p.text, d.choice) : p.text;
      tokens.push({ original: p.text, restored, confidence: d?.confidence ?? 1 });
      return restored;
    })
    .join('');
  return { text, changed: text !== line, tokens };
}

/** Restores every line of `text`; the output has exactly as many lines as the input. */
export function restoreText(text: string, model: NgramModel): { text: string; lines: RestoredLine[] } {
  const lines = text.split('\n').map((l) => restoreLine(l, model));
  return { text: lines.map((l) => l.text).join('\n'), lines };
}
