import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel, NgramModel, trainModel, type ModelShape } from '../../../src/restore/index.js';
import { modifiedDiscounts } from '../../../src/restore/kneser-ney.js';
import { codebook, quantize } from '../../../src/restore/quantize.js';
import { continuationRows, sortRows, TupleCounts } from '../../../src/restore/tuple-counts.js';

const text = [
  'ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện',
  'ủy ban nhân dân xã ban hành kế hoạch',
  'ủy ban nhân dân tỉnh chỉ đạo sở nội vụ thực hiện kế hoạch',
  'sở nội vụ chủ trì thực hiện kế hoạch',
  'ban hành kế hoạch thực hiện nhiệm vụ',
  'ủy ban nhân dân tỉnh ban hành quyết định',
].join('\n');

/** Σ over every id of P(w | t u v): a smoothed model is a distribution in each context. */
function mass(model: NgramModel, t: string, u: string, v: string): number {
  const words: string[] = [];
  for (let id = 0; ; id++) {
    const before = words.length;
    for (const w of ['<s>', '</s>', ...text.split(/\s+/u)]) if (model.known(w) === id && !words.includes(w)) words.push(w);
    if (words.length === before) break;
  }
  let sum = 0;
  for (const w of words) sum += Math.exp(model.logProbIds(model.known(t), model.known(u), model.known(v), model.known(w), words.length));
  return sum;
}

