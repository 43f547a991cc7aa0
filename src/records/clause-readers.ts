import { agencyStartsAt, cooperationAlternation, namesGroup, opensPersonTitle, dutyMarker, isAgencyHeading, readsAsClause, topicOpener, leadMarker, namesAgencyFirst, openerInside, proposalBefore, taskVerb, taskStartAfterAgencies, withoutAddressForm, answersTo, opensWithAddresseeForm, ownersOfSubject, endsWithAgencyHead, isPeriodPhrase, executionClauseIn, frequencyClosing, periodBeforeCondition } from '../lexicon/index.js';
import { splitNamedList } from './agency-list.js';

/**
 * The readers of one clause that may assign a task: who is named (lead,
 * partners) and where the task starts. Two forms:
 *   - an opener ("Giao", "Đề nghị", "Yêu cầu") then the agencies, ending at
 *     "chủ trì", "có trách nhiệm" or the task's first verb;
 *   - the agencies first, then "có trách nhiệm" / "chịu trách nhiệm" / "chủ trì".
 * What the block around the clause says (its heading, the article it is in)
 * is sentence-assignments.ts's business.
 */

/** An agency list longer than this is a clause that happened to match, not a list of names. */
const MAX_AGENCIES_LENGTH = 400;

/** "phối hợp với X", "phối hợp chặt chẽ với X", "phối hợp X" (a name next) after the lead's marker, up to the task's first verb. */
let cooperatingOpener: RegExp | null = null;
const COOPERATING = (): RegExp => (cooperatingOpener ??= new RegExp(`^,?\\s*(?:${cooperationAlternation()}\\s+|phối hợp\\s+(?=\\p{Lu}|(?:các|những)\\s))`, 'u'));

export interface Found {
  lead: string;
  cooperating: string;
  task: string;
  /** The introductory phrase the agencies came after ("Quý I/2027, các cơ quan …"), when there was one. */
  intro?: string;
}

/**
 * Reads one clause: an opener's form (the opener anywhere in it) or an
 * agencies-first form with its marker; `loose` also reads a name and a colon
 * and agencies after an introductory phrase. Null when it assigns nothing.
 */
export function readClause(clause: string, loose = true, o: { addressed?: boolean; holder?: boolean } = {}): Found | null {
  // "Chánh Văn phòng …, Giám đốc Sở … và Thủ trưởng các cơ quan có liên quan căn cứ Quyết định thi hành": a decision's closing formula
  const closing = executionClauseIn(clause);
  if (closing && namesAgencyFirst(clause)) {
    const lead = clause.slice(0, closing.index).replace(/[,\s]+$/u, '');
    if (lead && lead.length <= MAX_AGENCIES_LENGTH && splitNamedList(lead).every((a) => opensName(a.raw))) return { lead, cooperating: '', task: closing.raw };
  }
  // "Các cơ quan, đơn vị … căn cứ …, lập hồ sơ đề nghị Chủ tịch UBND tỉnh …": agencies first, then their task's verb;
  // an opener after that verb is part of the task, not the assignment
  // in a decision's numbered clause an office holder named first is given the task after them (`holder`)
  const first = namesAgencyFirst(clause) ? (readAgenciesAndTask(clause, false) ?? readAgenciesAndVerb(clause) ?? readMemberList(clause) ?? (o.holder ? readHolderAndVerb(clause) : null)) : null;
  for (const m of clause.matchAll(openerInside())) {
    const at = (m.index ?? 0) + m[0].indexOf(m[1]!);
    if (first && at >= first.lead.length) break;
    const rest = clause.slice(at + m[1]!.length);
    // "kính đề nghị", "trân trọng đề nghị": a proposal or a courtesy, not an assignment; but a letter that asks its own
    // addressees so ("Kết quả trao đổi, kính đề nghị các đồng chí gửi về …") asks them (`addressed`: it has a "Kính gửi" list)
    if (proposalBefore().test(clause.slice(0, at)) && !(o.addressed && opensWithAddresseeForm(rest))) continue;
    const found = readAgenciesAndTask(rest, true) ?? ownedBy(clause.slice(0, at), rest);
    // "Trong quá trình tổ chức thực hiện, đề nghị …": a period before the opener is the task's timeline
    if (found) return at > 0 && isPeriodPhrase(clause.slice(0, at)) ? { ...found, intro: clause.slice(0, at).trim().replace(/,$/u, '') } : found;
  }
  if (first) return first;
  // "Đối với Bộ tiêu chí … cấp xã: Bộ Văn hóa, Thể thao và Du lịch chủ trì, …": a topic, then the sentence that assigns
  const topic = topicOpener().test(clause) ? /^[^:]{3,200}:\s+(\S.*)$/su.exec(clause)?.[1] : undefined;
  if (topic && namesAgencyFirst(topic)) {
    const found = readAgenciesAndTask(topic, false);
    if (found) return found;
  }
  return loose ? (readNamedItem(clause) ?? readAfterIntro(clause)) : null;
}

