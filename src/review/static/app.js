// The review page. Every text from a document is put into the page with
// textContent or as an input's value, never as HTML: PDFs are untrusted.
const $ = (sel, root = document) => root.querySelector(sel);
const view = $('#view');
const state = { reviewer: null, csrf: null, doc: null, kind: 'assignments', selected: 0, onlyWeak: false, agencies: [] };
const WEAK = 0.8;

/** An element with text children only (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function say(text, ok = false) {
  const m = $('#message');
  m.textContent = text;
  m.className = ok ? 'ok' : '';
}

async function api(path, opts = {}) {
  const headers = { ...(opts.body ? { 'Content-Type': 'application/json' } : {}), ...(state.csrf ? { 'X-CSRF-Token': state.csrf } : {}) };
  const res = await fetch(path, { ...opts, headers, body: opts.body ? JSON.stringify(opts.body) : undefined, credentials: 'same-origin' });
  const body = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  return { status: res.status, body };
}

// ---- session ----
async function loadSession() {
  const { body } = await api('/api/session');
  state.reviewer = body.reviewer;
  state.csrf = body.csrf;
  state.publicRead = body.publicRead;
  $('#signin').hidden = Boolean(state.reviewer);
  $('#whoami').hidden = !state.reviewer;
  $('#reviewer-name').textContent = state.reviewer ?? '';
}
$('#signin').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const { status, body } = await api('/api/login', { method: 'POST', body: { name: f.get('name'), password: f.get('password') } });
  if (status !== 200) return say(body?.error ?? 'sign-in failed');
  e.target.reset();
  await loadSession();
  say(`Signed in as ${state.reviewer}`, true);
  route();
});
$('#signout').addEventListener('click', async () => {
  await api('/api/logout', { method: 'POST' });
  await loadSession();
  route();
});

// ---- document list ----
async function showList() {
  const { status, body } = await api('/api/documents');
  if (status === 401) return signInFirst(); // the session ended meanwhile
  const rows = body.documents.map((d) =>
    el('tr', {},
      el('td', {}, d.output ? el('a', { href: `/documents/${encodeURIComponent(d.id)}` }, d.title || d.file) : d.file),
      el('td', {}, d.file),
      el('td', {}, el('span', { class: `badge ${d.status}` }, d.status), d.reason ? ` ${d.reason}` : ''),
      el('td', {}, d.pages ?? ''),
      el('td', {}, d.indicators ?? ''),
      el('td', {}, d.assignments ?? ''),
      el('td', {}, d.reviewed ? '✓ reviewed' : (d.needsReview ?? '')),
      el('td', {}, d.updatedAt ? new Date(d.updatedAt).toLocaleString() : '')));
  view.replaceChildren(
    el('h1', { class: 'doc-title' }, 'Documents'),
    el('table', { id: 'documents' },
      el('thead', {}, el('tr', {}, ['Title', 'File', 'Status', 'Pages', 'Indicators', 'Assignments', 'Need review', 'Updated'].map((h) => el('th', {}, h)))),
      el('tbody', {}, rows)));
}

// ---- document view ----
const COLUMNS = {
  assignments: [['code', 'Code'], ['task', 'Task'], ['lead', 'Lead'], ['cooperating', 'Cooperating'], ['timeline', 'Timeline'], ['output', 'Output']],
  indicators: [['code', 'Code'], ['name', 'Indicator'], ['unit', 'Unit'], ['targets', 'Targets'], ['agencies', 'Agencies'], ['lead', 'Lead']],
};
const kindOf = (k) => (k === 'assignments' ? 'assignment' : 'indicator');
const agencyText = (list) => (list ?? []).map((a) => a.raw).join('; ');

/** A field's value as the reviewer edits it (text), and back. */
function display(field, r) {
  const v = r[field];
  if (field === 'lead' && Array.isArray(v)) return agencyText(v);
  if (field === 'cooperating' || field === 'agencies') return agencyText(v);
  if (field === 'timeline') return v?.raw ?? '';
  if (field === 'targets') return (v ?? []).map((t) => `${t.year ?? ''}: ${t.raw}`).join(' | ');
  return v ?? '';
}
function parseInput(field, text) {
  if (field === 'targets')
    return text.split('|').map((s) => s.trim()).filter(Boolean).map((s) => {
      const m = /^(\d{4})?\s*:\s*(.*)$/u.exec(s);
      return m ? { year: m[1] ? Number(m[1]) : null, raw: m[2] } : { year: null, raw: s };
    });
  return text;
}

