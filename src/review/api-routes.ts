import express, { type Request, type Response, type Router } from 'express';
import { PUBLISHED_SCHEMAS, toJsonSchema, type HealthReport } from '../../schemas/index.js';
import { readChanges } from '../output/index.js';
import { DOCUMENT_ID, type DocumentIndex } from './document-index.js';
import type { ReviewStore } from './review-store.js';
import { reviewView } from './review-view.js';

const KINDS = new Set(['indicators', 'assignments']);
const SCHEMA_NAMES = new Map(Object.keys(PUBLISHED_SCHEMAS).map((f) => [f.replace('.schema.json', ''), f as keyof typeof PUBLISHED_SCHEMAS]));

export interface ApiOptions {
  index: DocumentIndex;
  /** Documents as reviewers left them (corrections applied). */
  store: ReviewStore;
  /** The service's parts and their status (for /api/health). */
  health: () => Promise<HealthReport>;
}

/**
 * The read API over the output folder:
 *   GET /api/health
 *   GET /api/documents                        list with status and review counts
 *   GET /api/documents/:id                    the Document JSON
 *   GET /api/documents/:id/records            records, metadata, page outlines (what the review page opens with)
 *   GET /api/documents/:id/pages/:n           one page: text, words, lines, blocks (when the reviewer opens it)
 *   GET /api/documents/:id/indicators|assignments
 *   GET /api/schemas/:name                    document, indicator, assignment, change-entry
 *   GET /api/changes?after=N                  the change feed from line N on
 */
export function apiRoutes(o: ApiOptions): Router {
  const api = express.Router();
  api.get('/health', async (_req, res) => {
    const health = await o.health();
    const documents = (await o.index.documents()).size;
    // `queue` as before the components were added: integrators' checks read it
    const redis = health.components.redis.status;
    const queue = redis === 'not running here' ? 'not configured' : redis;
    res.status(health.status === 'ok' ? 200 : 503).json({ ...health, documents, queue });
  });
  api.get('/documents', async (_req, res) => {
    await o.store.flush(); // the list reads the files: write reviewers' pending edits first
    res.json({ documents: await o.index.list() });
  });
  api.get('/documents/:id', async (req, res) => {
    const id = String(req.params.id);
    const doc = DOCUMENT_ID.test(id) ? await o.store.current(id) : null;
    if (!doc) return notFound(res, 'document');
    res.json(doc);
  });
  api.get('/documents/:id/records', async (req, res) => {
    const id = String(req.params.id);
    const doc = DOCUMENT_ID.test(id) ? await o.store.current(id) : null;
    if (!doc) return notFound(res, 'document');
    res.json(reviewView(doc));
  });
  api.get('/documents/:id/pages/:n', async (req, res) => {
    const id = String(req.params.id);
    const doc = DOCUMENT_ID.test(id) ? await o.store.current(id) : null;
    if (!doc) return notFound(res, 'document');
    const page = /^\d{1,5}$/.test(String(req.params.n)) ? doc.pages[Number(req.params.n) - 1] : undefined;
    if (!page) return notFound(res, 'page');
    res.json(page);
  });
  api.get('/documents/:id/:kind', async (req, res, next) => {
    const kind = String(req.params.kind);
    if (!KINDS.has(kind)) return next(); // the review routes' paths (export.csv, corrections)
    const id = String(req.params.id);
    const doc = DOCUMENT_ID.test(id) ? await o.store.current(id) : null;
    if (!doc) return notFound(res, 'document');
    res.json({ id: doc.id, version: doc.version ?? null, [kind]: kind === 'indicators' ? doc.indicators : doc.assignments });
  });
  api.get('/schemas/:name', (req, res) => {
    const file = SCHEMA_NAMES.get(String(req.params.name).replace(/\.schema\.json$/, ''));
    if (!file) return notFound(res, `schema (one of ${[...SCHEMA_NAMES.keys()].join(', ')})`);
    res.type('application/schema+json').send(JSON.stringify(toJsonSchema(file), null, 2));
  });
  api.get('/changes', async (req: Request, res: Response) => {
    const after = Number(req.query.after ?? 0);
    if (!Number.isInteger(after) || after < 0) return void res.status(400).json({ error: 'after: expected a line number ≥ 0' });
    const entries = await readChanges(o.index.outDir);
    res.json({ entries: entries.slice(after), next: entries.length });
  });
  return api;
}

function notFound(res: Response, what: string): void {
  res.status(404).json({ error: `no such ${what}` });
}
