import type { Assignment, Section } from '../../schemas/index.js';
import { deadlineIn, dutyMarker, headingAgency, isCourtesyTask, looksLikeTimeline, opensRequestList, isAgencyHeading, readsAsClause, listPartBreak, topicOpener, leadMarker, namesAgencyFirst, openerInside, parseTimeline, proposalBefore, taskVerb } from '../lexicon/index.js';
import { splitAgencies } from './agency-list.js';
import { cooperatingIn, type placeBlocks } from './prose-records.js';

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
/** "phối hợp với X" after the lead's marker, up to the task's first verb. */
const COOPERATING = /^,?\s*phối hợp\s+(?:với|cùng)\s+/u;

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
function readClause(clause: string, loose = true): Found | null {
  for (const m of clause.matchAll(openerInside())) {
    const at = (m.index ?? 0) + m[0].indexOf(m[1]!);
    // "kính đề nghị", "trân trọng đề nghị": a proposal or a courtesy, not an assignment
    if (proposalBefore().test(clause.slice(0, at))) continue;
    const found = readAgenciesAndTask(clause.slice(at + m[1]!.length), true);
    if (found) return found;
  }
  if (namesAgencyFirst(clause)) return readAgenciesAndTask(clause, false);
  return loose ? (readNamedItem(clause) ?? readAfterIntro(clause)) : null;
}

/** How many commas into a clause its agencies may start ("Căn cứ Kế hoạch …, các cơ quan, đơn vị … xây dựng …"). */
const INTRO_COMMAS = 3;
/** An agency list after an introductory phrase is short: a longer run before the verb is not a list of names. */
const MAX_INTRO_AGENCIES = 120;

/** "Căn cứ …, các cơ quan, đơn vị, địa phương xây dựng Kế hoạch …", "Quý I/2027, các cơ quan … đánh giá …": agencies after an introductory phrase. */
function readAfterIntro(clause: string): Found | null {
  let from = 0;
  for (let k = 0; k < INTRO_COMMAS; k++) {
    const comma = clause.indexOf(', ', from);
    if (comma < 0) return null;
    from = comma + 2;
    const rest = clause.slice(from);
    if (!namesAgencyFirst(rest)) continue;
    const found = readAgenciesAndTask(rest, true);
    if (found && found.lead.length <= MAX_INTRO_AGENCIES && namedList(found.lead).every((a) => namesAgencyFirst(a.raw))) return { ...found, intro: clause.slice(0, comma) };
  }
  return null;
}

/** "UBND xã Bảo Lâm 2: Rà soát …", "Đối với Nhà đầu tư Dự án …: Khẩn trương …": a name, a colon, the task. */
function readNamedItem(clause: string): Found | null {
  const m = /^(.{3,160}?):\s+(\S.*)$/su.exec(clause.replace(topicOpener(), ''));
  if (!m?.[1] || !m[2] || !isAgencyHeading(m[1])) return null;
  return { lead: m[1].trim(), cooperating: '', task: m[2] };
}

/** The agencies at the start of `rest`, ending at a lead or duty marker (or, after an opener, at the task's first verb), then the task. */
function readAgenciesAndTask(rest: string, opened: boolean): Found | null {
  if (!namesAgencyFirst(rest)) return null;
  const lead = leadMarker().exec(rest);
  const duty = dutyMarker().exec(rest);
  const marker = [lead, duty].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  let agencies: string;
  let after: string;
  if (marker) {
    agencies = rest.slice(0, marker.index);
    after = rest.slice(marker.index + marker[0].length);
  } else if (opened) {
    const verb = taskVerb().exec(rest);
    if (!verb) return null;
    agencies = rest.slice(0, verb.index);
    after = rest.slice(verb.index);
  } else return null;
  agencies = agencies.replace(/[,:\s]+$/u, '').trim();
  // a bare "các" or one word is no list of names
  if (!agencies || agencies.length > MAX_AGENCIES_LENGTH || readsAsClause(agencies) || !/\s/u.test(agencies)) return null;
  let cooperating = '';
  const co = marker === lead ? COOPERATING.exec(after) : null;
  if (co) {
    const tail = after.slice(co[0].length);
    const verb = taskVerb().exec(tail);
    cooperating = verb ? tail.slice(0, verb.index) : '';
    after = verb ? tail.slice(verb.index) : tail;
  }
  return { lead: agencies, cooperating: cooperating.replace(/[,\s]+$/u, ''), task: after.replace(/^[,:\s]+/u, '') };
}

/** The clauses of a block's text: sentences, and the parts a semicolon separates when a new one opens with an opener. */
function clausesOf(text: string): string[] {
  return text.split(/(?<=[.;!?])\s+(?=\p{Lu})/u).map((c) => c.trim()).filter(Boolean);
}

