import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/pipeline/index.js';

const PDF = new URL('../../../fixtures/pdf/kh-bql-2026.pdf', import.meta.url).pathname;

describe('page limit', () => {
  it('refuses a PDF with more pages than the limit before reading any, saying how many', async () => {
    await expect(readDocument(PDF, { maxPages: 5 })).rejects.toThrow('the PDF has 19 pages, above the 5-page limit');
    await expect(readDocument(PDF, { maxPages: 19 })).resolves.toBeTruthy();
  });
});
