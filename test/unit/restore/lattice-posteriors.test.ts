import { describe, expect, it } from 'vitest';
import { NgramModel, trainModel } from '../../../src/restore/index.js';
import { segmentPosteriors as flat, type LatticeScorer, type Semiring } from '../../../src/restore/lattice-posteriors.js';

/** segmentPosteriors' shares, one array a position. */
const segmentPosteriors = (scorer: LatticeScorer, alive: Int32Array[], p: number, q: number, ends: boolean, semiring?: Semiring): Float64Array[] => {
  const { shares, at } = flat(scorer, alive, p, q, ends, semiring);
  return Array.from({ length: q - p }, (_, k) => shares.slice(at[k]!, at[k + 1]!));
};
import { decode, Readings, type Slot } from '../../../src/restore/viterbi-decoder.js';

/**
 * Two words, each read x or y, scored by a bigram table: x y and y x
 * rarely follow each other, so the words are unsure together.
 * P(x0) = P(y0) = 0.5; after x0: x1 0.8, y1 0.2; after y0: x1 0.1, y1 0.9.
 * Paths: x0 x1 0.40, x0 y1 0.10, y0 x1 0.05, y0 y1 0.45 (the best).
 */
const START = 0;
const table = new Map<string, number>([
  ['0>10', 0.5], ['0>11', 0.5],
  ['10>20', 0.8], ['10>21', 0.2],
  ['11>20', 0.1], ['11>21', 0.9],
]);
const ids = [[10, 11], [20, 21]];
const pair: LatticeScorer = {
  history: 1,
  id: (i, c) => (i < 0 ? START : ids[i]![c]!),
  scores(i, _t, _u, v, alive, out, at) {
    alive.forEach((c, k) => (out[at + k] = Math.log(table.get(`${v}>${ids[i]![c]!}`)!)));
  },
  end: () => 0,
};
const both = [Int32Array.of(0, 1), Int32Array.of(0, 1)];

