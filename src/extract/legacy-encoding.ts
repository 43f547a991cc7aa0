import { toTCVN3, toVNI } from 'vietnamese-conversion';
import { measureTextQuality, type TextQualityVerdict } from '../core/index.js';

/**
 * Legacy 8-bit Vietnamese encodings still common in government PDFs: TCVN3
 * (ABC, ".VnTime" fonts: "Ch­¬ng tr×nh" = "Chương trình") and VNI ("VNI-Times":
 * "Chöông trình"). Their text layers come out of pdfjs as Latin-1 mojibake.
 *
 * The code tables come from the `vietnamese-conversion` package (its encoders);
 * decoding is ours, longest match first, because that package's VNI decoder
 * reads "ôù" as "ơ" + "ù" instead of "ớ".
 */
export type LegacyEncoding = 'tcvn3' | 'vni';

const LETTERS = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';

function decodeTable(encode: (s: string, from: string) => string): Map<string, string> {
  const letters = [...LETTERS, ...LETTERS.toUpperCase()];
  // a letter the encoding writes as itself keeps its code ("ì" in VNI); the package maps a
  // few other letters onto such codes by mistake ("ỹ" → "ì"), which must not take them over
  const reserved = new Set(letters.filter((ch) => encode(ch, 'unicode') === ch));
  const table = new Map<string, string>();
  // lower case first: a code shared by both cases (TCVN3 has no capitals with tones) reads as lower case
  for (const ch of letters) {
    const code = encode(ch, 'unicode');
    if (!code || code === ch || table.has(code) || reserved.has(code)) continue;
    table.set(code, ch);
    // pdfjs normalizes extracted text with NFKC, which turns TCVN3's "µ" (à) into Greek "μ"
    const compat = code.normalize('NFKC');
    if (compat !== code && !/^[\x00-\x7f]+$/u.test(compat) && !table.has(compat)) table.set(compat, ch);
  }
  return table;
}

/** The decoding tables, built on first use: about 0.2 s of CPU that a document without legacy fonts never needs. */
let tables: Record<LegacyEncoding, Map<string, string>> | null = null;
const tablesOf = (): Record<LegacyEncoding, Map<string, string>> => (tables ??= { tcvn3: decodeTable(toTCVN3), vni: decodeTable(toVNI) });

/** Decodes `text` from a legacy encoding, longest code first. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  const table = tablesOf()[encoding];
  let out = '';
  for (let i = 0; i < text.length; ) {
    const two = text.slice(i, i + 2);
    const hit2 = two.length === 2 ? table.get(two) : undefined;
    if (hit2) {
      out += hit2;
      i += 2;
      continue;
    }
    const ch = text[i] ?? '';
    out += table.get(ch) ?? ch;
    i += 1;
  }
  return out.normalize('NFC');
}

const RANK: Record<TextQualityVerdict, number> = { good: 3, 'no-diacritics': 1, noisy: 0, empty: 0 };
/** A decoding is accepted only when nearly every syllable comes out valid (clean seeds: 0.996+). */
const MIN_DECODED_VALID = 0.95;
const MAX_DECODED_GARBAGE = 0.01;

/**
 * Decides whether a page's text is in a legacy encoding: each candidate
 * decoding is scored as Vietnamese, and one is taken only when it turns a
 * bad page into a good one. Font names (".VnTime", "VNI-Times") are a hint
 * that makes the check run even on a page that looks passable.
 */
export function detectLegacyEncoding(text: string, fontNames: readonly string[] = []): LegacyEncoding | null {
  // a page with no text (a scan) has nothing a decoding could improve
  if (!text.trim()) return null;
  const hinted = fontNames.some((f) => /^\.?vn[a-z]/iu.test(f) || /^vni[-_ ]/iu.test(f));
  const before = measureTextQuality(text);
  if (before.verdict === 'good' && !hinted) return null;
  let best: { encoding: LegacyEncoding; score: number } | null = null;
  for (const encoding of ['tcvn3', 'vni'] as const) {
    const q = measureTextQuality(decodeLegacy(text, encoding));
    const score = RANK[q.verdict] + q.validSyllableShare;
    // a real legacy layer decodes to clean Vietnamese; OCR noise decoded by chance only looks passable
    const clean = q.verdict === 'good' && q.validSyllableShare >= MIN_DECODED_VALID && q.garbageRatio <= MAX_DECODED_GARBAGE;
    if (clean && score > RANK[before.verdict] + before.validSyllableShare && (!best || score > best.score)) best = { encoding, score };
  }
  return best?.encoding ?? null;
}
