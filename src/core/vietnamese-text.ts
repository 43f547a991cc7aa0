/**
 * Vietnamese text helpers shared by stages: tone and diacritic handling and a
 * structural check of syllables (onset + rhyme), built from the orthography
 * rather than from a word list.
 */

/** The five tone marks as combining characters (huyền, sắc, hỏi, ngã, nặng). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** Any combining mark (tones plus breve, circumflex, horn). */
const COMBINING = /[\u0300-\u036f]/gu;

/** Letters that only occur in Vietnamese with a diacritic. */
const DIACRITIC_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/iu;

/** True when the token carries a Vietnamese diacritic ("đổi": yes, "doi": no). */
export function hasVietnameseDiacritic(token: string): boolean {
  return DIACRITIC_LETTER.test(token.normalize('NFC'));
}

/** Removes tone marks only: "đổi" → "đôi". */
export function stripTones(text: string): string {
  return text.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
}

/** Removes every diacritic, đ → d: "Đổi mới" → "Doi moi". */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

// Onsets, longest first so "ngh" wins over "ng" and "n".
const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
// Vowel nuclei (toneless), including glides: "oa", "uyê", "ươ", "iê", …
const NUCLEUS =
  '(?:uyê|uya|oai|oay|oao|oeo|uây|uôi|ươi|ươu|iêu|yêu|uyu|oă|oa|oe|uâ|uê|uy|uô|ươ|iê|yê|ia|ua|ưa|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)';
const CODA = '(?:ch|ng|nh|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`, 'u');

/**
 * True when `token` has the shape of a Vietnamese syllable, ignoring tone
 * marks and case: "nghiêng", "Đổi", "khuya" yes; "d6i", "ctia", "strength" no.
 * Structural only: it accepts a few shapes Vietnamese never uses.
 */
export function isVietnameseSyllable(token: string): boolean {
  const t = stripTones(token.toLowerCase());
  if (!t || t.length > 7) return false;
  return SYLLABLE.test(t);
}
