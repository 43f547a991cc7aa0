// One document: its rows as editable tables, with filters, progress and the add-row form.
import { $, autoGrow, el } from './dom.js';
import { agencyNames, COLUMNS, display, fold, MAIN, parseInput, searchText } from './fields.js';
import { t } from './i18n.js';
import { showSide } from './side-panel.js';
import { api, edit, kindOf, records, state, WEAK } from './state.js';

const view = $('#view');
document.addEventListener('records-changed', () => state.doc && renderRows());

/** Opens a document: records and page outlines only; a page's words come when it is opened. */
export async function showDocument(id, ready = Promise.resolve()) {
  // the records are asked for while the session is (who may edit): the page's first paint waits for one round trip
  const [{ status, body }] = await Promise.all([api(`/api/documents/${encodeURIComponent(id)}/records`), ready]);
  // reads need a session unless the server says they are public: the sign-in comes first
  if (status === 401) return document.dispatchEvent(new CustomEvent('sign-in-first'));
  if (status !== 200) return view.replaceChildren(el('p', {}, t('noDocument')));
  state.doc = body;
  state.pages = new Map();
  const hash = new URLSearchParams(location.hash.slice(1));
  state.kind = hash.get('kind') === 'indicators' ? 'indicators' : 'assignments';
  state.selectedId = hash.get('row');
  if (!state.agencies.length)
    api('/api/agencies').then(({ body: a }) => {
      state.agencies = (a?.agencies ?? []).map((x) => x.name);
      $('#agency-names')?.replaceChildren(...state.agencies.map((n) => el('option', { value: n })));
    });
  renderDocument();
  // for tools that time the page (scripts/bench/review-page-bench.ts): navigation start → rows shown
  performance.mark('rows-shown');
}

/** Rows not yet reviewed first, the weakest on top; reviewed rows last. */
function ordered(list) {
  return [...list].sort((a, b) => Number(Boolean(a.review?.reviewed)) - Number(Boolean(b.review?.reviewed)) || a.confidence - b.confidence);
}

function matches(r) {
  const f = state.filters;
  if (f.status === 'weak' && !(r.confidence < WEAK)) return false;
  if (f.status === 'unreviewed' && r.review?.reviewed) return false;
  if (f.status === 'reviewed' && !r.review?.reviewed) return false;
  if (f.status === 'corrected' && !r.review?.corrected?.length) return false;
  if (f.section && r.section !== f.section) return false;
  if (f.agency && !agencyNames(r).includes(f.agency)) return false;
  if (f.text && !fold(f.text).split(/\s+/).filter(Boolean).every((w) => searchText(r, state.kind).includes(w))) return false;
  return true;
}

const countReviewed = (list) => list.filter((r) => r.review?.reviewed).length;

export function renderDocument() {
  const d = state.doc;
  const m = d.metadata;
  const all = [...d.assignments, ...d.indicators];
  const exports = ['assignments', 'indicators'].flatMap((k) => ['csv', 'xlsx'].map((f) => el('a', { href: `/api/documents/${encodeURIComponent(d.id)}/export.${f}?kind=${k}`, download: '', class: 'export' }, t('exportAs', t(k), f))));
  const options = (values, none) => [el('option', { value: '' }, none), ...values.map((v) => el('option', { value: v }, v))];
  const sections = [...new Set(records().map((r) => r.section).filter(Boolean))];
  const agencies = [...new Set(records().flatMap(agencyNames))].sort((a, b) => a.localeCompare(b, 'vi'));
  const filter = (key) => (e) => {
    state.filters[key] = e.target.value;
    renderRows();
  };
  const select = (id, label, key, opts) => {
    const s = el('select', { id, 'aria-label': label, title: label, onchange: filter(key) }, opts);
    s.value = state.filters[key];
    return s;
  };
  const search = el('input', { type: 'search', id: 'search', placeholder: t('searchPh'), 'aria-label': t('searchPh'), oninput: filter('text') });
  search.value = state.filters.text;
  view.replaceChildren(
    el('h1', { class: 'doc-title', id: 'doc-title' }, m.title ?? d.source.file),
    el('div', { class: 'meta' }, [m.issuer, m.number, m.date, m.place].filter(Boolean).join(' · '), ` · ${d.source.file} · ${t('version', d.version ?? 1)}`,
      d.review?.reviewed ? ` · ${t('reviewedBy', d.review.reviewer)}` : ''),
    el('div', { class: 'toolbar' },
      el('span', { class: 'tabs', role: 'tablist' }, ['assignments', 'indicators'].map((k) =>
        el('button', { type: 'button', role: 'tab', 'data-kind': k, 'aria-selected': String(state.kind === k), onclick: () => switchKind(k) }, `${t(k)} (${d[k].length})`))),
      el('span', { id: 'progress', class: 'progress' }, t('progress', countReviewed(all), all.length)),
      el('button', { type: 'button', id: 'doc-reviewed', disabled: !state.reviewer, onclick: markDocument }, d.review?.reviewed ? t('unmarkDoc') : t('markDoc')),
      ...exports),
    el('div', { class: 'toolbar filters' },
      search,
      select('filter-status', t('filterStatus'), 'status', ['all', 'weak', 'unreviewed', 'corrected', 'reviewed'].map((s) => el('option', { value: s }, t(`f.${s}`)))),
      sections.length ? select('filter-section', t('filterSection'), 'section', options(sections, t('allSections'))) : null,
      select('filter-agency', t('filterAgency'), 'agency', options(agencies, t('allAgencies'))),
      el('span', { id: 'shown', class: 'help' }),
      el('button', { type: 'button', id: 'add-row', disabled: !state.reviewer, onclick: toggleAddForm }, t('addRow'))),
    addForm(),
    el('datalist', { id: 'agency-names' }, state.agencies.map((n) => el('option', { value: n }))),
    el('div', { class: 'layout' },
      el('table', { id: 'records' },
        el('thead', {}, el('tr', {}, [...COLUMNS[state.kind].map((f) => el('th', { class: `f-${f}` }, t(`c.${f}`))), el('th', { class: 'conf', title: t('confTitle') }, t('conf')), el('th', {}, '')])),
        el('tbody', {})),
      el('aside', { class: 'side', id: 'side' })));
  renderRows();
}