describe('n-gram model', () => {
  const shapes: ModelShape[] = [
    { order: 3, modified: false, minCount: 1 },
    { order: 3, modified: true, minCount: 1 },
    { order: 4, modified: true, minCount: 1 },
    { order: 4, modified: true, minCount: 2 },
  ];

  it.each(shapes)('sums to one in every context, seen, pruned or unseen (%j)', (shape) => {
    const model = trainModel([text], new NgramModel(shape));
    for (const [t, u, v] of [['ủy', 'ban', 'nhân'], ['ban', 'hành', 'kế'], ['<s>', '<s>', '<s>'], ['sở', 'nội', 'vụ'], ['vụ', 'thực', 'hiện'], ['xyz', 'ban', 'hành'], ['xyz', 'xyz', 'xyz']] as const)
      expect(mass(model, t, u, v)).toBeCloseTo(1, 6); // the tables hold float32
  });

  it('reads one word further back at order 4', () => {
    const pairs = Array.from({ length: 3 }, () => 'một hai ba bốn\nnăm hai ba sáu').join('\n');
    const four = trainModel([pairs], new NgramModel({ order: 4, modified: true, minCount: 1 }));
    const three = trainModel([pairs], new NgramModel({ order: 3, modified: true, minCount: 1 }));
    const p = (m: NgramModel, w: string): number => m.logProbIds(m.known('một'), m.known('hai'), m.known('ba'), m.known(w));
    expect(p(four, 'bốn')).toBeGreaterThan(p(four, 'sáu') + 1);
    expect(p(three, 'bốn')).toBeCloseTo(p(three, 'sáu'), 12);
  });

  it('leaves 4-grams seen fewer than minCount times out of its tables, not out of its counts', () => {
    const pruned = trainModel([text], new NgramModel({ order: 4, modified: true, minCount: 2 }));
    const full = trainModel([text], new NgramModel({ order: 4, modified: true, minCount: 1 }));
    expect(pruned.tableSizes()['4-grams kept']).toBeLessThan(full.tableSizes()['4-grams kept']!);
    expect(pruned.ngramIds().rows).toEqual(full.ngramIds().rows);
    const back = decodeModel(encodeModel(pruned, {})).model;
    expect(back.shape).toEqual(pruned.shape);
    expect(back.ngramIds().rows).toEqual(pruned.ngramIds().rows);
    expect(back.logProb('ban', 'hành', 'kế')).toBeCloseTo(pruned.logProb('ban', 'hành', 'kế'), 12);
  });

  it('takes a document away exactly at order 4, pruning included', () => {
    const [a, b] = [text.split('\n').slice(0, 4).join('\n'), text.split('\n').slice(4).join('\n')];
    const shape: ModelShape = { order: 4, modified: true, minCount: 2 };
    const less = decodeModel(encodeModel(trainModel([a, b], new NgramModel(shape)), {})).model.merge(trainModel([b], new NgramModel(shape)), -1).finish();
    const only = trainModel([a], new NgramModel(shape));
    expect(less.ngramIds().rows.length).toBe(only.ngramIds().rows.length);
    for (const ctx of [['ủy', 'ban', 'nhân', 'dân'], ['nhân', 'dân', 'tỉnh', 'ban'], ['<s>', '<s>', '<s>', 'ban'], ['hành', 'kế', 'hoạch', 'thực']])
      expect(less.logProbIds(...(ctx.map((w) => less.known(w)) as [number, number, number, number]))).toBeCloseTo(only.logProbIds(...(ctx.map((w) => only.known(w)) as [number, number, number, number])), 12);
    expect(less.known('quyết')).toBe(-1);
  });

  it('writes a quantized model compiled (PILM3): the same tables back, its counts read only when asked for', () => {
    const shape: ModelShape = { order: 4, modified: true, minCount: 2, quantized: true };
    const model = trainModel([text], new NgramModel(shape));
    const file = encodeModel(model, { built: 'test' });
    expect(file.subarray(0, 6).toString('latin1')).toBe('PILM3\n');
    const { model: back, about } = decodeModel(file);
    expect(about).toEqual({ built: 'test' });
    expect(back.shape).toEqual(shape);
    expect(back.tableSizes()).toEqual(model.tableSizes());
    for (const ctx of [['ủy', 'ban', 'nhân', 'dân'], ['<s>', '<s>', '<s>', 'ủy'], ['sở', 'nội', 'vụ', 'chủ'], ['xyz', 'ban', 'hành', 'kế']])
      expect(back.logProbIds(...(ctx.map((w) => back.known(w)) as [number, number, number, number]))).toBe(model.logProbIds(...(ctx.map((w) => model.known(w)) as [number, number, number, number])));
    expect(back.ngramIds().rows).toEqual(model.ngramIds().rows);
    // a file cut inside its counts loads (they are not read) but cannot be trained on
    const cut = decodeModel(file.subarray(0, file.length - 8)).model;
    expect(cut.logProb('ban', 'hành', 'kế')).toBe(model.logProb('ban', 'hành', 'kế'));
    expect(() => cut.ngramIds()).toThrow();
  });

  it('quantized, still sums to one in every context within the codebooks\' steps', () => {
    const model = trainModel([text], new NgramModel({ order: 4, modified: true, minCount: 2, quantized: true }));
    for (const [t, u, v] of [['ủy', 'ban', 'nhân'], ['<s>', '<s>', '<s>'], ['vụ', 'thực', 'hiện'], ['xyz', 'xyz', 'xyz']] as const) expect(mass(model, t, u, v)).toBeCloseTo(1, 4);
  });

  it('still loads a PILM1 file (order 3, one discount)', () => {
    const plain = trainModel([text], new NgramModel({ order: 3, modified: false, minCount: 1 }));
    const { words, rows } = plain.ngramIds();
    const header = JSON.stringify({ words, tokens: plain.tokens, comparators: {}, forms: { cased: [], upper: [] }, about: {} });
    const body = Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
    const old = decodeModel(gzipSync(Buffer.concat([Buffer.from(`PILM1\n${header}\n`), body]))).model;
    expect(old.shape).toEqual({ order: 3, modified: false, minCount: 1 });
    expect(old.logProb('ban', 'hành', 'kế')).toBeCloseTo(plain.logProb('ban', 'hành', 'kế'), 12);
  });
});

describe('modified Kneser-Ney discounts', () => {
  it("follow Chen & Goodman's estimates from the count-of-counts", () => {
    const [n1, n2, n3, n4] = [1000, 400, 200, 120];
    const y = n1 / (n1 + 2 * n2);
    const [d1, d2, d3] = modifiedDiscounts([0, n1, n2, n3, n4]);
    expect(d1).toBeCloseTo(1 - (2 * y * n2) / n1, 12);
    expect(d2).toBeCloseTo(2 - (3 * y * n3) / n2, 12);
    expect(d3).toBeCloseTo(3 - (4 * y * n4) / n3, 12);
    expect(d1).toBeLessThan(d2);
  });

  it('fall back to the plain discount when a count-of-counts is missing', () => {
    expect(modifiedDiscounts([0, 5, 0, 0, 0])).toEqual([0.75, 0.75, 0.75]);
  });
});

