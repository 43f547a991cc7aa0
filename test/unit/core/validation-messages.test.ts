import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ReviewerAccount } from '../../../schemas/index.js';
import { validationMessages } from '../../../src/core/index.js';

describe('validation messages', () => {
  it('a bad reviewer name is one plain line, not zod JSON', () => {
    const parsed = ReviewerAccount.shape.name.safeParse('Lan Anh!');
    expect(parsed.success).toBe(false);
    expect(validationMessages(parsed.error!, { '': 'reviewer name' })).toEqual(["reviewer name: must be 1–64 letters, digits, '.', '_' or '-'"]);
  });

  it('one line per problem, labelled by field name or dotted path', () => {
    const schema = z.object({ ocrDpi: z.number().int().positive(), nested: z.object({ port: z.number() }) });
    const parsed = schema.safeParse({ ocrDpi: -1, nested: { port: 'x' } });
    const lines = validationMessages(parsed.error!, { ocrDpi: '--ocr-dpi' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^--ocr-dpi: /);
    expect(lines[1]).toMatch(/^nested\.port: /);
    expect(lines.join('\n')).not.toContain('{');
  });
});
