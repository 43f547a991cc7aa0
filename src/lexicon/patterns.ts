/** A word or phrase of the lexicon as a literal inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Phrases as one alternation, longest first, so a longer phrase wins over the shorter one it starts with. */
export function alternationOf(list: readonly string[]): string {
  return [...list].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}
