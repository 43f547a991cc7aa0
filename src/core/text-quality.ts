import type { TextQuality } from '../../schemas/index.js';
import { hasVietnameseDiacritic, isVietnameseSyllable } from './vietnamese-text.js';

/** Thresholds of the verdict; see BENCHMARKS.md for how they separate the fixtures. */
export const QUALITY_THRESHOLDS = {
  /** Fewer letter tokens than this: nothing worth reading (image-only page). */
  minTokens: 5,
  /** Above this share of garbled tokens ("d6i", "S&"), the layer is OCR noise. */
  maxGarbage: 0.04,
  /** Below this share of well-formed syllables, the layer is noise. */
  minValidSyllables: 0.8,
  /** Below this share of tokens with diacritics, the text lost them. Clean prose: 0.55–0.8. */
  minDiacriticDensity: 0.25,
} as const;

// A symbol or digit glued inside a word: OCR confusions like "d6i", "S&", "B§".
const GARBLED = /\p{L}[0-9&$§@¥£©®«»|\\~^]|[0-9&$§@¥£|\\~^]\p{L}/u;
// Document codes and numbers are not garbage: "57-NQ/TW", "2026-2030", "5G", "01".
const CODE_LIKE = /[/\-.:]|^\d+\p{L}{0,2}$|^\p{Lu}{2,}\d*$/u;
// All-caps abbreviations are not syllables and say nothing about diacritics.
const ABBREVIATION = /^(?:\p{Lu}{2,6}|\p{Lu}+&\p{Lu}+)$/u;

const GARBLED_TOKEN = 1;
const LETTERS = 2;
const VALID = 4;
const DIACRITIC = 8;
/** Tokens repeat a great deal ("và", "của", "Sở"): each is judged once. Cleared when it grows past this. */
const CACHE_MAX = 50_000;
const kinds = new Map<string, number>();

/** What a token is, as bit flags: garbled, a word of letters, a well-formed syllable, with diacritics. */
function tokenKind(token: string): number {
  const known = kinds.get(token);
  if (known !== undefined) return known;
  let kind = GARBLED.test(token) && !CODE_LIKE.test(token) ? GARBLED_TOKEN : 0;
  if (/^\p{L}+$/u.test(token) && !ABBREVIATION.test(token)) {
    kind |= LETTERS;
    if (isVietnameseSyllable(token)) kind |= VALID;
    if (hasVietnameseDiacritic(token)) kind |= DIACRITIC;
  }
  if (kinds.size >= CACHE_MAX) kinds.clear();
  kinds.set(token, kind);
  return kind;
}

/**
 * Scores how usable a page's text is as Vietnamese:
 * clean digital text → good; typed without accents → no-diacritics;
 * English-model OCR of Vietnamese ("d6i méi", "S&", "ctia") → noisy.
 */
export function measureTextQuality(text: string): TextQuality {
  const tokens = text
    .split(/\s+/u)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}&§$@]+$/gu, ''))
    .filter(Boolean);
  let letters = 0;
  let valid = 0;
  let withDiacritic = 0;
  let garbled = 0;
  for (const token of tokens) {
    const kind = tokenKind(token);
    if (kind & GARBLED_TOKEN) garbled++;
    if (!(kind & LETTERS)) continue;
    letters++;
    if (kind & VALID) valid++;
    if (kind & DIACRITIC) withDiacritic++;
  }
  const t = QUALITY_THRESHOLDS;
  const validSyllableShare = letters ? valid / letters : 0;
  const diacriticDensity = letters ? withDiacritic / letters : 0;
  const garbageRatio = tokens.length ? garbled / tokens.length : 0;
  const verdict =
    letters < t.minTokens
      ? 'empty'
      : garbageRatio > t.maxGarbage || validSyllableShare < t.minValidSyllables
        ? 'noisy'
        : diacriticDensity < t.minDiacriticDensity
          ? 'no-diacritics'
          : 'good';
  return { validSyllableShare, diacriticDensity, garbageRatio, tokens: tokens.length, verdict };
}

export type TextQualityVerdict = TextQuality['verdict'];