function switchKind(k) {
  state.kind = k;
  state.selectedId = null;
  state.filters.section = '';
  state.filters.agency = '';
  renderDocument();
}

/** The rows after the filters, the selection kept (by record id) where it is still shown. */
export function renderRows() {
  const list = records();
  state.visible = ordered(list).filter(matches);
  $('#shown').textContent = t('shown', state.visible.length, list.length);
  const all = [...state.doc.assignments, ...state.doc.indicators];
  $('#progress').textContent = t('progress', countReviewed(all), all.length);
  $('#records tbody').replaceChildren(...(state.visible.length ? state.visible.map(row) : [el('tr', {}, el('td', { colspan: COLUMNS[state.kind].length + 2, class: 'help' }, t('noMatch')))]));
  const i = state.visible.findIndex((r) => r.id === state.selectedId);
  select(i >= 0 ? i : 0, false);
}

/** A textarea editing one field of a record: saved on change (and on Enter), Esc drops what was typed. */
export function fieldEditor(r, field, value = display(field, r[field]), onSave = (input) => save(r, field, input)) {
  const input = autoGrow(el('textarea', { rows: 1, 'data-field': field, 'aria-label': t(`c.${field}`), list: field === 'lead' || field === 'cooperating' ? 'agency-names' : null }));
  input.value = value;
  input.readOnly = !state.reviewer;
  input.dataset.saved = input.value;
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      input.value = input.dataset.saved;
      input.blur();
      e.stopPropagation();
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      onSave(input).then(() => {
        if (!input.closest('#records')) return;
        select(state.visible.findIndex((x) => x.id === r.id) + 1, false);
        document.querySelector(`#records tbody tr.selected [data-field="${field}"]`)?.focus();
      });
    }
  });
  input.addEventListener('change', () => onSave(input));
  return input;
}

function row(r, i) {
  const classes = ['row', r.confidence < WEAK ? 'weak' : '', r.review?.reviewed ? 'reviewed' : '', r.review?.sourceChanged ? 'changed' : ''].join(' ');
  return el('tr', { class: classes, 'data-id': r.id, 'data-index': i, onclick: () => state.visible[i]?.id !== state.selectedId && select(i, false) },
    COLUMNS[state.kind].map((f) => {
      const input = fieldEditor(r, f);
      if (f === 'timeline') input.addEventListener('input', () => previewTimeline(input));
      return el('td', { class: `f-${f}${r.review?.corrected?.includes(f) ? ' corrected' : ''}` }, input, f === 'code' && r.review?.sourceChanged ? el('span', { class: 'changed-flag' }, t('sourceChanged')) : null);
    }),
    el('td', { class: 'conf', title: t('confTitle') }, r.confidence.toFixed(2)),
    el('td', { class: 'actions' },
      el('button', { type: 'button', class: 'mark', disabled: !state.reviewer, title: t('markRow'), 'aria-label': t('markRow'), onclick: () => toggleReviewed(r) }, r.review?.reviewed ? '✓' : '○'),
      el('button', { type: 'button', class: 'delete', disabled: !state.reviewer, title: t('deleteRow'), 'aria-label': t('deleteRow'), onclick: () => deleteRow(r) }, '✕')));
}

