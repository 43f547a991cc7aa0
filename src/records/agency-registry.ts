import { join } from 'node:path';
import type { Agency, LearnedAliases, RegistryEntry, RegistryFile } from '../../schemas/index.js';
import { governmentLevels, learnedAliases, shippedRegistryFile, userRegistryFile } from '../lexicon/index.js';
import { similarity, stripDiacritics, writeFileAtomic } from '../core/index.js';

/** Fuzzy matches below this similarity are not taken (OCR leftovers are a letter or two). */
const FUZZY_MIN = 0.9;
/**
 * Text an OCR misread is also compared without its diacritics, which an
 * English model garbles most ("Sở Khoa học và Công ngũ¢", "Sở Thoong tin"):
 * letters must agree this well.
 */
const MISREAD_MIN = 0.88;
/**
 * A misread name's letters may agree less (a garbled last word: "Sở Khoa
 * học và Công hỗ", a lost head: "Giáo dục và Đào tạo") when one registry
 * name is clearly nearer than every other: the runner-up at least
 * MISREAD_MARGIN behind.
 */
const MISREAD_LOOSE = 0.8;
const MISREAD_MARGIN = 0.12;
/**
 * A misreading of a name the same document prints clearly in other rows
 * (its agency column repeats a few names) may agree less still ("Sở Khoa
 * học ở Cộng hồ" in a table of "Sở Khoa học và Công nghệ"): among those
 * names only, with the same margin over the runner-up.
 */
const DOCUMENT_LOOSE = 0.7;

/** How the agency text was read: `misread` for OCR'd or restored text, where a near match is a repair. */
export interface ResolveOptions {
  misread?: boolean;
  /** Canonical names the document prints clearly elsewhere; a misreading (`misread`) may match one of them more loosely. */
  documentNames?: ReadonlySet<string>;
}

/**
 * Canonical agencies: abbreviations expanded ("Sở KH&CN" → "Sở Khoa học
 * và Công nghệ", "UBND" → "Ủy ban nhân dân"), names matched exactly or
 * fuzzily (score kept) to the registry, successors after the 2025
 * reorganisation added, people read as name + titles, groups ("các sở,
 * ban, ngành") left as groups. The printed text always stays in `raw`.
 */
export class AgencyRegistry {
  readonly #byKey = new Map<string, RegistryEntry>();
  /** The registry's own spelling of each key (a name or an alias), for repairing what an OCR misread. */
  readonly #printed = new Map<string, string>();
  readonly #entries: RegistryEntry[] = [];
  readonly #abbreviations: [RegExp, string][];
  readonly #abolished: { pattern: RegExp; kind: Agency['kind']; since: string }[];

  constructor(files: readonly RegistryFile[], learned: LearnedAliases = []) {
    const abbreviations = new Map<string, string>();
    this.#abolished = [];
    for (const f of files) {
      for (const [short, long] of f.abbreviations) abbreviations.set(short, long);
      for (const e of f.agencies) {
        this.#entries.push(e);
        for (const n of [e.name, ...e.aliases]) {
          this.#byKey.set(fold(n), e);
          this.#printed.set(fold(n), n);
        }
      }
      for (const a of f.abolished) this.#abolished.push({ pattern: new RegExp(a.pattern, 'iu'), kind: a.kind, since: a.since });
    }
    // longest first, so "KH&CN" is expanded before "KH"; only as whole words
    this.#abbreviations = [...abbreviations].sort((a, b) => b[0].length - a[0].length).map(([s, l]) => [new RegExp(`(?<![\\p{L}\\p{N}&])${escape(s)}(?![\\p{L}\\p{N}&])`, 'gu'), l]);
    for (const { alias, name } of learned) {
      const target = this.#byKey.get(fold(name)) ?? { name, kind: 'unknown' as const, aliases: [] };
      this.#byKey.set(fold(alias), target);
    }
  }

