import type { Assignment, Block, Indicator, Page, Section } from '../../schemas/index.js';
import { splitAgencies, splitNamedList } from './agency-list.js';
import { takeDeadlines } from './task-deadlines.js';
import { readProseTargets } from './prose-target.js';
import { goesOnFromPage, inBodyType, restOfSentence } from './broken-paragraphs.js';
import { agencyHeadAlternation, capitalisedHeadAlternation, cooperationAlternation, groupAlternation, isPersonEntry, opensSignature, parseTimeline, taskVerbAlternation, timelineAlternations, unitHeadingAlternation } from '../lexicon/index.js';

/** A block under its nearest section. */
interface PlacedBlock {
  block: Block;
  page: number;
  section: Section | null;
}

/** Headings naming an office or unit, whose bullets are its tasks ("2. Văn phòng Sở", "4. Công an xã"). */
const UNIT_HEADING = lazyPattern(() => new RegExp(`^(?:(?:${unitHeadingAlternation()})\\s|(?:${capitalisedHeadAlternation()})\\s+\\p{Lu})`, 'u'));
const BULLET = /^[-–•*]\s+/u;
const SUB_BULLET = /^\+\s+/u;
const NUMBERED_INDICATOR = /^\((\d{1,3})\)\s+(.+)$/su;
/**
 * Where the partners end: "liên quan", a clause's punctuation, or the verb
 * of what they do together (a task verb of the lexicon, "trong", "để"; "các
 * tổ chức …" is a partner, not the verb; "xây dựng số 1" is a name's end).
 * A bracketed abbreviation goes with its name ("Liên đoàn Thương mại và
 * Công nghiệp Việt Nam (VCCI)"); another bracket ends the partners.
 */
const COOPERATING_END = lazyPattern(() => new RegExp(String.raw`(?:liên quan|(?=[;.:]|\((?!\p{Lu}{2,}\))|(?<!(?:^|\s)(?:các|những))\s+(?:${taskVerbAlternation()}|trong|để|nhằm)\s(?!số\s+\d)))`, 'u'));
/** "phối hợp với X", "phối hợp chặt chẽ với X", up to where the partners end. */
const COOPERATING = lazyPattern(() => new RegExp(String.raw`${cooperationAlternation()}\s+(.+?` + COOPERATING_END().source + ')', 'u'));
/** "phối hợp cơ quan ngoại giao, các tổ chức …" without "với": only when an agency's head word follows, not a verb ("phối hợp triển khai"). */
const COOPERATING_BARE = lazyPattern(() => new RegExp(String.raw`[Pp]hối hợp\s+((?:cơ quan|${groupAlternation()}|${agencyHeadAlternation()})\s.+?` + COOPERATING_END().source + ')', 'u'));
/** The partners a task names ("… phối hợp với Sở Xây dựng, Sở Nông nghiệp và Môi trường để …"), as printed; null when none. */
export function cooperatingIn(task: string): string | null {
  return (COOPERATING().exec(task) ?? COOPERATING_BARE().exec(task))?.[1]?.trim() ?? null;
}

/** A frequency that closes a task's sentence governs it: "Tổ chức … Diễn đàn chuyển đổi số thành phố hàng năm." */
const CLOSING_FREQUENCY = lazyPattern(() => {
  const { annual, ongoing } = timelineAlternations();
  return new RegExp(`\\s(${annual}|${ongoing})\\.?$`, 'iu');
});

/** A pattern built from the lexicon once, on first use. */
function lazyPattern(make: () => RegExp): () => RegExp {
  let re: RegExp | null = null;
  return () => (re ??= make());
}

/** A task with a phrase taken out of it: no space before punctuation, no doubled spaces, no punctuation left at its ends. */
export function tidyTask(text: string): string {
  return text
    .replace(/\s+([,;.])/gu, '$1')
    .replace(/^[\s,;:]+|[\s,;:.\/]+$/gu, '')
    .replace(/\s{2,}/gu, ' ');
}

/** How sure a prose pattern is of its record before the evidence of its fields (record-confidence.ts) weighs in. */
const PROSE_CONFIDENCE = 0.92;

