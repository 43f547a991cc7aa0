import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Assignment, Document, Indicator } from '../../schemas/index.js';
import { loadAgencyRegistry, parseTimeline } from '../records/index.js';
import { DOCUMENT_ID } from './document-index.js';
import { toCsv, toXlsx } from '../output/index.js';
import { recordBox, type PageImages } from './page-images.js';
import type { ReviewerAccounts } from './reviewer-accounts.js';
import { EditRequest, type ReviewStore } from './review-store.js';
import { HashGate, LoginThrottle } from './login-throttle.js';
import { sessionCookie, type Sessions } from './sessions.js';
import { requireWriter } from './access-control.js';

export interface ReviewRouteOptions {
  store: ReviewStore;
  accounts: ReviewerAccounts;
  sessions: Sessions;
  images: PageImages;
  /** serve --public-read: reads need no sign-in (the page then shows the documents before it). Default false. */
  publicRead?: boolean;
}

const Login = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) });
const KIND = /^(indicators|assignments)$/;

/**
 * The review API (under /api): sign-in, edits with their audit trail,
 * crops of the source, the text as read, timeline preview, agency
 * suggestions, and CSV/XLSX export. Who may read is checked before these
 * routes (access-control.ts); writes need a signed-in reviewer with the
 * session's CSRF token, or an API token of scope review.
 */