/** Selects the i-th shown row: highlighted, remembered in the URL, its source and history beside it. */
export function select(i, focus) {
  const rows = [...document.querySelectorAll('#records tbody tr.row')];
  if (!rows.length) {
    state.selectedId = null;
    return $('#side')?.replaceChildren(el('p', {}, t('noRows')));
  }
  const at = Math.max(0, Math.min(rows.length - 1, i));
  const r = state.visible[at];
  const changed = r.id !== state.selectedId || $('#side').dataset.id !== r.id;
  state.selectedId = r.id;
  rows.forEach((x, j) => x.classList.toggle('selected', j === at));
  history.replaceState(null, '', `#${new URLSearchParams({ kind: state.kind, row: r.id })}`);
  if (focus) rows[at].querySelector(`[data-field="${MAIN[state.kind]}"]`)?.focus();
  rows[at].scrollIntoView({ block: 'nearest' });
  if (changed) showSide(r, { editor: fieldEditor });
  document.dispatchEvent(new CustomEvent('row-selected', { detail: r }));
}

export const selectedIndex = () => state.visible.findIndex((r) => r.id === state.selectedId);

async function save(r, field, input) {
  if (input.value === input.dataset.saved) return;
  const td = input.closest('td, .field');
  td?.classList.add('saving');
  const current = records().find((x) => x.id === r.id) ?? r;
  const result = await edit({ op: 'set', kind: kindOf(state.kind), record: r.id, revision: current.review?.revision ?? 0, field, value: parseInput(field, input.value) });
  td?.classList.remove('saving');
  if (!result.ok) {
    td?.classList.add('error');
    if (result.conflict) renderRows();
    return;
  }
  td?.classList.remove('error');
  td?.classList.add('corrected');
  input.value = display(field, result.record[field]);
  input.dataset.saved = input.value;
  if (state.selectedId === r.id) showSide(result.record, { keep: true, editor: fieldEditor });
}

/** Marks a row (un)reviewed; the selection goes on to the row that came after it. */
export async function toggleReviewed(shown) {
  const r = records().find((x) => x.id === shown.id) ?? shown;
  const i = state.visible.findIndex((x) => x.id === r.id);
  const next = state.visible[i + 1] ?? state.visible[i - 1];
  const result = await edit({ op: r.review?.reviewed ? 'unreviewed' : 'reviewed', kind: kindOf(state.kind), record: r.id, revision: r.review?.revision ?? 0 });
  if (result.ok && r.id === state.selectedId && next) state.selectedId = next.id;
  renderRows();
}

async function deleteRow(shown) {
  const r = records().find((x) => x.id === shown.id) ?? shown;
  if (!confirm(t('confirmDelete'))) return;
  if ((await edit({ op: 'delete', kind: kindOf(state.kind), record: r.id, revision: r.review?.revision ?? 0 })).ok) renderRows();
}

async function markDocument() {
  const d = state.doc;
  if ((await edit({ op: d.review?.reviewed ? 'unreviewed' : 'reviewed', kind: 'assignment', record: d.id, revision: 0 })).ok) renderDocument();
}

function addForm() {
  const form = el('form', { id: 'add-form', class: 'add-form', hidden: true },
    el('input', { name: 'code', required: true, maxlength: 40, placeholder: t('addCode'), 'aria-label': t('addCode') }),
    autoGrow(el('textarea', { name: 'text', rows: 1, placeholder: t('addText'), 'aria-label': t('addText') })),
    el('button', {}, t('add')),
    el('button', { type: 'button', onclick: toggleAddForm }, t('cancel')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const code = form.elements.code.value.trim();
    const text = form.elements.text.value.trim();
    if (!code) return;
    const added = await edit({ op: 'add', kind: kindOf(state.kind), code });
    if (!added.ok) return;
    if (text) await edit({ op: 'set', kind: kindOf(state.kind), record: added.record.id, revision: added.record.review?.revision ?? 1, field: MAIN[state.kind], value: text });
    form.reset();
    form.hidden = true;
    state.selectedId = added.record.id;
    state.filters = { text: '', status: 'all', section: '', agency: '' };
    renderDocument();
  });
  return form;
}

function toggleAddForm() {
  const form = $('#add-form');
  form.hidden = !form.hidden;
  if (!form.hidden) form.elements.code.focus();
}

let previewTimer;
function previewTimeline(input) {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(async () => {
    const { body } = await api(`/api/parse/timeline?raw=${encodeURIComponent(input.value)}`);
    let p = input.parentElement.querySelector('.preview');
    if (!p) input.after((p = el('div', { class: 'preview' })));
    const x = body?.timeline;
    p.textContent = x ? `${x.kind}${x.start ? ` ${x.start}` : ''}${x.end ? ` … ${x.end}` : ''}${x.recurrence ? ` (${x.recurrence})` : ''}` : '';
  }, 120);
}
