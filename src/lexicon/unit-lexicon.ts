import { UnitsFile } from '../../schemas/index.js';
import { editDistance, similarity } from '../core/index.js';
import { lazy, readDataFile } from './data-file.js';
import { fold } from './fold.js';

const units = lazy(() =>
  readDataFile('units.json', UnitsFile)
    .units.map((text) => ({ text, folded: fold(text), words: fold(text).split(' ').length }))
    .sort((a, b) => b.words - a.words),
);

/**
 * The unit starting at word `i` of `words` (printed words of a line), the
 * longest that matches: "% GÓP 5" at 0 → { text: "% GDP", length: 2 }.
 * A short one-word unit must match exactly once folded; longer ones may
 * have one letter in five wrong.
 */
export function unitAt(words: readonly string[], i: number): { text: string; length: number } | null {
  for (const u of units()) {
    if (i + u.words > words.length) continue;
    const candidate = fold(words.slice(i, i + u.words).join(' '));
    if (!candidate) continue;
    const ok = u.words === 1 && u.folded.length <= 4 ? candidate === u.folded : similarity(candidate, u.folded) >= 0.8;
    if (ok) return { text: u.text, length: u.words };
  }
  return null;
}

/** Whether a whole cell is one of the known units ("%", "Tỷ đồng", "Người/vạn dân"). */
export function isUnit(text: string): boolean {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  const found = words.length ? unitAt(words, 0) : null;
  return Boolean(found && found.length === words.length);
}

/**
 * The unit of two words or more an OCR printed as one token, its space lost
 * and a letter misread: "Cosd" → "Cơ sở". Compared with the unit's folded
 * letters joined, within one edit, on four letters at least. Null when none.
 */
export function gluedUnit(token: string): string | null {
  const f = fold(token).replace(/[^a-z]/gu, '');
  if (f.length < 4 || f.length !== fold(token).length) return null;
  const u = units().find((x) => x.words >= 2 && editDistance(f, x.folded.replace(/[^a-z]/gu, '')) <= 1);
  return u?.text ?? null;
}
