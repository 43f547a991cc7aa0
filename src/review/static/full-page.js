// The whole source page of the selected row, its box highlighted: zoom,
// previous/next row. The page's lines (fetched when the page is first
// opened, not with the document) lie over the image as selectable text,
// and stand in for it when the original file is not at hand.
import { $, el } from './dom.js';
import { t } from './i18n.js';
import { api, docPath, state } from './state.js';

let zoom = 1;
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

export const fullPageOpen = () => Boolean($('#fullpage'));

/** The page's words and lines: asked for once per page, when a reviewer opens it. */
async function pageData(n) {
  if (!state.pages.has(n)) state.pages.set(n, api(`${docPath()}/pages/${n}`).then(({ status, body }) => (status === 200 ? body : null)));
  return state.pages.get(n);
}

/** The row's box on its page: its own, or the union of its prose lines. */
function rowBox(r, page) {
  if (r.source.box) return r.source.box;
  if (!page || !r.source.lines) return null;
  const boxes = page.lines.slice(r.source.lines[0], r.source.lines[1] + 1).map((l) => l.box).filter(Boolean);
  if (!boxes.length) return null;
  return { x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)), x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)) };
}

/** Places an element over the page at `box` (points), as percentages: it follows the zoom. */
function place(node, box, w, h) {
  node.style.left = `${(100 * box.x0) / w}%`;
  node.style.top = `${(100 * box.y0) / h}%`;
  node.style.width = `${(100 * (box.x1 - box.x0)) / w}%`;
  node.style.height = `${(100 * (box.y1 - box.y0)) / h}%`;
  return node;
}

export function openFullPage() {
  const r = state.visible.find((x) => x.id === state.selectedId);
  if (!r) return;
  if (!fullPageOpen()) {
    const dialog = el('div', { id: 'fullpage', role: 'dialog', 'aria-modal': 'true', 'aria-label': t('fullPage') },
      el('div', { class: 'fp-bar' },
        el('button', { type: 'button', id: 'fp-prev', onclick: () => move(-1) }, t('prevRow')),
        el('button', { type: 'button', id: 'fp-next', onclick: () => move(1) }, t('nextRow')),
        el('button', { type: 'button', id: 'fp-zoom-out', onclick: () => setZoom(-1) }, t('zoomOut')),
        el('button', { type: 'button', id: 'fp-zoom-in', onclick: () => setZoom(1) }, t('zoomIn')),
        el('span', { id: 'fp-title' }),
        el('button', { type: 'button', id: 'fp-close', onclick: closeFullPage }, t('close'))),
      el('p', { id: 'fp-note', class: 'help' }),
      el('div', { class: 'fp-scroll' }, el('div', { class: 'fp-frame', id: 'fp-frame' })));
    document.body.append(dialog);
    document.addEventListener('row-selected', follow);
  }
  void render(r);
}

export function closeFullPage() {
  $('#fullpage')?.remove();
  document.removeEventListener('row-selected', follow);
}

const follow = (e) => void render(e.detail);

function move(step) {
  document.dispatchEvent(new CustomEvent('move-row', { detail: step }));
}

export function setZoom(step) {
  zoom = ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, ZOOMS.indexOf(zoom) + step))];
  const frame = $('#fp-frame');
  if (!frame) return;
  frame.style.width = `${zoom * 100}%`;
  const outline = state.doc.pages[Number(frame.dataset.page) - 1];
  if (outline?.width) scaleText(frame, outline.width);
  $('#fp-frame .highlight')?.scrollIntoView({ block: 'center', inline: 'nearest' });
}

async function render(r) {
  const n = r.source.page;
  const outline = n ? state.doc.pages[n - 1] : null;
  $('#fp-title').textContent = `${r.code} · ${n ? t('pageOf', n, state.doc.pages.length) : '—'}`;
  const frame = $('#fp-frame');
  frame.style.width = `${zoom * 100}%`;
  if (!n || !outline?.width || !outline?.height) {
    $('#fp-note').textContent = t('noPosition');
    return frame.replaceChildren();
  }
  if (frame.dataset.page !== String(n)) {
    frame.dataset.page = String(n);
    frame.style.aspectRatio = `${outline.width} / ${outline.height}`;
    const img = el('img', { class: 'fp-image', alt: t('pageOf', n, state.doc.pages.length), src: `${docPath()}/pages/${n}/image.png` });
    img.addEventListener('error', () => {
      frame.classList.add('no-image');
      img.remove();
      $('#fp-note').textContent = t('noPageImage');
    });
    frame.classList.remove('no-image');
    $('#fp-note').textContent = '';
    frame.replaceChildren(img, el('div', { class: 'fp-text' }));
  }
  const page = await pageData(n);
  if (frame.dataset.page !== String(n) || !$('#fullpage')) return;
  const text = frame.querySelector('.fp-text');
  if (page && !text.childElementCount)
    text.append(...page.lines.filter((l) => l.box).map((l) => {
      const line = place(el('span', { class: 'fp-line' }, l.text), l.box, outline.width, outline.height);
      line.style.fontSize = `calc(var(--k, 1) * ${((l.box.y1 - l.box.y0) * 0.8).toFixed(2)}px)`; // --k: pixels per point, set below
      return line;
    }));
  scaleText(frame, outline.width);
  frame.querySelector('.highlight')?.remove();
  const box = rowBox(r, page);
  $('#fp-note').textContent = box ? (frame.classList.contains('no-image') ? t('noPageImage') : '') : t('noPosition');
  if (!box) return;
  const mark = place(el('div', { class: 'highlight', 'data-id': r.id }), box, outline.width, outline.height);
  frame.append(mark);
  mark.scrollIntoView({ block: 'center', inline: 'nearest' });
}

/** The text layer's font sizes are in points: scaled to the frame's width in pixels. */
function scaleText(frame, widthPt) {
  const k = frame.clientWidth / widthPt;
  frame.querySelector('.fp-text')?.style.setProperty('--k', String(k));
}
