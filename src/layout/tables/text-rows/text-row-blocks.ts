import { agencyStartsAt, isPeriodHeading } from '../../../lexicon/index.js';
import { trimGarbage } from './text-row-garbage.js';
import { isBareNumber, type ParsedRow } from './text-row-rows.js';
import { isGarbageLine, unitAt, type TextRowRole } from './text-row-words.js';

/** "I Đến năm 2030", "Đến năm 2045": a period row. */
const isPeriod = (line: string): boolean => isPeriodHeading(line);

/**
 * Rows printed one paragraph per cell: the row number alone, the name's
 * paragraphs, the unit, the target, the agency. Paragraphs (runs of lines
 * between blank lines) are taken in order; a bare number after the agency
 * opens the next row, a bare number after the unit is the target.
 */
export function parseBlockRows(segment: readonly string[]): ParsedRow[] {
  const blocks = paragraphs(segment);
  const out: ParsedRow[] = [];
  let current: string[][] | null = null;
  let code = '';
  let afterSection = false;
  const flush = (): void => {
    if (current) out.push({ kind: 'body', code, afterSection, cells: { code, ...blockCells(current) } });
    if (current) afterSection = false;
    current = null;
  };
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const first = block[0]!;
    if (isPeriod(block.join(' '))) {
      flush();
      out.push({ kind: 'section', text: block.join(' ') });
      afterSection = true;
      continue;
    }
    const opensRow = block.length === 1 && isBareNumber(first) && (current === null || hasAgencyBlock(current));
    if (opensRow && isPeriod((blocks[b + 1] ?? []).join(' '))) continue; // "II" read as "11" before "Đến năm 2045"
    if (opensRow) {
      flush();
      current = [];
      code = first.trim();
      continue;
    }
    current?.push(block);
  }
  flush();
  return out;
}

/** Runs of non-blank lines between blank lines, lines of stray marks left out. */
export function paragraphs(segment: readonly string[]): string[][] {
  const out: string[][] = [];
  let block: string[] = [];
  for (const raw of segment) {
    const line = raw.trim();
    if (line && !isGarbageLine(line)) block.push(line);
    else if (!line && block.length) {
      out.push(block);
      block = [];
    }
  }
  if (block.length) out.push(block);
  return out;
}

const startsAgency = (block: readonly string[]): boolean => {
  const words = block.join(' ').replace(/^[-–]\s+/u, '').split(/\s+/u);
  return agencyStartsAt(words, 0);
};
const hasAgencyBlock = (blocks: readonly string[][]): boolean => blocks.some(startsAgency);
const isFigureBlock = (block: readonly string[]): boolean => /^[-–≥≤<>=~]*\s*\d/u.test(block.join(' ')) && block.join(' ').length <= 24;
const isUnitBlock = (block: readonly string[]): boolean => {
  const words = block.join(' ').split(/\s+/u);
  return Boolean(unitAt(words, 0) && unitAt(words, 0)!.length === words.length) || (block.length <= 2 && block.every((l) => l.split(/\s+/u).length <= 3));
};

/** The cells of one row's paragraphs: agency last, then the target figure, then the unit, the rest the name. */
function blockCells(blocks: readonly string[][]): Partial<Record<TextRowRole, string>> {
  let end = blocks.length;
  let lead = '';
  const agencyAt = blocks.findIndex((b, i) => i > 0 && startsAgency(b));
  let target = '';
  if (agencyAt > 0) {
    const text = blocks.slice(agencyAt).flat().join(' ');
    const dash = /^[-–]\s+/u.exec(text);
    if (dash) target = '-';
    lead = text.slice(dash?.[0].length ?? 0);
    end = agencyAt;
  }
  if (end > 1 && isFigureBlock(blocks[end - 1]!)) target = blocks[--end]!.join(' ');
  let unit = '';
  if (end > 1 && isUnitBlock(blocks[end - 1]!)) {
    const block = blocks[--end]!;
    const words = block.join(' ').split(/\s+/u);
    const known = unitAt(words, 0);
    unit = known && known.length === words.length ? known.text : block.join(' ');
  }
  return { name: trimGarbage(blocks.slice(0, end).flat().join(' ')), unit, target, lead: trimGarbage(lead) };
}

