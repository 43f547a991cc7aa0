// The review page: session, the document list, routing, keys, language.
// Every text from a document is put into the page with textContent or as a
// field's value, never as HTML: PDFs are untrusted.
import { renderDocument, select, selectedIndex, showDocument, toggleReviewed } from './doc-view.js';
import { $, el } from './dom.js';
import { closeFullPage, fullPageOpen, openFullPage, setZoom } from './full-page.js';
import { LANGUAGES, lang, setLang, t, translateStatic } from './i18n.js';
import { api, say, state } from './state.js';

const view = $('#view');

// ---- session ----
async function loadSession() {
  const { body } = await api('/api/session');
  state.reviewer = body?.reviewer ?? null;
  state.csrf = body?.csrf ?? null;
  state.publicRead = body?.publicRead ?? false;
  $('#signin').hidden = Boolean(state.reviewer);
  $('#whoami').hidden = !state.reviewer;
  $('#reviewer-name').textContent = state.reviewer ?? '';
}
$('#signin').addEventListener('submit', async (e) => {
  e.preventDefault();
  const f = new FormData(e.target);
  const { status } = await api('/api/login', { method: 'POST', body: { name: f.get('name'), password: f.get('password') } });
  if (status !== 200) return say(status === 429 ? t('tooMany') : t('signInFailed'));
  e.target.reset();
  await loadSession();
  say(t('signedIn', state.reviewer), true);
  route();
});
$('#signout').addEventListener('click', async () => {
  await api('/api/logout', { method: 'POST' });
  await loadSession();
  route();
});

// ---- language ----
const langSelect = $('#lang');
langSelect.replaceChildren(...LANGUAGES.map(([code, name]) => el('option', { value: code }, name)));
langSelect.value = lang;
langSelect.addEventListener('change', () => {
  setLang(langSelect.value);
  translateStatic();
  closeFullPage();
  if (state.doc && location.pathname.startsWith('/documents/')) renderDocument();
  else route();
});

// ---- document list ----
async function showList(ready = Promise.resolve()) {
  state.doc = null;
  const [{ status, body }] = await Promise.all([api('/api/documents'), ready]);
  if (status === 401) return signInFirst(); // no session (or it ended) and reads are not public
  const docs = body?.documents ?? [];
  const reviewed = docs.reduce((n, d) => n + (d.reviewedRecords ?? 0), 0);
  const total = docs.reduce((n, d) => n + (d.records ?? 0), 0);
  const rows = docs.map((d) =>
    el('tr', { 'data-id': d.id },
      el('td', {}, d.output ? el('a', { href: `/documents/${encodeURIComponent(d.id)}` }, d.title || d.file) : d.file),
      el('td', {}, d.file),
      el('td', {}, el('span', { class: `badge ${d.status}` }, t(`status.${d.status}`)), d.reason ? ` ${d.reason}` : ''),
      el('td', {}, d.pages ?? ''),
      el('td', {}, d.indicators ?? ''),
      el('td', {}, d.assignments ?? ''),
      el('td', {}, d.needsReview ?? ''),
      el('td', { class: 'progress' }, d.records !== null && d.records !== undefined ? t('progress', d.reviewedRecords ?? 0, d.records) : '', d.reviewed ? el('span', { class: 'badge ok' }, `✓ ${t('docDone')}`) : null),
      el('td', {}, d.updatedAt ? new Date(d.updatedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN') : '')));
  view.replaceChildren(
    el('h1', { class: 'doc-title' }, t('documents')),
    el('p', { id: 'overall', class: 'progress' }, docs.length ? t('overall', reviewed, total, docs.length) : t('noDocuments')),
    el('table', { id: 'documents' },
      el('thead', {}, el('tr', {}, ['colTitle', 'colFile', 'colStatus', 'colPages', 'colIndicators', 'colAssignments', 'colNeedReview', 'colProgress', 'colUpdated'].map((h) => el('th', {}, t(h))))),
      el('tbody', {}, rows)));
}

// ---- keys ----
function toggleHelp() {
  const open = $('#help-overlay');
  if (open) return open.remove();
  const keys = [['j / k · ↓ / ↑', 'k.jk'], ['e · Enter', 'k.e'], ['Enter', 'k.enter'], ['Esc', 'k.esc'], ['r', 'k.r'], ['/', 'k.slash'], ['f', 'k.f'], ['+ / −', 'k.zoom'], ['?', 'k.help']];
  document.body.append(el('div', { id: 'help-overlay', role: 'dialog', 'aria-label': t('helpTitle'), onclick: (e) => e.target.id === 'help-overlay' && toggleHelp() },
    el('div', { class: 'help-box' },
      el('h2', {}, t('helpTitle')),
      el('dl', {}, keys.flatMap(([k, what]) => [el('dt', {}, el('kbd', {}, k)), el('dd', {}, t(what))])),
      el('button', { type: 'button', onclick: toggleHelp }, t('close')))));
}
$('#help-button').addEventListener('click', toggleHelp);
document.addEventListener('move-row', (e) => select(selectedIndex() + e.detail, false));
document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === 'Escape') {
    if ($('#help-overlay')) toggleHelp();
    else if (fullPageOpen()) closeFullPage();
    else return;
    return e.preventDefault();
  }
  if (e.target.closest?.('input, textarea, select')) return;
  if (e.key === '?') toggleHelp();
  else if (!state.doc) return;
  else if (e.key === 'j' || e.key === 'ArrowDown') select(selectedIndex() + 1, false);
  else if (e.key === 'k' || e.key === 'ArrowUp') select(selectedIndex() - 1, false);
  else if (e.key === 'Enter' || e.key === 'e') {
    if (fullPageOpen()) closeFullPage();
    select(selectedIndex(), true);
  } else if (e.key === 'r' && state.reviewer) {
    const r = state.visible[selectedIndex()];
    if (r) toggleReviewed(r);
  } else if (e.key === '/') $('#search')?.focus();
  else if (e.key === 'f') (fullPageOpen() ? closeFullPage : openFullPage)();
  else if ((e.key === '+' || e.key === '=') && fullPageOpen()) setZoom(1);
  else if (e.key === '-' && fullPageOpen()) setZoom(-1);
  else return;
  e.preventDefault();
});

// ---- routing ----
/** Reads need a session unless the server says they are public (serve --public-read): the sign-in comes first. */
function signInFirst() {
  state.doc = null;
  view.replaceChildren(el('p', { class: 'signin-first' }, t('signInFirst')));
  $('#signin').hidden = false;
  $('#signin input[name=name]')?.focus();
}
document.addEventListener('sign-in-first', signInFirst);
function route(ready) {
  closeFullPage();
  const m = /^\/documents\/([^/]+)$/u.exec(location.pathname);
  return m ? showDocument(decodeURIComponent(m[1]), ready) : showList(ready);
}
translateStatic();
await route(loadSession());
