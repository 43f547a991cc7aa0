import type { Page } from '../../schemas/index.js';
import { editDistance } from '../core/index.js';
import { matchCase, syllablesFor } from './candidates.js';
import { contextAt, logProbAfter, readingLogProb, type ClauseContext } from './clause-context.js';
import type { NgramModel } from './ngram-model.js';
import { generatedSyllables, syllableKey } from './syllable-inventory.js';
import { isJoinedSyllables } from './tokenize.js';

/**
 * Two repairs of good OCR pages (a Vietnamese model's reading), word by
 * word, that only ever touch words the OCR got wrong for certain:
 * - a word no Vietnamese syllable is ("uu tiên"), or one the model never
 *   saw ("xác đinh"), becomes the spelling of its letters the model likes
 *   best between its neighbours ("ưu tiên", "xác định"; in a title in
 *   capitals too: "YÊU CẤU" → "YÊU CẦU"); a word the model knows is never
 *   changed;
 * - an acronym misread once ("KTMTp", "KTM1U") takes the spelling the
 *   document prints it with everywhere else ("KTMTD"): the nearest of the
 *   document's own frequent acronyms, and only when it is the only one that near.
 * Lines and words stay aligned: a line's text is rebuilt from its words only
 * when it was their join.
 */
export function repairOcrWords(pages: readonly Page[], model: NgramModel): Page[] {
  const acronyms = documentAcronyms(pages);
  return pages.map((page) => (page.origin === 'ocr' && page.quality?.verdict === 'good' ? repairPage(page, model, acronyms) : page));
}

/** An acronym seen this often in the document is its spelling. */
const ACRONYM_MIN_COUNT = 3;

