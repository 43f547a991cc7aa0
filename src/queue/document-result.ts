import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Document } from '../../schemas/index.js';
import { readChanges } from '../output/index.js';

/** What a finished document job returns (shown on the dashboard, read by `watch`). */
export interface DocumentJobResult {
  id: string;
  version: number;
  output: string;
  status: Document['status'];
  pages: number;
  indicators: number;
  assignments: number;
  /** Where the original is now (`<inbox>/processed/…` from the inbox; where it was for `submit`). */
  original?: string | null;
  /**
   * The same content was already published under another name (`output`
   * is that file): nothing was written; the file name first published.
   */
  duplicateOf?: string | null;
}

/** A document's counts, for its job's result. */
export function documentSummary(doc: Document): Omit<DocumentJobResult, 'version' | 'output'> {
  return { id: doc.id, status: doc.status, pages: doc.source.pages, indicators: doc.indicators.length, assignments: doc.assignments.length };
}

/** Just what the counts need from a published document (the whole file is not validated again). */
const PublishedCounts = z.object({
  id: z.string(),
  source: z.object({ pages: z.number() }),
  indicators: z.array(z.unknown()),
  assignments: z.array(z.unknown()),
});

/**
 * When this job already published its output (and a crash or a Redis
 * restart cut it short before it was marked done), what it published: read
 * back from the output itself, so the re-run reports the document's real
 * page and record counts, not zeros.
 */
export async function publishedBefore(outDir: string, jobId: string): Promise<DocumentJobResult | null> {
  const entry = (await readChanges(outDir)).find((e) => e.job === jobId && (e.status === 'ok' || e.status === 'partial'));
  if (!entry || entry.version === null || entry.output === null) return null;
  const path = join(outDir, entry.output);
  const published = PublishedCounts.safeParse(await readFile(path, 'utf8').then(JSON.parse, () => null));
  const counts = published.success && published.data.id === entry.id ? published.data : null;
  return {
    id: entry.id,
    version: entry.version,
    output: path,
    status: entry.status as Document['status'],
    pages: counts?.source.pages ?? 0,
    indicators: counts?.indicators.length ?? 0,
    assignments: counts?.assignments.length ?? 0,
    ...(entry.original !== undefined && entry.original !== null ? { original: entry.original } : {}),
  };
}
