import { paragraphs } from './text-row-blocks.js';
import { printedWordsIn, trimGarbage, type PrintedOf } from './text-row-garbage.js';
import { isBareNumber } from './text-row-rows.js';
import { splitTaskLine, type TaskLineParts } from './text-row-task-line.js';
import { fold, nameGoesOn, opensCooperating } from '../../../lexicon/index.js';
import { isGarbageLine } from './text-row-words.js';

/** A row of an assignment table read from text: a section ("1 Nâng cao nhận thức, …") or a task with its cells. */
export type TaskRow =
  | { kind: 'section'; code: string; text: string }
  | { kind: 'body'; code: string; task: string; lead: string; cooperating: string; timeline: string; subItem?: boolean };

/** "1 Nâng cao …", ") Khẩn trương, …" (the number garbled): a section row spanning the table, one or two full lines. */
const SECTION_START = /^(?:\d{1,2}\.?|[)\]|}])\s+\p{Lu}/u;
/** A section line runs across the table: longer than a task cell's line. */
const SECTION_MIN_LENGTH = 90;

/**
 * Rows printed one line per row height, cells side by side (see
 * text-row-task-line.ts). A row's number is printed at its vertical middle,
 * so its other lines lie above and below it about evenly; the lines between
 * two numbered lines are cut where the two rows come out most balanced, a
 * row's first task line starting with a capital.
 */
export function parseTaskLineRows(segment: readonly string[], printedOf: (line: string) => string | undefined = () => undefined): TaskRow[] {
  const out: TaskRow[] = [];
  const asPrinted = printedWordsIn(segment, printedOf);
  let stretch: TaskLineParts[] = [];
  const lines = segment.map((l) => l.trim()).filter((l) => l && !isGarbageLine(l));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isSectionLine(line)) {
      out.push(...stretchRows(stretch, asPrinted));
      stretch = [];
      let text = line.replace(/^\S+\s+/u, '');
      while (i + 1 < lines.length && continuesSection(lines[i + 1]!)) text += ` ${lines[++i]}`;
      out.push({ kind: 'section', code: sectionCode(line), text });
      continue;
    }
    stretch.push(splitTaskLine(line, true));
  }
  out.push(...stretchRows(stretch, asPrinted));
  return out;
}

function isSectionLine(line: string): boolean {
  if (!SECTION_START.test(line) || line.length < SECTION_MIN_LENGTH) return false;
  const parts = splitTaskLine(line, true);
  return !parts.timeline && !parts.agencies.length && !/\./u.test(parts.code);
}

/** The section's second line: full width, lower case, no cells of a task row. */
function continuesSection(line: string): boolean {
  if (!/^\p{Ll}/u.test(line) || line.length < 50) return false;
  const parts = splitTaskLine(line, false);
  return !parts.timeline && !parts.agencies.length;
}

const sectionCode = (line: string): string => /^(\d{1,2})\b/u.exec(line)?.[1] ?? '';

/** The rows of lines between two sections: cut around their numbered lines. */
function stretchRows(lines: readonly TaskLineParts[], asPrinted?: PrintedOf): TaskRow[] {
  const anchors = lines.flatMap((l, i) => (l.code ? [i] : []));
  if (!anchors.length) return lines.some((l) => l.task) ? withSubItems(lines, -1, '', asPrinted) : [];
  // gaps[g]: the lines between anchor g-1 and anchor g (gaps[0] before the first, the last after the last)
  const gaps: TaskLineParts[][] = [];
  let from = 0;
  for (const a of anchors) {
    gaps.push(lines.slice(from, a));
    from = a + 1;
  }
  gaps.push(lines.slice(from));
  const cuts = balancedCuts(gaps, anchors.map((a) => isHeading(lines[a]!)));
  return anchors.flatMap((a, r) => {
    const above = r === 0 ? gaps[0]! : gaps[r]!.slice(cuts[r]!);
    const below = r === anchors.length - 1 ? gaps[r + 1]! : gaps[r + 1]!.slice(0, cuts[r + 1]);
    return withSubItems([...above, lines[a]!, ...below], above.length, lines[a]!.code, asPrinted);
  });
}

