/**
 * Glyphs the Vietnamese tesseract model does not have, and what it reads
 * for them. "≥" (in plans' targets, 265 times in KH/TU 57 against 2 ">")
 * comes out as "z>" or "z" before the number: "z>60%", "z95%". Vietnamese
 * has no letter z, so a "z" there is never a word. A bare ">" stays: plans
 * print it too.
 */
export function repairMissingGlyphs(token: string): string {
  if (token === 'z>' || token === 'z>=') return '≥';
  return token.replace(/^z>?=?(?=\d)/u, '≥');
}
