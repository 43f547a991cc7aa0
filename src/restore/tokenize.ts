import { syllablesFor } from './candidates.js';
import { syllableKey } from './syllable-inventory.js';

/**
 * Splits a line into the pieces restoration works on, keeping every
 * character so the line can be put back exactly: words (letter runs),
 * numbers and document codes ("57-NQ/TW", "35/2021/QH15") kept whole, and
 * the spaces and punctuation between them.
 */
export interface Piece {
  text: string;
  kind: 'word' | 'code' | 'number' | 'space' | 'punct';
}

const PIECE = /([\p{L}\p{M}\p{N}]+(?:[-/.&][\p{L}\p{M}\p{N}]+)+)|(\p{N}+(?:[.,]\p{N}+)*)|([\p{L}\p{M}]+)|(\s+)|([^\s\p{L}\p{M}\p{N}]+)/gu;

export function tokenize(line: string): Piece[] {
  const out: Piece[] = [];
  for (const m of line.matchAll(PIECE)) {
    if (m[1] && isJoinedSyllables(m[1])) out.push(...splitJoined(m[1]));
    else if (m[1]) out.push({ text: m[1], kind: 'code' });
    else if (m[2]) out.push({ text: m[2], kind: 'number' });
    else if (m[3]) out.push({ text: m[3], kind: 'word' });
    else if (m[4]) out.push({ text: m[4], kind: 'space' });
    else out.push({ text: m[0], kind: 'punct' });
  }
  return out;
}

/**
 * Lower-case syllables joined by a dash or slash ("kinh tế-xã hội",
 * "chương trình/kế hoạch") are words, not a document code: every part
 * spells a syllable and none is upper case or a figure.
 */
export function isJoinedSyllables(code: string): boolean {
  const parts = code.split(/[-/.&]/u);
  return parts.every((p) => /^[\p{Ll}\p{M}]+$/u.test(p) && syllablesFor(syllableKey(p)).length > 0);
}

function splitJoined(code: string): Piece[] {
  return code.split(/([-/.&])/u).filter(Boolean).map((text) => ({ text, kind: /^[-/.&]$/u.test(text) ? ('punct' as const) : ('word' as const) }));
}

/** Punctuation that ends a clause: the language model starts again after it. */
export const CLAUSE_END = /[.;:!?()]/u;

/** A tab parts table cells (Word texts, text exports): the next cell is not the same sentence. */
export const CELL_BREAK = /\t/u;

/** Does this piece end a clause, by punctuation or a cell break? */
export function endsClause(p: Piece): boolean {
  return (p.kind === 'punct' && CLAUSE_END.test(p.text)) || (p.kind === 'space' && CELL_BREAK.test(p.text));
}

/** The symbols the language model sees for a line: lower-case words, <num> and <code>, <s> at clause starts. */
export function modelTokens(pieces: readonly Piece[]): string[] {
  const out: string[] = [];
  for (const p of pieces) {
    if (p.kind === 'word') out.push(p.text.toLowerCase().normalize('NFC'));
    else if (p.kind === 'number') out.push('<num>');
    else if (p.kind === 'code') out.push('<code>');
    else if (endsClause(p)) out.push('</s>');
  }
  return out;
}

/** Letters with digits or symbols inside them are one word in OCR noise ("d6i", "S&", "ctia", "tr1en"); codes stay codes. */
const NOISY_WORD = /^(?=.*[\p{L}€&§])[\p{L}\p{M}\d&§$@€¢¥£]+$/u;

/** A short syllable an OCR read without a single letter: "1€" (lệ), "1&" (lệ): a figure and a sign the channel maps to letters. */
const LETTERLESS_SYLLABLE = /^\d{1,2}[€&§]$/u;

/** A sign standing alone between spaces is a short syllable the OCR could not read ("&" for "ở"): Vietnamese prose writes "và" out. */
const LONE_SIGN = /^[&§]$/u;

/**
 * A horn drawn apart from its letter: fonts whose "ư"/"ơ" horn stands off the
 * stem (Times) come back from an English-model OCR as "u’"/"o’" ("du’ng",
 * "phu’ong", "nu‘oc"). Such a word is one word when its letters, the mark left
 * out, spell a syllable; otherwise ("co'khi") the quote stays a separator.
 */
const HORN_APART = /^[\p{L}\d]*[uoUO][’'‘][\p{L}\d]+$/u;
const hornApart = (word: string): boolean => HORN_APART.test(word) && syllablesFor(syllableKey(word.replace(/[’'‘]/gu, ''))).length > 0;

/**
 * Capitals joined by "&" ("R&D", "KH&CN", "NN&PTNT") are an acronym, never
 * a garbled syllable: the "&" an English model prints for "ở" ("S&" for
 * "Sở") ends a letter, it does not stand between capitals.
 */
const AMPERSAND_ACRONYM = /^\p{Lu}+(?:&\p{Lu}+)+$/u;

/** Like `tokenize`, but a code or number mixed with letters the way OCR garbles a syllable is taken as a word. */
export function tokenizeNoisy(line: string): Piece[] {
  const pieces: Piece[] = [];
  for (const part of line.split(/(\s+)/u)) {
    if (!part) continue;
    const core = /^([^\p{L}\p{N}&§$@€¢¥£]*)(.*?)([^\p{L}\p{N}&§$@€¢¥£]*)$/u.exec(part);
    const word = core?.[2] ?? '';
    const lettered = /\p{L}/u.test(word) || LETTERLESS_SYLLABLE.test(word) || LONE_SIGN.test(part);
    const noisy = NOISY_WORD.test(word) && lettered && !/^\d+$/u.test(word) && word.length <= 8 && !/^\p{Lu}{2,}\d*$/u.test(word) && !AMPERSAND_ACRONYM.test(word);
    if (word && (hornApart(word) || noisy)) {
      if (core?.[1]) pieces.push(...tokenize(core[1]));
      pieces.push({ text: word, kind: 'word' });
      if (core?.[3]) pieces.push(...tokenize(core[3]));
    } else pieces.push(...tokenize(part));
  }
  return pieces;
}