/** A numbered line that only heads the dash sub-items under it: its task ends with a colon, no agency or timeline beside it. */
const isHeading = (line: TaskLineParts): boolean => /:\s*$/u.test(line.task) && !line.agencies.length && !line.timeline;

/** A dash opening a sub-item's task: "- Chuyển đổi số …". */
const DASH_ITEM = /^[-–]\s/u;

/**
 * A numbered row whose number stands on a heading line ("5.8 | Ứng dụng
 * công nghệ thông tin trong quản lý văn hóa:") followed by dash sub-items,
 * each with its own agencies and timeline: the heading is a row of its own,
 * each sub-item another, unnumbered (the records stage codes them 5.8.a, …).
 * Any other row is one row. `anchor` is the index of the numbered line (-1: none).
 */
function withSubItems(lines: readonly TaskLineParts[], anchor: number, code: string, asPrinted?: PrintedOf): TaskRow[] {
  const first = lines.findIndex((l) => DASH_ITEM.test(l.task));
  if (first < 0 || first <= anchor) return [assemble(lines, code, asPrinted)];
  // the heading's own lines (from its number to the first dash) carry no cells of a task
  if (lines.slice(Math.max(anchor, 0), first).some((l) => l.agencies.length || l.timeline)) return [assemble(lines, code, asPrinted)];
  const rows: TaskRow[] = [assemble(lines.slice(0, first), code, asPrinted)];
  let start = first;
  for (let i = first + 1; i <= lines.length; i++) {
    if (i < lines.length && !DASH_ITEM.test(lines[i]!.task)) continue;
    rows.push({ ...assemble(lines.slice(start, i), '', asPrinted), subItem: true });
    start = i;
  }
  return rows;
}

/**
 * For each inner gap, how many of its lines go to the row above: the cuts
 * that make rows most even above and below their number, a cut before a
 * task line starting in lower case costing more (a task opens with a capital).
 */
function balancedCuts(gaps: readonly TaskLineParts[][], heading: readonly boolean[]): number[] {
  // a heading row ("5.8 | Ứng dụng … văn hóa:") has its sub-items below it and nothing above
  const rowCost = (r: number, above: number, below: number): number => (heading[r] ? 2 * above : Math.abs(above - below));
  const last = gaps.length - 1;
  // dp over inner gaps 1..last-1; row r sits between gap r and gap r+1
  let prev = new Map<number, { cost: number; path: number[] }>([[0, { cost: 0, path: [0] }]]);
  for (let g = 1; g < last; g++) {
    const next = new Map<number, { cost: number; path: number[] }>();
    const gap = gaps[g]!;
    for (let c = 0; c <= gap.length; c++) {
      let best: { cost: number; path: number[] } | null = null;
      for (const [pc, p] of prev) {
        const aboveCount = g === 1 ? gaps[0]!.length : gaps[g - 1]!.length - pc;
        const cost = p.cost + rowCost(g - 1, aboveCount, c) + openingCost(gap[c]);
        if (!best || cost < best.cost) best = { cost, path: [...p.path, c] };
      }
      next.set(c, best!);
    }
    prev = next;
  }
  // the last row takes the whole last gap below it
  let best: { cost: number; path: number[] } | null = null;
  for (const [pc, p] of prev) {
    const aboveCount = last === 1 ? gaps[0]!.length : gaps[last - 1]!.length - pc;
    const cost = p.cost + rowCost(last - 1, aboveCount, gaps[last]!.length);
    if (!best || cost < best.cost) best = { cost, path: p.path };
  }
  return best?.path ?? [0];
}

