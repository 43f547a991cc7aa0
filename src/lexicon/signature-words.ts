import { DocumentWordsFile } from '../../schemas/index.js';
import { lazy, readDataFile } from './data-file.js';
import { fold } from './fold.js';
import { escapeRegExp } from './patterns.js';

/**
 * The words of a signature block as the lexicon spells them, for mending
 * what an OCR misread in them: titles whose marks it got wrong in bold
 * capitals ("PHÔ GIẢM ĐỌC" for "PHÓ GIÁM ĐỐC"), a rank it glued to the name
 * ("THượngtá"), the deputy's title a seal left unreadable under "KT. GIÁM ĐỐC".
 */
const file = lazy(() => readDataFile('documents.json', DocumentWordsFile));

/** Every title a signature prints (heads, deputies), longest first, with its folded words. */
const titles = lazy(() => {
  const all = new Set([...file().signerTitles, ...Object.keys(file().deputyTitles), ...Object.values(file().deputyTitles)]);
  return [...all].map((t) => ({ title: t, words: fold(t).split(' ') })).sort((a, b) => b.words.length - a.words.length);
});

/** An authority opener at a line's start ("KT.", "T/M", "TL."), as printed with the space after it or without. */
const openerPattern = lazy(() => {
  const openers = [...file().authorities].sort((a, b) => b.length - a.length).map((a) => `${escapeRegExp(a)}${a.endsWith('.') ? '\\s*' : '\\s+'}`);
  return new RegExp(`^((?:${openers.join('|')}))(?=\\p{Lu})`, 'u');
});

/**
 * A title line of a signature block with the title's words in the
 * lexicon's spelling where only their marks differ: "PHÔ GIẢM ĐỌC" → "PHÓ
 * GIÁM ĐỐC", "KT.GIÁM ĐÓC" → "KT.GIÁM ĐỐC" (the opener as printed, space or
 * none), "KT. BỘ TRƯỞNG, CHỦ NHIỆM" unchanged. Words after a title
 * ("CỤC TRƯỞNG CỤC BỔ TRỢ …") and lines that start with no title are left as read.
 */
export function spelledSignerTitle(line: string): string {
  const opener = openerPattern().exec(line)?.[1] ?? '';
  const rest = line.slice(opener.length);
  const words = rest.split(/(\s+)/u);
  const letters = words.filter((_, i) => i % 2 === 0);
  const folded = letters.map((w) => fold(w));
  const found = titles().find((t) => t.words.length <= folded.length && t.words.every((w, i) => folded[i] === w));
  if (!found) return line;
  const spelled = found.title.split(' ');
  // each word keeps what the OCR printed around its letters ("TRƯỞNG," keeps its comma)
  const out = words.map((w, i) => (i % 2 === 0 && i / 2 < spelled.length ? w.replace(/\p{L}+/u, spelled[i / 2]!) : w));
  return opener + out.join('');
}

/**
 * The deputy's title printed under a head's title signed on behalf ("KT.
 * GIÁM ĐỐC" → "PHÓ GIÁM ĐỐC", "KT. BỘ TRƯỞNG" → "THỨ TRƯỞNG"); null for
 * another authority ("TL.", "TM.": who signs under them is not implied) or
 * a title the lexicon does not know.
 */
export function deputyTitleUnder(authority: string): string | null {
  const t = authority.trim();
  const opener = file()
    .onBehalfOpeners.filter((o) => new RegExp(`^${escapeRegExp(o)}${o.endsWith('.') ? '\\s*' : '\\s+'}\\p{Lu}`, 'u').test(t))
    .sort((a, b) => b.length - a.length)[0];
  if (!opener) return null;
  const head = fold(t.slice(opener.length));
  const entry = Object.entries(file().deputyTitles).find(([h]) => fold(h) === head);
  return entry?.[1] ?? null;
}

/**
 * A rank at the end of a text, however an OCR spaced or cased it
 * ("Thượng tá", "THượngtá", "Thượng Tá"): the rank as the lexicon spells it,
 * as read, and what stands before it; null when the text does not end in a rank.
 */
export function rankAtEnd(text: string): { rank: string; read: string; before: string } | null {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  for (const rank of file().ranks) {
    const glued = fold(rank).replace(/\s+/gu, '');
    // the rank's words at the end, as the OCR spaced them: "Thượng tá" or "THượngtá"
    for (let k = 1; k <= Math.min(rank.split(' ').length, words.length); k++) {
      if (fold(words.slice(-k).join('')).replace(/\s+/gu, '') === glued) return { rank, read: words.slice(-k).join(' '), before: words.slice(0, -k).join(' ') };
    }
  }
  return null;
}
