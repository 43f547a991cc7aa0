import type { Document } from '../../schemas/index.js';

const flat = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ').trim();

function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

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
    errors += distance(ref, flat(page.text));
    length += [...ref].length;
  }
  return length ? errors / length : 0;
}
