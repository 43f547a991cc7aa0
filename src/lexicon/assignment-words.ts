import { AssignmentWordsFile } from '../../schemas/index.js';
import { agencyHeadAlternation, groupOpenerAlternation } from './agency-lexicon.js';
import { lazy, readDataFile } from './data-file.js';
import { alternationOf } from './patterns.js';

const file = lazy(() => readDataFile('assignments.json', AssignmentWordsFile));

/** "Giao …", "Đề nghị …" at the start of a clause, not after "kính" (a proposal to a superior). */
export const assignmentOpener = lazy(() => new RegExp(`^(?:${alternationOf(file().openers)})\\s+`, 'u'));
/** The same opener inside a clause ("Trong quá trình …, đề nghị Ủy ban nhân dân …", "Bộ Tư pháp đề nghị Liên đoàn …"), either case. */
export const openerInside = lazy(() => new RegExp(`(?:^|[\\s,;:])((?:${alternationOf(file().openers.flatMap((o) => [o, o.charAt(0).toLowerCase() + o.slice(1)]))})\\s+)`, 'gu'));
export const proposalBefore = lazy(() => new RegExp(`(?:^|\\s)(?:${alternationOf(file().notAfter)})\\s*$`, 'u'));

/** " chủ trì" after the lead's name. */
export const leadMarker = lazy(() => new RegExp(`\\s(?:${alternationOf(file().leadMarkers)})(?=[\\s,;.]|$)`, 'u'));
/** " có trách nhiệm", " chịu trách nhiệm" after the responsible agencies. */
export const dutyMarker = lazy(() => new RegExp(`\\s(?:${alternationOf(file().dutyMarkers)})(?=[\\s,;.:]|$)`, 'u'));
/** The first word of a task, where an agency list without a marker ends. */
export const taskVerb = lazy(() => new RegExp(`\\s(?=(?:${alternationOf(file().taskVerbs)})(?:[\\s,]|$))`, 'u'));

/** A text that starts by naming an agency, a group of them or an office holder ("Giám đốc Sở Tư pháp", "các cơ quan", "Chánh Văn phòng"). */
const agencyStart = lazy(() => new RegExp(`^(?:${alternationOf(file().personTitles)}|${agencyHeadAlternation()}|${groupOpenerAlternation()}|Các|các|Những|những)(?:\\s|$)`, 'u'));
export function namesAgencyFirst(text: string): boolean {
  return agencyStart().test(text.trim());
}

/** A deadline in a sentence: "trước ngày 22/8/2025", "trước 14 giờ, ngày 11 tháng 01 năm 2026", "Trong thời hạn 60 ngày làm việc", "trong Quý I/2026". */
const deadline = lazy(() => {
  const dateWords = alternationOf(file().dateWords);
  const piece = `(?:\\d+(?:[/.-]\\d+)*|[IVX]+(?:/\\d{4})?|${dateWords})`;
  return new RegExp(`(?:^|[\\s,(])((?:${alternationOf(file().deadlineOpeners)})\\s+(?=[\\dIVX]|${dateWords})${piece}(?:,?\\s+${piece})*)`, 'iu');
});
export function deadlineIn(text: string): { raw: string; index: number } | null {
  const m = deadline().exec(text);
  if (!m?.[1] || !/\d|[IVX]/u.test(m[1])) return null;
  const raw = m[1].replace(/[\s,]+$/u, '');
  return { raw, index: m.index + m[0].indexOf(m[1]) };
}

/** Plans and programmes: where unit headings list the tasks, their other sentences say how the plan is run. */
export function isPlanType(type: string | null): boolean {
  return type !== null && file().planTypes.includes(type);
}

/** Document types that propose to a superior: their "Giao …" is the draft the superior would sign. */
export function isProposalType(type: string | null): boolean {
  return type !== null && file().proposalTypes.includes(type);
}

/** Where a list of office holders and agencies parts: ", Giám đốc Sở …", " và các cơ quan …" (a comma or "và" before a title, a body or a group). */
export const listPartBreak = lazy(() => new RegExp(`(?:,|\\s+và)\\s+(?=(?:${alternationOf(file().personTitles)}|${agencyHeadAlternation()}|${groupOpenerAlternation()})\\s)`, 'u'));

/** "Đối với X: …" at a clause's start: the opener, if any (X is who the item is for when X names an agency). */
export const topicOpener = lazy(() => new RegExp(`^(?:${alternationOf(file().topicOpeners)})\\s+`, 'u'));

/** A heading that is a name only ("Trung tâm Phát triển quỹ đất tỉnh", "1. Nhà đầu tư của 02 dự án …:"): the agency every item under it is for. */
export function isAgencyHeading(title: string): boolean {
  const t = title.replace(/[:.]\s*$/u, '').trim();
  return t.length <= 160 && namesAgencyFirst(t) && !taskVerb().test(` ${t}`) && !/[;:]/u.test(t);
}

/** Whether a supposed agency list holds a word no list of names holds ("kính", "sẽ", "đã", "phải"): it is a clause. */
const clauseWord = lazy(() => new RegExp(`(?:^|\\s)(?:${alternationOf(file().clauseWords)})(?:\\s|$)`, 'u'));
export function readsAsClause(agencies: string): boolean {
  return clauseWord().test(agencies);
}

/** The agency a heading introduces: "1. Nhà đầu tư …:", "Đối với Sở …:", "Giao Sở Nội vụ (…):"; null for another heading. */
export function headingAgency(title: string): string | null {
  const t = title.replace(/[:.]\s*$/u, '').trim().replace(topicOpener(), '').replace(assignmentOpener(), '');
  return isAgencyHeading(t) ? t : null;
}

/** A heading that ends by opening a list of requests ("IV. Văn phòng Chính phủ trân trọng đề nghị:", "Giao:"): its items name who does what. */
const listOpener = lazy(() => new RegExp(`(?:^|\\s)(?:${alternationOf(file().openers.flatMap((o) => [o, o.charAt(0).toLowerCase() + o.slice(1)]))})\\s*:\\s*$`, 'u'));
export function opensRequestList(title: string): boolean {
  return listOpener().test(title);
}

/** A closing's courtesy ("quan tâm, triển khai thực hiện", "quan tâm hướng dẫn"): a task made only of such words asks nothing in particular. */
const courtesy = lazy(() => new RegExp(`^(?:(?:${alternationOf(file().courtesyWords)})[\\s,./]*)+$`, 'iu'));
export function isCourtesyTask(task: string): boolean {
  return courtesy().test(task.trim());
}
