// Beside the selected row: the crop of its source, its other fields and
// extra columns (editable), the text as read, and its history with undo.
import { $, el } from './dom.js';
import { DETAILS, display } from './fields.js';
import { t } from './i18n.js';
import { openFullPage } from './full-page.js';
import { api, docPath, edit, kindOf, records, state } from './state.js';

const when = (iso) => (iso ? new Date(iso).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN') : '');

/**
 * Fills the side panel for record r; `keep` refreshes only what an edit
 * changes (history, last change). `editor` makes a field's textarea (the
 * table's, so both save alike); given by the table, which imports this.
 */
export function showSide(r, { keep = false, editor: fieldEditor } = {}) {
  const side = $('#side');
  if (keep && side.dataset.id === r.id) return void refreshHistory(r);
  side.dataset.id = r.id;
  const base = `${docPath()}/records/${encodeURIComponent(r.id)}`;
  const img = el('img', { alt: t('rowTitle', r.code, r.source.page ?? '—'), src: `${base}/crop.png`, class: 'crop', title: t('fullPage'), onclick: () => openFullPage() });
  img.addEventListener('error', () => img.replaceWith(el('p', { class: 'help' }, t('noImage'))));
  const extras = Object.entries(r.extra ?? {});
  side.replaceChildren(
    el('h2', {}, t('rowTitle', r.code, r.source.page ?? '—')),
    img,
    el('p', {}, el('button', { type: 'button', id: 'open-full-page', disabled: !r.source.page, onclick: () => openFullPage() }, t('fullPage'))),
    el('h3', {}, t('details')),
    el('div', { class: 'details' }, DETAILS[state.kind].map((f) => el('label', { class: `field${r.review?.corrected?.includes(f) ? ' corrected' : ''}` }, el('span', {}, t(`c.${f}`)), fieldEditor(r, f)))),
    el('h3', {}, t('extras')),
    el('div', { class: `extras${r.review?.corrected?.includes('extra') ? ' corrected' : ''}` },
      extras.length ? extras.map(([k, v]) => el('label', { class: 'field' }, el('span', {}, k), fieldEditor(r, 'extra', v, (input) => saveExtra(r, k, input)))) : el('p', { class: 'help' }, t('noExtras'))),
    el('h3', {}, t('asRead')),
    el('ul', { class: 'as-read' }, el('li', {}, '…')),
    el('h3', {}, t('history')),
    el('p', { class: 'help last-change' }),
    el('ol', { class: 'history', id: 'history' }));
  refreshHistory(r);
  api(`${base}/as-read`).then(({ body }) => {
    if (side.dataset.id !== r.id) return;
    side.querySelector('.as-read').replaceChildren(
      el('li', { class: 'help' }, `${body?.origin ? t(`origin.${body.origin}`) : ''}${body?.repairs?.length ? ` (${body.repairs.join(', ')})` : ''}`),
      ...(body?.lines ?? []).map((l) => el('li', {}, l.text, l.original ? el('div', { class: 'original' }, t('readAs', l.original)) : null)));
  });
}

/** An extra column changed: the whole set is sent, the others as they stand. */
async function saveExtra(r, key, input) {
  if (input.value === input.dataset.saved) return;
  const current = records().find((x) => x.id === r.id) ?? r;
  const extra = { ...(current.extra ?? {}), [key]: input.value };
  const result = await edit({ op: 'set', kind: kindOf(state.kind), record: r.id, revision: current.review?.revision ?? 0, field: 'extra', value: extra });
  if (!result.ok) return input.closest('label').classList.add('error');
  input.closest('.extras').classList.add('corrected');
  input.value = result.record.extra?.[key] ?? '';
  input.dataset.saved = input.value;
  refreshHistory(result.record);
}

/** The row's corrections, newest first, each saved change with an undo (itself a recorded correction). */
async function refreshHistory(r) {
  const side = $('#side');
  const current = records().find((x) => x.id === r.id) ?? r;
  side.querySelector('.last-change').textContent = current.review
    ? `${t('lastChange', current.review.reviewer ?? '', when(current.review.time))}${current.review.corrected.length ? ` · ${t('correctedFields', current.review.corrected.map((f) => t(`c.${f}`)).join(', '))}` : ''}`
    : '';
  const { body } = await api(`${docPath()}/corrections?record=${encodeURIComponent(r.id)}`);
  if (side.dataset.id !== r.id) return;
  const list = (body?.corrections ?? []).slice().reverse();
  const undone = new Set(list.map((c) => c.undoes).filter(Boolean));
  $('#history').replaceChildren(...(list.length ? list.map((c) => entry(current, c, undone.has(c.id))) : [el('li', { class: 'help' }, t('noHistory'))]));
}

function entry(r, c, wasUndone) {
  const what = c.op === 'set'
    ? [el('strong', {}, t(`c.${c.field}`)), ': ', el('del', {}, display(c.field, c.before) || t('empty')), ' → ', el('ins', {}, display(c.field, c.after) || t('empty')), c.undoes ? ` ${t('isUndo')}` : '']
    : [t(`op.${c.op}`)];
  return el('li', { 'data-correction': c.id },
    el('span', { class: 'who' }, `${c.reviewer} · ${when(c.time)}`), el('br'), ...what,
    c.op === 'set' && state.reviewer
      ? el('button', { type: 'button', class: 'undo', disabled: wasUndone, onclick: () => undo(r, c) }, wasUndone ? t('undone') : t('undo'))
      : null);
}

async function undo(shown, c) {
  const r = records().find((x) => x.id === shown.id) ?? shown;
  const result = await edit({ op: 'undo', kind: kindOf(state.kind), record: r.id, revision: r.review?.revision ?? 0, correction: c.id });
  if (!result.ok) return;
  $('#side').dataset.id = '';
  document.dispatchEvent(new CustomEvent('records-changed'));
}
