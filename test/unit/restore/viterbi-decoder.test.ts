import { describe, expect, it } from 'vitest';
import { trainModel } from '../../../src/restore/index.js';
import { decode, Readings, type Slot } from '../../../src/restore/viterbi-decoder.js';

// "dữ" is a rare word, always followed by "liệu"; sixteen other words are frequent and never are
const others = ['an', 'ba', 'ca', 'da', 'em', 'gà', 'hai', 'im', 'kê', 'la', 'mẹ', 'na', 'ô', 'pha', 'qua', 'ra'];
const model = trainModel([...others.map((w) => `${w} ${w} ${w} và ${w}`), 'dữ liệu', 'dữ liệu']);
const slot = (words: string[], weights: number[] | null = null): Slot => ({ readings: new Readings(words, model), weights: weights && Float64Array.from(weights) });

describe('decode', () => {
  // the channel read the middle token as any of the frequent words, "dữ" far behind: only "liệu" after it argues for it
  const behind = -2;
  const slots = (): Slot[] => [slot(['và']), slot([...others, 'dữ'], [...others.map(() => 0), behind]), slot(['liệu'])];
  /** The whole sequence's log-probability under the model, with the middle reading's weight. */
  const total = (word: string, weight: number): number => {
    const seq = ['<s>', '<s>', 'và', word, 'liệu', '</s>'];
    let sum = weight;
    for (let i = 2; i < seq.length; i++) sum += model.logProb(seq[i - 2]!, seq[i - 1]!, seq[i]!);
    return sum;
  };

  it('with the best states alone, drops a reading behind at its own word before the next word is scored', () => {
    expect(decode(slots(), model).map((s) => s?.choice)).not.toContain('dữ');
  });

  it('keeping the best state of other readings too, finds the sequence the model prefers', () => {
    for (const w of others) expect(total('dữ', behind)).toBeGreaterThan(total(w, 0));
    const out = decode(slots(), model, null, { readingsKept: 12 });
    expect(out.map((s) => s?.choice)).toEqual(['và', 'dữ', 'liệu']);
  });

  it('keeps the choice where the readings at each word are few', () => {
    const few = [slot(['và']), slot(['an', 'dữ'], [0, behind]), slot(['liệu'])];
    expect(decode(few, model, null, { readingsKept: 12 }).map((s) => s?.choice)).toEqual(decode(few, model).map((s) => s?.choice));
  });
});