/**
 * "Số liệu của các bộ, ngành, địa phương đề nghị gửi về Bộ Nội vụ …": an
 * opener with a task and no one after it, whose subject belongs to bodies:
 * those bodies are asked.
 */
function ownedBy(beforeOpener: string, afterOpener: string): Found | null {
  const owners = ownersOfSubject(beforeOpener);
  if (!owners || owners.length > MAX_INTRO_AGENCIES || !startsWithTaskVerb(afterOpener)) return null;
  return splitNamedList(owners).every((a) => opensName(a.raw)) ? { lead: owners, cooperating: '', task: afterOpener } : null;
}

/** A list part that opens as a name: a group ("các cơ quan"), an agency head as names print it ("Sở Y tế", not "các định mức"), an office holder. */
function opensName(part: string): boolean {
  const t = part.trim();
  return namesGroup(t) || agencyStartsAt(t.split(/\s+/u), 0) || opensPersonTitle(t);
}

/**
 * "Các cơ quan, đơn vị, địa phương căn cứ …, chủ động rà soát …": groups
 * of bodies first and no marker, ending at the task's first verb. Only
 * groups ("các sở, ban, ngành", "UBND các xã"): a named body followed by a
 * verb is as often a report of what it did, or a verb inside a name
 * ("Hội đồng quản lý Quỹ …").
 */
function readAgenciesAndVerb(clause: string): Found | null {
  const found = readAgenciesAndTask(clause, true);
  if (!found || found.lead.length > MAX_INTRO_AGENCIES || /[/:]/u.test(found.lead)) return null;
  return splitNamedList(found.lead).every((a) => namesGroup(a.raw)) ? found : null;
}

/** "Các Bộ: Nội vụ, Công an, …, Nông nghiệp và Môi trường" before the task: a group, a colon, its members' names (each capitalised). */
const MEMBER_LIST = /^((?:Các|các)\s+\p{L}+(?:\s+\p{L}+)?\s*:\s+)(.+)$/su;

/**
 * "Các Bộ: Nội vụ, Công an, Y tế căn cứ chức năng nhiệm vụ được giao chủ
 * trì, phối hợp với Bộ … ban hành hướng dẫn …": the bodies a group names
 * after a colon, then their task from its first verb (printed in small
 * letters: the members' names are capitalised, "Xây dựng" among them).
 */
function readMemberList(clause: string): Found | null {
  const m = MEMBER_LIST.exec(clause);
  if (!m?.[1] || !m[2] || !namesGroup(m[1].replace(/\s*:\s*$/u, ''))) return null;
  const verb = firstTaskVerb(m[2]);
  if (verb < 0) return null;
  const members = m[2].slice(0, verb).trim();
  const names = members.split(/,\s+|\s+và\s+(?=\p{Lu})/u);
  if (!members || members.length > MAX_INTRO_AGENCIES || !names.every((n) => /^\p{Lu}/u.test(n.trim()))) return null;
  return { lead: `${m[1]}${members}`, cooperating: '', task: m[2].slice(verb).trim() };
}

/** How many commas into a clause its agencies may start ("Căn cứ Kế hoạch …, các cơ quan, đơn vị … xây dựng …"). */
const INTRO_COMMAS = 3;
/** An agency list after an introductory phrase is short: a longer run before the verb is not a list of names. */
const MAX_INTRO_AGENCIES = 120;

/** A whole day's date: "Ngày 24/4/2026", "ngày 15 tháng 7 năm 2025". */
const DAY_DATE = /^ngày\s+\d{1,2}(?:[/.-]\d{1,2}[/.-]\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})$/iu;

/**
 * "2. Trưởng Ban … tỉnh Lâm Đồng ban hành Quy chế làm việc …" in a
 * decision's article: office holders named first, then their task's verb
 * (a decision's clauses say what is to be done, not what was). Not a verb
 * right after a body's head noun, which is part of its name ("Chủ tịch Hội
 * đồng quản lý Quỹ …"), nor a holder described by a clause.
 */
