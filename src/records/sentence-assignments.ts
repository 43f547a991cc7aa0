import type { Assignment, Section } from '../../schemas/index.js';
import { headingAgency, isForwardReportPart, opensAnnex, takeFrequencies, isCourtesyTask, isPeriodPhrase, looksLikeTimeline, opensRequestList, parseTimeline, reportsIssuedDocument, isPersonEntry, trailingAssignee, isAddressForm, saysWhereRepliesGo, deadlineIn } from '../lexicon/index.js';
import { splitNamedList } from './agency-list.js';
import { fromHeading, readAfterIntro, readAgenciesAndTask, readClause, readNamedItem, type Found } from './clause-readers.js';
import { attachedRegulationStart, printedBefore } from './attached-regulation.js';
import { clausesOf } from './sentence-clauses.js';
import { insideQuote, maskQuotes, quotedPassages } from './quoted-passages.js';
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

/** "Điều 7.", "2.", "2.1.", "a)", "b." at a block's start: the item's printed label. */
const LABEL = /^(?:(Điều\s+\d+)\s*[.:]|(\d+(?:\.\d+)*)[.)]|([a-zđ])[.)])\s+/u;
const BULLET = /^[-–•+*]\s+/u;

/** Whether `a` (page, line) is printed after `b`. */
const after = (a: { page: number; line: number | null }, b: { page: number; line: number | null }): boolean => a.page > b.page || (a.page === b.page && (a.line ?? -1) > (b.line ?? -1));

/**
 * Assignments stated in sentences of the blocks not yet read for records
 * (`taken`: "page:lineStart"). `addressees`: the letter's "Kính gửi" list,
 * who "quý cơ quan" is; `issuer`: the document's own issuer, when it is no
 * plan: it gives itself no task, so a sentence naming it as the lead
 * reports what it did or quotes a superior's instruction.
 */
export function sentenceAssignments(placed: readonly PlacedBlock[], taken: ReadonlySet<string>, sections: readonly Section[] = [], o: { explicitOnly?: boolean; addressees?: readonly string[]; issuer?: string | null; report?: boolean } = {}): Omit<Assignment, 'id'>[] {
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
  /** Where a regulation or charter attached to the decision begins (its articles restart at "Điều 1"): its clauses are standing rules, no task. */
  const attachedAt = attachedRegulationStart(placed);
  /** Past the decision's signature, in an annex ("PHỤ LỤC I", "(Kèm theo Quyết định …)"): no article of the decision goes on there. */
  let annexed = false;
  /** A report's headings from the block's own section up: only its parts about what is to be done give tasks. */
  const headingsUp = (s: Section | null): string[] => {
    const titles: string[] = [];
    for (let at: Section | undefined = s ?? undefined; at; at = at.parent ? byId.get(at.parent) : undefined) titles.push(at.title);
    return titles;
  };
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
    if (opensAnnex(block.text)) {
      annexed = true;
      article = null;
    }
    if (label?.[1]) article = { label: label[1].replace(/\s+/gu, ' '), page, line: block.lineStart };
    // an attached charter's articles and a report's account of what was done assign nothing
    if (!printedBefore(attachedAt, { page, line: block.lineStart }) || (o.report && !isForwardReportPart(headingsUp(section)))) {
      lastGave = false;
      continue;
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
    // a passage quoted after a colon ("… quy định: “… Ban … có trách nhiệm báo cáo …”") assigns nothing here
    // (one left open ends with its paragraph: an OCR that lost the closing ” must not silence the paragraphs after it)
    const quoted = quotedPassages(body);
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
    const clauses = clausesOf(body);
    const starts = clauseStarts(body, clauses);
    /** The quoted passage the current record's own clause opened ("… điều chỉnh … thành: “…”"): its later sentences are that task's words. */
    let ownQuote: { start: number; end: number } | null = null;
    for (const [k, clause] of clauses.entries()) {
      const at = starts[k]!;
      if (insideQuote(quoted, at)) {
        if (current && ownQuote && at > ownQuote.start && at < ownQuote.end) current.parts.push(clause);
        continue;
      }
      const end = starts[k + 1] ?? body.length;
      const opened = quoted.filter((q) => q.start >= at && q.start < end);
      // under a heading that names the agency, the item is its task as a whole ("- Đẩy nhanh việc chi trả …")
      // a clause that opens a list ("… thực hiện một số nội dung sau:") is no task itself: its items are
      if (/:\s*$/u.test(clause) && !(requested && k === 0)) {
        flush();
        continue;
      }
      // after an item the heading's agency took, a later sentence is a new record only when it assigns in so many words
      // ("… . Các sở, ban, ngành liên quan chủ động chuẩn bị …"): else it goes on with the task
      const strict: boolean = k > 0 && inherited !== null && (current as { found: Found } | null)?.found.lead === inherited;
      const readOf = (text: string): Found | null =>
        (requested && k === 0 ? readAgenciesAndTask(text, true) : null) ??
        readClause(text, false, { addressed: (o.addressees?.length ?? 0) > 0, holder: article !== null && !annexed && !!(label?.[2] ?? label?.[3]) }) ??
        (o.explicitOnly || strict ? null : readNamedItem(text)) ??
        (inherited && k === 0 ? fromHeading(inherited, text) : null) ??
        (o.explicitOnly || strict ? null : readAfterIntro(text));
      // the agencies and the opener are looked for outside the quoted passage; the task keeps its words ("… sửa khoản 3 thành: “…”")
      const masked = opened.length ? maskQuotes(body, quoted, at, end) : null;
      const outside = masked ? readOf(masked.text) : null;
      const read: Found | null = masked ? (outside && { ...outside, lead: masked.restore(outside.lead), cooperating: masked.restore(outside.cooperating), task: masked.restore(outside.task) }) : readOf(clause);
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
        ownQuote = opened.at(-1) ?? null;
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

/** Where each clause (clausesOf, trimmed and in order) starts in the text: looked for from where the one before starts. */
function clauseStarts(text: string, clauses: readonly string[]): number[] {
  let from = 0;
  return clauses.map((c) => {
    const i = text.indexOf(c.slice(0, 24), from);
    from = i >= 0 ? i + 1 : from;
    return i >= 0 ? i : from;
  });
}

/** One record of a clause's reading: its deadline taken out of the task (or the period the sentence opened with), its partners read from the task. */
function recordOf(found: Found, text: string, at: { label: RegExpExecArray | null; section: Section | null; page: number; block: PlacedBlock['block']; counters: Map<string, number>; inArticle: string | null }): Omit<Assignment, 'id'>[] {
  const { deadlines, rest, misread } = takeDeadlines(text);
  // "Quý I/2027, các cơ quan … đánh giá …", "Trong thời hạn 60 ngày làm việc, Ban … có trách nhiệm …": a period that introduces the sentence is its timeline
  const intro = found.intro?.trim() ?? '';
  const introPeriod = intro && (looksLikeTimeline(intro) || isPeriodPhrase(intro)) ? intro : null;
  // "Hàng năm tổ chức kiểm tra …", "… . Định kỳ 6 tháng và hằng năm tổng hợp, báo cáo …": a recurring period opening a sentence of the task, when no date is given
  const recurring = deadlines.length || introPeriod ? null : takeFrequencies(rest);
  const deadline = deadlines.length ? deadlines.join('; ') : (introPeriod ?? (recurring?.frequencies.length ? recurring.frequencies.join('; ') : null));
  const cooperating = found.cooperating || cooperatingIn(rest) || '';
  const task = tidyTask(recurring?.rest ?? rest);
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
