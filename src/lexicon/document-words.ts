import { DocumentWordsFile } from '../../schemas/index.js';
import { lazy, readDataFile } from './data-file.js';
import { fold } from './fold.js';
import { escapeRegExp } from './patterns.js';

const file = lazy(() => readDataFile('documents.json', DocumentWordsFile));

/** Document types as titles print them, longest first ("Kế hoạch hành động" before "Kế hoạch"). */
export const documentTypes = lazy((): string[] => file().types.map((t) => t.type).sort((a, b) => b.length - a.length));

/**
 * The type of a heading that is a numbered type label alone ("Phụ lục I",
 * "PHỤ LỤC SỐ 02", any case): a document that is an appendix heads itself
 * so; null for any other line.
 */
export function numberedTypeHeading(line: string): string | null {
  const text = line.trim();
  return file().types.find((t) => t.numbered && new RegExp(`^${escapeRegExp(t.type)}(?:\\s+số)?\\s*(?:[IVXLC]+|\\d+)?\\s*[.:]?$`, 'iu').test(text))?.type ?? null;
}

/**
 * A type heading alone on its line whose words an OCR glued or spaced
 * apart ("TỜTRÌNH", "QUYẾT  ĐỊNH", "K Ế HOẠCH"): the heading as the lexicon
 * spells it in capitals ("TỜ TRÌNH"); null for a line that is anything else,
 * or is printed as the lexicon spells it already. Capitals only: a heading is
 * printed so, a word of the body is not.
 */
export function respacedTypeHeading(line: string): string | null {
  const text = line.trim().replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
  if (!text || /\p{Ll}/u.test(text) || !/^[\p{Lu}\s]+$/u.test(text)) return null;
  const glued = fold(text).replace(/\s+/gu, '');
  const found = documentTypes().find((t) => fold(t).replace(/\s+/gu, '') === glued);
  const heading = found?.toUpperCase() ?? null;
  return heading && heading !== text ? heading : null;
}

/** An alternation of the document types for citations ("Nghị quyết|Kế hoạch hành động|…"). */
export function documentTypeAlternation(): string {
  return documentTypes().join('|');
}

/** The types cited by their name before the number ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15"), as an alternation. */
export function namedTypeAlternation(): string {
  return file().types.filter((t) => t.citedByName).map((t) => escapeRegExp(t.type)).join('|');
}

/** The table kinds header words name beyond the task and target roles: "Điểm số" → scores, "Nội dung góp ý" → comments. */
export function tableKindsNamedBy(header: string): Set<'scores' | 'comments' | 'schedule' | 'criteria'> {
  const text = ` ${fold(header)} `;
  const out = new Set<'scores' | 'comments' | 'schedule' | 'criteria'>();
  for (const k of file().tableKinds) if (k.headers.some((h) => text.includes(` ${fold(h)} `))) out.add(k.kind);
  return out;
}

/** Whether a line starts with the national motto or the party header, printed or as an OCR read it (compared folded: "CÔNG HÓA XÃ HỘI"). */
const motto = lazy(() => file().motto.map(fold));

export function startsWithMotto(line: string): boolean {
  const f = fold(line);
  return motto().some((m) => f === m || f.startsWith(`${m} `));
}

/** Whether a block opens the signature part ("Nơi nhận:", "T/M UBND", "KT. CHỦ TỊCH"), where the body ends. */
const signaturePatterns = lazy(() => file().signatureOpeners.map((o) => new RegExp(`^${escapeRegExp(o)}\\.?(?:[\\s:]|$)`, 'u')));

export function opensSignature(text: string): boolean {
  const t = text.trim();
  return signaturePatterns().some((re) => re.test(t));
}


/**
 * "KT. CHỦ TỊCH", "TL. CHỦ TỊCH", "T/M ỦY BAN NHÂN DÂN": an authority opener, then words in capitals.
 * An opener ending in a dot may touch the title ("KT.GIÁM ĐỐC"); one without ("KT", "Q") needs the
 * space, or "QUYẾT ĐỊNH" would be "Q" + "UYẾT ĐỊNH".
 */
const authorityPattern = lazy(() => {
  const openers = file().authorities.map((a) => `${escapeRegExp(a)}${a.endsWith('.') ? '\\s*' : '\\s+'}`);
  return new RegExp(`(?:^|\\s)((?:${openers.join('|')})\\p{Lu}[\\p{Lu}\\s.,/-]*)$`, 'u');
});

/** The authority part at the end of a line ("… - Lưu: VT. KT. GIÁM ĐỐC" → "KT. GIÁM ĐỐC"), null when the line has none. */
export function authorityAtEnd(line: string): string | null {
  // as printed: "KT.GIÁM ĐỐC" stays without the space (CONTRACT.md: the authority lines as printed)
  return authorityPattern().exec(line.trim())?.[1]?.trim() ?? null;
}

