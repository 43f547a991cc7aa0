import type { Target } from '../../schemas/index.js';

/** Words before a number that say how it compares: "tối thiểu 80%" is ≥ 80 %. */
const COMPARATOR_WORDS: [RegExp, NonNullable<Target['comparator']>][] = [
  [/(≥|>=|tối thiểu|ít nhất|không dưới|không thấp hơn|có từ|từ)\s*$/iu, '>='],
  [/(>|trên|lớn hơn|hơn|vượt)\s*$/iu, '>'],
  [/(≤|<=|tối đa|không quá|không vượt quá)\s*$/iu, '<='],
  [/(<|dưới|nhỏ hơn)\s*$/iu, '<'],
  [/(=|đạt|bằng|là)\s*$/iu, '='],
];
/** Count units that follow a number in the seeds ("150 doanh nghiệp", "54 người", "Người/vạn dân"). */
const COUNT_UNIT = /^\s*((?:doanh nghiệp|sáng kiến|sáng chế|mô hình|sản phẩm|nhiệm vụ|người|lượt người|lớp|hội thảo|đề tài|công trình|bài báo|tỷ đồng|triệu đồng|lần|cơ sở|xã|hồ sơ)(?:\/[\p{L} ]+)?)/iu;
const NUMBER = String.raw`\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:,\d+)?`;

/** Vietnamese numbers: "1.200" is twelve hundred, "0,85" is a decimal. */
export function readNumber(text: string): number {
  if (/^\d{1,3}(\.\d{3})+$/u.test(text)) return Number(text.replace(/\./gu, ''));
  return Number(text.replace(',', '.'));
}

/**
 * Reads a target as printed into comparator, value(s), unit and kind, the
 * printed text kept in `raw`. Forms found in the plans: "≥60%", "≥ 0,85",
 * "≥ 1.200", "100%", "55-60%", "07 đến 10", "đạt trên 3,5%", "phấn đấu ít
 * nhất 3%", "Có từ 54 người", "> 0,7", "Top 3 …", "Phấn đấu đứng top 3 toàn
 * quốc", "trong nhóm 5 địa phương dẫn đầu", "150 doanh nghiệp", "gấp 1,5 lần so
 * với giai đoạn 2020 - 2025", and text with no number ("Đạt mức cao của cả nước").
 */
export function parseTarget(raw: string, at: { year?: number | null; period?: string | null; scope?: string | null } = {}): Target {
  const text = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const base: Target = {
    year: at.year ?? null, period: at.period ?? null, raw: text, comparator: null, value: null, valueMax: null, unit: null, kind: 'text',
    aspiration: /phấn đấu|phần đầu/iu.test(text), annual: /h[àằ]ng năm/iu.test(text), scope: at.scope ?? null,
  };
  const rank = /\btop\s*(\d+)/iu.exec(text) ?? /(?:thứ|hạng|trong nhóm)\s*(\d+)\b/iu.exec(text);
  if (rank?.[1]) return { ...base, kind: 'rank', comparator: '<=', value: Number(rank[1]), unit: 'Thứ bậc' };
  // a baseline period after the figure ("gấp 1,5 lần so với giai đoạn 2020 - 2025") is no value range
  const figures = text.replace(/\s+so với\s.*$/iu, '');
  const range = new RegExp(`(${NUMBER})\\s*(?:-|–|đến)\\s*(${NUMBER})\\s*(%)?`, 'u').exec(figures);
  if (range?.[1] && range[2]) {
    const percent = Boolean(range[3]);
    return { ...base, kind: percent ? 'percent' : 'number', comparator: 'range', value: readNumber(range[1]), valueMax: readNumber(range[2]), unit: percent ? '%' : countUnit(text.slice((range.index ?? 0) + range[0].length)) };
  }
  const num = new RegExp(`(${NUMBER})\\s*(%\\s*GDP|%)?`, 'u').exec(text);
  if (!num?.[1]) return base;
  const before = text.slice(0, num.index ?? 0);
  // nothing, or only "và"/"hoặc" joining it to a target before, in front of the figure: it is the value itself
  const comparator = COMPARATOR_WORDS.find(([re]) => re.test(before))?.[1] ?? (/^\s*(?:(?:và|hoặc)\s*)?$/iu.test(before) ? '=' : null);
  const percent = num[2]?.replace(/\s+/gu, ' ') ?? null;
  return {
    ...base,
    kind: percent ? 'percent' : 'number',
    comparator,
    value: readNumber(num[1]),
    unit: percent ?? countUnit(text.slice((num.index ?? 0) + num[0].length)),
  };
}

function countUnit(after: string): string | null {
  return COUNT_UNIT.exec(after)?.[1]?.trim() ?? null;
}

/**
 * Several targets in one cell, each with its scope: "≥ 95% đối với trường
 * học; ≥ 90% đối với bệnh viện" → two targets scoped "trường học" and "bệnh viện".
 */
export function parseTargets(raw: string, at: { year?: number | null; period?: string | null } = {}): Target[] {
  const parts = raw.split(';').map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2 || !parts.every((p) => /\d/u.test(p))) return [parseTarget(raw, at)];
  return parts.map((p) => parseTarget(p, { ...at, scope: /đối với\s+(.+)$/iu.exec(p)?.[1]?.trim() ?? null }));
}
