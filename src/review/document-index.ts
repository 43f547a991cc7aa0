import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, type ChangeEntry } from '../../schemas/index.js';
import { DOCUMENT_ID, readChanges } from '../output/index.js';

/** Document ids as the pipeline makes them; anything else is refused before it reaches the disk. */
export { DOCUMENT_ID };

/** One document of the output folder as the list shows it. */
export interface DocumentSummary {
  id: string;
  /** `<base>.json`, or null while queued or after a failure. */
  output: string | null;
  file: string;
  /** The latest news: queued, ok, partial, failed (duplicates are not documents of their own). */
  status: ChangeEntry['status'];
  version: number | null;
  reason: string | null;
  updatedAt: string | null;
  title: string | null;
  pages: number | null;
  indicators: number | null;
  assignments: number | null;
  /** Records with confidence below REVIEW_THRESHOLD: the ones a reviewer should look at first. */
  needsReview: number | null;
  /** A reviewer marked the whole document reviewed. */
  reviewed: boolean;
  /** Records a reviewer marked reviewed, of `records` (the review page's "12 / 39 đã duyệt"). */
  reviewedRecords: number | null;
  records: number | null;
}

/** Records under this confidence are counted as needing review. */
export const REVIEW_THRESHOLD = 0.8;

/**
 * The documents in an output folder (as `ingest` or `watch` wrote them),
 * joined with the change feed. Files are found by listing the folder and
 * matched by the id inside them: ids from requests are never made into paths.
 * Parsed documents are cached by modification time.
 */
export class DocumentIndex {
  readonly #cache = new Map<string, { mtimeMs: number; doc: Document | null }>();
  constructor(readonly outDir: string) {}

  /** Every output file's document (files that are not valid documents are skipped). */
  async documents(): Promise<Map<string, { file: string; doc: Document }>> {
    const names = await readdir(this.outDir).catch(() => [] as string[]);
    const found = new Map<string, { file: string; doc: Document }>();
    for (const name of names.sort()) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const doc = await this.#load(join(this.outDir, name));
      if (doc) found.set(doc.id, { file: name, doc });
    }
    return found;
  }

  async get(id: string): Promise<Document | null> {
    if (!DOCUMENT_ID.test(id)) return null;
    return (await this.documents()).get(id)?.doc ?? null;
  }

  async list(): Promise<DocumentSummary[]> {
    const docs = await this.documents();
    const latest = new Map<string, ChangeEntry>();
    for (const e of await readChanges(this.outDir)) if (e.status !== 'duplicate') latest.set(e.id, e);
    const ids = new Set([...docs.keys(), ...latest.keys()]);
    return [...ids].map((id) => summarize(id, docs.get(id), latest.get(id))).sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
  }

  async #load(path: string): Promise<Document | null> {
    const info = await stat(path).catch(() => null);
    if (!info) return null;
    const cached = this.#cache.get(path);
    if (cached?.mtimeMs === info.mtimeMs) return cached.doc;
    let doc: Document | null = null;
    try {
      const parsed = Document.safeParse(JSON.parse(await readFile(path, 'utf8')));
      doc = parsed.success ? parsed.data : null;
    } catch {
      doc = null;
    }
    this.#cache.set(path, { mtimeMs: info.mtimeMs, doc });
    return doc;
  }
}

function summarize(id: string, found: { file: string; doc: Document } | undefined, entry: ChangeEntry | undefined): DocumentSummary {
  const doc = found?.doc;
  const records = doc ? [...doc.indicators, ...doc.assignments] : null;
  // a failure or a new queueing after an output: the feed is the latest news; otherwise the file is
  const status = entry && (!doc || entry.status === 'failed' || entry.status === 'queued') ? entry.status : (doc?.status ?? entry?.status ?? 'queued');
  return {
    id,
    output: found?.file ?? null,
    file: doc?.source.file ?? entry?.file ?? '',
    status,
    version: doc?.version ?? entry?.version ?? null,
    reason: status === 'failed' ? (entry?.reason ?? null) : null,
    updatedAt: entry?.time ?? doc?.pipeline.processedAt ?? null,
    title: doc?.metadata.title ?? null,
    pages: doc?.source.pages ?? null,
    indicators: doc?.indicators.length ?? null,
    assignments: doc?.assignments.length ?? null,
    needsReview: records ? records.filter((r) => r.confidence < REVIEW_THRESHOLD && !r.review?.reviewed).length : null,
    reviewed: doc?.review?.reviewed ?? false,
    reviewedRecords: records ? records.filter((r) => r.review?.reviewed).length : null,
    records: records?.length ?? null,
  };
}
