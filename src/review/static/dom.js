// Small DOM helpers. Text goes into the page as text nodes only: document
// text comes from PDFs and is untrusted.
export const $ = (sel, root = document) => root.querySelector(sel);

/** An element with text children only (strings become text nodes); `on*` attributes become listeners. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

const GROWS = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');
/** A textarea as tall as its text (CSS field-sizing where the browser has it, else measured on input). */
export function autoGrow(area) {
  if (GROWS) return area;
  const fit = () => {
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  };
  area.addEventListener('input', fit);
  requestAnimationFrame(fit);
  return area;
}