function readHolderAndVerb(clause: string): Found | null {
  if (!opensPersonTitle(clause)) return null;
  const start = taskStartAfterAgencies(clause);
  if (!start || start.describedFrom !== null) return null;
  const lead = clause.slice(0, start.index).trim();
  if (!lead || lead.length > MAX_INTRO_AGENCIES || /[;:()]/u.test(lead) || endsWithAgencyHead(lead) || readsAsClause(lead)) return null;
  return splitNamedList(lead).every((a) => opensPersonTitle(a.raw)) ? { lead, cooperating: '', task: clause.slice(start.index) } : null;
}

/** "Căn cứ …, các cơ quan, đơn vị, địa phương xây dựng Kế hoạch …", "Quý I/2027, các cơ quan … đánh giá …": agencies after an introductory phrase. */
export function readAfterIntro(clause: string): Found | null {
  let from = 0;
  for (let k = 0; k < INTRO_COMMAS; k++) {
    const comma = clause.indexOf(', ', from);
    if (comma < 0) return null;
    from = comma + 2;
    // "Ngày 24/4/2026, đồng chí … kiểm tra …": a sentence dated to the day tells what happened then (a task gets a deadline, "trước ngày …")
    if (k === 0 && DAY_DATE.test(clause.slice(0, comma).trim())) return null;
    const rest = clause.slice(from);
    if (!namesAgencyFirst(rest)) continue;
    // "… phối hợp với Sở Xây dựng, Sở Nông nghiệp …": the comma parts a list of names, it ends no introduction
    const before = clause.slice(0, comma).split(/[,;]/u).at(-1)!.replace(/^.*\bphối hợp(?:\s+\S+)?\s+(?:với|cùng)\s+/iu, '').replace(/^.*\bphối hợp\s+/iu, '').trim();
    if (namesAgencyFirst(before)) return null;
    const found = readAgenciesAndTask(rest, true);
    if (found && found.lead.length <= MAX_INTRO_AGENCIES && splitNamedList(found.lead).every((a) => opensName(a.raw))) return { ...found, intro: clause.slice(0, comma) };
  }
  return null;
}

/** "UBND xã Bảo Lâm 2: Rà soát …", "Đối với Nhà đầu tư Dự án …: Khẩn trương …": a name, a colon, the task. */
export function readNamedItem(clause: string): Found | null {
  const m = /^(.{3,160}?):\s+(\S.*)$/su.exec(clause.replace(topicOpener(), ''));
  if (!m?.[1] || !m[2] || !isAgencyHeading(m[1])) return null;
  // "Đối với UBND cấp xã: Có kết quả … đạt loại Tốt": a criterion for the body, not a task (a task opens with its verb)
  if (!startsWithTaskVerb(m[2])) return null;
  return { lead: m[1].trim(), cooperating: '', task: m[2] };
}

/** Whether a text opens with one of the lexicon's task verbs ("Rà soát …", "Khẩn trương …"), either case. */
function startsWithTaskVerb(text: string): boolean {
  const t = text.trim();
  const v = taskVerb().exec(` ${t.charAt(0).toLowerCase()}${t.slice(1)}`);
  return v !== null && v.index === 0;
}

