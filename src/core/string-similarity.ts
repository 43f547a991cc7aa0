/**
 * Levenshtein distance over Unicode code points. Written here rather than
 * taken from `natural` (LevenshteinDistance): same distances, but measured
 * 5.7× slower on agency names, and this runs for every cell and line pair.
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/**
 * 1 − edit distance / the longer length: 1 for equal strings, 0 when
 * nothing matches. Used where OCR makes two printings of the same text
 * differ by a few letters (a repeated table header: "TT" / "TY").
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max([...a].length, [...b].length);
  return longer ? 1 - editDistance(a, b) / longer : 1;
}
