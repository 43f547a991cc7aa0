import type { Assignment, Section } from '../../schemas/index.js';
import { agencyStartsAt, cooperationAlternation, namesGroup, opensPersonTitle, dutyMarker, headingAgency, isCourtesyTask, isPeriodPhrase, looksLikeTimeline, opensRequestList, isAgencyHeading, readsAsClause, topicOpener, leadMarker, namesAgencyFirst, openerInside, parseTimeline, proposalBefore, taskVerb, taskStartAfterAgencies, withoutAddressForm, reportsIssuedDocument, isPersonEntry, trailingAssignee, answersTo, isAddressForm, saysWhereRepliesGo, deadlineIn, opensWithAddresseeForm, ownersOfSubject, endsWithAgencyHead } from '../lexicon/index.js';
import { splitNamedList } from './agency-list.js';
import { clausesOf } from './sentence-clauses.js';
import { takeDeadlines } from './task-deadlines.js';
import { cooperatingIn, tidyTask, type placeBlocks } from './prose-records.js';

/**
 * Assignments stated in a sentence, wherever they stand: decisions' articles
 * ("Điều 7. Chánh Văn phòng …, Giám đốc Sở … chịu trách nhiệm thi hành
 * Quyết định này"), letters ("Đề nghị các cơ quan, đơn vị … gửi danh sách
 * … trước ngày 22/8/2025"), conclusions and plans ("Giao Sở Kế hoạch và
 * Đầu tư chủ trì, phối hợp với Sở Nội vụ làm việc …"). Two forms:
 *   - an opener ("Giao", "Đề nghị", "Yêu cầu") then the agencies, ending at
 *     "chủ trì", "có trách nhiệm" or the task's first verb;
 *   - the agencies first, then "có trách nhiệm" / "chịu trách nhiệm" / "chủ trì".
 * The deadline ("trước ngày …", "Trong thời hạn 60 ngày làm việc") is taken
 * out of the task into the timeline. The words live in the lexicon
 * (assignments.json).
 */

type PlacedBlock = ReturnType<typeof placeBlocks>[number];

/** How sure this reader is of its records before their fields' evidence weighs in (record-confidence.ts). */
const SENTENCE_CONFIDENCE = 0.85;
/** An agency list longer than this is a clause that happened to match, not a list of names. */
const MAX_AGENCIES_LENGTH = 400;
/** "Điều 7.", "2.", "2.1.", "a)", "b." at a block's start: the item's printed label. */
const LABEL = /^(?:(Điều\s+\d+)\s*[.:]|(\d+(?:\.\d+)*)[.)]|([a-zđ])[.)])\s+/u;
const BULLET = /^[-–•+*]\s+/u;
/** "phối hợp với X", "phối hợp chặt chẽ với X", "phối hợp X" (a name next) after the lead's marker, up to the task's first verb. */
let cooperatingOpener: RegExp | null = null;
const COOPERATING = (): RegExp => (cooperatingOpener ??= new RegExp(`^,?\\s*(?:${cooperationAlternation()}\\s+|phối hợp\\s+(?=\\p{Lu}|(?:các|những)\\s))`, 'u'));