/** Weakest first: rows not reviewed, by confidence; reviewed rows last. */
function ordered(records) {
  return [...records].sort((a, b) => Number(Boolean(a.review?.reviewed)) - Number(Boolean(b.review?.reviewed)) || a.confidence - b.confidence);
}

async function showDocument(id) {
  const { status, body } = await api(`/api/documents/${encodeURIComponent(id)}`);
  if (status === 401) return signInFirst();
  if (status !== 200) return view.replaceChildren(el('p', {}, 'No such document.'));
  state.doc = body;
  state.selected = 0;
  if (!state.agencies.length) api('/api/agencies').then(({ body: a }) => {
    state.agencies = a.agencies.map((x) => x.name);
    const list = $('#agency-names');
    if (list) list.replaceChildren(...state.agencies.map((n) => el('option', { value: n })));
  });
  renderDocument();
}

function renderDocument() {
  const d = state.doc;
  const m = d.metadata;
  const exports = ['assignments', 'indicators'].flatMap((k) => ['csv', 'xlsx'].map((f) => el('a', { href: `/api/documents/${encodeURIComponent(d.id)}/export.${f}?kind=${k}`, download: '' }, `${k} .${f}`)));
  view.replaceChildren(
    el('h1', { class: 'doc-title', id: 'doc-title' }, m.title ?? d.source.file),
    el('div', { class: 'meta' }, [m.issuer, m.number, m.date, m.place].filter(Boolean).join(' · '), ` · ${d.source.file} · version ${d.version ?? 1}`,
      d.review?.reviewed ? ` · reviewed by ${d.review.reviewer}` : ''),
    el('div', { class: 'toolbar' },
      el('span', { class: 'tabs' }, ['assignments', 'indicators'].map((k) =>
        el('button', { type: 'button', 'aria-selected': String(state.kind === k), onclick: () => { state.kind = k; state.selected = 0; renderDocument(); } }, `${k} (${d[k].length})`))),
      el('label', {}, el('input', { type: 'checkbox', id: 'only-weak', checked: state.onlyWeak, onchange: (e) => { state.onlyWeak = e.target.checked; renderDocument(); } }), ' only rows that need review'),
      el('button', { type: 'button', id: 'add-row', disabled: !state.reviewer, onclick: addRow }, 'Add row'),
      el('button', { type: 'button', id: 'doc-reviewed', disabled: !state.reviewer, onclick: async () => { await edit({ op: d.review?.reviewed ? 'unreviewed' : 'reviewed', kind: 'assignment', record: d.id, revision: 0 }); renderDocument(); } },
        d.review?.reviewed ? 'Mark document not reviewed' : 'Mark document reviewed'),
      ...exports),
    $('#help').content.cloneNode(true),
    el('datalist', { id: 'agency-names' }, state.agencies.map((n) => el('option', { value: n }))),
    el('div', { class: 'layout' }, recordTable(), el('aside', { class: 'side', id: 'side' })));
  select(state.selected, false);
}