/** The agencies at the start of `rest`, ending at a lead or duty marker (or, after an opener, at the task's first verb), then the task. */
export function readAgenciesAndTask(rest: string, opened: boolean): Found | null {
  if (!namesAgencyFirst(rest)) return null;
  const lead = leadMarker().exec(rest);
  const duty = dutyMarker().exec(rest);
  const marker = [lead, duty].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  let agencies: string;
  let after: string;
  // "các đơn vị chưa hoàn thành việc …": a clause saying which of them are meant; its words are no sign of a clause of the sentence's own
  let named: string | null = null;
  if (marker) {
    agencies = rest.slice(0, marker.index);
    after = rest.slice(marker.index + marker[0].length);
    // "Giám đốc Quỹ … chịu trách nhiệm trước Hội đồng quản lý Quỹ …": accountable to a body, no task given
    if (marker === duty && answersTo(after)) return null;
  } else if (opened) {
    const start = taskStartAfterAgencies(rest);
    if (!start) return null;
    agencies = rest.slice(0, start.index);
    after = rest.slice(start.index);
    if (start.describedFrom !== null) {
      named = rest.slice(0, start.describedFrom);
      // only a group is narrowed down so ("các tỉnh, thành phố chưa …"); a named body before "không …" is a clause of its own,
      // and so is a describing clause that holds another clause's word ("… không tổ chức đại hội, Chủ tịch … sẽ xem xét")
      const describing = rest.slice(start.describedFrom, start.index).trim().replace(/^\S+\s*/u, '');
      if (!/(?:^|\s)(?:các|những)\s/iu.test(named) || readsAsClause(describing)) return null;
    }
  } else return null;
  agencies = withoutAddressForm(agencies.replace(/[,:\s]+$/u, '').trim());
  // "Sở Nội vụ là cơ quan thường trực của Hội đồng có trách nhiệm …": the body, not the role it is given
  const body = marker === duty ? /^(.+?)\s+là\s+\S/u.exec(agencies)?.[1] : undefined;
  if (body && namesAgencyFirst(body) && !readsAsClause(body)) agencies = body;
  // a bare "các" or one word is no list of names, nor is a run across a table's column rules ("… Bộ; Văn ban |Nhiệm vụ …": a garbled OCR row)
  if (!agencies || agencies.length > MAX_AGENCIES_LENGTH || readsAsClause(named ?? agencies) || !/\s/u.test(agencies) || agencies.includes('|')) return null;
  let cooperating = '';
  const co = marker === lead ? COOPERATING().exec(after) : null;
  if (co) {
    const tail = after.slice(co[0].length);
    // (a verb right after "các" is a name's word: "phối hợp với các tổ chức chính trị - xã hội …")
    const verb = firstTaskVerb(tail);
    cooperating = verb >= 0 ? tail.slice(0, verb) : '';
    after = verb >= 0 ? tail.slice(verb) : tail;
    ({ cooperating, task: after } = frequencyToTask(cooperating, after));
  }
  return { lead: agencies, cooperating: cooperating.replace(/[,\s]+$/u, ''), task: after.replace(/^[,:\s]+/u, '') };
}


/**
 * "Chủ trì, phối hợp với Sở Xây dựng … nghiên cứu …" opening an item whose
 * heading names the lead: the partners, and the task after them.
 */
function afterLeadMarker(task: string): { cooperating: string; task: string } | null {
  const m = leadMarker().exec(` ${task.charAt(0).toLowerCase()}${task.slice(1)}`);
  if (!m || m.index !== 0) return null;
  const rest = task.slice(m[0].length - 1).replace(/^[,\s]+/u, '');
  const co = COOPERATING().exec(`, ${rest}`);
  if (!co) return { cooperating: '', task: rest };
  const tail = `, ${rest}`.slice(co[0].length);
  const at = firstTaskVerb(tail);
  return at >= 0 ? frequencyToTask(tail.slice(0, at).replace(/[,\s]+$/u, ''), tail.slice(at).trim()) : null;
}

/** "… các tổ chức chính trị - xã hội cùng cấp hàng năm" + "tổ chức kiểm tra …": a recurring period closing the partners opens the task. */
function frequencyToTask(cooperating: string, task: string): { cooperating: string; task: string } {
  const f = frequencyClosing(cooperating);
  return f ? { cooperating: cooperating.slice(0, f.index).replace(/[,\s]+$/u, ''), task: `${f.raw} ${task}` } : { cooperating, task };
}

/** Where the first task verb of a text stands, one after "các"/"những" being a name's word ("các tổ chức chính trị - xã hội"); -1 when none. */
function firstTaskVerb(text: string): number {
  for (let from = 0; from < text.length; ) {
    const m = taskVerb().exec(text.slice(from));
    if (!m) return -1;
    const at = from + m.index;
    if (!/(?:^|\s)(?:các|những)$/u.test(text.slice(0, at))) return at;
    from = at + 1;
  }
  return -1;
}


/** An item under a heading that names its agency: the item is its task, less a "Chủ trì, phối hợp với …" that opens it (its partners). */
export function fromHeading(lead: string, clause: string): Found {
  const led = afterLeadMarker(clause);
  if (led) return { lead, ...led };
  // "Trong quá trình triển khai thực hiện, nếu có vấn đề phát sinh, chủ trì, phối hợp với …": the period is the task's timeline, the condition no part of it
  const marker = leadMarker().exec(clause);
  const period = marker && /,\s*$/u.test(clause.slice(0, marker.index)) ? periodBeforeCondition(clause.slice(0, marker.index), isPeriodPhrase) : null;
  const after = period && marker ? afterLeadMarker(clause.slice(marker.index + 1)) : null;
  return after ? { lead, ...after, intro: period! } : { lead, cooperating: '', task: clause };
}
