import { AssignmentWordsFile } from '../../schemas/index.js';
import { editDistance, isVietnameseSyllable, stripDiacritics } from '../core/index.js';
import { agencyHeadAlternation, groupAlternation, groupNounAlternation, groupOpenerAlternation } from './agency-lexicon.js';
import { lazy, readDataFile } from './data-file.js';
import { documentTypeAlternation, ranks } from './document-words.js';
import { alternationOf } from './patterns.js';
import { namesBodiesAfterGroupWord } from './assignment-context.js';

const data = lazy(() => readDataFile('assignments.json', AssignmentWordsFile));
/** The assignment words, office holders' titles with the ranks an officer's name is printed with ("đồng chí Trung tá …"). */
const file = lazy(() => ({ ...data(), personTitles: [...data().personTitles, ...ranks()] }));

/** "Giao …", "Đề nghị …" at the start of a clause, not after "kính" (a proposal to a superior). */
export const assignmentOpener = lazy(() => new RegExp(`^(?:${alternationOf(file().openers)})\\s+`, 'u'));
/** The same opener inside a clause ("Trong quá trình …, đề nghị Ủy ban nhân dân …", "Bộ Tư pháp đề nghị Liên đoàn …"), either case. */
export const openerInside = lazy(() => new RegExp(`(?:^|[\\s,;:])((?:${alternationOf(file().openers.flatMap((o) => [o, o.charAt(0).toLowerCase() + o.slice(1)]))})\\s+)`, 'gu'));
export const proposalBefore = lazy(() => new RegExp(`(?:^|\\s)(?:${alternationOf(file().notAfter)})\\s*$`, 'u'));

/** " chủ trì" after the lead's name. */
export const leadMarker = lazy(() => new RegExp(`\\s(?:${alternationOf(file().leadMarkers)})(?=[\\s,;.]|$)`, 'u'));
/** " có trách nhiệm", " chịu trách nhiệm" after the responsible agencies. */
export const dutyMarker = lazy(() => new RegExp(`\\s(?:${alternationOf(file().dutyMarkers)})(?=[\\s,;.:]|$)`, 'u'));
/** "trước Hội đồng …" right after a duty marker: whom the body answers to ("chịu trách nhiệm trước …"), not a task. */
const accountable = lazy(() => new RegExp(`^\\s*(?:${file().accountableTo.length ? alternationOf(file().accountableTo) : '(?!)'})\\s`, 'u'));
export function answersTo(afterDuty: string): boolean {
  return accountable().test(afterDuty);
}

/** The first word of a task, where an agency list without a marker ends (not a verb a name holds: "Ban Quản lý dự án đầu tư xây dựng số 1"). */
export const taskVerb = lazy(() => new RegExp(`\\s(?=(?:${alternationOf(file().taskVerbs)})(?:[\\s,]|$)(?!\\s*số\\s+\\d))`, 'u'));

/** The lexicon's task verbs as an alternation ("khẩn trương|tổ chức|…"). */
export const taskVerbAlternation = (): string => alternationOf(file().taskVerbs);

/** A text that starts by naming an agency, a group of them or an office holder ("Giám đốc Sở Tư pháp", "các cơ quan", "Chánh Văn phòng"). */
const agencyStart = lazy(() => new RegExp(`^(?:${alternationOf([...file().personTitles, ...file().addresseeForms])}|${agencyHeadAlternation()}|${groupOpenerAlternation()}|Các|các|Những|những)(?:\\s|$)`, 'u'));
export function namesAgencyFirst(text: string): boolean {
  return agencyStart().test(text.trim());
}

/** A group of bodies: "các cơ quan, đơn vị", "Các sở, ban, ngành", "UBND các xã, phường" (a head, then a group). */
const groupStart = lazy(() => new RegExp(`^(?:(?:${agencyHeadAlternation()})\\s+)?(?:${groupAlternation()})(?=[\\s,]|$)`, 'iu'));
export function namesGroup(text: string): boolean {
  return groupStart().test(text.trim());
}

/** A text that starts with an office holder's title before a name, a number or a group ("Giám đốc Sở …", "Nhà đầu tư 02 dự án", "Thủ trưởng các …"; not "Hội nghị …"). */
const personStart = lazy(() => new RegExp(`^(?:${alternationOf(file().personTitles)})\\s+(?:\\p{Lu}|\\d|(?:các|những)\\s)`, 'u'));
export function opensPersonTitle(text: string): boolean {
  return personStart().test(text.trim());
}

