import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_LIMITS, Limits } from '../../schemas/index.js';

const MiB = 1024 * 1024;

const positive = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number');
  return n;
};

/** The limit flags as commander hands them over (in the units the flags use). */
export interface LimitFlags {
  maxSize: number;
  maxPixels: number;
  maxPages: number;
  maxPageSize: number;
  maxStream: number;
  maxText: number;
  maxLine: number;
  pageTimeout: number;
  documentTimeout: number;
}

/**
 * Adds the resource-limit flags (schemas/limits.ts has each limit and why its
 * default) to a command: `ingest`, `watch` and `submit` take the same ones.
 */
export function addLimitOptions(cmd: Command): Command {
  const d = DEFAULT_LIMITS;
  return cmd
    .option('--max-size <mb>', 'refuse files larger than this many MiB', positive, d.maxBytes / MiB)
    .option('--max-pixels <megapixels>', 'refuse images whose header claims more pixels than this (checked before decoding)', positive, d.maxPixels / 1e6)
    .option('--max-pages <n>', 'refuse PDFs with more pages than this', positive, d.maxPages)
    .option('--max-page-size <points>', 'leave unread (with an error) PDF pages with a side longer than this (1/72 in)', positive, d.maxPagePoints)
    .option('--max-stream <mb>', 'refuse PDFs with a compressed stream inflating past this many MiB (checked before reading)', positive, d.maxStreamBytes / MiB)
    .option('--max-text <mb>', 'refuse text inputs (.txt, .md) larger than this many MiB', positive, d.maxTextBytes / MiB)
    .option('--max-line <chars>', 'split longer text lines at sentence ends or spaces (recorded)', positive, d.maxLineChars)
    .option('--page-timeout <s>', 'leave unread (with an error) a page whose reading or OCR takes longer', positive, d.pageTimeMs / 1000)
    .option('--document-timeout <s>', 'fail a document that takes longer', positive, d.documentTimeMs / 1000);
}

/** The flags as limits (bytes, pixels, ms), validated by the schema. */
export function limitsOf(o: LimitFlags): Limits {
  return Limits.parse({
    maxBytes: Math.round(o.maxSize * MiB),
    maxPixels: Math.round(o.maxPixels * 1e6),
    maxPages: Math.floor(o.maxPages),
    maxPagePoints: o.maxPageSize,
    maxStreamBytes: Math.round(o.maxStream * MiB),
    maxTextBytes: Math.round(o.maxText * MiB),
    maxLineChars: Math.floor(o.maxLine),
    pageTimeMs: Math.round(o.pageTimeout * 1000),
    documentTimeMs: Math.round(o.documentTimeout * 1000),
  });
}
