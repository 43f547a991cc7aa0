import type { Line, Page, SourceTable } from '../../../schemas/index.js';
import { measureTextQuality } from '../../core/index.js';
import { DocxNumbering } from './docx-numbering.js';
import type { DocxParts } from './docx-package.js';
import { readParagraph, type ParagraphContext } from './docx-paragraph.js';
import { DocxStyles } from './docx-styles.js';
import { readTable, type DocxTable } from './docx-table.js';
import { attrAt, child, elements, parseXml, type XmlElement } from './xml-tree.js';

type Item = { kind: 'line'; text: string; bold: boolean } | { kind: 'table'; table: DocxTable };

interface DraftPage {
  items: Item[];
  /** The w:sectPr of the section the page is in (headers and footers), filled when the section ends. */
  section: XmlElement | null;
  /** The page opens its section (a "first page" header applies). */
  firstOfSection: boolean;
  /** Footnotes referenced on the page, printed at its foot: "2 Chỉ tiêu bổ sung." */
  notes: Item[];
}

/** Containers of body content read through as if their content stood in the body (content controls, custom XML, tracked insertions). */
const BODY_CONTAINERS = new Set(['w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:moveTo']);

/**
 * A Word document as text-input pages: one line per paragraph (its list
 * label in front, as printed), a page wherever the document breaks one
 * (page breaks, sections; Word's own pagination is not known without
 * rendering). Data tables become one TAB-separated line per row plus a
 * `sourceTables` grid with the merged cells; borderless tables (the header
 * block, the signature) are read as their cells' paragraphs, left cell first,
 * as a PDF's two columns read. Each page's header and footer lines stand at
 * its top and bottom, as printed, its footnotes above the footer.
 */
export function docxPages(parts: DocxParts): Page[] {
  const xml = (name: string): XmlElement | null => (parts.has(name) ? parseXml(parts.get(name)!) : null);
  const footnotes = new Footnotes(xml('word/footnotes.xml'));
  const ctx: ParagraphContext = {
    numbering: new DocxNumbering(xml('word/numbering.xml')),
    styles: new DocxStyles(xml('word/styles.xml')),
    footnoteMark: (id) => footnotes.mark(id),
  };
  const body = child(xml('word/document.xml')!, 'w:body');
  const sections = body ? sectionProperties(body) : [];
  const pages: DraftPage[] = [{ items: [], section: null, firstOfSection: true, notes: [] }];
  let sectionIndex = 0;
  const newPage = (firstOfSection = false): void => void pages.push({ items: [], section: null, firstOfSection, notes: [] });
  const endSection = (sectPr: XmlElement): void => {
    for (let i = pages.length - 1; i >= 0 && !pages[i]!.section; i--) pages[i]!.section = sectPr;
    sectionIndex++;
    const next = sections[sectionIndex];
    if (next && attrAt(next, ['w:type'], 'w:val') !== 'continuous') newPage(true);
  };
  const walk = (el: XmlElement): void => {
    for (const c of elements(el)) {
      if (c.name === 'w:p') {
        const p = readParagraph(c, ctx);
        if (p.breakBefore && pages.at(-1)!.items.length) newPage();
        p.pages.forEach((lines, i) => {
          if (i > 0) newPage();
          for (const text of lines) pages.at(-1)!.items.push({ kind: 'line', text, bold: p.bold });
        });
        for (const id of p.footnotes) pages.at(-1)!.notes.push(...footnotes.lines(id, ctx));
        if (p.sectionEnd) endSection(p.sectionEnd);
      } else if (c.name === 'w:tbl') pages.at(-1)!.items.push({ kind: 'table', table: readTable(c, ctx) });
      else if (BODY_CONTAINERS.has(c.name)) walk(c);
    }
  };
  if (body) walk(body);
  const last = body ? child(body, 'w:sectPr') : undefined;
  for (const page of pages) page.section ??= last ?? null;
  const margins = new PageMargins(parts, ctx, xml);
  return pages.map((page, i) => textPage(i + 1, [...margins.lines(page, 'header'), ...page.items, ...page.notes, ...margins.lines(page, 'footer')]));
}

/** Footnotes by id, numbered 1, 2, … in the order the text first references them (Word's default). */
class Footnotes {
  readonly #byId = new Map<string, XmlElement>();
  readonly #marks = new Map<string, string>();

  constructor(part: XmlElement | null) {
    for (const f of elements(part ?? undefined, 'w:footnote')) if (!f.attrs['w:type'] || f.attrs['w:type'] === 'normal') this.#byId.set(f.attrs['w:id'] ?? '', f);
  }