/** Upper-case tokens of 3 or more letters the OCR pages print, with how often. */
function documentAcronyms(pages: readonly Page[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of pages) {
    if (p.origin !== 'ocr') continue;
    for (const w of p.words) {
      const t = core(w.text).word;
      if (/^\p{Lu}{3,}$/u.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  return counts;
}

function repairPage(page: Page, model: NgramModel, acronyms: ReadonlyMap<string, number>): Page {
  const words = page.words.map((w) => ({ ...w }));
  // lines whose text is their words' join can be rebuilt from them; the others are left as they are
  const usable = page.lines.map((line) => words.slice(line.wordStart, line.wordEnd).map((w) => w.text).join(' ') === line.text);
  // a title in capitals ("YÊU CẤU", "PHAN CÔNG") is read as its words in lower case, and put back in capitals
  const capitals = page.lines.map((line) => {
    const letters = line.text.replace(/[^\p{L}]/gu, '');
    return letters.length > 1 && letters === letters.toUpperCase();
  });
  const changed = new Set<number>();
  // twice: a word repaired later ("lâp" → "lập") is a better neighbour for one before it ("Đôc")
  for (let pass = 0; pass < 2; pass++) {
    for (const clause of clausesOf(page.lines, words, usable)) {
      clause.forEach((c, k) => {
        const w = words[c.index]!;
        const { word: printed } = partOf(w.text, c);
        // read afresh at each word: a word repaired before it is its neighbour as repaired
        const ctx = contextAt(clause.map((d) => d.lower), k, model.order);
        const upper = capitals[c.line]!;
        // "sự CÔ mạng": letters whose capital is their small form enlarged, read in capitals between words in small letters
        const beside = [clause[k - 1], clause[k + 1]].filter((d) => d !== undefined).map((d) => words[d.index]!.text);
        const amidSmall = beside.length > 0 && beside.every((t) => /\p{Ll}/u.test(t));
        const word = !upper && amidSmall && caseAmbiguous(printed) ? printed.toLowerCase() : printed;
        const spelled = upper ? notASyllable(word.toLowerCase(), ctx, model)?.toUpperCase() : capitalised(word) ? notASyllable(word.toLowerCase(), ctx, model, CAPITALISED_GAIN) : notASyllable(word, ctx, model);
        // a word in capitals in a line that is not is an acronym ("CAT"), not a syllable
        const retoned = spelled ? null : misreadMarks(word, ctx, model, w.confidence, !upper);
        const repaired = misreadAcronym(word, acronyms) ?? (spelled ? matchCase(word, spelled) : null) ?? retoned ?? (word !== printed ? word : null);
        if (!repaired) return;
        replacePart(w, clause, c, repaired);
        c.lower = repaired.toLowerCase();
        changed.add(c.line);
      });
    }
  }
  if (!changed.size) return page;
  const lines = page.lines.map((line, i) => (changed.has(i) ? { ...line, text: words.slice(line.wordStart, line.wordEnd).map((w) => w.text).join(' ') } : line));
  return { ...page, words, lines, text: lines.map((l) => l.text).join('\n'), repairs: [...page.repairs, 'ocr-words'] };
}

/**
 * Small letters an OCR engine may print as capitals: their capital is the
 * same shape enlarged (c/C, o/O, ô/Ô, s/S, …), so only the height tells
 * them apart. No Vietnamese acronym ("CAT", "UBND", "HĐND") is made of
 * them alone with a vowel's marks on it, and the marks are what show a
 * syllable.
 */
const SAME_SHAPE = /^[cosuvwxzóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữự]+$/u;
const MARKED = /[óòỏõọôốồổỗộơớờởỡợúùủũụưứừửữự]/u;
function caseAmbiguous(word: string): boolean {
  const lower = word.toLowerCase();
  return word.length > 1 && word === word.toUpperCase() && word !== lower && SAME_SHAPE.test(lower) && MARKED.test(lower);
}

/** Punctuation that ends a clause: the language model starts again after it (as restoration's tokenizer says). */
const CLAUSE_END = /[.;:!?()]/u;

/**
 * The page's words as the language model reads them: clauses of words
 * with letters or digits, run on from one line to the next (a sentence
 * wrapped over lines: "cụ" / "thể như sau") and broken at a clause's
 * punctuation ("(để", "Đồng;") and at a line that cannot be rebuilt from
 * its words; marks between words ("-", "—", a bullet) are no neighbours.
 * Syllables an OCR word joins with a dash or slash ("thưởng-kỷ" of "khen
 * thưởng-kỷ luật") are words of their own, as restoration's tokenizer and
 * the language model's training text have them. Each word with its index
 * in the page's words, its line, and where its letters are in the word's
 * text (`from`, `to`).
 */
export function clausesOf(lines: Page['lines'], words: readonly { text: string }[], usable: readonly boolean[]): ClauseWord[][] {
  const clauses: ClauseWord[][] = [[]];
  lines.forEach((line, i) => {
    if (!usable[i]) {
      clauses.push([]);
      return;
    }
    for (let index = line.wordStart; index < line.wordEnd; index++) {
      const text = words[index]!.text;
      const { lead, word, trail } = core(text);
      if (!word) {
        if (CLAUSE_END.test(text)) clauses.push([]);
        continue;
      }
      if (CLAUSE_END.test(lead)) clauses.push([]);
      let from = lead.length;
      for (const part of isJoinedSyllables(word) ? word.split(/(?<=\p{L})[-/](?=\p{L})/u) : [word]) {
        clauses.at(-1)!.push({ index, line: i, lower: part.toLowerCase(), from, to: from + part.length });
        from += part.length + 1;
      }
      if (CLAUSE_END.test(trail)) clauses.push([]);
    }
  });
  return clauses.filter((c) => c.length);
}

/** A word as the language model reads it: the page word's index, its line, its letters in lower case, and where they are in the word's text. */
export interface ClauseWord {
  index: number;
  line: number;
  lower: string;
  from: number;
  to: number;
}

/** The letters of a clause word and what stands around them in its page word's text. */
export function partOf(text: string, c: Pick<ClauseWord, 'from' | 'to'>): { lead: string; word: string; trail: string } {
  return { lead: text.slice(0, c.from), word: text.slice(c.from, c.to), trail: text.slice(c.to) };
}

/**
 * Puts `repaired` in place of a clause word's letters; the words after it
 * that the same page word holds ("kỷ" after "thưởng-") move with the
 * change of length.
 */
export function replacePart(w: { text: string }, clause: ClauseWord[], c: ClauseWord, repaired: string): void {
  const { lead, trail } = partOf(w.text, c);
  const shift = repaired.length - (c.to - c.from);
  w.text = `${lead}${repaired}${trail}`;
  for (const d of clause) if (d !== c && d.index === c.index && d.from > c.from) (d.from += shift), (d.to += shift);
  c.to += shift;
}

/**
 * How much likelier (log) its neighbours must make a known spelling of a
 * capitalised word no syllable the model knows ("Đôc lập" → "Độc lập"): a
 * capital may start a name or a foreign word ("Min", "Cap"), so more than
 * for a word in small letters.
 */
const CAPITALISED_GAIN = 6;

/** "Đôc", "Tư": a capital, then small letters. */
const capitalised = (word: string): boolean => /^\p{Lu}\p{Ll}+$/u.test(word);

/** A word between the punctuation around it: "(uu" → "(", "uu", "". */
export function core(text: string): { lead: string; word: string; trail: string } {
  const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(text);
  return { lead: m?.[1] ?? '', word: m?.[2] ?? text, trail: m?.[3] ?? '' };
}

let inventory: Set<string> | null = null;

/** How much likelier than on their own a known spelling and its neighbours must be together, to replace a syllable the model never saw (log). */
const CONTEXT_GAIN = 2;

/**
 * The best real spelling of a lower-case word in its context, for a word
 * no syllable is ("uu"), or a syllable the training text never has whose
 * neighbours make a known spelling of its letters much likelier ("xác
 * đinh" → "xác định", "manh mẽ" → "mạnh mẽ"). A known word is never
 * changed; null when nothing better is offered.
 */
function notASyllable(word: string, ctx: ClauseContext, model: NgramModel, minGain = 0): string | null {
  if (!/^\p{Ll}+$/u.test(word) || model.known(word) >= 0) return null;
  inventory ??= generatedSyllables();
  const syllable = inventory.has(word);
  const options = syllablesFor(syllableKey(word)).filter((s) => s !== word && model.known(s) >= 0);
  const next = ctx.after[0] ?? '</s>';
  let best: { s: string; score: number; gain: number } | null = null;
  for (const s of options) {
    const left = logProbAfter(model, ctx.before, s);
    const right = logProbAfter(model, [...ctx.before, s], next);
    const score = left + right;
    // how much its left neighbours make it likelier, plus how much it makes its right neighbour likelier
    const gain = left - model.unigramLogProb(s) + (right - model.unigramLogProb(next));
    if (!best || score > best.score) best = { s, score, gain };
  }
  if (!best || (syllable && best.gain < CONTEXT_GAIN) || best.gain < minGain) return null;
  return best.s;
}

/** How much likelier (log, over the clause: readingLogProb) the neighbours must make another spelling of the same letters than the one the OCR printed. */
export interface MarksMargins {
  /** Where the training text never has the printed word beside either neighbour. Default 7. */
  unseen: number;
  /**
   * Where it has: "sự có" and "sự cố", "viên tính" and "viên tỉnh" are both
   * Vietnamese, and only a far likelier reading, known beside both
   * neighbours, is taken. Default 9: with the trigram, on the
   * hand-transcribed real scan pages no correct word's best other spelling
   * gained more than 7.3, the wrong ones 10.6–20.9 (10 was taken first); on
   * held-out text (scripts/restore/tune-word-repair.ts: 52,384 viwiki words
   * as written, 2,427 words misread as the tone channel prints them), with
   * the order-4 model, 9 changes no more correct words than 10 and fixes 18
   * more misread ones (the trigram: 2 more and 15 more).
   */
  seen: number;
  /**
   * At a clause's start, where only the words after it speak ("Vì thế" /
   * "Vị thế"): every word may stand there, and one side's evidence must be
   * as strong as against a word seen beside its neighbours. Default 10: on
   * the same held-out text, with the order-4 model, 9 changes 2 more correct
   * words for 1 more fix, 11 no fewer for 2 fewer.
   */
  start: number;
}
/** The shipped margins (see MarksMargins). */
export const MARKS_MARGINS: MarksMargins = { unseen: 7, seen: 9, start: 10 };
/** An OCR word read this surely is left as read, whatever the neighbours say. */
const SURE_OCR = 0.97;

/**
 * A real syllable the OCR printed with the wrong marks ("tô chức" for "tổ
 * chức", "thành phô" for "thành phố", "ồn định" for "ổn định", "sự có mạng"
 * for "sự cố mạng"): another spelling of the same letters that its
 * neighbours on both sides make far likelier, where the OCR itself was not
 * sure. Where the training text never has the printed word beside either
 * neighbour, `margins.unseen` and the other spelling known beside one of them
 * suffice; where it has, the other spelling must be `margins.seen`
 * likelier and known beside both neighbours, inside a clause; at a
 * clause's start (no neighbour on the left: every word may stand there)
 * even a word never seen beside its one neighbour needs `margins.start`.
 * `ctx`: its neighbours in its clause (contextAt), as many as the model
 * reads; the margins are on the clause's log-likelihood ratio
 * (readingLogProb), the same measure for a model of any order.
 * `acronym`: a word in capitals is an acronym ("CAT"), not a syllable, and
 * is left as printed. `margins`: MARKS_MARGINS unless told (the tuning
 * script tries others).
 */
export function misreadMarks(word: string, ctx: ClauseContext, model: NgramModel, confidence = 0, acronym = false, margins: MarksMargins = MARKS_MARGINS): string | null {
  const lower = word.toLowerCase();
  if (confidence >= SURE_OCR || !/^\p{L}+$/u.test(lower) || (acronym && /^\p{Lu}{2,}$/u.test(word))) return null;
  // the clause's log-likelihood with each reading: every term the word's reading enters, whatever the model's order
  const score = (s: string): number => readingLogProb(model, ctx, s);
  const v = ctx.before.at(-1) ?? '<s>';
  const next = ctx.after[0] ?? '</s>';
  const printed = score(lower);
  let best: { s: string; score: number } | null = null;
  for (const s of syllablesFor(syllableKey(lower))) {
    if (s === lower || model.known(s) < 0) continue;
    const sc = score(s);
    if (!best || sc > best.score) best = { s, score: sc };
  }
  if (!best || best.score - printed < Math.min(margins.unseen, margins.seen, margins.start)) return null;
  const left = v !== '<s>';
  const right = next !== '</s>';
  const beside = (a: string, b: string): boolean => model.seenPair(a, b);
  const printedSeen = (left && beside(v, lower)) || (right && beside(lower, next));
  // at a clause's start the right side's evidence alone must be as strong as against a word seen there ("Vì thế" / "Vị thế")
  const margin = left ? margins.unseen : margins.start;
  if (!printedSeen) return best.score - printed >= margin && ((left && beside(v, best.s)) || (right && beside(best.s, next))) ? matchCase(word, best.s) : null;
  // (inside a clause only: at its start or end one neighbour is too little to overrule a real word, "Vì thế" / "Vị thế")
  const knownBeside = left && right && beside(v, best.s) && beside(best.s, next);
  return best.score - printed >= margins.seen && knownBeside ? matchCase(word, best.s) : null;
}

/**
 * "KTMTp", "KTM1U": upper-case letters with a digit or a small letter among
 * them, near one of the document's frequent acronyms (one letter in five
 * wrong, plus one for the visible garble) and nearer to it than to any
 * other. A clean upper-case word is left alone, however rare: it may be an
 * acronym of its own.
 */
function misreadAcronym(word: string, acronyms: ReadonlyMap<string, number>): string | null {
  if (word.length < 4 || !/^\p{Lu}{2}[\p{Lu}\p{Ll}\d]+$/u.test(word) || !/[\p{Ll}\d]/u.test(word)) return null;
  const limit = Math.max(1, Math.floor(word.length / 5)) + 1;
  let best: { a: string; d: number } | null = null;
  let tie = false;
  for (const [a, n] of acronyms) {
    if (n < ACRONYM_MIN_COUNT || Math.abs(a.length - word.length) > 1) continue;
    const d = editDistance(a, word);
    if (d > limit) continue;
    if (!best || d < best.d) {
      best = { a, d };
      tie = false;
    } else if (d === best.d) tie = true;
  }
  return best && !tie ? best.a : null;
}
