/**
 * Advance widths of Times New Roman (per em), the typeface Vietnamese
 * administrative documents are set in (Nghị định 30/2020/NĐ-CP). Only the
 * shape matters: a text dump has no positions, and comparing line lengths in
 * characters would take "Minh Cường, Ủy" and "viên Thành ủy," for the same
 * width although wide capitals and "m"/"w" make the first one longer.
 */
const LOWER: Readonly<Record<string, number>> = {
  a: 0.444, b: 0.5, c: 0.444, d: 0.5, e: 0.444, f: 0.333, g: 0.5, h: 0.5, i: 0.278, j: 0.278, k: 0.5, l: 0.278, m: 0.778,
  n: 0.5, o: 0.5, p: 0.5, q: 0.5, r: 0.333, s: 0.389, t: 0.278, u: 0.5, v: 0.5, w: 0.722, x: 0.5, y: 0.5, z: 0.444, đ: 0.5,
};
const UPPER: Readonly<Record<string, number>> = { I: 0.333, J: 0.389, M: 0.889, W: 0.944, F: 0.556, P: 0.556, S: 0.556, E: 0.611, L: 0.611, T: 0.611, Z: 0.611 };
const OTHER: Readonly<Record<string, number>> = {
  ' ': 0.25, '.': 0.25, ',': 0.25, ':': 0.278, ';': 0.278, '/': 0.278, '-': 0.333, '(': 0.333, ')': 0.333, '%': 0.833, '≥': 0.549, '≤': 0.549, '…': 1,
};

/** Estimated printed width of a text in ems: "Đồng chí Hoàng" ≈ 6.4, "viên Thành ủy," ≈ 5.6. */
export function textWidth(text: string): number {
  const known = measured.get(text);
  if (known !== undefined) return known;
  if (measured.size > MEASURED_MAX) measured.clear();
  const width = measure(text);
  measured.set(text, width);
  return width;
}

/** Cell lines repeat across rows and readings ("Đồng chí Hoàng"): each is measured once. */
const measured = new Map<string, number>();
const MEASURED_MAX = 50_000;

function measure(text: string): number {
  let width = 0;
  // diacritics add no width: measure the base letters ("Ủy" as "Uy")
  for (const ch of text.normalize('NFD').replace(/\p{M}/gu, '')) {
    if (LOWER[ch] !== undefined) width += LOWER[ch];
    else if (/\p{Lu}/u.test(ch)) width += UPPER[ch] ?? (ch === 'Đ' ? 0.722 : 0.7);
    else if (/\d/u.test(ch)) width += 0.5;
    else width += OTHER[ch] ?? 0.5;
  }
  return width;
}
