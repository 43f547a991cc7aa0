import { isVietnameseSyllable, similarity, stripDiacritics } from '../core/index.js';

/**
 * What the text-row table reader recognises by its words alone, the text
 * having no positions: header phrases, units and the words agency names
 * start with. Matching is on folded text (no diacritics, lower case), so
 * an OCR that lost or garbled the marks still matches ("Pon vị" → "Đơn vị",
 * "Thủ bắc" → "Thứ bậc").
 */

/** Columns the readers can rebuild from text rows: an indicator table's, then an assignment table's own. */
export type TextRowRole = 'code' | 'name' | 'unit' | 'target' | 'lead' | 'task' | 'cooperating' | 'timeline';

/** "Đơn vị" → "don vi"; punctuation other than % and / becomes a space. */
export function fold(text: string): string {
  return stripDiacritics(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9%/\s]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Header phrases, longest first ("đơn vị chủ trì" is the lead, not the unit), with the text the header cell is given. */
const HEADER_PHRASES: readonly [TextRowRole, string, string][] = [
  ['task', 'noi dung cong viec', 'Nội dung công việc'],
  ['task', 'noi dung nhiem vu', 'Nội dung nhiệm vụ'],
  ['timeline', 'thoi gian thuc hien', 'Thời gian thực hiện'],
  ['timeline', 'thoi gian hoan thanh', 'Thời gian hoàn thành'],
  ['timeline', 'tien do thuc hien', 'Tiến độ thực hiện'],
  ['cooperating', 'co quan phoi hop', 'Cơ quan phối hợp'],
  ['cooperating', 'don vi phoi hop', 'Đơn vị phối hợp'],
  ['lead', 'co quan chu tri', 'Cơ quan chủ trì theo dõi, đánh giá'],
  ['lead', 'don vi chu tri', 'Đơn vị chủ trì'],
  ['lead', 'co quan theo doi', 'Cơ quan theo dõi'],
  ['unit', 'don vi tinh', 'Đơn vị tính'],
  ['unit', 'don vi', 'Đơn vị'],
  ['name', 'chi tieu', 'Chỉ tiêu'],
  ['target', 'ket qua', 'Kết quả'],
  ['target', 'muc tieu', 'Mục tiêu'],
  ['task', 'nhiem vu', 'Nhiệm vụ'],
  ['timeline', 'thoi gian', 'Thời gian thực hiện'],
];

/** The printed header text of each role, as the records stage reads it. */
export const HEADER_TEXT: Record<TextRowRole, string> = {
  code: 'TT',
  name: 'Chỉ tiêu',
  unit: 'Đơn vị',
  target: 'Kết quả',
  lead: 'Cơ quan chủ trì theo dõi, đánh giá',
  task: 'Nội dung công việc',
  cooperating: 'Cơ quan phối hợp',
  timeline: 'Thời gian thực hiện',
};

/** Similarity a folded phrase must reach: one letter in six may be wrong ("pon vi" / "don vi"). */
const PHRASE_SIMILARITY = 0.8;

/** Header words that name no column on their own ("TT", "theo dõi, đánh giá" under "Cơ quan chủ trì"). */
const HEADER_FILLER = new Set(['tt', 'stt', 'tu', 'theo', 'doi', 'danh', 'gia', 'tinh', 'nam', 'thuc', 'hien']);
/** Share of a line's words that header phrases and fillers must cover: a header line holds nothing else. */
const HEADER_COVER = 0.6;

/**
 * The header roles named in a line, in the order they appear:
 * "TƯ Chỉ tiêu Pon vị Kết quả theo đổi" → name, unit, target. Empty for a
 * line of prose that happens to use the words ("… các chỉ tiêu, kết quả …").
 */
export function headerRolesIn(line: string): { role: TextRowRole; text: string }[] {
  const words = fold(line).split(' ').filter((w) => /[a-z]/u.test(w));
  const found: { role: TextRowRole; text: string; at: number }[] = [];
  const taken = new Set<number>();
  for (const [role, phrase, text] of HEADER_PHRASES) {
    const n = phrase.split(' ').length;
    for (let i = 0; i + n <= words.length; i++) {
      if ([...Array(n).keys()].some((k) => taken.has(i + k))) continue;
      if (similarity(words.slice(i, i + n).join(' '), phrase) < PHRASE_SIMILARITY) continue;
      for (let k = 0; k < n; k++) taken.add(i + k);
      found.push({ role, text, at: i });
    }
  }
  // stray marks an OCR read from the header's borders ("tfe", "i") count neither way
  const counted = words.map((w, i) => ({ w, i })).filter(({ w, i }) => taken.has(i) || HEADER_FILLER.has(w) || (w.length >= 2 && isVietnameseSyllable(w)));
  const covered = counted.filter(({ w, i }) => taken.has(i) || HEADER_FILLER.has(w)).length;
  if (!found.length || covered < counted.length * HEADER_COVER) return [];
  return found.sort((a, b) => a.at - b.at).map(({ role, text }) => ({ role, text }));
}

/**
 * Units of indicators as plans print them (folded, with their printed form).
 * A closed class: measures, counts of things, ranks.
 */
const UNITS: readonly string[] = [
  '% GDP', '% dân số', '% tổng chi ngân sách nhà nước', '%/năm', '%', 'Thứ bậc', 'Thứ hạng', 'Xếp hạng', 'Người/vạn dân',
  'Số doanh nghiệp/1000 dân', 'Doanh nghiệp', 'Tổ chức, doanh nghiệp', 'Tổ chức', 'Cơ sở', 'Đơn vị', 'Người', 'Hộ', 'Lượt',
  'Lần', 'Điểm', 'Chỉ số', 'Sản phẩm', 'Tỷ đồng', 'Triệu đồng', 'USD', 'Km', 'Ha', 'Xã', 'Phường', 'Quận', 'Huyện',
];
const FOLDED_UNITS = UNITS.map((u) => ({ text: u, folded: fold(u), words: fold(u).split(' ').length })).sort((a, b) => b.words - a.words);

/**
 * The unit starting at word `i` of `words` (printed words of a line), the
 * longest that matches: "% GÓP 5" at 0 → { text: "% GDP", length: 2 }.
 * A one-word unit must match exactly once folded; longer ones may have one
 * letter in five wrong.
 */
export function unitAt(words: readonly string[], i: number): { text: string; length: number } | null {
  for (const u of FOLDED_UNITS) {
    if (i + u.words > words.length) continue;
    const candidate = fold(words.slice(i, i + u.words).join(' '));
    if (!candidate) continue;
    const ok = u.words === 1 && u.folded.length <= 4 ? candidate === u.folded : similarity(candidate, u.folded) >= 0.8;
    if (ok) return { text: u.text, length: u.words };
  }
  return null;
}

/**
 * The words agency names start with. Multi-word heads stand alone ("Công
 * an thành phố", "Ủy ban nhân dân các quận"); a one-word head needs a
 * capitalised word after it ("Sở Y tế", not "cơ sở giáo dục").
 */
const AGENCY_HEADS: readonly string[] = [
  'van phong', 'cong an', 'ngan hang', 'uy ban', 'ubnd', 'bo chi huy', 'kho bac', 'mat tran', 'lien doan', 'trung tam', 'thanh doan', 'so', 'ban', 'cuc', 'chi cuc',
];
const FOLDED_HEADS = AGENCY_HEADS.map((h) => ({ folded: h, words: h.split(' ').length }));

/** True when an agency name starts at word `i`: "Sở Khoa học…", "Văn phòng Ủy ban…", "Ngoan hàng Nhà nước" (OCR). */
export function agencyStartsAt(words: readonly string[], i: number): boolean {
  const first = words[i] ?? '';
  if (!/^\p{Lu}/u.test(first)) return false;
  for (const h of FOLDED_HEADS) {
    if (i + h.words > words.length) continue;
    const candidate = fold(words.slice(i, i + h.words).join(' '));
    if (h.words === 1) {
      const next = words[i + 1] ?? '';
      // "Sở" as an English-model OCR prints it when restoration could not read it: "S¢&", "S§"
      const garbledSo = h.folded === 'so' && /^S[¢&§$@€£]{1,3}$/u.test(first);
      if ((candidate === h.folded || garbledSo) && /^\p{Lu}/u.test(next)) return true;
    } else if (similarity(candidate, h.folded) >= 0.8) return true;
  }
  return false;
}

/** A word that reads as Vietnamese or as a figure (what garbage lines lack). */
export function isMeaningfulWord(word: string): boolean {
  const bare = word.replace(/^[^\p{L}\p{N}%]+|[^\p{L}\p{N}%]+$/gu, '');
  if (!bare) return false;
  if (/^\d{2,}/u.test(bare) || bare === '%') return true;
  return bare.length >= 2 && (isVietnameseSyllable(bare) || /^[\p{L}\p{N}/.-]{3,}$/u.test(bare));
}

/**
 * An OCR of table borders and shading leaves lines of stray marks
 * (". N 3 ~ e A 0 \ A", "8’ - - Y 9 2 Y"): fewer than two meaningful words
 * and not a figure, a unit or a row number on its own.
 */
export function isGarbageLine(line: string): boolean {
  const words = line.split(/\s+/u).filter(Boolean);
  if (!words.length) return true;
  if (words.length <= 3 && (unitAt(words, 0) || /^[-–≥≤<>=~]?\s*\d/u.test(line.trim()))) return false;
  return words.filter(isMeaningfulWord).length < Math.min(2, words.length) || words.filter(isMeaningfulWord).length / words.length < 0.3;
}
