import type { Target } from '../../schemas/index.js';

/** "tối thiểu 80%", "lớn hơn 40%", "top 5", "ít nhất 01 mô hình", "150 doanh nghiệp": the first target a sentence states. */
const PATTERNS: { re: RegExp; kind: Target['kind']; unit: (m: RegExpExecArray) => string | null }[] = [
  { re: /(?:(tối thiểu|ít nhất|lớn hơn|trên|đạt|khoảng)\s+)?(\d+(?:[.,]\d+)?)\s*%/iu, kind: 'percent', unit: () => '%' },
  { re: /\btop\s+(\d+)/iu, kind: 'rank', unit: () => 'Thứ bậc' },
  { re: /(?:(tối thiểu|ít nhất|lớn hơn|trên|đạt|khoảng)\s+)?(\d+(?:[.,]\d+)?)\s+(mô hình|doanh nghiệp|sáng kiến|sáng chế|sản phẩm|nhiệm vụ|người|lớp|hội thảo|đề tài|lần)/iu, kind: 'number', unit: (m) => m[3] ?? null },
];
const COMPARATORS: Record<string, Target['comparator']> = { 'tối thiểu': '>=', 'ít nhất': '>=', 'lớn hơn': '>', trên: '>', đạt: '=', khoảng: '=' };

/**
 * The first target stated in a prose indicator, with `raw` the words that
 * state it. Fuller target parsing (several targets, years, scope) comes
 * with the records issue.
 */
export function readProseTarget(text: string): Target | null {
  for (const { re, kind, unit } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const word = (m[1] ?? '').toLowerCase();
    const numberText = kind === 'rank' ? m[1] : m[2];
    return {
      year: null, period: null, raw: m[0].trim(), comparator: kind === 'rank' ? '<=' : (COMPARATORS[word] ?? null),
      value: numberText ? Number(numberText.replace(',', '.')) : null, valueMax: null, unit: unit(m), kind,
      aspiration: /phấn đấu|phần đầu/iu.test(text), annual: /h[àằ]ng năm/iu.test(text), scope: null,
    };
  }
  return null;
}
