import { AssignmentWordsFile } from '../../schemas/index.js';
import { bodyNouns } from './agency-lexicon.js';
import { lazy, readDataFile } from './data-file.js';
import { alternationOf } from './patterns.js';

/**
 * Where in a document a sentence stands, as far as assigning goes: a
 * decision's closing formula, a report's parts, an annex after the
 * signature, a heading that names things rather than bodies, and the
 * recurring periods and conditions around a task. The words are
 * assignments.json's.
 */
const file = lazy(() => readDataFile('assignments.json', AssignmentWordsFile));
const none = '(?!)';
const alt = (list: readonly string[]): string => (list.length ? alternationOf(list) : none);

/**
 * "… Chủ tịch Hội Khuyến học tỉnh và Thủ trưởng các cơ quan có liên quan
 * căn cứ Quyết định thi hành./.": the formula closing a decision, after the
 * bodies that carry it out; null when the clause does not end so.
 */
const executionClause = lazy(() => new RegExp(`\\s(${alt(file().executionClauses)})[\\s./]*$`, 'iu'));
export function executionClauseIn(clause: string): { raw: string; index: number } | null {
  const m = executionClause().exec(clause);
  return m?.[1] ? { raw: m[1], index: m.index + m[0].indexOf(m[1]) } : null;
}

/** Reports to a superior ("Báo cáo"): their sentences tell what was done. */
export function isReportType(type: string | null): boolean {
  return type !== null && file().reportTypes.includes(type);
}

/**
 * Whether a report's part, by its headings from the nearest up, is about
 * what is to be done ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026"), not what was
 * ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "II. CÔNG TÁC QUẢN LÝ …") nor what the
 * report proposes ("IV. ĐỀ XUẤT, KIẾN NGHỊ").
 */
const forward = lazy(() => new RegExp(`(?:^|[^\\p{L}])(?:${alt(file().reportForwardSections)})(?![\\p{L}])`, 'iu'));
const past = lazy(() => new RegExp(`(?:^|[^\\p{L}])(?:${alt(file().reportPastSections)})(?![\\p{L}])`, 'iu'));
export function isForwardReportPart(headings: readonly string[]): boolean {
  return headings.some((h) => forward().test(h) && !past().test(h));
}

/** "PHỤ LỤC I", "(Kèm theo Quyết định số …)": an annex begins; the decision's own articles have ended. */
const annex = lazy(() => new RegExp(`^\\s*(?:${alt(file().annexMarkers)})`, 'u'));
export function opensAnnex(text: string): boolean {
  return annex().test(text);
}

/**
 * Whether the words after a heading's "Các"/"Những" name bodies or people
 * ("Các sở, ngành", "Các Bộ: …", "Các thành viên …") rather than things
 * ("Những kết quả đạt được", "Các nội dung …").
 */
const bodyAfterGroup = lazy(() => new RegExp(`^(?:${alt([...bodyNouns(), ...file().headingBodyNouns])})(?![\\p{L}])`, 'iu'));
export function namesBodiesAfterGroupWord(rest: string): boolean {
  const t = rest.trim();
  return /^\p{Lu}/u.test(t) || bodyAfterGroup().test(t);
}

/**
 * "Trong quá trình triển khai thực hiện, nếu có vấn đề phát sinh, " before
 * an item's "chủ trì, phối hợp với …": the period (the task's timeline),
 * when the text is a period alone or a period then a condition; null
 * otherwise. `isPeriod` says what a period phrase is (assignment-words).
 */
const condition = lazy(() => new RegExp(`^(?:${alt(file().conditionOpeners)})\\s`, 'iu'));
export function periodBeforeCondition(text: string, isPeriod: (t: string) => boolean): string | null {
  const parts = text.replace(/[,\s]+$/u, '').split(/,\s+/u);
  const period = parts[0]?.trim() ?? '';
  if (!period || !isPeriod(period)) return null;
  return parts.length === 1 || condition().test(parts.slice(1).join(', ')) ? period : null;
}

/**
 * A recurring period that opens a sentence of a task: "Hàng năm tổ chức
 * kiểm tra …", "Định kỳ 6 tháng và hằng năm tổng hợp, báo cáo …" ("Định
 * kỳ" runs to its unit of time and an "và hằng …" after it). Each is taken
 * out of the task, in printed order.
 */
const UNIT = '(?:năm|quý|tháng|tuần)';
const endsWithUnit = (w: string): boolean => new RegExp(`${UNIT}$`, 'iu').test(w);
const frequency = lazy(() => {
  const whole = file().frequencyStarts.filter(endsWithUnit);
  const open = file().frequencyStarts.filter((w) => !endsWithUnit(w));
  const opened = `(?:${alt(open)})(?:\\s+(?!${UNIT}[\\s,])\\S+){0,3}?\\s+${UNIT}(?:\\s+và\\s+(?:hằng|hàng)\\s+${UNIT})?`;
  return new RegExp(`(^|[.;]\\s+)((?:${alt(whole)})|${opened})(?=[\\s,])`, 'iu');
});
export function takeFrequencies(task: string): { frequencies: string[]; rest: string } {
  const frequencies: string[] = [];
  let rest = task;
  for (let m = frequency().exec(rest); m && frequencies.length < 4; m = frequency().exec(rest)) {
    const phrase = m[2]!;
    frequencies.push(phrase);
    const at = m.index + m[1]!.length;
    rest = `${rest.slice(0, at)}${rest.slice(at + phrase.length).replace(/^,?\s*/u, '')}`;
  }
  return { frequencies, rest };
}

/** "… các tổ chức chính trị - xã hội cùng cấp hàng năm": a recurring period that closes a list of partners (it belongs to the task after them). */
const closingFrequency = lazy(() => new RegExp(`\\s((?:${alt(file().frequencyStarts.filter(endsWithUnit))}))\\s*$`, 'iu'));
export function frequencyClosing(text: string): { raw: string; index: number } | null {
  const m = closingFrequency().exec(text);
  return m?.[1] ? { raw: m[1], index: m.index + m[0].indexOf(m[1]) } : null;
}

/** " kể từ ngày ban hành Quyết định này" right after a period ("trong thời gian 90 ngày"): from when it runs, up to the clause's end; its length, 0 when none. */
const runsFromAfter = lazy(() => new RegExp(`^\\s+(?:${alt(file().relativeStarts)})\\s[^,;.]+`, 'iu'));
export function runsFromLength(textAfterPeriod: string): number {
  return runsFromAfter().exec(textAfterPeriod)?.[0].length ?? 0;
}