const sectionLabel = (s: Section | null): string | null => (s ? `${s.number}${/^[a-zđ]$/u.test(s.number) ? ')' : '.'} ${s.title}` : null);
const letter = (i: number): string => String.fromCharCode(97 + (i % 26)).repeat(Math.floor(i / 26) + 1);


/**
 * Every block with the section it sits under (sections are matched by page
 * and first line); a block layout marked as going on from the previous page
 * is joined to that page's last one. Headings are left out unless
 * `headings` asks for them (under themselves).
 */
export function placeBlocks(pages: readonly Page[], sections: readonly Section[], o: { headings?: boolean } = {}): PlacedBlock[] {
  const at = new Map(sections.map((s) => [`${s.page}:${s.line}`, s]));
  let current: Section | null = null;
  const out: PlacedBlock[] = [];
  /** The last paragraph placed (not a heading), and the last one in the body's type on the page before. */
  let last = null as PlacedBlock | null;
  let lastInBody = null as PlacedBlock | null;
  for (const page of pages) {
    const bodyType = inBodyType(page);
    let first = true;
    page.blocks.forEach((block) => {
      // a stamp or banner is not the document's text
      if (block.banner) return;
      const heading = at.get(`${page.number}:${block.lineStart}`);
      const opensPage = first;
      first = false;
      const cut = out.at(-1);
      if (block.continues && !heading && cut && cut.page === page.number - 1) {
        cut.block = { ...cut.block, text: `${cut.block.text} ${block.text}` };
        return;
      }
      // a sentence layout cut in two: on the page, or across the break past a footnote and a footer in smaller type
      const joinTo = heading ? null : opensPage ? (lastInBody?.page === page.number - 1 && goesOnFromPage(lastInBody.block.text, block.text) ? lastInBody : null) : last?.page === page.number && restOfSentence(last.block.text, block.text) ? last : null;
      if (joinTo) {
        joinTo.block = { ...joinTo.block, text: `${joinTo.block.text} ${block.text}`, lineEnd: joinTo.page === page.number ? block.lineEnd : joinTo.block.lineEnd };
        return;
      }
      if (heading) {
        current = heading;
        // a numbered paragraph is a heading of the outline and a sentence too ("2. Giao Sở … chủ trì …")
        if (o.headings) out.push({ block, page: page.number, section: heading });
      }
      // the signature part ("Nơi nhận:", "T/M …", "KT. …") ends the body: nothing after it belongs to a section
      else if (opensSignature(block.text)) current = null;
      else {
        const placed = { block, page: page.number, section: current };
        out.push(placed);
        last = placed;
        if (bodyType(block)) lastInBody = placed;
        return;
      }
      last = null;
    });
    // a paragraph from two pages back is no sentence's first half
    if (lastInBody && lastInBody.page !== page.number) lastInBody = null;
  }
  return out;
}

/**
 * Indicators written as prose: numbered "(01) Chỉ số DTI … top 5" items, and
 * bullets under a heading about targets ("2.3. Nhóm chỉ tiêu về chuyển đổi
 * số" → "- Tối thiểu 80% hồ sơ …", coded "2.3.a", "2.3.b", …), or the
 * paragraphs of such a heading that has no bullets.
 */
