import { TimelineWordsFile } from '../../schemas/index.js';
import { lazy, readDataFile } from './data-file.js';
import { fold } from './fold.js';

const words = lazy(() => readDataFile('timelines.json', TimelineWordsFile));

const alternation = (list: readonly string[]): string => list.map((s) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).sort((a, b) => b.length - a.length).join('|');

/** Regular-expression alternations of the timeline words, as printed (for parsing cells with their marks). */
export function timelineAlternations(): { annual: string; ongoing: string; onRequest: string; quarterly: string; monthly: string } {
  const w = words();
  return { annual: alternation(w.annual), ongoing: alternation(w.ongoing), onRequest: alternation(w.onRequest), quarterly: alternation(w.quarterly), monthly: alternation(w.monthly) };
}

/**
 * Folded recurring and ongoing forms a text-export line may end with
 * ("hang nam", "thuong xuyen"); the first syllable of "hằng" may be
 * misread ("Flang năm"), so the last word and the rhyme of the first are
 * what is kept: "ang nam".
 */
export function foldedLineEndForms(): string[] {
  const w = words();
  return [...new Set([...w.annual, ...w.ongoing, ...w.quarterly, ...w.monthly].map(fold))];
}

/** Folded words before a year that make it part of a sentence ("đến năm 2045"), not a timeline cell. */
const yearWords = lazy(() => new Set(words().yearInSentence.map(fold)));

export function isYearInSentenceWord(folded: string): boolean {
  return yearWords().has(folded);
}

/** A period row of a target table, folded or not: "II. Đến năm 2045", "Giai đoạn 2026 - 2030" (a row number or numeral may lead). */
const periodPattern = lazy(() => {
  const openers = words().periodOpeners.map(fold).sort((a, b) => b.length - a.length).join('|');
  return new RegExp(`^(?:[ivxl]+|\\d{1,2})?\\s*(?:${openers})\\s+\\d{4}\\b`, 'u');
});

export function isPeriodHeading(text: string): boolean {
  return periodPattern().test(fold(text));
}

/** A locality a line ends with, as printed ("… thành phố", "… tỉnh"), and the text before it; null when none. */
const localityPattern = lazy(() => {
  const alternation = words().localities.map((l) => l.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|');
  return new RegExp(`^(.*?)\\s*(${alternation})\\.?$`, 'iu');
});

export function localityAtEnd(line: string): { rest: string; tail: string } | null {
  const m = localityPattern().exec(line);
  return m ? { rest: m[1] ?? '', tail: m[2]! } : null;
}

/** Whether a cell reads like a timeline from its first words: "Thường xuyên", "Hoàn thành trong …", "Quý III/2026", "2025 - 2026". */
const openers = lazy(() => words().openers.map((o) => o.normalize('NFC').toLowerCase()));

export function opensTimeline(text: string): boolean {
  // compared with the marks: folded, "Quý" would be "Quy định" too
  const t = text.trim().normalize('NFC').toLowerCase();
  return /^(?:19|20)\d{2}/u.test(t) || openers().some((o) => t.startsWith(o));
}
