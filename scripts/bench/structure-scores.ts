import type { Document } from '../../schemas/index.js';

const norm = (s: unknown): string => String(s ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();

/** Share of the groundtruth metadata fields the document reads exactly (whitespace-normalized). */
export function metadataScore(doc: Document, truth: Record<string, unknown>): number {
  const fields = ['issuer', 'number', 'date', 'place', 'docType', 'title'] as const;
  const ok = fields.filter((f) => norm(doc.metadata[f]) === norm(truth[f])).length;
  return ok / fields.length;
}

interface OutlineItem {
  number: string;
  title: string;
  level: number;
}

/**
 * Outline items exact (number, title, level) in order: longest common
 * subsequence over max(groundtruth, output), so missing and spurious
 * headings both count against.
 */
export function outlineScore(doc: Document, truth: OutlineItem[]): number {
  const key = (i: OutlineItem): string => `${norm(i.number)}|${norm(i.title)}|${i.level}`;
  const a = truth.map(key);
  const b = doc.sections.map((s) => key(s));
  if (!a.length && !b.length) return 1;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] ?? 0;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(prev[j] ?? 0, prev[j - 1] ?? 0);
      diag = tmp;
    }
  }
  return (prev[b.length] ?? 0) / Math.max(a.length, b.length);
}