  /** Every canonical name (for reviewers' suggestions). */
  names(): string[] {
    return [...new Set(this.#entries.map((e) => e.name))];
  }

  /** Expands the registry's abbreviations in a name. */
  expand(text: string): string {
    let out = text;
    for (const [re, long] of this.#abbreviations) out = out.replace(re, long);
    return out.replace(/\s+/gu, ' ').trim();
  }

  /**
   * The canonical reading of one printed agency; `kind` is the list
   * splitter's guess, kept when the registry knows nothing better. For text
   * an OCR read (`misread`), a near match also repairs `raw` to the
   * registry's spelling of the matched name, and what was read is kept in
   * `read` ("Số¢ Thông tin và Truyền thông" → "Sở Thông tin và Truyền thông").
   */
  resolve(raw: string, kind: Agency['kind'], opts: ResolveOptions = {}): Agency {
    const text = raw.replace(/\s+/gu, ' ').trim().replace(/[.;,:]+$/u, '');
    if (kind === 'group') return { raw, name: text, kind, score: null };
    const person = readPerson(text);
    if (person) return { raw, name: person.name ?? this.expand(person.titles.join(', ')), kind: 'person', score: null, person: { name: person.name, titles: person.titles.map((t) => this.expand(t)) } };
    const expanded = this.expand(opts.misread ? text.replace(/[^\p{L}\p{N}\s&/-]+/gu, '') : text);
    const exact = this.#byKey.get(fold(expanded));
    const near = exact ? null : (this.#fuzzy(expanded, opts.misread ?? false) ?? (opts.misread && opts.documentNames?.size ? this.#documentMatch(expanded, opts.documentNames) : null));
    const match = exact ? { entry: exact, score: 1, key: fold(expanded) } : near && sameLevels(expanded, this.#printed.get(near.key) ?? near.entry.name) ? near : null;
    const abolished = this.#abolished.find((a) => a.pattern.test(expanded));
    if (!match) {
      if (abolished) return { raw, name: expanded, kind: abolished.kind, score: null, successor: { name: null, since: abolished.since } };
      return { raw, name: expanded, kind, score: null };
    }
    const { entry, score, key } = match;
    const repaired = opts.misread && score < 1 ? { raw: this.#printed.get(key) ?? entry.name, read: raw } : { raw };
    return { ...repaired, name: entry.name, kind: entry.kind === 'unknown' ? kind : entry.kind, score: Math.round(score * 1000) / 1000, ...(entry.successor ? { successor: entry.successor } : {}) };
  }

  /** A misread name matched on its letters among the names the document prints elsewhere (DOCUMENT_LOOSE, MISREAD_MARGIN). */
  #documentMatch(text: string, names: ReadonlySet<string>): { entry: RegistryEntry; score: number; key: string } | null {
    const bare = stripDiacritics(fold(text).normalize('NFD'));
    if (bare.length < 6) return null;
    const scored = this.#entries
      .filter((e) => names.has(e.name))
      .map((e) => ({ entry: e, key: fold(e.name), score: similarity(stripDiacritics(fold(e.name).normalize('NFD')), bare) * 0.99 }))
      .sort((a, b) => b.score - a.score);
    const [best, second] = scored;
    if (!best || best.score < DOCUMENT_LOOSE || (second && best.score - second.score < MISREAD_MARGIN)) return null;
    return best;
  }

  #fuzzy(text: string, misread: boolean): { entry: RegistryEntry; score: number; key: string } | null {
    const key = fold(text).normalize('NFD');
    const bare = stripDiacritics(key);
    const min = misread ? MISREAD_MIN : FUZZY_MIN;
    const scoreOf = (k: string): number => {
      const other = k.normalize('NFD');
      const score = similarity(other, key);
      if (score >= FUZZY_MIN || !misread) return score;
      const plain = similarity(stripDiacritics(other), bare);
      // a match on letters alone ranks just under one with the marks
      return Math.max(score, plain * 0.99);
    };
    let best: { entry: RegistryEntry; score: number; key: string } | null = null;
    let second = 0;
    const floor = misread ? MISREAD_LOOSE : min;
    for (const [k, entry] of this.#byKey) {
      if (Math.abs(stripDiacritics(k).length - bare.length) > bare.length * (1 - floor)) continue;
      const score = scoreOf(k);
      if (score < floor) continue;
      if (!best || score > best.score) {
        if (best && best.entry !== entry) second = Math.max(second, best.score);
        best = { entry, score, key: k };
      } else if (entry !== best.entry) second = Math.max(second, score);
    }
    if (best && best.score < min && best.score - second < MISREAD_MARGIN) best = null;
    // an alias and the name scoring alike: the name is the likelier printing ("Sở Khoa học v Công nghệ")
    if (best && misread) {
      const nameKey = fold(best.entry.name);
      if (nameKey !== best.key && scoreOf(nameKey) >= best.score - 0.02) best = { ...best, key: nameKey };
    }
    return best;
  }
}

/**
 * A near match may repair letters, never the level of government a name
 * says: "Văn phòng Tỉnh ủy" printed clearly is another body than the
 * registry's "Văn phòng Thành ủy", one letter-pair apart. A name whose
 * level words the OCR stripped of their marks says none and is not held back.
 */
function sameLevels(text: string, name: string): boolean {
  const printed = governmentLevels(text);
  if (!printed.size) return true;
  const named = governmentLevels(name);
  return printed.size === named.size && [...printed].every((l) => named.has(l));
}

/**
 * "Đồng chí Hoàng Minh Cường, Ủy viên Thành ủy, Phó Chủ tịch UBND thành phố"
 * → name "Hoàng Minh Cường", titles ["Ủy viên Thành ủy", "Phó Chủ tịch UBND
 * thành phố"]; "Đồng chí Giám đốc Sở Nội vụ" → no name, title "Giám đốc Sở
 * Nội vụ". Null when the text is not about a person.
 */
export function readPerson(text: string): { name: string | null; titles: string[] } | null {
  const m = /^(?:đồng chí|đ\/c|ông|bà)\s+(.+)$/iu.exec(text);
  if (!m?.[1]) return null;
  const parts = m[1].split(/,\s*/u).map((s) => s.trim()).filter(Boolean);
  const first = parts[0] ?? '';
  // a personal name: 2-5 capitalised syllables, none of them a title word
  const isName = /^(?:\p{Lu}\p{Ll}*\s){1,4}\p{Lu}\p{Ll}*$/u.test(first) && !/^(Giám|Phó|Chủ|Bí|Trưởng|Thủ|Ủy|Uỷ|Chánh|Tổng|Cục|Chi)\b/u.test(first);
  return isName ? { name: first, titles: parts.slice(1) } : { name: null, titles: parts };
}

/**
 * Comparison key: lower case, no punctuation or spaces (OCR drops spaces:
 * "SởKhoahọc"), one tone placement: the old style puts the mark on the
 * first vowel of "oa", "oe", "uy" ("hòa", "thủy"), the new on the second
 * ("hoà", "thuỷ"); both fold to the new.
 */
function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])/gu, '$1$3$2')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** The shipped registry file (the lexicon loads and validates it). */
export const shippedRegistry = (): RegistryFile => shippedRegistryFile();

/**
 * The registry for a data dir: the shipped file, the users' own
 * (`<dataDir>/agency-registry.json`) and the aliases reviewers taught
 * (`<dataDir>/agency-aliases.json`).
 */
export function loadAgencyRegistry(dataDir: string | null): AgencyRegistry {
  return new AgencyRegistry([shippedRegistryFile(), userRegistryFile(dataDir)], learnedAliases(dataDir));
}

/**
 * Adds aliases reviewers taught (the agency as printed or read → the name
 * they corrected it to) to `<dataDir>/agency-aliases.json`; the next
 * document processed uses them.
 */
export async function addLearnedAliases(dataDir: string, pairs: readonly { alias: string; name: string }[]): Promise<void> {
  if (!pairs.length) return;
  const path = join(dataDir, 'agency-aliases.json');
  const known = learnedAliases(dataDir);
  const key = (p: { alias: string; name: string }) => `${fold(p.alias)}\u0000${p.name}`;
  const seen = new Set(known.map(key));
  const added = pairs.filter((p) => p.alias.trim() && fold(p.alias) !== fold(p.name) && !seen.has(key(p)));
  if (!added.length) return;
  await writeFileAtomic(path, `${JSON.stringify([...known, ...added], null, 2)}\n`);
}