interface Found {
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
function readClause(clause: string, loose = true, o: { addressed?: boolean; holder?: boolean } = {}): Found | null {
  // "Các cơ quan, đơn vị … căn cứ …, lập hồ sơ đề nghị Chủ tịch UBND tỉnh …": agencies first, then their task's verb;
  // an opener after that verb is part of the task, not the assignment
  // in a decision's numbered clause an office holder named first is given the task after them (`holder`)
  const first = namesAgencyFirst(clause) ? (readAgenciesAndTask(clause, false) ?? readAgenciesAndVerb(clause) ?? (o.holder ? readHolderAndVerb(clause) : null)) : null;
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
function readAfterIntro(clause: string): Found | null {
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
function readNamedItem(clause: string): Found | null {
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
function readAgenciesAndTask(rest: string, opened: boolean): Found | null {
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
    const verb = taskVerb().exec(tail);
    cooperating = verb ? tail.slice(0, verb.index) : '';
    after = verb ? tail.slice(verb.index) : tail;
  }
  return { lead: agencies, cooperating: cooperating.replace(/[,\s]+$/u, ''), task: after.replace(/^[,:\s]+/u, '') };
}

/** Whether `a` (page, line) is printed after `b`. */
const after = (a: { page: number; line: number | null }, b: { page: number; line: number | null }): boolean => a.page > b.page || (a.page === b.page && (a.line ?? -1) > (b.line ?? -1));

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
  return at >= 0 ? { cooperating: tail.slice(0, at).replace(/[,\s]+$/u, ''), task: tail.slice(at).trim() } : null;
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

/**
 * Assignments stated in sentences of the blocks not yet read for records
 * (`taken`: "page:lineStart"). `addressees`: the letter's "Kính gửi" list,
 * who "quý cơ quan" is; `issuer`: the document's own issuer, when it is no
 * plan: it gives itself no task, so a sentence naming it as the lead
 * reports what it did or quotes a superior's instruction.
 */
export function sentenceAssignments(placed: readonly PlacedBlock[], taken: ReadonlySet<string>, sections: readonly Section[] = [], o: { explicitOnly?: boolean; addressees?: readonly string[]; issuer?: string | null } = {}): Omit<Assignment, 'id'>[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  /** The agency a heading above the block names ("a) Trung tâm Phát triển quỹ đất tỉnh" over its bullets, "1. Nhà đầu tư …:" over its lettered items). */
  const headingLead = (over: Section | null): string | null =>
    // "Giao Sở Nội vụ (Cơ quan Thường trực Hội đồng …):": the agency without the long description in brackets ("(cũ)" stays)
    // "3. Về nội dung dự thảo Kế hoạch …, giao Trung tâm …:": the agency the heading hands its items to
    over ? (headingAgency(over.title)?.replace(/\s*\((?:[^()\s]+\s+){3,}[^()]*\)\s*$/u, '') ?? trailingAssignee(over.title, { heading: true })) : null;
  const isItem = (text: string): boolean => LABEL.test(text) || BULLET.test(text);
  // sections whose items are bulleted or labelled: a plain paragraph after them (a closing "Trân trọng thông báo …") is none of the heading's items
  const itemized = new Set(placed.filter((p) => p.section && isItem(p.block.text) && !(p.section.page === p.page && p.section.line === p.block.lineStart)).map((p) => p.section!.id));
  const out: Omit<Assignment, 'id'>[] = [];
  const counters = new Map<string, number>();
  let listOpen = false;
  /** The agency a paragraph hands the items below it to ("… . Giao Trung tâm Xúc tiến Đầu tư …:"). */
  let listLead: string | null = null;
  /** The decision article last opened ("Điều 5. …"): its later unlabelled paragraphs are its own, not the last numbered clause's. */
  let article: { label: string; page: number; line: number } | null = null;
  /** Past the decision's own articles: a regulation or charter attached to it restarts at "Điều 1" (its clauses are standing rules). */
  let attached = false;
  /** Whether the block just before gave a record (a reply deadline after it is that record's). */
  let lastGave = false;
  /** Inside a passage quoted from another document (paragraphs from one opening “ to the closing ”): its words assign nothing here. */
  let quoteDepth = 0;
  // (also the issuer's name then a lower-case word: "Bộ Tài chính dự thảo Thông tư …" is a clause about it, no list of names)
  const ownIssuer = (lead: string): boolean => {
    const issuer = o.issuer?.trim().toLowerCase();
    const t = lead.trim();
    return !!issuer && (t.toLowerCase() === issuer || (t.toLowerCase().startsWith(`${issuer} `) && /^\p{Ll}/u.test(t.slice(issuer.length + 1))));
  };
  for (const { block, page, section } of placed) {
    const label = LABEL.exec(block.text);
    if (label?.[1]) {
      const n = Number(/\d+/u.exec(label[1])?.[0]);
      if (article && n <= Number(/\d+/u.exec(article.label)?.[0])) attached = true;
      article = { label: label[1].replace(/\s+/gu, ' '), page, line: block.lineStart };
    }
    if (quoteDepth > 0 || /^\s*“/u.test(block.text)) {
      // the passage ends with the paragraph whose ” closes its opening “
      quoteDepth = Math.max(0, quoteDepth + (block.text.match(/“/gu)?.length ?? 0) - (block.text.match(/”/gu)?.length ?? 0));
      lastGave = false;
      continue;
    }
    if (taken.has(`${page}:${block.lineStart}`)) {
      lastGave = false;
      continue;
    }
    const before = out.length;
    const body = block.text.slice(label?.[0].length ?? 0).replace(BULLET, '');
    const isHeading = section !== null && section.page === page && section.line === block.lineStart;
    // the section the block's item belongs to: a heading's parent, a paragraph's own section
    const over = (isHeading ? (section.parent ? byId.get(section.parent) : undefined) : section) ?? null;
    const item = isItem(block.text);
    // (a "-" bullet only: a numbered item or heading opens a part of its own)
    if (!BULLET.test(block.text)) listLead = item ? null : trailingAssignee(body);
    // a member list's entry ("- Ông Lê Văn A - Phó Giám đốc Sở …", "- Luật sư B - Chủ nhiệm"): an appointment, no task
    if (item && isPersonEntry(body)) continue;
    /** Who the item is for by what stands above it: its heading's agency, or the agency the paragraph before handed the list to. */
    const owner = headingLead(over) ?? (BULLET.test(block.text) ? listLead : null);
    // where unit headings already gave the plan's tasks, only sentences that assign in so many words add to them
    const inherited = o.explicitOnly || (!item && over !== null && itemized.has(over.id)) ? null : owner;
    // an unlabelled paragraph after an article's first one is that article's ("Điều 5. … hiệu lực … / Chánh Văn phòng … chịu trách nhiệm thi hành …")
    const inArticle = !label && !item && article !== null && (section === null || after(article, section)) ? article.label : null;
    // an item of a list a heading opens with "đề nghị:" names its agency first and goes straight to the task ("1. Bộ Công an báo cáo …")
    // (or the paragraph just before the items opens it, when the outline did not take it for a heading)
    if (!item) listOpen = opensRequestList(block.text);
    const requested = (over !== null && opensRequestList(over.title)) || (item && listOpen);
    // a heading that is a name only is no task of its own ("b) UBND xã Bảo Lâm 2: Rà soát …" is: its task follows the colon)
    if (isHeading && headingAgency(section.title) && !/:\s*\S/u.test(body)) continue;
    /** The record the item's clauses so far have given: an item's later sentences that assign nothing new go on with its task. */
    let current: { found: Found; parts: string[] } | null = null;
    const flush = (): void => {
      if (current) out.push(...recordOf(current.found, current.parts.join(' '), { label, section, page, block, counters, inArticle }));
      current = null;
    };
    for (const [k, clause] of clausesOf(body).entries()) {
      // under a heading that names the agency, the item is its task as a whole ("- Đẩy nhanh việc chi trả …")
      // a clause that opens a list ("… thực hiện một số nội dung sau:") is no task itself: its items are
      if (/:\s*$/u.test(clause) && !(requested && k === 0)) {
        flush();
        continue;
      }
      // after an item the heading's agency took, a later sentence is a new record only when it assigns in so many words
      // ("… . Các sở, ban, ngành liên quan chủ động chuẩn bị …"): else it goes on with the task
      const strict: boolean = k > 0 && inherited !== null && (current as { found: Found } | null)?.found.lead === inherited;
      const read: Found | null =
        (requested && k === 0 ? readAgenciesAndTask(clause, true) : null) ??
        readClause(clause, false, { addressed: (o.addressees?.length ?? 0) > 0, holder: article !== null && !attached && !!label?.[2] }) ??
        (o.explicitOnly || strict ? null : readNamedItem(clause)) ??
        (inherited && k === 0 ? fromHeading(inherited, clause) : null) ??
        (o.explicitOnly || strict ? null : readAfterIntro(clause));
      // "giao Trung tâm chủ trì …" under "giao Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh:": the short name is the heading's body
      const named: Found | null = read && owner && owner.startsWith(`${read.lead} `) && read.lead.split(/\s+/u).length <= 2 ? { ...read, lead: owner } : read;
      // "Đề nghị quý cơ quan nghiên cứu …": the addressees the letter lists
      const found: Found | null = named && isAddressForm(named.lead) && o.addressees?.length ? { ...named, lead: o.addressees.join('; ') } : named;
      if (found && ownIssuer(found.lead)) {
        flush();
        continue;
      }
      if (found) {
        flush();
        current = { found, parts: [found.task] };
      } else if (current && (item || strict)) current.parts.push(clause);
    }
    flush();
    // "Ý kiến xin gửi về Bộ Tài chính trước ngày 11/02/2025.": the deadline of the request just before
    const last = out.at(-1);
    const reply = out.length === before && !item && lastGave && last && last.timeline === null && saysWhereRepliesGo(body) ? deadlineIn(body) : null;
    if (reply && last) out[out.length - 1] = { ...last, timeline: parseTimeline(reply.raw) };
    lastGave = out.length > before;
  }
  return out;
}

/** An item under a heading that names its agency: the item is its task, less a "Chủ trì, phối hợp với …" that opens it (its partners). */
function fromHeading(lead: string, clause: string): Found {
  const led = afterLeadMarker(clause);
  return led ? { lead, ...led } : { lead, cooperating: '', task: clause };
}

/** One record of a clause's reading: its deadline taken out of the task (or the period the sentence opened with), its partners read from the task. */
function recordOf(found: Found, text: string, at: { label: RegExpExecArray | null; section: Section | null; page: number; block: PlacedBlock['block']; counters: Map<string, number>; inArticle: string | null }): Omit<Assignment, 'id'>[] {
  const { deadlines, rest, misread } = takeDeadlines(text);
  // "Quý I/2027, các cơ quan … đánh giá …", "Trong thời hạn 60 ngày làm việc, Ban … có trách nhiệm …": a period that introduces the sentence is its timeline
  const intro = found.intro?.trim() ?? '';
  const introPeriod = intro && (looksLikeTimeline(intro) || isPeriodPhrase(intro)) ? intro : null;
  const deadline = deadlines.length ? deadlines.join('; ') : introPeriod;
  const cooperating = found.cooperating || cooperatingIn(rest) || '';
  const task = tidyTask(rest);
  // "… đề nghị X quan tâm, triển khai thực hiện./.": a letter's courtesy, not a task
  // "Ngày 04/6/2025, Công an tỉnh ban hành Công văn số 1710/…": a document already numbered was issued, not asked for
  if (!task || isCourtesyTask(task) || reportsIssuedDocument(task)) return [];
  const { label, section, page, block, counters, inArticle } = at;
  return [{
    code: inArticle ?? codeOf(label, section, counters),
    section: section ? `${section.number}. ${section.title}` : null, parent: null, directing: null, output: null, extra: {},
    notes: misread ? `deadline read as "${misread}": its opener taken as the nearest of the lexicon's` : null,
    source: { page, table: null, row: null, box: block.box, lines: [block.lineStart, block.lineEnd - 1] },
    confidence: SENTENCE_CONFIDENCE, task, lead: splitNamedList(found.lead), cooperating: cooperating ? splitNamedList(cooperating) : [],
    timeline: deadline ? parseTimeline(deadline) : null,
  }];
}

/** The item's printed label ("Điều 7", "2", "a"), else the section's number and a letter in order. */
function codeOf(label: RegExpExecArray | null, section: Section | null, counters: Map<string, number>): string {
  const printed = label?.[1] ?? label?.[2] ?? label?.[3];
  if (printed) return printed.replace(/\s+/gu, ' ');
  const key = section?.number ?? '';
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  return `${key ? `${key}.` : ''}s${n}`;
}
