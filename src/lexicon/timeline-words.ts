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
export function isYearInSentenceWord(folded: string): boolean {
  return words().yearInSentence.map(fold).includes(folded);
}
