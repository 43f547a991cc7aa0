import { opensAgencyCell, opensTimeline as opensTimelineWords } from '../../../lexicon/index.js';
import type { DumpLine } from './linearized-rows.js';

/**
 * Pieces of a dump line a cell may start at. A line of targets ("≥60% 100%
 * 100% 100% 100%") is one piece per target; any other line may also be cut
 * before a capitalised word, since single-line cells printed at the same
 * height come out on one line ("Kế hoạch Thường xuyên": product, then
 * timeline).
 */
export interface Atom {
  text: string;
  line: number;
  lineStart: boolean;
  /** Spaces before the piece in the printed line: a wide gap between targets stands for an empty cell ("-  ≥ 95%    100% -"). */
  gapBefore: number;
  target: boolean;
  /** One of several targets on one line: a line of year targets, which belongs to the target columns. */
  inRun: boolean;
}

/** One target as printed: "100%", "≥ 90%", "80-90%", "> 0,7", "≥ 1.200", "đạt 1,0", "2025 - 2026", or a dash for none. */
const TARGET_TOKEN = /(?:(?:đạt|trên|dưới|tối thiểu|ít nhất|khoảng|từ)\s+)*(?:[≥≤><]=?\s*)?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s?%?|[-–—](?=\s|$)/gu;

/** Splits a part of a row into atoms (see Atom). */
export function atomsOf(lines: readonly DumpLine[]): Atom[] {
  return lines.flatMap((line, index) => {
    const raw = line.raw.trim();
    const targets = targetTokens(raw);
    if (targets && targets.length >= 2) return targets.map((t, i) => ({ ...t, line: index, lineStart: i === 0, target: true, inRun: true }));
    const words = raw.split(/(\s+)/u);
    const atoms: Atom[] = [];
    let gap = 0;
    for (const w of words) {
      if (!w) continue;
      if (/^\s+$/u.test(w)) {
        gap = w.length;
        continue;
      }
      const last = atoms.at(-1);
      if (last && !/^\p{Lu}/u.test(w)) last.text += ` ${w}`;
      else atoms.push({ text: w, line: index, lineStart: !last, gapBefore: last ? gap : 0, target: false, inRun: false });
    }
    if (atoms.length === 1 && targets?.length === 1) atoms[0]!.target = true;
    return atoms;
  });
}


function targetTokens(raw: string): { text: string; gapBefore: number }[] | null {
  const out: { text: string; gapBefore: number }[] = [];
  let at = 0;
  for (const m of raw.matchAll(TARGET_TOKEN)) {
    const between = raw.slice(at, m.index);
    if (between.trim()) return null;
    out.push({ text: m[0].replace(/\s+/gu, ' ').trim(), gapBefore: between.length });
    at = (m.index ?? 0) + m[0].length;
  }
  return raw.slice(at).trim() || !out.length ? null : out;
}

/** Lines of a cell joined as the ruling reader joins them: "57-" + "NQ/TW" → "57-NQ/TW", otherwise one space. */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const l of lines) {
    const s = l.replace(/\s+/gu, ' ').trim();
    if (!s) continue;
    text = !text ? s : /[\p{L}\p{N}]-$/u.test(text) && /^[\p{L}\p{N}]/u.test(s) ? text + s : `${text} ${s}`;
  }
  return text;
}

/** The lines of atoms a..b of a part (pieces of one printed line joined by a space). */
export function atomLines(atoms: readonly Atom[], a: number, b: number): string[] {
  const lines: string[] = [];
  for (let k = a; k < b; k++) {
    const atom = atoms[k]!;
    if (k > a && atom.line === atoms[k - 1]!.line) lines[lines.length - 1] += ` ${atom.text}`;
    else lines.push(atom.text);
  }
  return lines;
}

/**
 * A line ending like this cannot end a cell: a comma or semicolon between
 * listed agencies ("Sở Nội vụ," / "Sở Khoa học"), a function word, or an
 * agency word or a title cut from its name ("Giám đốc Sở" / "Khoa học và Công nghệ",
 * "Đồng chí Giám đốc" / "Công an thành phố"),
 * a word broken at a hyphen or slash ("57-" / "NQ/TW"; a lone "-" is an empty target).
 */
const JOINS_NEXT = /(?:[,;&]|[\p{L}\p{N}][-/]|\s(?:và|của|các|cho|với|trong|về|tại|theo|hoặc|đến|từ|được|để|trên|những|Sở|Ban|Ủy|Uỷ|Giám đốc|Chủ tịch|Trưởng|Thủ trưởng|Phó))$/u;
/** Lines that usually open a cell: a person or an agency ("Đồng chí …", "Sở …", "Ủy ban …", "Văn phòng …"), as the lexicon knows them. */

/** Whether a line cannot be the last of its cell. */
export const joinsNext = (line: string): boolean => JOINS_NEXT.test(` ${line.trim()}`);
/** Whether a line starts like a new cell. */
export const opensCell = (line: string): boolean => opensAgencyCell(line);
/** Whether a line goes on with a cell: a lower-case start ("phân công chỉ", "viên Thành ủy,"). */
export const startsLower = (line: string): boolean => /^\p{Ll}/u.test(line.trim());

/** Whether a cell reads like a timeline from its first words. */
export const opensTimeline = (text: string): boolean => opensTimelineWords(text);
