import { describe, expect, it } from 'vitest';
import { Deadline, fitFileName, splitLongLine, withinTime } from '../../../src/core/index.js';
import { DEFAULT_LIMITS, Limits } from '../../../schemas/index.js';

describe('limits', () => {
  it('fills every default and refuses a limit that is no limit', () => {
    expect(Limits.parse({ maxPages: 10 })).toEqual({ ...DEFAULT_LIMITS, maxPages: 10 });
    expect(Limits.safeParse({ maxStreamBytes: 0 }).success).toBe(false);
  });
});

describe('splitLongLine', () => {
  it('cuts after a sentence end, else a space, into pieces that join back to the line', () => {
    const line = 'Giao Sở Nội vụ chủ trì. '.repeat(300) + 'x'.repeat(5000);
    const pieces = splitLongLine(line, 1000);
    expect(pieces.join('')).toBe(line);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(1000);
    expect(pieces[0]!.endsWith('chủ trì. ')).toBe(true);
    expect(splitLongLine('ngắn', 1000)).toEqual(['ngắn']);
  });
});

describe('fitFileName', () => {
  it('keeps a short name and cuts a long one to its bytes, keeping the extension and telling names apart', () => {
    expect(fitFileName('Kế hoạch 44.pdf', 255)).toBe('Kế hoạch 44.pdf');
    const a = fitFileName(`${'Kế hoạch chuyển đổi số '.repeat(12)}A.pdf`, 100);
    const b = fitFileName(`${'Kế hoạch chuyển đổi số '.repeat(12)}B.pdf`, 100);
    expect(Buffer.byteLength(a)).toBeLessThanOrEqual(100);
    expect(a.endsWith('.pdf')).toBe(true);
    expect(a).not.toBe(b);
  });
});

describe('Deadline and withinTime', () => {
  it('throws a time-limit InputError once the budget is spent', () => {
    let now = 0;
    const d = new Deadline(1000, 0, () => now);
    expect(() => d.check('page 1')).not.toThrow();
    now = 1000;
    expect(() => d.check('page 7')).toThrow(/longer than the 1 s limit per document \(stopped before page 7\)/);
  });

  it('stops waiting for slow work', async () => {
    expect(await withinTime(new Promise((r) => setTimeout(() => r(1), 1000)), 20)).toEqual({ timedOut: true });
    expect(await withinTime(Promise.resolve(2), 1000)).toEqual({ timedOut: false, value: 2 });
  });
});
