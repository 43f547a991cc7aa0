import type { Agency, Assignment, Box, Indicator, Page } from '../../schemas/index.js';

/**
 * How sure we are of a record, from evidence rather than a constant per
 * reader, so that sorting by it puts the wrong records first:
 * - the structure: how the table and the columns the fields came from were
 *   found (`structure`: the reader's figure, lowered for a column whose role
 *   was read from its cells or a fuzzy header), or a prose pattern;
 * - the reading: the OCR and restoration confidence of the words printed
 *   where the record is (their low tail: one garbled word is enough to
 *   make a field wrong);
 * - what is missing: an assignment without a lead or a timeline, an
 *   indicator without a target;
 * - repairs applied: agencies matched to the registry loosely or repaired
 *   from a misreading, timelines that do not parse.
 * Every factor is at most 1; the result is their product, in [0, 1].
 */
export function recordConfidence(record: Indicator | Assignment, kind: 'indicators' | 'assignments', page: Page | undefined): number {
  const factors = [record.confidence, readingFactor(record.source.box, page), ...(kind === 'assignments' ? assignmentFactors(record as Assignment) : indicatorFactors(record as Indicator))];
  return Math.round(Math.max(0, Math.min(1, factors.reduce((a, b) => a * b, 1))) * 1000) / 1000;
}

/** Word confidence under which a word is a doubtful reading (tesseract's own scale, 0-1). */
const DOUBTFUL_WORD = 0.6;

/**
 * The words printed inside the record's box: 1 when none is doubtful,
 * lower by twice the share of doubtful words (those of two letters or more:
 * marks left by rules and stamps say nothing of the fields). Measured on
 * the scanned fixtures, correct rows have 0-5 % doubtful words. A text input
 * has no words or boxes: its pages restored from text without marks are
 * less sure than text as printed.
 */
function readingFactor(box: Box | null, page: Page | undefined): number {
  if (!page) return 1;
  if (!box || !page.words.length) return page.originalText !== null ? RESTORED_TEXT : 1;
  const inside = page.words.filter((w) => w.box && /\p{L}{2,}/u.test(w.text) && w.box.x0 >= box.x0 - 1 && w.box.x1 <= box.x1 + 1 && w.box.y0 >= box.y0 - 1 && w.box.y1 <= box.y1 + 1);
  if (!inside.length) return 1;
  const doubtful = inside.filter((w) => w.confidence < DOUBTFUL_WORD).length / inside.length;
  return Math.max(0.3, 1 - 2 * doubtful);
}

/** A page read from text that had lost its marks (or was an OCR export) and restored. */
const RESTORED_TEXT = 0.85;

function agencyFactor(list: readonly Agency[]): number {
  let f = 1;
  for (const a of list) {
    if (a.read !== undefined) f *= 0.9; // repaired from a misreading
    else if (a.score !== null && a.score < 1) f *= 0.95; // matched loosely
  }
  return f;
}

function assignmentFactors(r: Assignment): number[] {
  return [
    r.task.trim().length < 8 ? 0.3 : 1,
    r.lead.length ? 1 : 0.55,
    !r.timeline ? 0.9 : r.timeline.kind === 'unknown' ? 0.9 : 1,
    agencyFactor([...r.lead, ...r.cooperating]),
  ];
}

function indicatorFactors(r: Indicator): number[] {
  return [r.name.trim().length < 5 ? 0.3 : 1, r.targets.length ? 1 : 0.6, agencyFactor(r.agencies)];
}
