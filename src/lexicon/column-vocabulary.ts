import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/index.js';
import { ColumnVocabularyFile, type ColumnRole } from '../../schemas/index.js';
import { isVietnameseSyllable, similarity } from '../core/index.js';
import { lazy, readDataFile } from './data-file.js';
import { fold } from './fold.js';

/** How a header named its role: the phrase it matched and how well. */
export interface HeaderMatch {
  role: ColumnRole;
  /** 1 for a whole phrase read exactly (folded); lower for an OCR slip ("chu tn" for "chủ trì"). */
  confidence: number;
  /** The vocabulary's printed phrase that matched ("Cơ quan chủ trì"). */
  phrase: string;
  /** What in the header matched it, folded ("co quan chu tri"). */
  matched: string;
}

interface Phrase {
  role: ColumnRole;
  printed: string;
  folded: string;
  words: number;
  exact: boolean;
  /** The role's place in the file: the earlier role wins between two phrases in one header. */
  priority: number;
}

/** Letters in ten an OCR may have wrong in a header phrase of two or more words: "co quan chu tn" is "cơ quan chủ trì". */
const FUZZY_MIN = 0.8;

const vocabulary = lazy(() => {
  const file = readDataFile('columns.json', ColumnVocabularyFile);
  // phrases are folded as headers are, one-letter words dropped alike ("Nội dung góp ý" → "noi dung gop")
  const phrase = (role: ColumnRole, printed: string, exact: boolean, priority: number): Phrase => {
    const folded = foldHeader(printed);
    return { role, printed, folded, words: folded.split(' ').length, exact, priority };
  };
  const phrases: Phrase[] = file.roles.flatMap(({ role, headers, exact }, priority) => [
    ...headers.map((printed) => phrase(role, printed, false, priority)),
    ...exact.map((printed) => phrase(role, printed, true, priority)),
  ]);
  // longest first: "đơn vị chủ trì" is the lead before "đơn vị" is the unit
  phrases.sort((a, b) => b.folded.length - a.folded.length);
  const patterns = file.roles.flatMap(({ role, patterns: p }) => p.map(({ re, confidence }) => ({ role, re: new RegExp(re, 'u'), confidence })));
  const first = new Map(file.roles.map((r) => [r.role, r.headers[0] ?? r.exact[0] ?? r.role] as const));
  return { phrases, patterns, filler: new Set(file.filler), first, fragments: file.fragments.map((f) => new RegExp(f, 'u')) };
});

/** 1 − Damerau-Levenshtein distance / the longer length (natural's distance: OCR swaps and drops letters). */
function likeness(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  return longer ? 1 - DamerauLevenshteinDistance(a, b) / longer : 1;
}

/**
 * A header cell's text as OCR leaves it, folded: stray marks from the cell's
 * borders split words ("Đồng chí được. phân công chủ : trì") and single
 * letters stand alone ("chủ ầ trì"); no header word is one letter.
 */
export function foldHeader(header: string): string {
  return fold(header.replace(/[^\p{L}\p{N}\s/%-]+/gu, ' ')).replace(/(^|\s)[a-z](?=\s|$)/gu, ' ').replace(/\s+/gu, ' ').trim();
}

const contains = (outer: string, inner: string): boolean => outer !== inner && ` ${outer} `.includes(` ${inner} `);

/**
 * Of the phrases found in one header, the one that names it: a phrase that
 * contains another ("chỉ tiêu cần đạt" ⊃ "chỉ tiêu") wins over it; else the
 * role listed first ("Cơ quan chủ trì theo dõi, đánh giá": monitor before lead).
 */
function decide(found: readonly (Phrase & { score: number; matched: string })[]): (Phrase & { score: number; matched: string }) | null {
  const standing = found.filter((f) => !found.some((o) => o.role !== f.role && contains(o.folded, f.folded)));
  return [...standing].sort((a, b) => b.score - a.score || a.priority - b.priority)[0] ?? null;
}

/**
 * The role a printed header names, tolerant to what OCR and real plans do
 * to it: "Chi tiêu" (the mark on "ỉ" lost) → name; "Cơ quan chu tri" →
 * lead; "Trách nhiệm thực hiện" → lead; "Năm 2030" → year. Whole phrases
 * are found anywhere in the header; a phrase of two or more words may have
 * OCR slips (≥ 0.8 of its letters right). Null when no phrase is there.
 */