/** A head's own title printed alone in capitals over the name ("GIÁM ĐỐC", "PHÓ CHỦ TỊCH", "GIAM ĐỐC" as an OCR read it): the piece itself, less a mark standing apart at its end; null for any other piece. */
const signerTitlesFolded = lazy(() => file().signerTitles.map(fold));
/** A title line is short: "PHÓ CHÁNH VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH" at most. */
const TITLE_WORDS = 10;

export function signerTitleLine(piece: string): string | null {
  // a mark standing apart after the title is what an OCR read from the box's rule or a stroke ("LÃNH ĐẠO VĂN PHÒNG ‹"), no part of it
  const t = piece.trim().replace(/\s+[^\p{L}\p{N}]+$/u, '');
  if (!/\p{Lu}/u.test(t) || t !== t.toUpperCase() || t.split(/\s+/u).length > TITLE_WORDS) return null;
  const f = fold(t);
  return signerTitlesFolded().some((s) => f === s || f.startsWith(`${s} `)) ? t : null;
}

/** A family name a signer's printed name may start with. */
const surnameSet = lazy(() => new Set(file().surnames));

export function isSurname(word: string): boolean {
  return surnameSet().has(word.normalize('NFC'));
}

/** Each folded family name with its one spelling; a fold two names share ("La", "Lã") maps to null. */
const foldedSurnames = lazy(() => {
  const map = new Map<string, string | null>();
  for (const s of file().surnames) map.set(fold(s), map.has(fold(s)) ? null : s);
  return map;
});

/**
 * The family name a capitalised word is, as the lexicon spells it: the word
 * itself when it is one, else the one family name whose letters it has with
 * other marks (an OCR's "Đô" → "Đỗ"); null when none is, or when two names
 * share those letters ("La", "Lã"). Only for a line already taken for a
 * signer's name: "Đô" elsewhere is a word ("Đô thị").
 */
export function surnameSpelled(word: string): string | null {
  const w = word.normalize('NFC');
  if (surnameSet().has(w)) return w;
  return /^\p{Lu}\p{Ll}*$/u.test(w) ? (foldedSurnames().get(fold(w)) ?? null) : null;
}

/** "V/v báo cáo …", "Về việc cho phép …" → the subject without its opener; null for another line. */
const subjectPattern = lazy(() => new RegExp(`^\\s*(?:${file().subjectOpeners.map(escapeRegExp).join('|')})\\s*:?\\s+(.+)$`, 'u'));

export function subjectAfterOpener(line: string): string | null {
  return subjectPattern().exec(line)?.[1]?.trim() ?? null;
}

/** The recipients heading: "Nơi nhận:" at a line's start. */
export function opensRecipients(line: string): boolean {
  return line.trim().startsWith(file().recipientsOpener);
}

/** The recipients list's last entry, the archive's ("- Lưu: VT, TCBC."): a dash entry starting with the lexicon's word. */
const archivePattern = lazy(() => new RegExp(`^[-+]\\s*${escapeRegExp(file().archiveEntry)}(?=[\\s:.,;(]|$)`, 'u'));

export function isArchiveEntry(line: string): boolean {
  return archivePattern().test(line.trim());
}

/** What follows the recipients heading on its own line ("Nơi nhận: - Như trên;" → "- Như trên;"). */
export function afterRecipientsOpener(line: string): string {
  const t = line.trim();
  return t.startsWith(file().recipientsOpener) ? t.slice(file().recipientsOpener.length).replace(/^\s*:?\s*/u, '') : t;
}

/** A line of a stamp or banner: the certified-copy banner, e-signature text, the incoming-document stamp ("SAO Y; CÔNG AN TỈNH …", "Ký bởi: …", "ĐẾN Số: …"). */
const bannerPattern = lazy(() => new RegExp(`^(?:${file().banners.map((b) => (b.endsWith('$') ? `${escapeRegExp(b.slice(0, -1))}$` : `${escapeRegExp(b)}(?=[\\s;:,.]|$)`)).join('|')})`, 'u'));
export function isBannerLine(line: string): boolean {
  return bannerPattern().test(line.trim());
}

/** Military and police ranks printed before an officer's name ("Đại tá", "Trung tá"). */
export const ranks = lazy((): string[] => file().ranks);

/** Whether a text is a rank alone ("Đại tá" before "Huỳnh Ngọc Liêm" on the signer's line). */
export function isRank(text: string): boolean {
  return ranks().includes(text.trim());
}