export function reviewRoutes(o: ReviewRouteOptions): Router {
  const api = express.Router();
  const writer = requireWriter();
  const doc = async (req: Request, res: Response): Promise<Document | null> => {
    const id = String(req.params.id);
    const found = DOCUMENT_ID.test(id) ? await o.store.current(id) : null;
    if (!found) res.status(404).json({ error: 'no such document' });
    return found;
  };
  const record = (d: Document, id: string): Indicator | Assignment | undefined => [...d.indicators, ...d.assignments].find((r) => r.id === id);

  const throttle = new LoginThrottle();
  const gate = new HashGate();
  api.post('/login', express.json({ limit: '4kb' }), async (req, res) => {
    const parsed = Login.safeParse(req.body);
    const keys = [`address:${req.ip ?? ''}`, ...(parsed.success ? [`name:${parsed.data.name.normalize('NFC').toLowerCase()}`] : [])];
    const wait = throttle.wait(keys);
    if (wait > 0) return tooMany(res, wait);
    // looked at again once a hash slot is free: attempts that queued behind a guesser's failures are not hashed
    const verified = parsed.success ? await gate.run(async () => (throttle.wait(keys) > 0 ? 'wait' : o.accounts.verify(parsed.data.name, parsed.data.password))) : { value: null };
    if (!verified) return void res.status(503).set('Retry-After', '1').json({ error: 'busy: too many sign-ins at once, try again' });
    if (verified.value === 'wait') return tooMany(res, throttle.wait(keys));
    const account = verified.value;
    if (!account) {
      throttle.failed(keys);
      return void res.status(401).json({ error: 'wrong name or password' });
    }
    throttle.succeeded(keys[1]!);
    const { token, session } = o.sessions.create(account.name, account.role);
    res.set('Set-Cookie', sessionCookie(token, req.secure)).json({ reviewer: account.name, role: account.role, csrf: session.csrf });
  });
  api.post('/logout', (req, res) => {
    o.sessions.destroy(req);
    res.set('Set-Cookie', sessionCookie('', req.secure).replace(/Max-Age=\d+/, 'Max-Age=0')).json({ ok: true });
  });
  api.get('/session', (req, res) => {
    const s = o.sessions.get(req);
    res.json({ reviewer: s?.reviewer ?? null, role: s?.role ?? null, csrf: s?.csrf ?? null, publicRead: o.publicRead ?? false });
  });

  api.post('/documents/:id/edits', writer, express.json({ limit: '256kb' }), async (req, res) => {
    const parsed = EditRequest.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: z.prettifyError(parsed.error) });
    const id = String(req.params.id);
    if (!DOCUMENT_ID.test(id)) return void res.status(404).json({ error: 'no such document' });
    const outcome = await o.store.edit(id, parsed.data, String(res.locals.reviewer));
    if (!outcome.ok) return void res.status(outcome.status).json({ error: outcome.error, current: outcome.current ?? null });
    res.json({ record: outcome.record, review: outcome.document.review ?? null });
  });
  api.get('/documents/:id/corrections', async (req, res) => {
    const d = await doc(req, res);
    if (!d) return;
    // ?record=<id>: one row's history (the review page asks for the selected row's only)
    const rid = typeof req.query.record === 'string' ? req.query.record : null;
    const all = await o.store.corrections(d.id);
    res.json({ corrections: rid ? all.filter((c) => c.record === rid) : all });
  });
  api.get('/documents/:id/records/:rid/crop.png', async (req, res) => {
    const d = await doc(req, res);
    if (!d) return;
    const r = record(d, String(req.params.rid));
    const box = r && r.source.page ? recordBox(d, r.source) : null;
    const png = r && box ? await o.images.crop(d, r.source.page!, box).catch(() => null) : null;
    if (!png) return void res.status(404).json({ error: 'no image of the source for this record (original not at hand, or no position)' });
    res.type('image/png').set('Cache-Control', 'private, max-age=300').send(png);
  });
  api.get('/documents/:id/pages/:n/image.png', async (req, res) => {
    const d = await doc(req, res);
    if (!d) return;
    const n = /^\d{1,5}$/.test(String(req.params.n)) ? Number(req.params.n) : 0;
    const png = n ? await o.images.page(d, n).catch(() => null) : null;
    if (!png) return void res.status(404).json({ error: 'no image of this page (original not at hand, or no such page)' });
    res.type('image/png').set('Cache-Control', 'private, max-age=300').send(png);
  });
  api.get('/documents/:id/records/:rid/as-read', async (req, res) => {
    const d = await doc(req, res);
    if (!d) return;
    const r = record(d, String(req.params.rid));
    if (!r) return void res.status(404).json({ error: 'no such record' });
    const page = r.source.page ? d.pages[r.source.page - 1] : undefined;
    const box = recordBox(d, r.source);
    const original = page?.originalText?.split('\n');
    const lines = (page?.lines ?? [])
      .map((l, i) => ({ text: l.text, original: original?.[i] ?? null, box: l.box }))
      .filter((l) => box && l.box && l.box.y1 > box.y0 && l.box.y0 < box.y1 && l.box.x1 > box.x0 && l.box.x0 < box.x1)
      .map(({ text, original: o2 }) => ({ text, original: o2 !== text ? o2 : null }));
    res.json({ page: r.source.page, origin: page?.origin ?? null, repairs: page?.repairs ?? [], lines });
  });
  api.get('/parse/timeline', (req, res) => {
    const raw = String(req.query.raw ?? '').slice(0, 500).trim();
    res.json({ timeline: raw ? parseTimeline(raw) : null });
  });
  api.get('/agencies', async (_req, res) => {
    const counts = new Map<string, number>();
    for (const { doc: d } of (await o.store.index.documents()).values())
      for (const a of [...d.assignments.flatMap((r) => [...r.lead, ...r.cooperating]), ...d.indicators.flatMap((r) => r.agencies)]) counts.set(a.name, (counts.get(a.name) ?? 0) + 1);
    // the registry's names too, so a reviewer can pick the current name of a body no document used yet
    for (const name of loadAgencyRegistry(o.store.dataDir).names()) if (!counts.has(name)) counts.set(name, 0);
    res.json({ agencies: [...counts].sort((a, b) => b[1] - a[1]).map(([name, count]) => ({ name, count })) });
  });
  api.get('/documents/:id/export.:format', async (req, res) => {
    const kind = String(req.query.kind ?? 'assignments');
    const format = String(req.params.format);
    if (!KIND.test(kind) || (format !== 'csv' && format !== 'xlsx')) return void res.status(400).json({ error: 'export.csv or export.xlsx, ?kind=indicators or assignments' });
    const d = await doc(req, res);
    if (!d) return;
    const name = `${d.id}-${kind}.${format}`;
    res.set('Content-Disposition', `attachment; filename="${name}"`);
    if (format === 'csv') res.type('text/csv; charset=utf-8').send(toCsv(d, kind as 'indicators'));
    else res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(d, kind as 'indicators'));
  });
  return api;
}

function tooMany(res: Response, waitMs: number): void {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  res.status(429).set('Retry-After', String(seconds)).json({ error: `too many failed sign-ins: try again in ${seconds} s` });
}
