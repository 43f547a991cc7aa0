import { similarity } from '../../../core/index.js';

/**
 * Row numbers of a table whose numbers an OCR garbled ("1112" for 11.12,
 * "117" for 11.7, "jg" for 19, "37" between 31 and 33). Numbers run in
 * sequence, so the reading is the sequence that agrees best with what was
 * read: each row is the next sibling (11.6 → 11.7), the first child
 * (11 → 11.1), or the parent's next (11.12 → 12) of the row before, or a
 * restart at 1 after a section row. A beam search keeps the best few
 * sequences; a printed number that fits is worth most, one that differs by
 * a digit less, one that is missing nothing.
 */

export interface CodeSlot {
  /** The token read where the row number should be ("" when none). */
  read: string;
  /** A section row ("I Đến năm 2030") comes before this row: numbering may restart. */
  afterSection: boolean;
}

const BEAM = 24;

/** The most likely row numbers for `slots`, in order. */
export function repairRowCodes(slots: readonly CodeSlot[]): string[] {
  let beam: { codes: string[]; score: number }[] = [{ codes: [], score: 0 }];
  for (const slot of slots) {
    const next: { codes: string[]; score: number }[] = [];
    for (const path of beam) {
      const prev = path.codes.at(-1) ?? null;
      for (const [code, cost] of successors(prev, slot)) next.push({ codes: [...path.codes, code], score: path.score + agreement(slot.read, code) - cost });
    }
    // the same last code reached twice: keep the better path
    const best = new Map<string, { codes: string[]; score: number }>();
    for (const p of next.sort((a, b) => b.score - a.score)) {
      const key = `${p.codes.at(-1)}|${p.codes.length}`;
      if (!best.has(key)) best.set(key, p);
    }
    beam = [...best.values()].slice(0, BEAM);
  }
  return beam[0]?.codes ?? [];
}

/** A row the reader missed costs this much: the sequence may skip one number when the numbers read say so. */
const SKIP_COST = 2;

/** The codes that may follow `prev`, each with what taking it costs. */
function successors(prev: string | null, slot: CodeSlot): [string, number][] {
  // a table may open mid-sequence (a continuation, a second period): the first number as read
  const asRead = /^\d{1,3}(?:\.\d{1,2})*$/u.test(slot.read) ? [[slot.read, 0] as [string, number]] : [];
  if (prev === null) return [['1', 0], ['2', SKIP_COST], ...asRead];
  const parts = prev.split('.').map(Number);
  const out = new Map<string, number>();
  const add = (code: string, cost: number): void => {
    if (!out.has(code) || out.get(code)! > cost) out.set(code, cost);
  };
  add([...parts.slice(0, -1), parts.at(-1)! + 1].join('.'), 0);
  add([...parts.slice(0, -1), parts.at(-1)! + 2].join('.'), SKIP_COST);
  if (parts.length < 3) add([...parts, 1].join('.'), 0);
  if (parts.length > 1) add(String(parts[0]! + 1), 0);
  if (parts.length > 2) add([parts[0], parts[1]! + 1].join('.'), 0);
  if (slot.afterSection) add('1', 0);
  return [...out];
}

/** How well a read token supports a code: 3 exact, up to 2 for near digits, 0.5 for nothing read, 0 against. */
function agreement(read: string, code: string): number {
  const digits = read.replace(/[^\d]/gu, '');
  const exact = read.replace(/[^\d.]/gu, '').replace(/\.$/u, '');
  if (exact === code) return 3;
  if (digits && digits === code.replace(/\./gu, '')) return 2.5;
  if (!digits) return 0.5;
  return 2 * Math.max(0, similarity(digits, code.replace(/\./gu, '')) - 0.3);
}