/** Assignments stated in sentences of the blocks not yet read for records (`taken`: "page:lineStart"). */
export function sentenceAssignments(placed: readonly PlacedBlock[], taken: ReadonlySet<string>, sections: readonly Section[] = [], o: { explicitOnly?: boolean } = {}): Omit<Assignment, 'id'>[] {
  const byId = new Map(sections.map((s) => [s.id, s]));
  /** The agency a heading above the block names ("a) Trung tâm Phát triển quỹ đất tỉnh" over its bullets, "1. Nhà đầu tư …:" over its lettered items). */
  const headingLead = (over: Section | null): string | null =>
    // "Giao Sở Nội vụ (Cơ quan Thường trực Hội đồng …):": the agency without the long description in brackets ("(cũ)" stays)
    over ? (headingAgency(over.title)?.replace(/\s*\((?:[^()\s]+\s+){3,}[^()]*\)\s*$/u, '') ?? null) : null;
  const out: Omit<Assignment, 'id'>[] = [];
  const counters = new Map<string, number>();
  let listOpen = false;
  for (const { block, page, section } of placed) {
    if (taken.has(`${page}:${block.lineStart}`)) continue;
    const label = LABEL.exec(block.text);
    const body = block.text.slice(label?.[0].length ?? 0).replace(BULLET, '');
    const isHeading = section !== null && section.page === page && section.line === block.lineStart;
    // the section the block's item belongs to: a heading's parent, a paragraph's own section
    const over = (isHeading ? (section.parent ? byId.get(section.parent) : undefined) : section) ?? null;
    // where unit headings already gave the plan's tasks, only sentences that assign in so many words add to them
    const inherited = o.explicitOnly ? null : headingLead(over);
    // an item of a list a heading opens with "đề nghị:" names its agency first and goes straight to the task ("1. Bộ Công an báo cáo …")
    // (or the paragraph just before the items opens it, when the outline did not take it for a heading)
    const itemized = label !== null || BULLET.test(block.text);
    if (!itemized) listOpen = opensRequestList(block.text);
    const requested = (over !== null && opensRequestList(over.title)) || (itemized && listOpen);
    // a heading that is a name only is no task of its own
    if (isHeading && headingAgency(section.title)) continue;
    for (const [k, clause] of clausesOf(body).entries()) {
      // under a heading that names the agency, the item is its task as a whole ("- Đẩy nhanh việc chi trả …")
      // a clause that opens a list ("… thực hiện một số nội dung sau:") is no task itself: its items are
      if (/:\s*$/u.test(clause) && !(requested && k === 0)) continue;
      const found = (requested && k === 0 ? readAgenciesAndTask(clause, true) : null) ?? readClause(clause, !o.explicitOnly) ?? (inherited && k === 0 ? { lead: inherited, cooperating: '', task: body } : null);
      if (!found) continue;
      const { deadlines, rest } = takeDeadlines(found.task);
      // "Quý I/2027, các cơ quan … đánh giá …": a period that introduces the sentence is its timeline
      const introPeriod = found.intro && looksLikeTimeline(found.intro.trim()) ? found.intro.trim() : null;
      const deadline = deadlines.length ? { raw: deadlines.join('; ') } : introPeriod ? { raw: introPeriod } : null;
      const cooperating = found.cooperating || cooperatingIn(rest) || '';
      const task = rest
        .replace(/\s+([,;.])/gu, '$1')
        .replace(/^[\s,;:]+|[\s,;:.\/]+$/gu, '')
        .replace(/\s{2,}/gu, ' ');
      // "… đề nghị X quan tâm, triển khai thực hiện./.": a letter's courtesy, not a task
      if (!task || isCourtesyTask(task)) continue;
      out.push({
        code: codeOf(label, section, counters),
        section: section ? `${section.number}. ${section.title}` : null, parent: null, directing: null, output: null, notes: null, extra: {},
        source: { page, table: null, row: null, box: block.box, lines: [block.lineStart, block.lineEnd - 1] },
        confidence: SENTENCE_CONFIDENCE, task, lead: namedList(found.lead), cooperating: cooperating ? namedList(cooperating) : [],
        timeline: deadline ? parseTimeline(deadline.raw) : null,
      });
    }
  }
  return out;
}

/** Every deadline a task states ("trước ngày 28/4/2026 … trước ngày 05/5/2026"), taken out of it. */
function takeDeadlines(task: string): { deadlines: string[]; rest: string } {
  const deadlines: string[] = [];
  let rest = task;
  for (let d = deadlineIn(rest); d && deadlines.length < 4; d = deadlineIn(rest)) {
    deadlines.push(d.raw);
    rest = rest.slice(0, d.index) + rest.slice(d.index + d.raw.length);
  }
  return { deadlines, rest };
}

/** The agencies and office holders a sentence names: parted at a comma or "và" before each, then as agency lists are. */
function namedList(text: string): ReturnType<typeof splitAgencies> {
  return text.split(listPartBreak()).flatMap((part) => splitAgencies(part));
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