export function proseIndicators(placed: readonly PlacedBlock[], sections: readonly Section[]): Omit<Indicator, 'id'>[] {
  // bullets are indicators only right under a heading about targets ("2.3. Nhóm chỉ tiêu …"), not anywhere below one
  const isTargetSection = (s: Section | null): boolean => s !== null && /chỉ tiêu/iu.test(s.title) && !/nhiệm vụ|giải pháp/iu.test(s.title);
  const out: Omit<Indicator, 'id'>[] = [];
  const counters = new Map<string, number>();
  const isLeafTargetSection = (s: Section | null): s is Section => s !== null && isTargetSection(s) && !sections.some((c) => c.parent === s.id);
  // a group with no bullets states its indicator as a paragraph ("2.2. Nhóm chỉ tiêu … / Số lượng sáng kiến … tối thiểu 15 sáng kiến.")
  const withBullets = new Set(placed.filter((p) => BULLET.test(p.block.text)).map((p) => p.section?.id));
  for (const { block, page, section } of placed) {
    const numbered = NUMBERED_INDICATOR.exec(block.text);
    const bullet = isLeafTargetSection(section) && (BULLET.test(block.text) || (!withBullets.has(section.id) && statesTarget(section, block)));
    if (!numbered && !bullet) continue;
    const name = numbered?.[2]?.trim() ?? block.text.replace(BULLET, '').trim();
    const n = counters.get(section?.id ?? '') ?? 0;
    counters.set(section?.id ?? '', n + 1);
    const code = numbered?.[1] ?? `${section?.number ?? ''}.${letter(n)}`;
    const targets = readProseTargets(name);
    out.push({
      code, section: sectionLabel(section), parent: null, directing: null, output: null, notes: null, extra: {},
      source: { page, table: null, row: null, box: block.box, lines: [block.lineStart, block.lineEnd - 1] },
      confidence: PROSE_CONFIDENCE, name, unit: targets[0]?.unit ?? null, period: null, targets, agencies: [], lead: null,
    });
  }
  return out;
}

/** A paragraph of a numbered group heading that states a figure ("… tối thiểu 15 sáng kiến."): not a table's leftovers. */
function statesTarget(section: Section, block: Block): boolean {
  return section.number !== '' && !SUB_BULLET.test(block.text) && /[.:]$/u.test(block.text.trim()) && readProseTargets(block.text).length > 0;
}

/**
 * Assignments by unit heading: under "2. Văn phòng Sở" each "- " bullet is a
 * task of that unit (coded "2.a", "2.b", …; "+ " sub-items stay in their
 * task); a unit heading with a paragraph and no bullets has one task.
 */
export function proseAssignments(placed: readonly PlacedBlock[], leaveOut: (section: Section) => boolean = () => false): Omit<Assignment, 'id'>[] {
  const out: Omit<Assignment, 'id'>[] = [];
  const bySection = new Map<Section, PlacedBlock[]>();
  for (const p of placed) if (p.section && UNIT_HEADING().test(p.section.title) && !leaveOut(p.section)) bySection.set(p.section, [...(bySection.get(p.section) ?? []), p]);
  for (const [section, blocks] of bySection) {
    const tasks: PlacedBlock[][] = [];
    const hasBullets = blocks.some((b) => BULLET.test(b.block.text));
    for (const b of blocks) {
      // a member list's entry ("- Luật sư Đỗ Minh A - Chủ nhiệm;") under "a) Ban Chủ nhiệm …, gồm có:": an appointment, no task
      if (isPersonEntry(b.block.text)) continue;
      if (SUB_BULLET.test(b.block.text) && tasks.length) tasks.at(-1)?.push(b);
      else if (!hasBullets || BULLET.test(b.block.text)) tasks.push([b]);
    }
    const lead = splitAgencies(section.title.replace(/[.:]$/u, ''));
    tasks.forEach((parts, i) => {
      const printed = parts.map((p) => p.block.text.replace(BULLET, '').trim()).join(' ');
      const first = parts[0];
      const co = cooperatingIn(printed);
      // a deadline the task states ("… trước ngày 10/5/2026") is its timeline, taken out of the task; else a frequency that closes it
      const { deadlines, rest } = takeDeadlines(printed);
      const task = deadlines.length ? tidyTask(rest) : printed;
      const frequency = deadlines.length ? deadlines.join('; ') : CLOSING_FREQUENCY().exec(printed)?.[1];
      out.push({
        code: `${section.number}.${letter(i)}`, section: sectionLabel(section), parent: null, directing: null, output: null, notes: null, extra: {},
        source: { page: first?.page ?? null, table: null, row: null, box: first?.block.box ?? null, lines: first ? [first.block.lineStart, (parts.at(-1)?.block.lineEnd ?? 1) - 1] : null },
        confidence: PROSE_CONFIDENCE, task, lead, cooperating: co ? splitNamedList(co) : [], timeline: frequency ? parseTimeline(frequency) : null,
      });
    });
  }
  return out;
}