  mark(id: string): string {
    if (!this.#byId.has(id)) return '';
    if (!this.#marks.has(id)) this.#marks.set(id, String(this.#marks.size + 1));
    return this.#marks.get(id)!;
  }

  /** The footnote's paragraphs as lines, the first led by its mark ("2 Chỉ tiêu bổ sung."). */
  lines(id: string, ctx: ParagraphContext): Item[] {
    const note = this.#byId.get(id);
    if (!note) return [];
    const texts = elements(note, 'w:p').flatMap((p) => readParagraph(p, { ...ctx, footnoteMark: undefined }).pages.flat()).filter((t) => t.trim());
    return texts.map((text, i) => ({ kind: 'line' as const, text: i === 0 ? `${this.mark(id)} ${text.trim()}` : text, bold: false }));
  }
}

/** Every section's w:sectPr in order: those closing a section inside paragraphs, then the body's last. */
function sectionProperties(body: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    for (const c of elements(el)) {
      if (c.name === 'w:p') {
        const s = child(child(c, 'w:pPr'), 'w:sectPr');
        if (s) found.push(s);
      } else if (BODY_CONTAINERS.has(c.name)) walk(c);
    }
  };
  walk(body);
  const last = child(body, 'w:sectPr');
  if (last) found.push(last);
  return found;
}

/** Headers and footers by relationship, each read once. */
class PageMargins {
  readonly #targets = new Map<string, string>();
  readonly #read = new Map<string, Item[]>();
  /** A section without its own header or footer reference keeps the previous section's. */
  readonly #inherited = new Map<string, string>();

  constructor(
    private readonly parts: DocxParts,
    private readonly ctx: ParagraphContext,
    private readonly xml: (name: string) => XmlElement | null,
  ) {
    const rels = xml('word/_rels/document.xml.rels');
    for (const r of elements(rels ?? undefined, 'Relationship')) {
      const target = (r.attrs['Target'] ?? '').replace(/^\/?(?:word\/)?/u, '');
      this.#targets.set(r.attrs['Id'] ?? '', `word/${target}`);
    }
  }

  /** The lines of the header (or footer) printed on this page. */
  lines(page: DraftPage, kind: 'header' | 'footer'): Item[] {
    const sectPr = page.section;
    if (!sectPr) return [];
    const refs = elements(sectPr, `w:${kind}Reference`);
    const wanted = page.firstOfSection && child(sectPr, 'w:titlePg') && child(sectPr, 'w:titlePg')?.attrs['w:val'] !== '0' ? 'first' : 'default';
    const ref = refs.find((r) => (r.attrs['w:type'] ?? 'default') === wanted);
    const key = `${kind}:${wanted}`;
    const part = ref ? this.#targets.get(ref.attrs['r:id'] ?? '') : refs.length ? undefined : this.#inherited.get(key);
    if (ref && part) this.#inherited.set(key, part);
    if (!part || !this.parts.has(part)) return [];
    if (!this.#read.has(part)) this.#read.set(part, this.#readPart(part));
    return this.#read.get(part)!;
  }

  #readPart(part: string): Item[] {
    const root = this.xml(part);
    const items: Item[] = [];
    const walk = (el: XmlElement): void => {
      for (const c of elements(el)) {
        if (c.name === 'w:p') {
          const p = readParagraph(c, this.ctx);
          for (const text of p.pages.flat()) items.push({ kind: 'line', text, bold: p.bold });
        } else if (c.name === 'w:tbl') items.push(...layoutLines(readTable(c, this.ctx)));
        else if (BODY_CONTAINERS.has(c.name)) walk(c);
      }
    };
    if (root) walk(root);
    return items;
  }
}

/** A borderless table's cells as lines: row by row, each cell's paragraphs, left cell first. */
function layoutLines(table: DocxTable): Item[] {
  const order = table.cells.map((c, i) => ({ c, i })).sort((a, b) => a.c.row - b.c.row || a.c.col - b.c.col);
  return order.flatMap(({ c, i }) => (table.lines[i] ?? []).map((text) => ({ kind: 'line' as const, text, bold: c.bold })));
}

/** The page in the text-input form: lines without positions, data tables as TAB rows with their grids beside. */
function textPage(number: number, items: readonly Item[]): Page {
  const lines: Line[] = [];
  const sourceTables: SourceTable[] = [];
  let normalized = false;
  const push = (raw: string, bold: boolean): void => {
    const text = raw.normalize('NFC');
    normalized ||= text !== raw;
    if (text.trim()) lines.push({ text, box: null, fontSize: null, bold, wordStart: 0, wordEnd: 0 });
  };
  for (const item of items) {
    if (item.kind === 'line') push(item.text, item.bold);
    else if (item.table.borderless || item.table.columnCount < 2) {
      for (const l of layoutLines(item.table)) if (l.kind === 'line') push(l.text, l.bold);
    } else {
      const { table } = item;
      const lineStart = lines.length;
      for (let r = 0; r < table.rowCount; r++) {
        const slots = Array<string>(table.columnCount).fill('');
        for (const c of table.cells) if (c.row === r) slots[c.col] = c.text.replace(/\t/gu, ' ');
        push(slots.join('\t'), table.cells.filter((c) => c.row === r && c.text).every((c) => c.bold));
      }
      if (lines.length > lineStart) {
        const { columnCount, rowCount, headerRows, cells } = table;
        sourceTables.push({ columnCount, rowCount, headerRows, cells, lineStart, lineEnd: lines.length });
      }
    }
  }
  const text = lines.map((l) => l.text).join('\n');
  return {
    number, width: null, height: null, origin: 'text-layer', text, words: [], lines, rulings: [], blocks: [],
    quality: measureTextQuality(text), repairs: normalized ? ['nfc'] : [], originalText: null, sourceTables,
  };
}