/** What it costs to open a row at this line: nothing for a task starting with a capital, more for one going on in lower case. */
function openingCost(line: TaskLineParts | undefined): number {
  if (!line) return 0;
  if (!line.task) return 0.5;
  return /^\p{Lu}/u.test(line.task) ? 0 : 1.5;
}

/** One row from its lines in printed order: the task's parts joined, agency fragments sent to their columns. */
function assemble(lines: readonly TaskLineParts[], code: string, asPrinted?: PrintedOf): Extract<TaskRow, { kind: 'body' }> {
  const lead: string[] = [];
  const coop: string[] = [];
  for (const l of lines) {
    if (l.agencies.length >= 2) {
      // a lower-case lead part goes on with a fragment taken for the cooperating column on the lines above
      if (!lead.length && coop.length && /^\p{Ll}/u.test(l.agencies[0]!)) lead.push(...coop.splice(0));
      lead.push(l.agencies[0]!);
      coop.push(...l.agencies.slice(1));
    } else if (l.agencies.length === 1) (columnOf(l.agencies[0]!, lead, coop) === 'lead' ? lead : coop).push(l.agencies[0]!);
  }
  return {
    kind: 'body',
    code,
    task: trimGarbage(lines.map((l) => l.task).filter(Boolean).join(' '), asPrinted),
    lead: trimGarbage(lead.join(' '), asPrinted),
    cooperating: trimGarbage(coop.join(' '), asPrinted),
    timeline: lines.map((l) => l.timeline).filter(Boolean).join(' '),
  };
}

/**
 * Which column a lone agency fragment is in: a list ("Các sở, …", "các
 * quận, huyện, …", "vị liên quan") the cooperating agencies', a name's
 * go-on after "và" ("Công nghệ") the lead's, another name the lead's while
 * the row has no cooperating agencies yet.
 */
function columnOf(fragment: string, lead: readonly string[], coop: readonly string[]): 'lead' | 'coop' {
  const f = fold(fragment);
  if (opensCooperating(f)) return 'coop';
  if (lead.length > 0 && nameGoesOn(fold(lead.at(-1)!))) return 'lead';
  return lead.length && coop.length ? 'coop' : 'lead';
}

/**
 * Rows printed one paragraph per cell: the row number alone, the task, the
 * lead, the cooperating agencies, the timeline. A paragraph where a row
 * number is due that is not one is a section row.
 */
export function parseTaskBlockRows(segment: readonly string[]): TaskRow[] {
  const blocks = paragraphs(segment);
  const out: TaskRow[] = [];
  let current: { code: string; cells: string[] } | null = null;
  const flush = (): void => {
    if (current) out.push(blockRow(current.code, current.cells));
    current = null;
  };
  for (const block of blocks) {
    const text = block.join(' ');
    // a year alone is the timeline of the row it ends ("2025"), not a row number
    const year = /^20\d\d$/u.test(text.trim()) && current !== null && current.cells.length > 0;
    if (block.length === 1 && isBareNumber(text) && !year) {
      flush();
      current = { code: text.trim(), cells: [] };
    } else if ((!current || isTimeline(current.cells.at(-1) ?? '')) && text.length >= SECTION_MIN_LENGTH && /^\p{Lu}/u.test(text)) {
      flush();
      out.push({ kind: 'section', code: '', text });
    } else current?.cells.push(text);
  }
  flush();
  return out;
}

function blockRow(code: string, cells: string[]): TaskRow {
  const rest = [...cells];
  const timeline = rest.length > 1 && isTimeline(rest.at(-1)!) ? rest.pop()! : '';
  const task = rest.shift() ?? '';
  const [lead = '', ...coop] = rest;
  return { kind: 'body', code, task: trimGarbage(task), lead: trimGarbage(lead), cooperating: trimGarbage(coop.join(' ')), timeline };
}

const isTimeline = (text: string): boolean => {
  const parts = splitTaskLine(text, false);
  return Boolean(parts.timeline) && !parts.task && !parts.agencies.length;
};
