import type { Document, Page } from '../../schemas/index.js';

/** What the review page needs of a page before it is opened: its size and how it was read, not its words. */
export interface PageOutline {
  number: number;
  width: number | null;
  height: number | null;
  origin: Page['origin'];
  verdict: NonNullable<Page['quality']>['verdict'] | null;
  repairs: string[];
  words: number;
  lines: number;
}

/**
 * The document as the review page opens it: metadata, review state and
 * every record, with pages and tables reduced to their outlines. A 52-page
 * plan's words, lines and table cells are megabytes the reviewer reads
 * only page by page (GET …/pages/:n), so they are left out here
 * (kh-tu-57: 5.5 MB → about 0.1 MB).
 */
export function reviewView(doc: Document) {
  return {
    schemaVersion: doc.schemaVersion,
    id: doc.id,
    status: doc.status,
    version: doc.version ?? null,
    source: doc.source,
    metadata: doc.metadata,
    review: doc.review ?? null,
    pages: doc.pages.map(pageOutline),
    tables: doc.tables.map((t) => ({ id: t.id, kind: t.kind, caption: t.caption, pages: t.pages, columns: t.columns })),
    indicators: doc.indicators,
    assignments: doc.assignments,
    issues: doc.issues,
  };
}

function pageOutline(p: Page): PageOutline {
  return { number: p.number, width: p.width, height: p.height, origin: p.origin, verdict: p.quality?.verdict ?? null, repairs: p.repairs, words: p.words.length, lines: p.lines.length };
}
