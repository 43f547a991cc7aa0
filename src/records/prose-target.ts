import type { Target } from '../../schemas/index.js';
import { parseTarget } from './target-parser.js';

/** Words that say how a figure compares; printed before it, they belong to the target ("tối thiểu 80%", "gấp 1,5 lần"). */
const COMPARATOR = String.raw`(?:(?:tối thiểu|ít nhất|lớn hơn|trên|khoảng|gấp|trong)\s+)?`;
/** Count units prose states targets in ("150 doanh nghiệp", "ít nhất 01 mô hình"). */
const COUNT = String.raw`\d+(?:[.,]\d+)?\s+(?:mô hình|doanh nghiệp|sáng kiến|sáng chế|sản phẩm|nhiệm vụ|người|lớp|hội thảo|đề tài|lần)`;
/** Where a sentence states a target: a percentage, a rank ("top 5", "nhóm 5"), a count. */
const MENTION = new RegExp(String.raw`${COMPARATOR}(?:\d+(?:[.,]\d+)?\s*%|(?:top|nhóm)\s+\d+|${COUNT})`, 'giu');
/** The target's own deadline or baseline, right after it: "vào cuối năm 2025", "so với giai đoạn 2020 - 2025". */
const QUALIFIER = /^\s+(?:(?:vào|đến)\s+(?:cuối\s+)?năm\s+\d{4}|so với\s+(?:giai đoạn|năm)\s+\d{4}(?:\s*[-–]\s*\d{4})?)/iu;
/** A few words that finish the target's phrase before the clause ends ("top 3 cả nước", "nhóm 5 địa phương dẫn đầu"). */
const SHORT_TAIL = /^(?:\s+[\p{L}\d]+){1,4}(?=\s*(?:[,;.]|$))/u;

interface Span {
  start: number;
  end: number;
}

/**
 * The targets a prose indicator states, kept apart, each `raw` the words
 * that state it: "… đạt 80% vào cuối năm 2025 và 100% vào năm 2026" →
 * "80% vào cuối năm 2025" (2025) and "và 100% vào năm 2026" (2026). The
 * words between two targets are the second one's scope ("150 doanh nghiệp
 * khoa học công nghệ; số lượng doanh nghiệp khởi nghiệp … đạt 450 doanh
 * nghiệp"), so the raws together give the printed span from the first
 * figure to the last. Read by the same parser as table cells; "phấn đấu"
 * and "hằng năm" anywhere in the sentence mark every target.
 */
export function readProseTargets(text: string): Target[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(MENTION)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    const rest = text.slice(end);
    const extra = QUALIFIER.exec(rest) ?? SHORT_TAIL.exec(rest);
    if (extra) end += extra[0].length;
    if (spans.length && start < (spans.at(-1)?.end ?? 0)) continue;
    spans.push({ start, end });
  }
  const aspiration = /phấn đấu|phần đầu/iu.test(text);
  const annual = /h[àằ]ng năm/iu.test(text);
  const sentenceYear = yearIn(text.slice(0, spans[0]?.start ?? 0));
  return spans.map((span, i) => {
    // the second target on takes the words since the one before as its own
    const from = i === 0 ? span.start : (spans[i - 1]?.end ?? span.start);
    const raw = text.slice(from, span.end).replace(/^[\s,;.]+/u, '').trim();
    const target = parseTarget(raw, { year: yearIn(text.slice(span.start, span.end)) ?? sentenceYear });
    return { ...target, aspiration: target.aspiration || aspiration, annual: target.annual || annual };
  });
}

/** "đến năm 2030", "vào cuối năm 2025" → the year; a baseline ("so với giai đoạn 2020 - 2025") is not a deadline. */
function yearIn(text: string): number | null {
  const m = /(?:đến|vào|cuối)\s+(?:cuối\s+)?năm\s+(\d{4})/iu.exec(text);
  return m?.[1] ? Number(m[1]) : null;
}
