import type { Target } from '../../schemas/index.js';
import { parseTarget } from './target-parser.js';

/** Where a sentence states its target: "tối thiểu 80%", "lớn hơn 40%", "top 5", "ít nhất 01 mô hình", "150 doanh nghiệp". */
const SPANS: RegExp[] = [
  /(?:(?:tối thiểu|ít nhất|lớn hơn|trên|đạt|khoảng)\s+)?\d+(?:[.,]\d+)?\s*%/iu,
  /\btop\s+\d+/iu,
  /(?:(?:tối thiểu|ít nhất|lớn hơn|trên|đạt|khoảng)\s+)?\d+(?:[.,]\d+)?\s+(?:mô hình|doanh nghiệp|sáng kiến|sáng chế|sản phẩm|nhiệm vụ|người|lớp|hội thảo|đề tài|lần)/iu,
];

/**
 * The first target a prose indicator states, `raw` being the words that
 * state it, read by the same parser as table cells; "phấn đấu" and "hằng
 * năm" anywhere in the sentence mark it. Several targets in one sentence and
 * their scopes are left to the records issue.
 */
export function readProseTarget(text: string): Target | null {
  for (const re of SPANS) {
    const m = re.exec(text);
    if (!m) continue;
    const target = parseTarget(m[0]);
    return { ...target, aspiration: /phấn đấu|phần đầu/iu.test(text), annual: /h[àằ]ng năm/iu.test(text) };
  }
  return null;
}
