/**
 * Passages a sentence quotes from another document after a colon ("Căn cứ
 * … Nghị định …: “Trong thời hạn 07 ngày …, Ban chủ nhiệm … gửi …”",
 * "theo đó quy định: “… có trách nhiệm báo cáo …”"): the law or letter
 * quoted gave those tasks, not this document. A quotation without a colon
 * before it is a name ("Phong trào thi đua “Đẩy mạnh …”") and stays text.
 */

/** One quoted passage of a text: [start, end) from its opening “ to just after its closing ” (the text's end when none closes it). */
export interface QuotedSpan {
  start: number;
  end: number;
}

/** The passages of `text` quoted after a colon, in order; quotation marks nested inside one belong to it. */
export function quotedPassages(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  for (const m of text.matchAll(/:\s*“/gu)) {
    const start = (m.index ?? 0) + m[0].length - 1;
    if (spans.length && start < spans.at(-1)!.end) continue;
    let depth = 0;
    let end = -1;
    for (let i = start; i < text.length; i++) {
      if (text[i] === '“') depth += 1;
      else if (text[i] === '”' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    spans.push({ start, end: end < 0 ? text.length : end });
  }
  return spans;
}

/** Whether position `at` of the text lies inside one of its quoted passages (after the opening “). */
export const insideQuote = (spans: readonly QuotedSpan[], at: number): boolean => spans.some((s) => at > s.start && at < s.end);

/**
 * The text from `from` to `to` with each quoted passage in it masked as a
 * numbered mark ("“1”"), so that a reader looks for agencies and openers
 * outside them; `restore` puts the passages back into what was read.
 */
export function maskQuotes(text: string, spans: readonly QuotedSpan[], from = 0, to = text.length): { text: string; restore: (s: string) => string } {
  const kept: string[] = [];
  let out = '';
  let at = from;
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue;
    out += text.slice(at, Math.max(at, s.start)) + `“${kept.length}”`;
    kept.push(text.slice(Math.max(s.start, from), Math.min(s.end, to)));
    at = Math.min(to, s.end);
  }
  out += text.slice(at, to);
  return { text: out.trim(), restore: (s) => s.replace(/“(\d+)”/gu, (m, k: string) => kept[Number(k)] ?? m) };
}
