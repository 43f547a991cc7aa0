import { hasVietnameseDiacritic, isVietnameseSyllable } from '../core/index.js';

/** Longest glued run tried (letters): four syllables of seven letters. */
const MAX_RUN = 28;

/**
 * An OCR joins syllables when the gap between them is narrow: "SởTàichính",
 * "Cótừ", "phấnđấu", "trên3%". A token that is not one Vietnamese syllable
 * is split when its letters make a sequence of syllables in exactly one way
 * with the fewest parts, every part written as a word is (lower case, or a
 * capital first), and the split is not a guess about a foreign word: it
 * falls at a capital ("SởTài"), or the parts carry Vietnamese marks.
 * Abbreviations and foreign words ("UBND", "IoT", "online") stay whole;
 * so does anything that does not split cleanly ("Khoahọoc").
 */
export function unglue(token: string): string {
  if (isVietnameseSyllable(token) || !/\p{L}/u.test(token)) return token;
  const pieces = token.normalize('NFC').split(/(\p{L}+)/u);
  const out: string[] = [];
  let changed = false;
  for (const piece of pieces) {
    if (!piece) continue;
    if (!/^\p{L}+$/u.test(piece)) {
      out.push(piece);
      continue;
    }
    const parts = isVietnameseSyllable(piece) ? [piece] : segment(piece);
    if (!parts) return token;
    if (parts.length > 1) changed = true;
    out.push(parts.join(' '));
  }
  if (!changed && pieces.filter(Boolean).length === 1) return token;
  // a word glued to a number ("trên3%"): a space between them, punctuation stays attached;
  // capitals and digits together are a code ("PA05", "QH15", "Đ1") and stay whole
  return out.reduce((acc, p) => (acc && /\p{Ll}$/u.test(acc) && /^\p{N}/u.test(p)) || (acc && /\p{N}$/u.test(acc) && /^\p{Ll}/u.test(p)) ? `${acc} ${p}` : acc + p, '');
}

const wordShape = (s: string) => /^\p{Lu}?\p{Ll}*$/u.test(s);
const startsWithVowel = (s: string) => /^[aăâeêioôơuưy]/iu.test(s.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').normalize('NFC'));
/** Onset pairs a split must not cut: "Tàic|hính" is wrong where "Tài|chính" is right. */
const DIGRAPH_CUT = /[cgknpt]\|h|t\|r|q\|u/iu;

/**
 * Cost of a part: every part costs 10 (fewest parts first); one that starts
 * with a vowel 1 more ("Có|từ" before "Cót|ừ"), and is allowed only with a
 * mark ("ít", "ở"), since a bare "oc", "an" is as often a misread.
 */
function partCost(part: string): number {
  if (!wordShape(part) || !isVietnameseSyllable(part)) return Infinity;
  if (!startsWithVowel(part)) return 10;
  return hasVietnameseDiacritic(part) ? 11 : Infinity;
}

/** The unique cheapest split of a letter run into syllables, or null. */
function segment(run: string): string[] | null {
  if (run.length > MAX_RUN) return null;
  // best[i]: cheapest split of run[0..i), how many splits reach that cost, and where its last part starts
  const best: { cost: number; ways: number; from: number }[] = [{ cost: 0, ways: 1, from: -1 }];
  for (let i = 1; i <= run.length; i++) {
    let cur = { cost: Infinity, ways: 0, from: -1 };
    for (let j = Math.max(0, i - 7); j < i; j++) {
      const prev = best[j]!;
      if (prev.cost === Infinity) continue;
      if (j > 0 && DIGRAPH_CUT.test(`${run[j - 1]}|${run[j]}`) && !/\p{Lu}/u.test(run[j]!)) continue;
      const cost = prev.cost + partCost(run.slice(j, i));
      if (cost < cur.cost) cur = { cost, ways: prev.ways, from: j };
      else if (cost === cur.cost && cost !== Infinity) cur = { ...cur, ways: cur.ways + prev.ways };
    }
    best.push(cur);
  }
  const end = best[run.length]!;
  if (end.cost === Infinity || end.ways !== 1) return null;
  const parts: string[] = [];
  for (let i = run.length; i > 0; i = best[i]!.from) parts.unshift(run.slice(best[i]!.from, i));
  if (parts.length < 2) return null;
  const atCapital = parts.slice(1).some((p) => /^\p{Lu}/u.test(p));
  return atCapital || parts.some(hasVietnameseDiacritic) ? parts : null;
}
