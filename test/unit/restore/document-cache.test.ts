import { describe, expect, it } from 'vitest';
import { trainModel } from '../../../src/restore/index.js';
import { DocumentCache } from '../../../src/restore/document-cache.js';
import { decode, Readings } from '../../../src/restore/viterbi-decoder.js';

// "nam" is the likelier reading in general; after "quê" the model has seen neither
const model = trainModel(['năm nay', 'mỗi năm', 'hằng năm', 'nam bộ', 'phía nam', 'miền nam', 'hướng nam', 'quê hương']);
const ids = (words: string[]): Int32Array => Int32Array.from(words, (w) => model.known(w));

describe('DocumentCache', () => {
  it('shifts every reading alike where the document wrote none of them after the previous word', () => {
    const cache = new DocumentCache(0.3);
    cache.add(model.known('phía'), model.known('nam'));
    const lm = Float64Array.from([-1, -2]);
    cache.mix(model.known('quê'), ids(['nam', 'năm']), lm);
    expect(lm[0]! - lm[1]!).toBeCloseTo(1, 9);
    expect(lm[0]).toBeCloseTo(-1 + Math.log(0.7), 9);
  });

  it('raises the reading the document wrote after the same word', () => {
    const cache = new DocumentCache(0.3);
    cache.add(model.known('quê'), model.known('năm'));
    const lm = Float64Array.from([-1, -3]);
    cache.mix(model.known('quê'), ids(['nam', 'năm']), lm);
    expect(lm[1]!).toBeGreaterThan(lm[0]!);
    expect(cache.mixOne(model.known('quê'), model.known('năm'), ids(['nam', 'năm']), -3)).toBeCloseTo(lm[1]!, 12);
  });

  it('leaves out pairs with a word the model never saw', () => {
    const cache = new DocumentCache();
    cache.add(-1, model.known('nam'));
    expect(cache.size).toBe(0);
    expect(cache.has(model.known('nam'))).toBe(false);
  });
});

describe('decode with a document cache', () => {
  const slots = (): ReturnType<typeof slot>[] => [slot(['quê']), slot(['nam', 'năm'])];
  const slot = (words: string[]) => ({ readings: new Readings(words, model), weights: null });

  it('decides an unsure word as the document wrote it elsewhere, and only then', () => {
    const plain = decode(slots(), model);
    expect(plain[1]?.choice).toBe('nam');
    expect(plain[1]!.confidence).toBeLessThan(new DocumentCache().confidence);
    // the same document wrote "quê năm" where it was sure
    const cache = new DocumentCache();
    cache.add(model.known('quê'), model.known('năm'));
    const cached = decode(slots(), model, cache);
    expect(cached[1]?.choice).toBe('năm');
    expect(cached[1]!.confidence).toBeGreaterThan(1 - plain[1]!.confidence);
    // a cache whose document wrote neither reading after "quê" changes nothing
    const other = new DocumentCache();
    other.add(model.known('năm'), model.known('nay'));
    expect(decode(slots(), model, other).map((s) => s?.choice)).toEqual(plain.map((s) => s?.choice));
  });

  it('learns the confident pairs of what it decodes', () => {
    const cache = new DocumentCache();
    decode([slot(['quê']), slot(['hương'])], model, cache);
    expect(cache.has(model.known('hương'))).toBe(true);
  });
});
