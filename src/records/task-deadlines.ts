import { deadlineIn, eventDeadlineIn, misreadDeadlineIn, referenceDeadlineIn, runsFromLength } from '../lexicon/index.js';

/**
 * Every deadline a task states ("trước ngày 28/4/2026 … trước ngày
 * 05/5/2026"), taken out of it; a deadline in brackets takes its brackets
 * with it ("(Kế hoạch ban hành trước ngày 15/3/2026)"), and a deadline by
 * reference closes the task ("… theo thời gian tại khoản 1 Công văn này"),
 * as does one given by an event ("… trước khi trình cấp có thẩm quyền xem
 * xét, quyết định") when no date is given.
 */
export function takeDeadlines(task: string): { deadlines: string[]; rest: string; misread?: string } {
  const deadlines: string[] = [];
  let rest = task;
  for (let d = deadlineIn(rest); d && deadlines.length < 4; d = deadlineIn(rest)) {
    // "trong thời gian 90 ngày kể từ ngày ban hành Quyết định này": the period with the event it runs from
    const end = d.index + d.raw.length + runsFromLength(rest.slice(d.index + d.raw.length));
    deadlines.push(rest.slice(d.index, end));
    const [from, to] = bracketsAround(rest, d.index, end) ?? [d.index, end];
    rest = rest.slice(0, from) + rest.slice(to);
  }
  // "… tu uóv ngày 22/8/2025.": an opener the OCR garbled before a closing date; the record says what was read
  const misread = deadlines.length ? null : misreadDeadlineIn(rest);
  if (misread) return { deadlines: [misread.raw], rest: rest.slice(0, misread.index), misread: misread.read };
  const byReference = deadlines.length ? null : (referenceDeadlineIn(rest) ?? eventDeadlineIn(rest));
  if (byReference) {
    deadlines.push(byReference.raw);
    rest = rest.slice(0, byReference.index);
  }
  return { deadlines, rest };
}

/** Words a bracket may hold besides its deadline and still be a note on the deadline ("Kế hoạch ban hành"), not a task of its own. */
const MAX_BRACKET_WORDS = 5;

/** The span of the brackets a deadline stands in with a few words only, when one pair holds it; null otherwise. */
function bracketsAround(text: string, from: number, to: number): [number, number] | null {
  const open = text.lastIndexOf('(', from);
  const close = text.indexOf(')', to);
  if (open < 0 || close < 0 || text.lastIndexOf(')', from) > open || text.slice(to, close).includes('(')) return null;
  const words = `${text.slice(open + 1, from)} ${text.slice(to, close)}`.trim().split(/\s+/u).filter(Boolean);
  return words.length <= MAX_BRACKET_WORDS ? [open, close + 1] : null;
}
