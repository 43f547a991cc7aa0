import { isVietnameseSyllable, stripDiacritics } from '../core/index.js';
import type { Line } from '../../schemas/index.js';
import { documentTypes, numberedTypeHeading, startsWithAgencyHead, startsWithMotto } from '../lexicon/index.js';

/**
 * Readers for the fields of a plan's header block, each on one line of text.
 * Vietnamese administrative documents print them in fixed forms
 * (Nghị định 30/2020/NĐ-CP): "Số: 44/KH-UBND", "Hải Phòng, ngày 12 tháng 02 năm 2025".
 */

/**
 * "Số: 44 /KH-UBND" → "44/KH-UBND"; a number left blank keeps the printed
 * part: "Số:      /KH-BQL" → "/KH-BQL", "Số      -KH/TU" → "-KH/TU".
 */
export function readDocumentNumber(line: string): string | null {
  // code parts start with a capital or a digit and may go on in lower case ("TTr"), or carry a unit in brackets ("CAT(PA05)")
  // (an OCR may print the capital in small letters, "số: /QĐ-UBND": then the colon must follow, as no sentence's "số …" has one)
  const m = /^\s*(?:S[ốô]\s*:?|s[ốô]\s*:)\s*([0-9]*\s*[-/]?\s*[0-9A-ZĐ&][0-9A-Za-zĐđ&]*(?:\s*[-/]\s*[0-9A-ZĐ&][0-9A-Za-zĐđ&]*(?:\([0-9A-Z]+\))?)+)/u.exec(line);
  if (m?.[1]) return m[1].replace(/\s+/gu, '');
  // digits written by hand and misread ("Số:SŠ22?/BTP-BTTP"): the printed code after them, as for a number left blank
  const code = /^\s*(?:S[ốôo]\s*:?|s[ốô]\s*:)\s*\S{0,8}?([-/]\p{Lu}{2,}[0-9A-Za-zĐđ&]*(?:[-/][0-9A-ZĐ][0-9A-Za-zĐđ&]*(?:\([0-9A-Z]+\))?)*)(?:\s|$)/u.exec(line);
  return code?.[1] ?? null;
}

/** A number line, however an OCR garbled it ("SỐØÕZCAT-PA05"): never part of the agency block. */
export function looksLikeNumberLine(line: string): boolean {
  return /^\s*(?:S[ỐốÔôOo0](?!\p{Ll})|s[ốô]\s*:)/u.test(line);
}

/**
 * The number an appendix gives its document when the header has none (a
 * text copy that lost it): "(Kèm theo Kế hoạch hành động số -KH/TU, ngày …)"
 * → "-KH/TU".
 */
export function numberFromAttachmentLine(text: string, docType: string | null): string | null {
  const m = /Kèm theo\s+([\p{L} ]+?)\s(số\s*:?[^,;)\n]*)/u.exec(text);
  // only when it names this document's type: a plan "kèm theo Quyết định số …" has the decision's number
  if (!m?.[1] || !m[2] || !docType || m[1].toLowerCase() !== docType.toLowerCase()) return null;
  return readDocumentNumber(`S${m[2].slice(1)}`);
}

export interface PlaceDate {
  place: string;
  /** ISO date, null when the day or month is left blank. */
  date: string | null;
  year: number | null;
}