/** A deadline in a sentence: "trước ngày 22/8/2025", "trước 14 giờ, ngày 11 tháng 01 năm 2026", "Trong thời hạn 60 ngày làm việc", "trong Quý I/2026". */
const deadline = lazy(() => {
  const dateWords = alternationOf(file().dateWords);
  // each piece a whole word: "trước 30/5/2026 và …" ends at the date, not at the "v" of "và" read as a numeral
  const piece = `(?:\\d+(?:[/.-]\\d+)*|[IVX]+(?:/\\d{4})?|${dateWords})(?![\\p{L}\\p{N}])`;
  // "đến 30/5/2026": an opener that makes a deadline only before a whole date
  const dayDate = file().dayDateOpeners.length ? `|(?:${alternationOf(file().dayDateOpeners)})\\s+\\d{1,2}/\\d{1,2}/\\d{4}(?![\\p{L}\\p{N}])` : '';
  return new RegExp(`(?:^|[\\s,(])((?:${alternationOf(file().deadlineOpeners)})\\s+(?=[\\dIVX]|${dateWords})${piece}(?:,?\\s+${piece})*${dayDate})`, 'iu');
});
export function deadlineIn(text: string): { raw: string; index: number } | null {
  const m = deadline().exec(text);
  if (!m?.[1] || !/\d|[IVX]/u.test(m[1])) return null;
  const raw = m[1].replace(/[\s,]+$/u, '');
  return { raw, index: m.index + m[0].indexOf(m[1]) };
}

/** A deadline given by reference at a task's end: "… theo thời gian tại khoản 1 Công văn này", "theo thời hạn quy định tại Điều 5". */
const referenceDeadline = lazy(() => new RegExp(`(?:^|\\s)((?:${alternationOf(file().referenceDeadlines)})\\s+(?:quy định\\s+)?tại\\s+[^;]+?)[\\s.;,/]*$`, 'iu'));
export function referenceDeadlineIn(text: string): { raw: string; index: number } | null {
  const m = referenceDeadline().exec(text);
  return m?.[1] ? { raw: m[1], index: m.index + m[0].indexOf(m[1]) } : null;
}

/**
 * A phrase before a sentence's agencies that says when, and nothing else:
 * "Trong thời hạn 60 ngày làm việc", "Trong quá trình tổ chức thực hiện"
 * (not "Trong quá trình …, nếu phát sinh vướng mắc": a condition follows).
 */
const periodOpener = lazy(() => new RegExp(`^(?:${alternationOf(file().periodOpeners)})\\s`, 'iu'));
export function isPeriodPhrase(text: string): boolean {
  const t = text.trim().replace(/,$/u, '').trim();
  if (!t || /[,;:]/u.test(t)) return false;
  if (periodOpener().test(t)) return true;
  const d = deadlineIn(t);
  // "Trong thời hạn 07 ngày làm việc kể từ ngày kết thúc Đại hội": the period, then from when it runs
  return d !== null && d.index === 0 && (d.raw.length === t.length || relativeStart().test(t.slice(d.raw.length)));
}

/** " kể từ …", " tính từ …" right after a period: the event it runs from. */
const relativeStart = lazy(() => new RegExp(`^\\s+(?:${file().relativeStarts.length ? alternationOf(file().relativeStarts) : '(?!)'})\\s`, 'iu'));

/**
 * A deadline given by an event that closes a task: "… lấy ý kiến thống
 * nhất trước khi trình cấp có thẩm quyền xem xét, quyết định." (the opener
 * after a word of the task, running to the sentence's end); null when none.
 */
const eventDeadline = lazy(() => new RegExp(`\\s((?:${file().eventDeadlineOpeners.length ? alternationOf(file().eventDeadlineOpeners) : '(?!)'})\\s+[^;.]+?)[\\s.;/]*$`, 'u'));
export function eventDeadlineIn(text: string): { raw: string; index: number } | null {
  const m = eventDeadline().exec(text);
  return m?.[1] ? { raw: m[1], index: m.index + m[0].indexOf(m[1]) } : null;
}

