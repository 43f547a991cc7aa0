import { attrAt, child, elements, type XmlElement } from './xml-tree.js';

/** One level of a list definition (w:lvl). */
interface ListLevel {
  start: number;
  /** "decimal", "upperRoman", "lowerLetter", "bullet", … */
  format: string;
  /** "%1.", "%1.%2.", "%1)", "-", "" */
  text: string;
  /** w:isLgl: every level's number shown in decimal ("II.3" → "2.3"). */
  legal: boolean;
}

interface ListInstance {
  /** Whose counters it advances: the abstract list's, or its own when it restarts numbering (w:startOverride). */
  counterKey: string;
  levels: Map<number, ListLevel>;
}

/**
 * The printed labels of Word's auto-numbered paragraphs, computed from
 * numbering.xml as Word does: each list keeps a counter per level; a
 * paragraph at level L advances L's counter and resets the deeper ones; its
 * label is the level's lvlText with "%n" replaced by level n's counter in
 * that level's format ("%1." upperRoman → "II.", "%1.%2." → "2.3.", "%1)"
 * lowerLetter → "b)", a bullet level's text "-" as is).
 * Lists sharing an abstract definition continue each other's numbering, as
 * in Word, unless one restarts it with a start override.
 */
export class DocxNumbering {
  readonly #instances = new Map<string, ListInstance>();
  readonly #counters = new Map<string, number[]>();

  constructor(numbering: XmlElement | null) {
    if (!numbering) return;
    const abstract = new Map<string, Map<number, ListLevel>>();
    for (const a of elements(numbering, 'w:abstractNum')) abstract.set(a.attrs['w:abstractNumId'] ?? '', readLevels(a));
    for (const num of elements(numbering, 'w:num')) {
      const id = num.attrs['w:numId'] ?? '';
      const abstractId = attrAt(num, ['w:abstractNumId'], 'w:val') ?? '';
      const levels = new Map(abstract.get(abstractId) ?? []);
      let restarts = false;
      for (const o of elements(num, 'w:lvlOverride')) {
        const ilvl = Number(o.attrs['w:ilvl'] ?? 0);
        const base = levels.get(ilvl) ?? readLevel(undefined);
        const replaced = child(o, 'w:lvl');
        const level = replaced ? readLevel(replaced) : { ...base };
        const start = attrAt(o, ['w:startOverride'], 'w:val');
        if (start !== undefined) {
          level.start = Number(start) || 0;
          restarts = true;
        }
        levels.set(ilvl, level);
      }
      this.#instances.set(id, { counterKey: restarts ? `num:${id}` : `abstract:${abstractId}`, levels });
    }
  }

  /** The label of the next paragraph in list `numId` at level `ilvl` ("2.3.", "b)", "-"); null when the list is unknown or shows no label. */
  next(numId: string, ilvl: number): string | null {
    const list = this.#instances.get(numId);
    const level = list?.levels.get(ilvl);
    if (!list || !level) return null;
    const counters = this.#counters.get(list.counterKey) ?? [];
    counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl] + 1;
    counters.length = ilvl + 1; // deeper levels start again under this paragraph
    this.#counters.set(list.counterKey, counters);
    if (level.format === 'none') return null;
    if (level.format === 'bullet') return bulletMark(level.text) || null;
    const label = level.text.replace(/%([1-9])/gu, (_, n: string) => {
      const at = Number(n) - 1;
      const shown = list.levels.get(at) ?? level;
      const value = counters[at] ?? shown.start;
      return formatNumber(value, level.legal && at < ilvl ? 'decimal' : shown.format);
    });
    return label.trim() || null;
  }
}

function readLevels(abstract: XmlElement): Map<number, ListLevel> {
  return new Map(elements(abstract, 'w:lvl').map((l) => [Number(l.attrs['w:ilvl'] ?? 0), readLevel(l)]));
}

function readLevel(lvl: XmlElement | undefined): ListLevel {
  return {
    start: Number(attrAt(lvl, ['w:start'], 'w:val') ?? 0) || 0,
    format: attrAt(lvl, ['w:numFmt'], 'w:val') ?? 'decimal',
    text: attrAt(lvl, ['w:lvlText'], 'w:val') ?? '',
    legal: Boolean(child(lvl, 'w:isLgl')),
  };
}

/** Bullet glyphs of the Symbol and Wingdings fonts, which Word stores as private-use characters. */
const SYMBOL_BULLETS: Record<string, string> = { '\uF0B7': '•', '\uF0A7': '▪', '\uF0D8': '➢', '\uF076': '❖', '\uF0FC': '✓', '\uF02D': '-', '\uF0E8': '➔' };

function bulletMark(text: string): string {
  return [...text].map((c) => SYMBOL_BULLETS[c] ?? (/[\uE000-\uF8FF]/u.test(c) ? '•' : c)).join('').trim();
}

/** A counter as a level's numFmt prints it: 4 → "4", "04", "IV", "iv", "D", "d". */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    default:
      return String(n);
  }
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const marks: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, mark] of marks) for (; n >= value; n -= value) out += mark;
  return out;
}

/** Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeated, not base 26). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(65 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}
