/**
 * Roles of table columns, recognised from the header text by meaning, not by
 * position: plans name the same column many ways ("Cơ quan chủ trì theo dõi,
 * đánh giá", "Đơn vị chủ trì", "Cá nhân/tổ chức được phân công chủ trì").
 * Shared vocabulary: records maps columns to fields with it, and layout finds
 * the header cells of a linearized text table by it.
 */
export type ColumnRole =
  | 'code' | 'name' | 'task' | 'unit' | 'target' | 'year' | 'directing'
  | 'lead' | 'monitor' | 'cooperating' | 'timeline' | 'output' | 'notes' | 'extra';

/** Checked in order: the first pattern that matches decides. */
const RULES: readonly [ColumnRole, RegExp][] = [
  ['code', /^(s?tt|số tt|số thứ tự)$/iu],
  ['year', /^năm\s*\d{4}$/iu],
  ['directing', /chỉ đạo/iu],
  ['monitor', /theo dõi/iu],
  ['cooperating', /phối hợp/iu],
  ['lead', /chủ trì|được phân công/iu],
  ['timeline', /thời gian|tiến độ|thời hạn/iu],
  ['output', /sản phẩm|kết quả đầu ra|đầu ra/iu],
  ['notes', /ghi chú/iu],
  ['unit', /^đơn vị( tính)?$|đơn vị tính/iu],
  ['name', /chỉ tiêu/iu],
  ['task', /nội dung|nhiệm vụ|công việc|giải pháp/iu],
  ['target', /kết quả|mục tiêu|giá trị/iu],
];

/** The role of one header cell ("Năm 2030" → year, "Đơn vị chủ trì" → lead). */
export function columnRole(header: string): ColumnRole {
  // stray marks an OCR leaves in bold header cells split the words ("Đồng chí được. phân công chủ : trì")
  // and single letters ("chủ ầ trì"): no header word is one letter
  const text = header.replace(/[^\p{L}\p{N}\s/%-]+/gu, ' ').replace(/(^|\s)\p{L}(?=\s|$)/gu, ' ').replace(/\s+/gu, ' ').trim();
  return RULES.find(([, re]) => re.test(text))?.[0] ?? (GARBLED_YEAR.test(text) ? 'year' : 'extra');
}

/**
 * A year column whose "Năm" OCR garbled ("NHI 2035", "E7) 2040"): one year
 * and at most one short word before it. Two years ("20252030": two cells
 * read as one) are not taken.
 */
const GARBLED_YEAR = /^(?:\p{L}[\p{L}\p{N}]{0,7}\s*)?(?:19|20)\d{2}$/u;