/** An entry of a member list: an honorific and a person's name, then their position ("Ông Lê Văn A - Phó Giám đốc Sở …", "Luật sư B - Chủ nhiệm"). */
const personEntry = lazy(() => new RegExp(`^(?:${file().memberHonorifics.length ? alternationOf(file().memberHonorifics) : '(?!)'})\\s+\\p{Lu}[\\p{L}’']*(?:\\s+\\p{Lu}[\\p{L}’']*){1,5}\\s*(?:[-–,:;(]|$)`, 'u'));
export function isPersonEntry(text: string): boolean {
  return personEntry().test(text.trim().replace(/^[-–•+*]\s+/u, ''));
}

/** "phối hợp với", "phối hợp chặt chẽ với", "phối hợp cùng": how a cooperating list is introduced (either case), as an alternation. */
export function cooperationAlternation(): string {
  const adverbs = file().cooperationAdverbs;
  return `[Pp]hối hợp(?:\\s+(?:${adverbs.length ? alternationOf(adverbs) : '(?!)'}))?\\s+(?:với|cùng)`;
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
export const listPartBreak = lazy(() => new RegExp(`(?:,|\\s+và)\\s+(?=(?:${alternationOf(titleVariants())}|${agencyHeadAlternation()}|${groupOpenerAlternation()})\\s)`, 'u'));
/** Office holders' titles as printed and with one later word capitalised ("Nhà đầu tư", "Nhà Đầu tư"). */
const titleVariants = lazy(() =>
  [...new Set(file().personTitles.flatMap((t) => {
    const words = t.split(' ');
    return [t, ...words.map((w, k) => words.map((v, j) => (j === k ? v.charAt(0).toUpperCase() + v.slice(1) : v)).join(' '))];
  }))],
);

/** "Sở Xây dựng và địa phương có liên quan": where a named body's list goes on with a bare group noun after "và". */
export const groupAfterAnd = lazy(() => new RegExp(`\\s+và\\s+(?=(?:${groupNounAlternation()})(?:\\s|$))`, 'u'));

/** "Đối với X: …" at a clause's start: the opener, if any (X is who the item is for when X names an agency). */
export const topicOpener = lazy(() => new RegExp(`^(?:${alternationOf(file().topicOpeners)})\\s+`, 'u'));

/** A heading that is a name only ("Trung tâm Phát triển quỹ đất tỉnh", "1. Nhà đầu tư của 02 dự án …:"): the agency every item under it is for. */
export function isAgencyHeading(title: string): boolean {
  const t = title.replace(/[:.]\s*$/u, '').trim();
  // "Những kết quả đạt được", "Các nội dung …": a group word before things, not bodies
  const group = /^(?:các|những)\s+(.*)$/iu.exec(t);
  if (group && !namesBodiesAfterGroupWord(group[1]!)) return false;
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

/**
 * The agency a heading or paragraph hands its list to at its end: "3. Về nội
 * dung dự thảo Kế hoạch …, giao Trung tâm Xúc tiến Đầu tư …:", "Thống nhất
 * tổ chức Hội nghị … . Giao Trung tâm …:" (the items below are its tasks);
 * null when the text does not end so.
 */
const trailingOpener = lazy(() => new RegExp(`(?:^|[\\s,;.])(?:${alternationOf(file().openers.flatMap((o) => [o, o.charAt(0).toLowerCase() + o.slice(1)]))})\\s+([^,;.:]+(?:,\\s*[^,;.:]+)*?)\\s*:\\s*$`, 'u'));
/** `heading`: a section's title, whose closing colon the outline may have dropped (a paragraph hands a list on only with its colon). */
export function trailingAssignee(text: string, o: { heading?: boolean } = {}): string | null {
  const t = text.trim();
  const m = trailingOpener().exec(o.heading && !t.endsWith(':') ? `${t}:` : t);
  return m?.[1] && isAgencyHeading(m[1]) ? m[1].trim() : null;
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

/** Every task verb of the lexicon in a text (the space before each), for a reader that has to pass some of them by. */
const taskVerbs = lazy(() => new RegExp(taskVerb().source, 'gu'));
const lastWordIn = (list: readonly string[]): RegExp => new RegExp(`(?:^|\\s)(?:${alternationOf(list)})\\s*$`, 'u');
const qualifierBefore = lazy(() => lastWordIn(file().qualifierWords.length ? file().qualifierWords : ['(?!)']));
const nominalizerBefore = lazy(() => lastWordIn(file().nominalizers.length ? file().nominalizers : ['(?!)']));

/**
 * Where the task starts after an opener's agencies: the first task verb that
 * is neither a noun ("việc tổ chức đại hội") nor part of a clause that says
 * which of the agencies are meant ("đề nghị các đơn vị chưa hoàn thành việc
 * … khẩn trương gửi …": the task starts at "khẩn trương"). `describedFrom`:
 * where such a clause starts, null when there is none; null when no verb
 * starts a task.
 */
export function taskStartAfterAgencies(rest: string): { index: number; describedFrom: number | null } | null {
  let describedFrom: number | null = null;
  for (const m of rest.matchAll(taskVerbs())) {
    const before = rest.slice(0, m.index);
    if (nominalizerBefore().test(before)) continue;
    const q = qualifierBefore().exec(before);
    if (q) {
      describedFrom ??= q.index;
      continue;
    }
    return { index: m.index ?? 0, describedFrom };
  }
  return null;
}

/** An agency list without the form of address before an office holder ("các đồng chí Giám đốc Sở Tư pháp …" → "Giám đốc Sở Tư pháp …"). */
const addressForm = lazy(() => new RegExp(`^(?:${file().addressForms.length ? alternationOf(file().addressForms) : '(?!)'})\\s+(?=(?:${alternationOf(file().personTitles)})\\s)`, 'iu'));
export function withoutAddressForm(agencies: string): string {
  return agencies.replace(addressForm(), '');
}

/** A deadline opener's first word(s) before "ngày", folded ("trước ngày" → "truoc"), longest first. */
const dayOpeners = lazy(() =>
  [...new Set(file().deadlineOpeners.filter((o) => /\s(?:ngày)$/iu.test(o)).map((o) => o.replace(/\s+ngày$/iu, '')))]
    .map((text) => ({ text, folded: stripDiacritics(text).toLowerCase().replace(/[^a-z]+/gu, '') }))
    .sort((a, b) => b.folded.length - a.folded.length),
);
/** A whole date after "ngày" closing a sentence: "ngày 22/8/2025.", "ngày 15 tháng 6 năm 2026". */
const CLOSING_DATE = /(?:^|\s)((?:\S+\s+){1,2})(ngày\s+(?:\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))[\s.;,/]*$/u;
/** Letters an OCR may drop or change in a short word and the word still be recognised: at most this many, and under half of it. */
const MAX_OPENER_EDITS = 2;

/**
 * A deadline at a task's end whose opener the OCR garbled ("… tu uóv ngày
 * 22/8/2025." for a bold "trước ngày 22/8/2025"): the one or two words before
 * a closing "ngày <date>" are no Vietnamese word and are within two letters
 * of a deadline opener of the lexicon (marks dropped). `raw` is the deadline
 * with the opener as the lexicon spells it, `read` as the OCR read it, `index`
 * where the misread words start. Words as printed are never taken for an
 * opener; null when none.
 */
export function misreadDeadlineIn(text: string): { raw: string; read: string; index: number } | null {
  const m = CLOSING_DATE.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const words = m[1].trim().split(/\s+/u);
  // the shortest reading first: "… J28.007) tu uóv" is tried as "uóv", then "tu uóv"
  for (let k = 1; k <= words.length; k++) {
    const read = words.slice(words.length - k);
    if (read.every((w) => /^\p{L}+$/u.test(w) && isVietnameseSyllable(w))) continue;
    const folded = stripDiacritics(read.join('')).toLowerCase().replace(/[^a-z]+/gu, '');
    if (!folded) continue;
    const opener = dayOpeners().find((o) => {
      const d = editDistance(folded, o.folded);
      return d <= MAX_OPENER_EDITS && d * 2 < o.folded.length;
    });
    if (opener) {
      const tail = new RegExp(`\\S+(?:\\s+\\S+){${k - 1}}\\s*$`, 'u').exec(m[1])!;
      const index = m.index + m[0].indexOf(m[1]) + tail.index;
      return { raw: `${opener.text} ${m[2]}`, read: `${read.join(' ')} ${m[2]}`, index };
    }
  }
  return null;
}

/** "ban hành Công văn số 1710/CAT-PA05 …": issuing a document that already has its number is a report of what was done, not a task. */
const issuedNumbered = lazy(() => new RegExp(`^(?:${file().issuingVerbs.length ? alternationOf(file().issuingVerbs) : '(?!)'})\\s+(?:${documentTypeAlternation()})\\s+số\\s*\\d`, 'iu'));
export function reportsIssuedDocument(task: string): boolean {
  return issuedNumbered().test(task.trim());
}

/** Whether a text opens with the form of address of the letter's addressees ("các đồng chí gửi về …", "quý cơ quan nghiên cứu …"). */
const addresseeFormStart = lazy(() => new RegExp(`^(?:${file().addresseeForms.length ? alternationOf(file().addresseeForms) : '(?!)'})\\s`, 'u'));
export function opensWithAddresseeForm(text: string): boolean {
  return addresseeFormStart().test(text.trim());
}

/**
 * "Số liệu của các bộ, ngành, địa phương " before an opener that names no
 * one after it ("… đề nghị gửi về Bộ Nội vụ …"): the bodies the subject
 * belongs to, who are asked. The thing owned opens the clause, a few words
 * with no comma; the owners run up to the opener (a comma there ends an
 * introductory phrase: "Trên cơ sở ý kiến của Sở Tư pháp, đề nghị …" asks
 * someone else). Null when the text is no such subject.
 */
const OWNED_WORDS = 4;
const ownerSubject = lazy(() => new RegExp(`^([^,;:()]+?)\\s+(?:${file().ownerMarkers.length ? alternationOf(file().ownerMarkers) : '(?!)'})\\s+(.+?)\\s*$`, 'u'));
export function ownersOfSubject(beforeOpener: string): string | null {
  if (/,\s*$/u.test(beforeOpener)) return null;
  const m = ownerSubject().exec(beforeOpener.trim());
  if (!m?.[1] || !m[2] || m[1].split(/\s+/u).length > OWNED_WORDS) return null;
  return namesAgencyFirst(m[2]) && !readsAsClause(m[2]) ? m[2] : null;
}

/** Whether a text ends with a body's head noun ("Chủ tịch Hội đồng", "Trưởng Ban"): a verb after it is part of the body's name ("Hội đồng quản lý Quỹ"). */
const agencyHeadEnd = lazy(() => new RegExp(`(?:^|\\s)(?:${agencyHeadAlternation()})$`, 'u'));
export function endsWithAgencyHead(text: string): boolean {
  return agencyHeadEnd().test(text.trim());
}

/** "quý cơ quan", "quý đơn vị": the letter's addressees named by a form of address, not by name. */
export function isAddressForm(lead: string): boolean {
  const t = lead.trim();
  return file().addresseeForms.includes(t);
}

/**
 * The addressees a letter's "Kính gửi:" lists, as printed, one per name
 * ("Các Bộ, cơ quan ngang Bộ; cơ quan thuộc Chính phủ; / - Ủy ban nhân dân
 * các tỉnh …" → "Các Bộ, cơ quan ngang Bộ", "cơ quan thuộc Chính phủ", …):
 * the rest of its line and the "-" lines after it; [] when there is none.
 */
export function addresseesIn(pageText: string): string[] {
  const lines = pageText.split('\n');
  const at = lines.findIndex((l) => l.trim().startsWith(file().addresseesOpener));
  if (at < 0) return [];
  const first = lines[at]!.trim().slice(file().addresseesOpener.length).replace(/^\s*:\s*/u, '');
  const more: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!/^\s*[-–]\s+/u.test(l)) break;
    more.push(l);
  }
  return [first, ...more]
    .join(' / ')
    .split(/\s*(?:^|\/|;)\s*(?:[-–]\s+)?/u)
    .map((n) => n.replace(/^[-–]\s+/u, '').replace(/[\s;.,]+$/u, '').trim())
    .filter((n) => n.length > 2);
}

/** A paragraph that says where replies go ("Ý kiến xin gửi về Bộ Tài chính trước ngày …", "Số liệu … gửi về Bộ Nội vụ trước ngày …"). */
const replyWords = lazy(() => new RegExp(`(?:^|\\s)(?:${file().replyDeadlineWords.length ? alternationOf(file().replyDeadlineWords) : '(?!)'})\\s`, 'iu'));
export function saysWhereRepliesGo(text: string): boolean {
  return replyWords().test(text);
}