describe('segmentPosteriors', () => {
  it('shares the doubt of two unsure neighbours: the posterior, not the share given the other chosen word', () => {
    const [first, second] = segmentPosteriors(pair, both, 0, 2, false);
    expect(first![1]).toBeCloseTo(0.5, 10); // y0: 0.05 + 0.45
    expect(second![1]).toBeCloseTo(0.55, 10); // y1: 0.10 + 0.45
    // given the other word as chosen (y), each y would be far surer: 0.45 / 0.55 and 0.45 / 0.50
    expect(0.45 / 0.55).toBeGreaterThan(first![1]! + 0.3);
    expect(0.45 / 0.5).toBeGreaterThan(second![1]! + 0.3);
  });

  it('gives each word shares that sum to 1 over the readings in the lattice', () => {
    for (const semiring of ['sum', 'max'] as const) {
      for (const row of segmentPosteriors(pair, both, 0, 2, true, semiring)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('max-marginals: each reading by the best path through it', () => {
    const [first] = segmentPosteriors(pair, both, 0, 2, false, 'max');
    expect(first![0]).toBeCloseTo(0.4 / 0.85, 10);
    expect(first![1]).toBeCloseTo(0.45 / 0.85, 10);
  });

  it('gives a word with one reading left all of it, and its neighbour the share its own scores say', () => {
    const [first, second] = segmentPosteriors(pair, [Int32Array.of(1), Int32Array.of(0, 1)], 0, 2, false);
    expect(first![0]).toBe(1);
    expect(second![1]).toBeCloseTo(0.9, 10);
  });
});

// "tổ chức" and "tô chưc": both words unsure alone, sure together
const text = ['tổ chức thực hiện kế hoạch', 'tổ chức thực hiện', 'ban tổ chức hội nghị', 'tô màu cho tranh', 'chưc', 'tổ dân phố'];
const trigram = trainModel(text);
const slot = (model: NgramModel, words: string[], weights: number[] | null = null): Slot => ({ readings: new Readings(words, model), weights: weights && Float64Array.from(weights) });

/**
 * Every reading sequence of a clause ended by a boundary, scored as the
 * decoder scores it: each reading's posterior (sum) or max-marginal
 * (max: its best path, normalised over the word's readings), by enumeration.
 */
function bruteForce(model: NgramModel, slots: Slot[], semiring: Semiring = 'max'): number[][] {
  const post = slots.map((s) => new Array<number>(s.readings.words.length).fill(0));
  const walk = (i: number, seq: number[]): void => {
    if (i === slots.length) {
      const words = ['<s>', '<s>', '<s>', ...seq.map((c, k) => slots[k]!.readings.words[c]!), '</s>'];
      let lp = seq.reduce((a, c, k) => a + (slots[k]!.weights?.[c] ?? 0), 0);
      for (let k = 3; k < words.length; k++) lp += model.logProbIds(model.known(words[k - 3]!), model.known(words[k - 2]!), model.known(words[k - 1]!), model.known(words[k]!));
      const p = Math.exp(lp);
      seq.forEach((c, k) => (post[k]![c] = semiring === 'sum' ? post[k]![c]! + p : Math.max(post[k]![c]!, p)));
      return;
    }
    for (let c = 0; c < slots[i]!.readings.words.length; c++) walk(i + 1, [...seq, c]);
  };
  walk(0, []);
  return post.map((row) => row.map((p) => p / row.reduce((a, b) => a + b, 0)));
}

describe('decode: each word’s confidence is its max-marginal over the lattice', () => {
  for (const order of [3, 4] as const) {
    it(`equals the max-marginal by enumeration where the beam keeps every reading (order ${order})`, () => {
      const model = order === 3 ? trigram : trainModel(text, new NgramModel({ order: 4, modified: false, minCount: 1 }));
      const slots = [slot(model, ['to', 'tổ', 'tô']), slot(model, ['chuc', 'chức', 'chưc']), slot(model, ['thực', 'thức'], [0, -0.5]), slot(model, ['hiện'])];
      const out = decode([...slots, null, slot(model, ['ban'])], model);
      const post = bruteForce(model, slots);
      slots.forEach((s, i) => {
        const k = s.readings.words.indexOf(out[i]!.choice);
        expect(out[i]!.confidence).toBeCloseTo(post[i]![k]!, 3);
      });
    });
  }

  it('is lower than the share given the neighbour the decoder chose where both neighbours are unsure', () => {
    // "cơ quan" three times, "có quán" twice: each word alone is unsure, and sure given the other
    const model = trainModel(['cơ quan', 'cơ quan', 'cơ quan', 'có quán', 'có quán']);
    const slots = [slot(model, ['co', 'cơ', 'có']), slot(model, ['quan', 'quán'])];
    const out = decode([...slots, null], model);
    expect(out.slice(0, 2).map((o) => o?.choice)).toEqual(['cơ', 'quan']);
    // the first word's share with the second fixed to the chosen reading: the conditional the posterior replaces
    const given = bruteForce(model, [slots[0]!, slot(model, ['quan'])]);
    expect(given[0]![1]).toBeGreaterThan(0.9);
    expect(out[0]!.confidence).toBeCloseTo(bruteForce(model, slots)[0]![1]!, 3);
    expect(out[0]!.confidence).toBeLessThan(0.75);
  });

  it('a word with one reading, or whose other readings are far behind, is certain', () => {
    const slots = [slot(trigram, ['tổ']), slot(trigram, ['chuc', 'chức', 'chưc']), slot(trigram, ['thực']), slot(trigram, ['hiện', 'hiên'], [0, -40])];
    const out = decode([...slots, null], trigram);
    expect(out[0]!.confidence).toBe(1);
    expect(out[3]!.confidence).toBeGreaterThan(0.999);
    expect(out[1]!.choice).toBe('chức');
    expect(out[1]!.confidence).toBeCloseTo(bruteForce(trigram, slots)[1]![1]!, 3);
  });
});
