import type { DocxNumbering } from './docx-numbering.js';
import { onOff, type DocxStyles } from './docx-styles.js';
import { attrAt, child, elements, type XmlElement } from './xml-tree.js';

/** What paragraphs are read with: the document's lists and styles. */
export interface ParagraphContext {
  numbering: DocxNumbering;
  styles: DocxStyles;
  /** The printed mark of a footnote reference (Word numbers them 1, 2, … in order); none: references print nothing. */
  footnoteMark?: (id: string) => string;
}

/** A paragraph as printed: its lines (a manual line break starts a new one), split where a page break falls inside it. */
export interface ParagraphText {
  /** One entry per page the paragraph is on (a w:br of type "page" inside it starts the next); lines within each. */
  pages: string[][];
  /** Every run with text is bold. */
  bold: boolean;
  /** w:pageBreakBefore: the paragraph starts a page. */
  breakBefore: boolean;
  /** A w:sectPr in the paragraph: the section ends here (a new page follows unless the next section is continuous). */
  sectionEnd: XmlElement | null;
  /** Ids of the footnotes referenced, in order: their text is printed at the foot of the page. */
  footnotes: string[];
}

/** Containers whose runs are part of the paragraph's text (links, tracked insertions, content controls, fields). */
const TRANSPARENT = new Set(['w:hyperlink', 'w:ins', 'w:moveTo', 'w:smartTag', 'w:sdt', 'w:sdtContent', 'w:fldSimple', 'w:customXml', 'w:dir', 'w:bdo']);

/**
 * Reads a w:p: its runs' text in order, with its list label in front when
 * Word numbers it ("2.3. Tổ chức …", "a) …", "- …"), so the text reads as
 * printed. Tabs become spaces (a TAB in a line means a table cell
 * downstream); deleted text (tracked changes), hidden text and field codes
 * are left out, a field's shown result kept; a footnote reference prints its
 * number, glued on as a PDF's text layer gives a superscript ("100%2").
 * Text boxes and drawings are not read.
 */
export function readParagraph(p: XmlElement, ctx: ParagraphContext): ParagraphText {
  const pPr = child(p, 'w:pPr');
  const style = ctx.styles.resolve(attrAt(pPr, ['w:pStyle'], 'w:val') ?? null);
  const pages: string[][] = [['']];
  let boldRuns = 0;
  let plainRuns = 0;
  let sawText = false;
  const footnotes: string[] = [];
  const add = (s: string): void => {
    const lines = pages.at(-1)!;
    lines[lines.length - 1] += s;
    if (/\S/u.test(s)) sawText = true;
  };
  const walk = (el: XmlElement): void => {
    for (const c of elements(el)) {
      if (c.name === 'w:r') {
        if (onOff(child(child(c, 'w:rPr'), 'w:vanish'))) continue;
        const b = onOff(child(child(c, 'w:rPr'), 'w:b')) ?? style.bold ?? false;
        const outer = sawText;
        sawText = false;
        walk(c);
        if (sawText) (b ? boldRuns++ : plainRuns++);
        sawText ||= outer;
      } else if (c.name === 'w:t') add(c.children.filter((x): x is string => typeof x === 'string').join(''));
      else if (c.name === 'w:tab' || c.name === 'w:ptab') add(' ');
      else if (c.name === 'w:noBreakHyphen') add('-');
      else if (c.name === 'w:sym') add(symbolChar(c));
      else if (c.name === 'w:footnoteReference' && ctx.footnoteMark) {
        const id = c.attrs['w:id'] ?? '';
        footnotes.push(id);
        add(ctx.footnoteMark(id));
      }
      else if (c.name === 'w:br' || c.name === 'w:cr') {
        if (c.attrs['w:type'] === 'page') pages.push(['']);
        else pages.at(-1)!.push('');
      } else if (TRANSPARENT.has(c.name)) walk(c);
    }
  };
  walk(p);

  const numId = attrAt(pPr, ['w:numPr', 'w:numId'], 'w:val') ?? style.numId;
  const ilvl = Number(attrAt(pPr, ['w:numPr', 'w:ilvl'], 'w:val') ?? style.ilvl ?? 0) || 0;
  // numId 0 switches off numbering a style would give
  const label = numId && numId !== '0' ? ctx.numbering.next(numId, ilvl) : null;
  const tidy = pages.map((lines) => lines.map((l) => l.replace(/[ \u00a0]+$/u, '')));
  if (label) tidy[0]![0] = `${label} ${tidy[0]![0]!.trimStart()}`.trimEnd();
  return {
    pages: tidy,
    bold: boldRuns > 0 && plainRuns === 0,
    breakBefore: onOff(child(pPr, 'w:pageBreakBefore')) ?? false,
    sectionEnd: child(pPr, 'w:sectPr') ?? null,
    footnotes,
  };
}

/** A w:sym's character; Symbol-font private-use code points are kept as Word stores them. */
function symbolChar(sym: XmlElement): string {
  const code = Number.parseInt(sym.attrs['w:char'] ?? '', 16);
  if (!Number.isFinite(code)) return '';
  const c = code >= 0xf000 ? code - 0xf000 : code;
  return c >= 0x20 ? String.fromCodePoint(c) : '';
}
