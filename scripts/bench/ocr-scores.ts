import type { Document } from '../../schemas/index.js';
import { editDistance } from '../../src/core/index.js';

const flat = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

/**
 * Character error rate of an OCR'd document against the source text: the
 * digital fixture it was scanned from, page by page (whitespace-normalized;
 * page n of `pageMap` gives the digital page a scanned page shows).
 */
export function characterErrorRate(ocr: Document, source: Document, pageMap: (n: number) => number = (n) => n): number {
  let errors = 0;
  let length = 0;
  for (const page of ocr.pages) {
    const ref = flat(source.pages.find((p) => p.number === pageMap(page.number))?.text ?? '');
    errors += editDistance(ref, flat(page.text));
    length += [...ref].length;
  }
  return length ? errors / length : 0;
}