export function matchColumnHeader(header: string): HeaderMatch | null {
  const text = foldHeader(header);
  if (!text) return null;
  const { phrases, patterns } = vocabulary();
  for (const { role, re, confidence } of patterns) if (re.test(text)) return { role, confidence, phrase: re.source, matched: text };
  const exact = phrases.filter((p) => (p.exact ? text === p.folded : contains(` ${text} `, p.folded) || text === p.folded)).map((p) => ({ ...p, score: 1, matched: p.folded }));
  const words = text.split(' ');
  const fuzzy = exact.length
    ? []
    : phrases.flatMap((p) => {
        if (p.exact || p.words < 2 || p.folded.length < 6) return [];
        let best: (Phrase & { score: number; matched: string }) | null = null;
        for (let i = 0; i + p.words <= words.length; i++) {
          const window = words.slice(i, i + p.words).join(' ');
          const score = likeness(window, p.folded);
          if (score >= FUZZY_MIN && (!best || score > best.score)) best = { ...p, score, matched: window };
        }
        return best ? [best] : [];
      });
  const chosen = decide(exact.length ? exact.sort((a, b) => a.priority - b.priority) : fuzzy);
  return chosen ? { role: chosen.role, confidence: Math.round(chosen.score * 1000) / 1000, phrase: chosen.printed, matched: chosen.matched } : null;
}

/** The role of a header cell; "extra" when the vocabulary names none ("Kinh phí"). */
export function columnRole(header: string): ColumnRole {
  return matchColumnHeader(header)?.role ?? 'extra';
}

/** The printed header of a role as the vocabulary lists it first ("task" → "Nội dung công việc"). */
export function printedHeader(role: ColumnRole): string {
  return vocabulary().first.get(role) ?? role;
}

/** The phrases a header line is searched for: all but those made of filler words alone. */
const lineVocabulary = lazy(() => {
  const { phrases, filler } = vocabulary();
  return phrases.filter((p) => !p.folded.split(' ').every((w) => filler.has(w)));
});

/** Share of a line's words that header phrases and fillers must cover: a header line holds nothing else. */
const HEADER_COVER = 0.6;

/**
 * The header roles named in a line of text (no positions: an OCR text
 * export), in the order they appear, each with the words that named it:
 * "TƯ Chỉ tiêu Pon vị Kết quả theo đổi" → name, unit, target. Empty for a
 * line of prose that happens to use the words ("… các chỉ tiêu, kết quả …").
 */
export function headerRolesIn(line: string, roles?: ReadonlySet<ColumnRole>): { role: ColumnRole; text: string; confidence: number }[] {
  const words = fold(line).split(' ').filter((w) => /[a-z]/u.test(w));
  const { filler } = vocabulary();
  const found: { role: ColumnRole; text: string; at: number; confidence: number }[] = [];
  const taken = new Set<number>();
  if (!words.length) return [];
  // phrases of filler words alone ("theo dõi" under "Cơ quan chủ trì") name no column on a header line
  const usable = (roles ? lineVocabulary().filter((p) => roles.has(p.role)) : lineVocabulary());
  // exact readings first, then OCR slips on the words left ("TƯ Chỉ tiêu" is "Chỉ tiêu", not "Tên chỉ tiêu");
  // a line with no header phrase read exactly is prose (and this runs on every line of a text page)
  for (const fuzzy of [false, true]) {
    if (fuzzy && !found.length) break;
    for (const p of usable) {
      for (let i = 0; i + p.words <= words.length; i++) {
        if ([...Array(p.words).keys()].some((k) => taken.has(i + k))) continue;
        const window = words.slice(i, i + p.words).join(' ');
        // one-word phrases and short ones must be read exactly; longer ones may have a slip ("pon vi" / "don vi")
        const fuzzyAllowed = fuzzy && p.folded.length > 4 && (p.words > 1 || p.exact) && Math.abs(window.length - p.folded.length) <= p.folded.length * (1 - FUZZY_MIN);
        const score = window === p.folded ? 1 : fuzzyAllowed ? similarity(window, p.folded) : 0;
        if (score < FUZZY_MIN) continue;
        for (let k = 0; k < p.words; k++) taken.add(i + k);
        found.push({ role: p.role, text: p.printed, at: i, confidence: score });
      }
    }
  }
  // stray marks an OCR read from the header's borders ("tfe", "i") count neither way
  const counted = words.map((w, i) => ({ w, i })).filter(({ w, i }) => taken.has(i) || filler.has(w) || (w.length >= 2 && isVietnameseSyllable(w)));
  const covered = counted.filter(({ w, i }) => taken.has(i) || filler.has(w)).length;
  if (!found.length || covered < counted.length * HEADER_COVER) return [];
  return found.sort((a, b) => a.at - b.at).map(({ role, text, confidence }) => ({ role, text, confidence }));
}

/** A line holding a piece of a header that names no column: "TT", "TỪ" (TT as read), "theo dõi, đánh giá", "thực hiện". */
export function isHeaderFragmentText(line: string): boolean {
  const f = fold(line);
  return vocabulary().fragments.some((re) => re.test(f));
}
