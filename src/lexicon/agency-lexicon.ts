import { AgencyWordsFile, type Agency } from '../../schemas/index.js';
import { similarity } from '../core/index.js';
import { lazy, readDataFile } from './data-file.js';
import { escapeRegExp } from './patterns.js';
import { fold } from './fold.js';
import { registryFiles, registryNames } from './registry-file.js';


const lexicon = lazy(() => {
  const file = readDataFile('agencies.json', AgencyWordsFile);
  const heads = [...new Set(file.heads)].sort((a, b) => b.length - a.length);
  const registry = registryFiles(null);
  // the words of agency names: the data file's, the registry's names and abbreviations, and the provinces'
  const words = new Set<string>([
    ...file.words.map(fold),
    ...registryNames(null).flatMap((n) => fold(n).split(' ')),
    ...registry.flatMap((r) => r.abbreviations.map(([short]) => fold(short).replace(/\s+/gu, ''))),
    ...file.places.flatMap((p) => fold(p).split(' ')),
  ]);
  words.delete('');
  return {
    file,
    heads,
    headsFolded: heads.map((h) => ({ folded: fold(h), words: fold(h).split(' ').length, capitalisedAfter: file.capitalisedAfter.includes(h) })),
    words,
    misread: file.misreadHeads.filter((m) => m.where.includes('names')).map((m) => ({ head: m.head, re: new RegExp(`^(?:${m.pattern})$`, 'u') })),
    misreadInLists: file.misreadHeads.filter((m) => m.where.includes('lists')).map((m) => m.pattern),
    kinds: file.kinds.map((k) => ({ kind: k.kind as Agency['kind'], starts: k.starts.map((s) => s.toLowerCase()), contains: k.contains.map((s) => s.toLowerCase()) })),
    listOpeners: new Set(file.textRows.listOpeners),
    nameOpeners: new Set(file.textRows.nameOpeners),
    lineOpeners: new Set(file.textRows.lineOpeners),
    groupOpeners: file.groupOpeners,
    levels: wholePhrases(file.levels),
    notLevels: wholePhrases(file.notLevels),
  };
});

/** Lower-cased phrases as whole-word patterns, longest first (so "thị xã" is taken before "xã"). */
function wholePhrases(phrases: readonly string[]): { phrase: string; re: RegExp }[] {
  return [...new Set(phrases.map(lowerWords))]
    .sort((a, b) => b.length - a.length)
    .map((phrase) => ({ phrase, re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'gu') }));
}

/** Lower case, one spelling of "uỷ"/"ủy", words apart by one space. */
const lowerWords = (text: string): string => text.normalize('NFC').toLowerCase().replace(/uỷ/gu, 'ủy').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A regular-expression alternation of the words agency names start with,
 * longest first ("Văn phòng|Công an|…|Sở|Ban"), for the patterns that find
 * where one agency of a list ends and the next begins.
 */
export function agencyHeadAlternation(): string {
  return lexicon().heads.map(escapeRegExp).join('|');
}

/** The heads of unit headings whose bullets are that unit's tasks, as an alternation ("Văn phòng|Phòng|…"). */
export function unitHeadingAlternation(): string {
  return [...lexicon().file.unitHeadings].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/** Words opening a group of bodies ("các", "những"), as an alternation that also takes a capital. */
export function groupOpenerAlternation(): string {
  return lexicon().groupOpeners.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]).map(escapeRegExp).join('|');
}

/** The kind of body an agency's printed name says: "các sở, ban, ngành" → group, "Sở Y tế" → department. */
export function agencyKindOf(raw: string): Agency['kind'] {
  const text = raw.toLowerCase().replace(/uỷ/gu, 'ủy');
  for (const k of lexicon().kinds) {
    if (k.starts.some((s) => text.startsWith(`${s} `)) || k.contains.some((s) => text.includes(s.replace(/uỷ/gu, 'ủy')))) return k.kind;
  }
  return 'unknown';
}

/**
 * True when an agency name starts at word `i` of printed words: "Sở Khoa
 * học…", "Văn phòng Ủy ban…", "Ngoan hàng Nhà nước" (an OCR slip in a
 * multi-word head). A one-word head needs a capitalised word after it
 * ("Sở Y tế", not "cơ sở giáo dục"); a head an OCR misread past repair
 * (the data's misreadHeads: "S¢&" for "Sở") counts as that head.
 */
export function agencyStartsAt(words: readonly string[], i: number): boolean {
  const first = words[i] ?? '';
  if (!/^\p{Lu}/u.test(first)) return false;
  const { headsFolded, misread } = lexicon();
  const next = words[i + 1] ?? '';
  if (misread.some((m) => m.re.test(first)) && /^\p{Lu}/u.test(next)) return true;
  for (const h of headsFolded) {
    if (i + h.words > words.length) continue;
    const candidate = fold(words.slice(i, i + h.words).join(' '));
    if (h.words === 1) {
      if (candidate === h.folded && (!h.capitalisedAfter || /^\p{Lu}/u.test(next))) return true;
    } else if (similarity(candidate, h.folded) >= 0.8) return true;
  }
  return false;
}

/** A word (folded) that agency names and group lists are made of: heads, sectors, localities ("so", "khoa", "hoc", "quan", "huyen"). */
export function isAgencyWord(folded: string): boolean {
  return lexicon().words.has(folded);
}

