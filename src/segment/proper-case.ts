/**
 * Turns an agency line printed in capitals ("SỞ KHOA HỌC VÀ CÔNG NGHỆ") into
 * the form the document itself uses in running text ("Sở Khoa học và Công
 * nghệ"), by finding the same words in the body case-insensitively. When
 * the body never writes it, falls back to sentence case.
 */
export function properCase(upper: string, body: string): string {
  const phrase = upper.replace(/\s+/gu, ' ').trim();
  if (!phrase) return phrase;
  const pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(phrase).replace(/ /g, '\\s+')}(?![\\p{L}])`, 'giu');
  for (const m of body.matchAll(pattern)) {
    if (m[0] !== m[0].toUpperCase()) return m[0].replace(/\s+/gu, ' ');
  }
  const lower = phrase.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
