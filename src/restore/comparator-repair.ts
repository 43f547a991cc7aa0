import type { NgramModel } from './ngram-model.js';

/**
 * "≥" and "≤", glyphs an English OCR model does not have, come out as what
 * it does have: "> 80", "=5", "~=30", "=>1" for "≥"; "<10", "<=" for "≤".
 * Which sign was printed is decided by the training text: a plan family
 * that writes "≥60%" hundreds of times and "> 40" twice printed "≥". The
 * sign is changed only when the training text used the full sign at least
 * PRIOR_RATIO times as often as the sign read; otherwise it is kept.
 */
const AT_LEAST = /(^|[\s(|])(>=|=>|~=|z>|>|=)(\s?)(?=\d)/gu;
const AT_MOST = /(^|[\s(|])(<=|=<|<)(\s?)(?=\d)/gu;
const PRIOR_RATIO = 10;

/** The sign as it stands in the model's counts ("~=" and "=>" were read from an "="). */
const counted = (read: string): string => (read.includes('>') ? '>' : read.includes('<') ? '<' : '=');

/** Puts back "≥"/"≤" read as look-alikes before a figure, where the training text says they were printed. */
export function repairComparators(line: string, model: NgramModel): string {
  const fix = (full: string) => (m: string, before: string, read: string, space: string): string =>
    model.comparatorCount(full) >= PRIOR_RATIO * (model.comparatorCount(counted(read)) + 1) ? `${before}${full}${space}` : m;
  return line.replace(AT_LEAST, fix('≥')).replace(AT_MOST, fix('≤'));
}