describe('8-bit codebooks', () => {
  it('keep every value within a small step of its own, the common ones closest', () => {
    // a skewed spread of probabilities, as n-gram shares are: many small, few large
    const values = Float64Array.from({ length: 20000 }, (_, i) => Math.exp(-12 * ((i * 7919) % 20000) / 20000) * (1 - (i % 3) * 0.1));
    const book = codebook(values);
    expect(book.length).toBe(256);
    for (let i = 1; i < 256; i++) expect(book[i]!).toBeGreaterThanOrEqual(book[i - 1]!);
    const codes = quantize(values, book);
    const errors = Float64Array.from(values, (v, i) => Math.abs(Math.log(book[codes[i]!]!) - Math.log(v))).sort();
    expect(errors.at(-1)).toBeLessThan(0.1);
    expect(errors[errors.length >> 1]).toBeLessThan(0.02);
    // the nearest entry in logarithm, never a farther one
    const x = values[123]!;
    const mine = Math.abs(Math.log(book[codes[123]!]!) - Math.log(x));
    for (const b of book) expect(mine).toBeLessThanOrEqual(Math.abs(Math.log(b) - Math.log(x)) + 1e-12);
  });

  it('keep a few values exactly (up to float32)', () => {
    const values = [0.5, 0.25, 0.125, 1];
    const book = codebook(values);
    const codes = quantize(values, book);
    values.forEach((v, i) => expect(book[codes[i]!]).toBeCloseTo(v, 6));
  });
});

describe('tuple counts', () => {
  it('counts, takes away and sorts n-grams of ids past 2^53 when packed', () => {
    const big = (1 << 17) - 1;
    const counts = new TupleCounts(5);
    counts.add([big, 1, 2, 3, big], 0, 2);
    counts.add([0, 0, 0, 0, 1], 0, 1);
    counts.add([big, 1, 2, 3, big], 0, -1);
    counts.add([0, 0, 0, 0, 2], 0, 1);
    counts.add([0, 0, 0, 0, 2], 0, -1);
    expect([...counts.rows(1 << 17)]).toEqual([0, 0, 0, 0, 1, 1, big, 1, 2, 3, big, 1]);
  });

  it('sorts rows by their ids and counts continuations: once per row for its last ids', () => {
    const rows = sortRows(Uint32Array.from([2, 1, 5, 0, 1, 7, 1, 1, 3, 3, 1, 1]), 3, 2, 4);
    expect([...rows]).toEqual([0, 1, 7, 1, 1, 3, 2, 1, 5, 3, 1, 1]);
    expect([...continuationRows(rows, 3, 1, 4)]).toEqual([1, 4]);
    // after the sentence start (id 1 here) only the start itself stands: an n-gram from it counts its occurrences
    expect([...continuationRows(rows, 3, 1, 4, 1)]).toEqual([1, 16]);
    expect([...continuationRows(rows, 3, 2, 4, 0)]).toEqual([0, 1, 7, 1, 1, 1, 2, 1, 1, 3, 1, 1]);
  });

  it('tells how often a word follows the sentence start when the highest order is pruned', () => {
    const starts = [...Array<string>(6).fill('xếp hạng thi đua'), 'xếp hàng chờ', 'người dân xếp hàng', 'họ xếp hàng dài', 'không xếp hàng'].join('\n');
    // "<s> <s> xếp hạng" (6 times) is pruned: "<s> xếp hạng" must still count 6, not 1 (only "<s>" stands before it)
    const model = trainModel([starts], new NgramModel({ order: 4, modified: true, minCount: 7 }));
    const [s, xep] = [model.known('<s>'), model.known('xếp')];
    const p = (w: string): number => model.logProbIds(s, s, xep, model.known(w));
    expect(p('hạng') - p('hàng')).toBeGreaterThan(Math.log(3));
  });
});
