// What the page holds between renders, the API client and the status line.
import { $ } from './dom.js';
import { t } from './i18n.js';

export const state = {
  reviewer: null,
  csrf: null,
  /** The open document as GET /api/documents/:id/records gives it (records and page outlines, no words). */
  doc: null,
  kind: 'assignments',
  /** Id of the selected record (kept in the URL's hash, so a reload selects the same row). */
  selectedId: null,
  /** Rows shown, in order, after the filters. */
  visible: [],
  filters: { text: '', status: 'all', section: '', agency: '' },
  agencies: [],
  /** Pages opened so far (words and lines), by number: fetched once, when first needed. */
  pages: new Map(),
};

export const WEAK = 0.8;
export const kindOf = (k) => (k === 'assignments' ? 'assignment' : 'indicator');
export const docPath = () => `/api/documents/${encodeURIComponent(state.doc.id)}`;

export function say(text, ok = false) {
  const m = $('#message');
  m.textContent = text;
  m.className = ok ? 'ok' : '';
}

export async function api(path, opts = {}) {
  const headers = { ...(opts.body ? { 'Content-Type': 'application/json' } : {}), ...(state.csrf ? { 'X-CSRF-Token': state.csrf } : {}) };
  const res = await fetch(path, { ...opts, headers, body: opts.body ? JSON.stringify(opts.body) : undefined, credentials: 'same-origin' });
  const body = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  return { status: res.status, body };
}

/** The records of the open kind. */
export const records = () => state.doc[state.kind];

export function replaceRecord(record) {
  for (const k of ['assignments', 'indicators']) {
    const i = state.doc[k].findIndex((r) => r.id === record.id);
    if (i >= 0) state.doc[k][i] = record;
  }
}

/**
 * Sends one edit; on success updates the document in hand and returns the
 * record (null for document-level edits). A conflict puts the row as it
 * stands now in place and returns null.
 */
export async function edit(request) {
  const started = performance.now();
  const { status, body } = await api(`${docPath()}/edits`, { method: 'POST', body: request });
  if (status === 409) {
    say(t('conflict', body?.current?.review?.reviewer ?? t('someone')));
    if (body?.current) replaceRecord(body.current);
    return { ok: false, conflict: true };
  }
  if (status !== 200) {
    say(status === 401 ? t('signInToEdit') : t('notSaved', body?.error ?? status));
    return { ok: false };
  }
  if (request.record === state.doc.id) state.doc.review = body.review;
  else if (request.op === 'delete') state.doc[state.kind] = records().filter((r) => r.id !== request.record);
  else if (request.op === 'add') state.doc[state.kind].push(body.record);
  else replaceRecord(body.record);
  window.__lastSaveMs = performance.now() - started;
  say(t('saved'), true);
  return { ok: true, record: body.record };
}
