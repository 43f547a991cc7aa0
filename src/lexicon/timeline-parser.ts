import type { Timeline } from '../../schemas/index.js';
import { lazy } from './data-file.js';
import { timelineAlternations } from './timeline-words.js';

const QUARTERS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Reads a timeline cell into a schedulable span. Forms found in the seeds:
 * "2025" · "2025 - 2026" · "Hằng năm"/"Hàng năm" · "Thường xuyên" ·
 * "Quý III/2026" → 2026-07-01 … 2026-09-30 · "Tháng 12/2026" ·
 * "Hoàn thành trong tháng 9/2025" · "Hoàn thành trong năm 2027" ·
 * "Trước ngày 15/12 hằng năm" (a deadline every year) · "Theo yêu cầu" ·
 * "Theo thời gian tại các Nghị quyết …". Unknown forms keep `raw` with kind "unknown".
 */
/** The timeline words of timelines.json as patterns over a cell's text (lower case). */
const words = lazy(() => {
  const a = timelineAlternations();
  return { annual: new RegExp(`(?:${a.annual})`, 'iu'), ongoing: new RegExp(`(?:${a.ongoing})`, 'iu'), onRequest: new RegExp(`(?:${a.onRequest})`, 'iu') };
});

export function parseTimeline(raw: string): Timeline {
  const text = raw.replace(/\s+/gu, ' ').trim();
  const base = { raw: text, start: null, end: null, recurrence: null };
  const lower = text.toLowerCase();
  const quarter = /quý\s*([IV]+|[1-4])\s*\/\s*(\d{4})/iu.exec(text);
  if (quarter?.[1] && quarter[2]) {
    const q = QUARTERS[quarter[1].toUpperCase()] ?? 1;
    const y = Number(quarter[2]);
    const m = q * 3;
    return { ...base, kind: 'quarter', start: `${y}-${pad(m - 2)}-01`, end: `${y}-${pad(m)}-${lastDay(y, m)}` };
  }
  const month = /tháng\s*(\d{1,2})\s*\/\s*(\d{4})/iu.exec(text);
  if (month?.[1] && month[2]) {
    const [m, y] = [Number(month[1]), Number(month[2])];
    return { ...base, kind: 'month', start: `${y}-${pad(m)}-01`, end: `${y}-${pad(m)}-${lastDay(y, m)}` };
  }
  const deadline = /trước ngày\s*(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?/iu.exec(text);
  if (deadline?.[1] && deadline[2]) {
    const [d, m, y] = [Number(deadline[1]), Number(deadline[2]), deadline[3] ? Number(deadline[3]) : null];
    const annual = words().annual.test(text);
    return { ...base, kind: 'deadline', end: y ? `${y}-${pad(m)}-${pad(d)}` : null, recurrence: annual ? 'annual' : null };
  }
  const range = /^(?:giai đoạn\s*)?(\d{4})\s*[-–—]\s*(\d{4})$/iu.exec(text);
  if (range?.[1] && range[2]) return { ...base, kind: 'range', start: `${range[1]}-01-01`, end: `${range[2]}-12-31` };
  const year = /^(?:năm\s*)?(\d{4})$/iu.exec(text) ?? /^(?:hoàn thành\s+)?(?:trong\s+)?năm\s+(\d{4})$/iu.exec(text);
  if (year?.[1]) return { ...base, kind: 'year', start: `${year[1]}-01-01`, end: `${year[1]}-12-31` };
  if (words().annual.test(lower)) return { ...base, kind: 'annual', recurrence: 'annual' };
  if (words().ongoing.test(lower)) return { ...base, kind: 'ongoing' };
  if (words().onRequest.test(lower)) return { ...base, kind: 'on-request' };
  if (/^theo (thời gian|tiến độ)/u.test(lower)) return { ...base, kind: 'by-reference' };
  return { ...base, kind: 'unknown' };
}

/** Whether a cell reads as a timeline at all ("Quý III/2026", "Thường xuyên", "2025 - 2026"). */
export const looksLikeTimeline = (text: string): boolean => parseTimeline(text).kind !== 'unknown';
