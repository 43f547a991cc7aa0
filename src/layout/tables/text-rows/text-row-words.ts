import type { ColumnRole } from '../../../../schemas/index.js';
import { isVietnameseSyllable } from '../../../core/index.js';
import { columnRole, headerRolesIn as lexiconHeaderRoles, printedHeader, unitAt } from '../../../lexicon/index.js';

/**
 * What the text-row table readers (OCR text exports, no positions) take
 * from the lexicon, and the two tests of their own: a meaningful word, a
 * garbage line. The words themselves — header phrases, units, agency heads —
 * are the lexicon's (src/lexicon/data).
 */

/** Columns the readers can rebuild from text rows: an indicator table's, then an assignment table's own. */
export type TextRowRole = 'code' | 'name' | 'unit' | 'target' | 'lead' | 'task' | 'cooperating' | 'timeline';
const READER_ROLES = new Set<ColumnRole>(['code', 'name', 'unit', 'target', 'lead', 'task', 'cooperating', 'timeline']);

/**
 * The header roles named in a line, in order: "TƯ Chỉ tiêu Pon vị Kết quả
 * theo đổi" → name, unit, target. Who monitors an indicator ("Cơ quan chủ
 * trì theo dõi, đánh giá") is the agency column these readers call lead.
 */
export function headerRolesIn(line: string): { role: TextRowRole; text: string; confidence: number }[] {
  return lexiconHeaderRoles(line)
    .map((f) => ({ ...f, role: f.role === 'monitor' ? 'lead' : f.role }))
    .filter((f): f is { role: TextRowRole; text: string; confidence: number } => READER_ROLES.has(f.role));
}

/** The header text a rebuilt table prints for a role: the vocabulary's first phrase ("Nội dung công việc"). */
export function headerText(role: TextRowRole, kind: 'indicators' | 'tasks'): string {
  if (role === 'lead') return kind === 'indicators' ? printedHeader('monitor') : 'Cơ quan chủ trì';
  if (role === 'code') return 'TT';
  return printedHeader(role);
}

/** The role records read for a rebuilt column (an indicator table's agency column names who monitors). */
export const roleOfHeader = (text: string): ColumnRole => columnRole(text);

export { unitAt };

/** A word that reads as Vietnamese or as a figure (what garbage lines lack). */
export function isMeaningfulWord(word: string): boolean {
  const bare = word.replace(/^[^\p{L}\p{N}%]+|[^\p{L}\p{N}%]+$/gu, '');
  if (!bare) return false;
  if (/^\d{2,}/u.test(bare) || bare === '%') return true;
  return bare.length >= 2 && (isVietnameseSyllable(bare) || /^[\p{L}\p{N}/.-]{3,}$/u.test(bare));
}

/**
 * An OCR of table borders and shading leaves lines of stray marks
 * (". N 3 ~ e A 0 \ A", "8’ - - Y 9 2 Y"): fewer than two meaningful words
 * and not a figure, a unit or a row number on its own.
 */
export function isGarbageLine(line: string): boolean {
  const words = line.split(/\s+/u).filter(Boolean);
  if (!words.length) return true;
  if (words.length <= 3 && (unitAt(words, 0) || /^[-–≥≤<>=~]?\s*\d/u.test(line.trim()))) return false;
  return words.filter(isMeaningfulWord).length < Math.min(2, words.length) || words.filter(isMeaningfulWord).length / words.length < 0.3;
}
