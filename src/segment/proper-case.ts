/**
 * Turns an agency line printed in capitals ("SỞ KHOA HỌC VÀ CÔNG NGHỆ") into
 * the form the document itself uses in running text ("Sở Khoa học và Công
 * nghệ"), by finding the same words in the body case-insensitively (the
 * most frequent spelling). When
 * the body never writes it, falls back to sentence case.
 */
export function properCase(upper: string, body: string): string {
  const phrase = upper.replace(/\s+/gu, ' ').trim();
  if (!phrase) return phrase;
  const pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(phrase).replace(/ /g, '\\s+')}(?![\\p{L}])`, 'giu');
  // the document's most frequent spelling wins ("Ủy ban nhân dân xã Chí Minh" over a stray "Xã")
  const counts = new Map<string, number>();
  for (const m of body.matchAll(pattern)) {
    const form = m[0].replace(/\s+/gu, ' ');
    if (form !== form.toUpperCase()) counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  const lower = phrase.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