/** A head misread past repair ("S¢&"): the head it stands for, or null. */
export function misreadHead(word: string): string | null {
  return lexicon().misread.find((m) => m.re.test(word))?.head ?? null;
}

/** Folded openers of agency parts on a text-export line (see agencies.json textRows). */
export const isListOpener = (folded: string): boolean => lexicon().listOpeners.has(folded);
export const isLineOpener = (folded: string): boolean => lexicon().lineOpeners.has(folded);
/** "so", "cong an", "van phong": the first one or two folded words open one agency's name. */
export function opensName(folded: string, nextFolded: string): boolean {
  const { nameOpeners } = lexicon();
  return nameOpeners.has(folded) || nameOpeners.has(`${folded} ${nextFolded}`);
}

/** Whether folded text starts with one of the folded phrases, as whole words. */
const startsWithPhrase = (folded: string, phrases: readonly string[]): boolean => phrases.some((p) => folded === p || folded.startsWith(`${p} `));
const endsWithPhrase = (folded: string, phrases: readonly string[]): boolean => phrases.some((p) => folded === p || folded.endsWith(` ${p}`));

/** A text-export line going on with a list of bodies: "các quận, huyện", "dân các quận", "vị liên quan" (folded). */
export const listGoesOn = (folded: string): boolean => startsWithPhrase(folded, lexicon().file.textRows.listGoesOn);
/** A lone agency fragment that belongs to the cooperating column: "các …", "Ủy ban nhân dân các quận" (folded). */
export const opensCooperating = (folded: string): boolean => startsWithPhrase(folded, lexicon().file.textRows.cooperatingStarts);
/** A lead fragment whose name goes on in the next fragment: "Sở Khoa học và", "Trường Đại học" (folded). */
export const nameGoesOn = (folded: string): boolean => endsWithPhrase(folded, lexicon().file.textRows.nameGoesOnAfter);
/** A name its locality follows: "Văn phòng Ủy ban nhân dân" + "thành phố" (folded). */
export const endsBeforeLocality = (folded: string): boolean => endsWithPhrase(folded, lexicon().file.textRows.endsBeforeLocality);

/**
 * Whether a line opens with an agency head: "SỞ KHOA HỌC …", "BAN QUẢN LÝ
 * …", "ỦY BAN NHÂN DÂN". With `capitals`, the head must be printed in
 * capitals (a header block's organ lines), so "Ban hành …" is no organ.
 */
export function startsWithAgencyHead(text: string, o: { capitals?: boolean } = {}): boolean {
  const words = text.trim().split(/\s+/u);
  return lexicon().headsFolded.some((h) => {
    const head = words.slice(0, h.words).join(' ');
    return fold(head) === h.folded && (!o.capitals || head === head.toUpperCase());
  });
}

/** An organ type alone, naming no place ("ỦY BAN NHÂN DÂN", "HĐND"): the next line goes on with it. */
export function isBareOrgan(text: string): boolean {
  const f = fold(text);
  return lexicon().file.bareOrgans.some((o) => fold(o) === f);
}

/** An alternation of the misread heads that still start the next agency of a list ("Số" for "Sở"). */
export function misreadListHeadAlternation(): string {
  return lexicon().misreadInLists.join('|');
}

/** A group of bodies as an alternation: "các (?:cơ quan|sở|…)" (for finding partners named without "với"). */
export function groupAlternation(): string {
  const { file } = lexicon();
  return `(?:${file.groupOpeners.map(escapeRegExp).join('|')}) (?:${file.groupNouns.map(escapeRegExp).join('|')})`;
}

/** The nouns a group of bodies is made of ("cơ quan", "đơn vị", "địa phương"), as an alternation. */
export function groupNounAlternation(): string {
  return [...lexicon().file.groupNouns].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/** Heads that open a name only before a capitalised word ("Ban Quản lý", "Hội Nông dân"), as an alternation. */
export function capitalisedHeadAlternation(): string {
  return [...lexicon().file.capitalisedAfter].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/** Whether a line opens an agency, a group or a person as a cell does: "Sở …", "Ủy ban …", "Các …", "Đồng chí …" (agencies.json cellOpeners). */
export function opensAgencyCell(text: string): boolean {
  const t = text.trim();
  return lexicon().file.cellOpeners.some((o) => t === o || t.startsWith(`${o} `) || t.startsWith(`${o}\t`));
}

/**
 * The levels of government a name says ("Văn phòng Tỉnh ủy" → {"tỉnh"},
 * "Công an thị xã …" → {"thị xã"}), from the lexicon's `levels`; phrases
 * of `notLevels` ("xã hội") say none. Only words printed with their marks
 * count: a name an English-model OCR stripped says no level.
 */
export function governmentLevels(text: string): Set<string> {
  const { levels, notLevels } = lexicon();
  let rest = lowerWords(text);
  for (const n of notLevels) rest = rest.replace(n.re, ' ');
  const found = new Set<string>();
  for (const l of levels) {
    if (!l.re.test(rest)) continue;
    l.re.lastIndex = 0;
    found.add(l.phrase);
    rest = rest.replace(l.re, ' ');
  }
  return found;
}

/** The nouns that name bodies in lower case: the groups' nouns, the heads and the levels of government ("cơ quan", "sở", "xã", "thành phố"). */
export function bodyNouns(): string[] {
  const { file } = lexicon();
  return [...new Set([...file.groupNouns, ...file.heads, ...file.levels].map((w) => w.toLowerCase()))];
}
