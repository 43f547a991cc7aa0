import { describe, expect, it } from 'vitest';
import { NumberTable } from '../../../src/restore/number-table.js';

describe('number table', () => {
  it('keeps every key through growth, keys past 2^32 and key 0 included, and adds to what a key holds', () => {
    const t = new NumberTable(true);
    const keys = [0, 1, 2 ** 32 + 5, 2 ** 51 - 1, ...Array.from({ length: 5000 }, (_, i) => i * 7919 * 131072 + 3)];
    keys.forEach((k, i) => t.add(k, i, 1));
    t.add(0, 10, 1);
    expect(t.size).toBe(keys.length);
    expect(t.get(0)).toBe(10);
    expect(t.second(t.find(0))).toBe(2);
    keys.slice(1).forEach((k, i) => expect(t.get(k)).toBe(i + 1));
    expect(t.find(42)).toBe(-1);
    let seen = 0;
    t.forEach(() => seen++);
    expect(seen).toBe(keys.length);
  });
});