function recordTable() {
  const cols = COLUMNS[state.kind];
  const records = ordered(state.doc[state.kind]).filter((r) => !state.onlyWeak || (r.confidence < WEAK && !r.review?.reviewed));
  const rows = records.map((r, i) => {
    const classes = ['row', r.confidence < WEAK ? 'weak' : '', r.review?.reviewed ? 'reviewed' : '', r.review?.sourceChanged ? 'changed' : ''].join(' ');
    return el('tr', { class: classes, 'data-id': r.id, 'data-index': i, onclick: () => select(i, false) },
      cols.map(([f]) => {
        const corrected = r.review?.corrected?.includes(f);
        const long = f === 'task' || f === 'name';
        const input = long
          ? el('textarea', { rows: 2, 'data-field': f, 'aria-label': f })
          : el('input', { 'data-field': f, 'aria-label': f, list: ['lead', 'cooperating', 'agencies'].includes(f) && state.kind === 'assignments' ? 'agency-names' : null });
        input.value = display(f, r);
        input.readOnly = !state.reviewer;
        input.dataset.saved = input.value;
        input.addEventListener('keydown', (e) => fieldKey(e, r, f));
        input.addEventListener('change', () => save(r, f, input));
        if (f === 'timeline') input.addEventListener('input', () => previewTimeline(input));
        return el('td', { class: `f-${f}${f === 'code' ? ' code' : ''}${corrected ? ' corrected' : ''}` }, input);
      }),
      el('td', { class: 'conf', title: 'confidence' }, r.confidence.toFixed(2)),
      el('td', {},
        el('button', { type: 'button', class: 'mark', disabled: !state.reviewer, title: 'reviewed (r)', onclick: () => toggleReviewed(r) }, r.review?.reviewed ? '✓' : '○'),
        el('button', { type: 'button', class: 'delete', disabled: !state.reviewer, title: 'delete row', onclick: () => { if (confirm('Delete this row?')) edit({ op: 'delete', kind: kindOf(state.kind), record: r.id, revision: r.review?.revision ?? 0 }); } }, '✕')));
  });
  state.visible = records;
  return el('table', { id: 'records' },
    el('thead', {}, el('tr', {}, [...cols.map(([f, h]) => el('th', { class: `f-${f}` }, h)), el('th', {}, 'Conf.'), el('th', {}, '')])),
    el('tbody', {}, rows));
}

async function select(i, focus) {
  const rows = [...document.querySelectorAll('#records tbody tr')];
  if (!rows.length) return $('#side')?.replaceChildren(el('p', {}, 'No rows.'));
  state.selected = Math.max(0, Math.min(rows.length - 1, i));
  rows.forEach((r, j) => r.classList.toggle('selected', j === state.selected));
  const row = rows[state.selected];
  if (focus) row.querySelector('textarea, input')?.focus();
  row.scrollIntoView({ block: 'nearest' });
  const r = state.visible[state.selected];
  const base = `/api/documents/${encodeURIComponent(state.doc.id)}/records/${encodeURIComponent(r.id)}`;
  const img = el('img', { alt: `page ${r.source.page ?? '?'} of the source`, src: `${base}/crop.png` });
  img.addEventListener('error', () => img.replaceWith(el('p', {}, 'No image of the source for this row.')));
  const side = $('#side');
  const last = r.review ? [el('p', { class: 'help' }, `Last change: ${r.review.reviewer ?? ''} ${r.review.time ? new Date(r.review.time).toLocaleString() : ''}${r.review.corrected.length ? ` · corrected: ${r.review.corrected.join(', ')}` : ''}`)] : [];
  side.replaceChildren(el('h2', {}, `${r.code} · page ${r.source.page ?? '—'}`), img, el('h3', {}, 'As read'), el('ul', { class: 'as-read' }, el('li', {}, '…')), ...last);
  const { body } = await api(`${base}/as-read`);
  if (state.visible[state.selected] !== r) return;
  side.querySelector('.as-read').replaceChildren(
    el('li', { class: 'help' }, `${body?.origin ?? ''}${body?.repairs?.length ? ` (${body.repairs.join(', ')})` : ''}`),
    ...(body?.lines ?? []).map((l) => el('li', {}, l.text, l.original ? el('div', { class: 'original' }, `read as: ${l.original}`) : null)));
}

