import { hasVietnameseDiacritic } from '../core/index.js';
import { inventoryByKey } from './syllable-inventory.js';

/** Every syllable of the inventory that loses its diacritics to `key` ("nang" → nang, nàng, nâng, nắng, …). */
export function syllablesFor(key: string): readonly string[] {
  return inventoryByKey(key) ?? [];
}

/**
 * The readings a word may have had before it lost its diacritics. A word
 * that still has them is taken as written (restoration never makes correct
 * text worse); so is a word no Vietnamese syllable strips down to (UBND,
 * IoT, logistics).
 */
export function candidatesFor(word: string): string[] {
  const lower = word.toLowerCase().normalize('NFC');
  if (hasVietnameseDiacritic(lower)) return [lower];
  const options = syllablesFor(lower);
  return options.length ? [...options] : [lower];
}

/** Puts `reading` in the case pattern of `original`: "KE" + "kế" → "KẾ", "Ha" + "hà" → "Hà". */
export function matchCase(original: string, reading: string): string {
  // judge by the letters only: "B6" is a capitalised word, "KE" an upper-case one
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return reading.toUpperCase();
  if (original[0] && original[0] === original[0].toUpperCase() && original[0] !== original[0].toLowerCase())
    return (reading[0]?.toUpperCase() ?? '') + reading.slice(1);
  return reading;
}