/** "Hải Phòng, ngày 12 tháng 02 năm 2025" → Hải Phòng, 2025-02-12; "…, ngày   tháng 6 năm 2026" → date null. */
export function readPlaceDate(line: string): PlaceDate | null {
  // a text input has no columns: the number beside the place ("Số: /KH-BQL Hải Phòng, ngày …") comes first on the line,
  // its figure apart from the code where an e-signature drew it ("Số: 1547 /SNV-TCBC Lâm Đồng, ngày …")
  // a day written by hand may come out of OCR as specks glued to "tháng" ("ngày 2Otháng 8") or in pieces ("ngày 4 A tháng"): read as no day
  const m = /^\s*(?:(?:Số|SỐ)\s*:?\s*(?:\S*\s*\/\S*|\S*)\s+)?([\p{L}][\p{L} .'-]*?),\s*ngày\s*([^,\s](?:[^,\n]{0,4}[^,\s])?)??\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})?/u.exec(line);
  if (!m?.[1]) return null;
  const [day, month, year] = [/^\d{1,2}$/u.test(m[2] ?? '') ? m[2] : undefined, m[3], m[4]].map((v) => (v ? Number(v) : null));
  const valid = day && month && year && month <= 12 && day <= 31;
  const date = valid ? `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
  return { place: m[1].trim(), date, year: year ?? null };
}


/** "KẾ HOẠCH Khoa học và Công nghệ năm 2026" → { docType: "Kế hoạch", rest: "Khoa học và Công nghệ năm 2026" }. */
export function readDocType(line: string): { docType: string; rest: string } | null {
  // specks an OCR read beside a title (".. KẾ HOẠCH HÀNH ĐỘNG") are no part of it
  const text = line.trim().replace(/^[\p{P}\p{S}\s]+/u, '');
  // the lexicon's document types, as titles print them in capitals, longest first
  // a document that is an appendix heads itself "Phụ lục I": the label is its number, not its title
  const numbered = numberedTypeHeading(text);
  if (numbered) return { docType: numbered, rest: '' };
  const found = documentTypes().find((t) => text === t.toUpperCase() || text.startsWith(`${t.toUpperCase()} `));
  return found ? { docType: found, rest: text.slice(found.length).trim() } : null;
}

/** National motto and party header lines, which are not part of the issuer. */
export function isMottoLine(line: string): boolean {
  return startsWithMotto(line.trim()) || /^[-_*\s]+$/u.test(line.trim());
}

/**
 * The left column of a header line in a text input, which has no columns:
 * "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" → "ỦY BAN NHÂN DÂN"
 * (the motto starts the right column), "BAN QUẢN LÝ KHU PRUNES A ưu" → "BAN
 * QUẢN LÝ KHU" (a line in capitals stops at a word no syllable is, or one in
 * lower case: marks the OCR read from a seal or a rule).
 */
export function leftColumnOfRow(text: string): string {
  const words = text.trim().split(/\s+/u);
  const folded = words.map((w) => stripDiacritics(w.normalize('NFC')).toLowerCase());
  let end = words.length;
  for (let i = 1; i < words.length; i++) {
    // the national motto or party header starts the right column, also as an OCR read it ("CÔNG HÓA XÃ HỘI …")
    if (startsWithMotto(folded.slice(i, i + 4).join(' '))) {
      end = i;
      break;
    }
  }
  const kept = words.slice(0, end);
  const capitals = kept.join('').replace(/[^\p{L}]/gu, '');
  if (capitals && kept.filter((w) => /^\p{Lu}/u.test(w)).length >= kept.length / 2) {
    // abbreviations are short ("UBND", "TP", "BQL") or carry a sign ("KH&CN"): a longer word no syllable is, is not one
    const isJunk = (w: string): boolean => /^\p{Ll}/u.test(w) || (w.length >= 5 && /^\p{L}+$/u.test(w) && !isVietnameseSyllable(w));
    const junk = kept.findIndex((w, i) => i > 0 && isJunk(w.replace(/[.,;:]+$/u, '')));
    if (junk > 0) return kept.slice(0, junk).join(' ');
  }
  return kept.join(' ');
}

/** How many words an author's name under a title may have ("Bộ Y tế", "Sở Khoa học và Công nghệ tỉnh Lâm Đồng"). */
const BYLINE_WORDS = 10;

/**
 * The line under a title that names only its author, as a conference paper
 * prints it ("THAM LUẬN / Những nội dung … / Bộ Y tế"): an agency name
 * alone (an agency head, not in capitals, no figure, quote or stop), after
 * at least one title line and before the body (`endsTitle`). -1 when
 * there is none.
 */
export function bylineAt(lines: readonly Pick<Line, 'text'>[], typeAt: number, endsTitle: (text: string) => boolean): number {
  let titleLines = 0;
  for (let i = typeAt + 1; i < Math.min(lines.length, typeAt + 7); i++) {
    const text = lines[i]!.text.trim();
    if (!/\p{L}/u.test(text)) continue;
    if (endsTitle(text)) return -1;
    // in capitals under a title it is the authority that decides ("ỦY BAN NHÂN DÂN TỈNH …"), not an author
    const bare = /^[\p{L}\s,&-]+$/u.test(text) && /\p{Ll}/u.test(text) && text.split(/\s+/u).length <= BYLINE_WORDS;
    if (titleLines > 0 && bare && startsWithAgencyHead(text)) return i;
    titleLines += 1;
  }
  return -1;
}