// ---- edits ----
async function edit(request) {
  const started = performance.now();
  const { status, body } = await api(`/api/documents/${encodeURIComponent(state.doc.id)}/edits`, { method: 'POST', body: request });
  if (status === 409) {
    say(body.error);
    if (body.current) replaceRecord(body.current);
    renderDocument();
    return null;
  }
  if (status !== 200) {
    say(body?.error ?? `not saved (${status})`);
    return null;
  }
  if (request.record === state.doc.id) state.doc.review = body.review;
  else if (request.op === 'delete') state.doc[state.kind] = state.doc[state.kind].filter((r) => r.id !== request.record);
  else if (request.op === 'add') state.doc[state.kind].push(body.record);
  else replaceRecord(body.record);
  window.__lastSaveMs = performance.now() - started;
  say('Saved', true);
  return body.record;
}
function replaceRecord(record) {
  const list = state.doc[state.kind];
  const i = list.findIndex((r) => r.id === record.id);
  if (i >= 0) list[i] = record;
}

async function save(r, field, input) {
  if (input.value === input.dataset.saved) return;
  const td = input.closest('td');
  td.classList.add('saving');
  const record = await edit({ op: 'set', kind: kindOf(state.kind), record: r.id, revision: r.review?.revision ?? 0, field, value: parseInput(field, input.value) });
  td.classList.remove('saving');
  if (!record) return td.classList.add('error');
  td.classList.remove('error');
  td.classList.add('corrected');
  Object.assign(r, record);
  input.value = display(field, record);
  input.dataset.saved = input.value;
  input.closest('tr').dataset.saved = String(Date.now());
}

async function toggleReviewed(r) {
  await edit({ op: r.review?.reviewed ? 'unreviewed' : 'reviewed', kind: kindOf(state.kind), record: r.id, revision: r.review?.revision ?? 0 });
  renderDocument();
}

async function addRow() {
  const code = prompt('Code of the new row (as printed, e.g. 2.3):');
  if (!code) return;
  if (await edit({ op: 'add', kind: kindOf(state.kind), code })) renderDocument();
}

let previewTimer;
function previewTimeline(input) {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(async () => {
    const { body } = await api(`/api/parse/timeline?raw=${encodeURIComponent(input.value)}`);
    let p = input.parentElement.querySelector('.preview');
    if (!p) input.after((p = el('div', { class: 'preview' })));
    const t = body.timeline;
    p.textContent = t ? `${t.kind}${t.start ? ` ${t.start}` : ''}${t.end ? ` … ${t.end}` : ''}${t.recurrence ? ` (${t.recurrence})` : ''}` : '';
  }, 120);
}

// ---- keyboard ----
function fieldKey(e, r, field) {
  const input = e.target;
  if (e.key === 'Escape') {
    input.value = input.dataset.saved;
    input.blur();
  } else if (e.key === 'Enter' && !e.shiftKey) {
    e.preventDefault();
    save(r, field, input).then(() => {
      select(state.selected + 1, false);
      document.querySelector(`#records tbody tr.selected [data-field="${field}"]`)?.focus();
    });
  }
}
document.addEventListener('keydown', (e) => {
  if (!state.doc || e.target.closest?.('input, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === 'j' || e.key === 'ArrowDown') select(state.selected + 1, false);
  else if (e.key === 'k' || e.key === 'ArrowUp') select(state.selected - 1, false);
  else if (e.key === 'Enter') select(state.selected, true);
  else if (e.key === 'r' && state.reviewer) toggleReviewed(state.visible[state.selected]);
  else return;
  e.preventDefault();
});

// ---- routing ----
/** Reads need a session unless the server says they are public (serve --public-read): the sign-in comes first. */
function signInFirst() {
  state.doc = null;
  view.replaceChildren(el('p', { class: 'signin-first' }, 'Sign in to see the documents.'));
  $('#signin').hidden = false;
  $('#signin input[name=name]').focus();
}
function route() {
  if (!state.reviewer && !state.publicRead) return signInFirst();
  const m = /^\/documents\/([^/]+)$/u.exec(location.pathname);
  return m ? showDocument(decodeURIComponent(m[1])) : showList();
}
await loadSession();
await route();
