import type { Block, Page, Section } from '../../schemas/index.js';

const ROMAN = /^([IVXLC]+)\.\s*(\S.*)$/su;
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(\S.*)$/su;
const LETTER = /^([a-zđ])\)\s+(\S.*)$/su;
const APPENDIX = /^(PHỤ LỤC|Phụ lục)\b/u;
/** A cell rule read as a mark right after a row number ("1.1 |Tổ …", "2.4 [Chủ động …"): the line is a table row. */
const TABLE_ROW_RULE = /^[|[\]]/u;
/** A run-in title ends at a colon within this many characters: "1. Quán triệt …: Bảo đảm …". */
const RUN_IN_MAX = 160;

/**
 * The numbered outline of the body: Roman parts (level 1), "1." (2),
 * "1.1" (3), "a)" (one below the enclosing number), and appendix titles.
 * Numbering that repeats or skips is kept as printed. Every numbered block
 * is an item: headings, run-in titles and numbered paragraphs alike.
 */
export function readSections(pages: readonly Page[]): Section[] {
  const sections: Section[] = [];
  const parents: Section[] = [];
  for (const [pageIndex, page] of pages.entries()) {
    for (const [blockIndex, block] of page.blocks.entries()) {
      // a lettered item sits one below the nearest numbered item, not below its lettered sibling
      const enclosing = [...parents].reverse().find((p) => !/^[a-zđ]$/u.test(p.number));
      const isLast = blockIndex === page.blocks.length - 1;
      const found = classify(isLast ? continuedOnNextPage(block, pages[pageIndex + 1]) : block, enclosing?.level ?? 1);
      if (!found) continue;
      if (found.kind === 'appendix') found.title = withTitleLine(found.title, page.blocks[blockIndex + 1]);
      if (page.origin === 'ocr') found.number = nextRomanAsRead(found.number, found.level, sections);
      while (parents.length && (parents.at(-1)?.level ?? 0) >= found.level) parents.pop();
      const section: Section = {
        id: `s${sections.length + 1}`,
        ...found,
        parent: parents.at(-1)?.id ?? null,
        page: page.number,
        line: block.lineStart,
      };
      sections.push(section);
      parents.push(section);
    }
  }
  return sections;
}

const ROMAN_VALUES: readonly [string, number][] = [['X', 10], ['IX', 9], ['V', 5], ['IV', 4], ['I', 1]];
const romanValue = (r: string): number => {
  let rest = r;
  let value = 0;
  for (const [sym, v] of ROMAN_VALUES) while (rest.startsWith(sym)) (value += v), (rest = rest.slice(sym.length));
  return rest ? 0 : value;
};
const toRoman = (n: number): string => {
  let out = '';
  for (const [sym, v] of ROMAN_VALUES) while (n >= v) (out += sym), (n -= v);
  return out;
};

/**
 * An OCR reads "II." as "I." and "III." as "II." (thin strokes close
 * together): on OCR'd pages a part number that does not follow the part
 * before it is read as the next one. (Printed text keeps its numbering,
 * repeats and skips included.)
 */
function nextRomanAsRead(number: string, level: number, before: readonly Section[]): string {
  const value = romanValue(number);
  if (level !== 1 || !value) return number;
  const last = [...before].reverse().find((s) => s.level === 1 && romanValue(s.number) > 0);
  const prev = last ? romanValue(last.number) : 0;
  return prev && value <= prev ? toRoman(prev + 1) : number;
}

/**
 * "PHỤ LỤC" (or "PHỤ LỤC SỐ 01") alone on its line, its title on the next
 * in capitals ("NHIỆM VỤ, GIẢI PHÁP, PHÂN CÔNG NHIỆM VỤ"), as text inputs
 * give it (one block a line): the title is the appendix's.
 */
function withTitleLine(title: string, next: Block | undefined): string {
  if (!/^(PHỤ LỤC|Phụ lục)(\s+(SỐ|số)\s*\d+)?\s*:?$/u.test(title.trim()) || !next || !isUpperTitle(next.text) || ROMAN.test(next.text) || DECIMAL.test(next.text)) return title;
  return `${title.trim()} ${next.text.trim()}`;
}

/**
 * A heading cut by the page break goes on in the next page's first block
 * (layout marks it `continues`) when that starts in lower case: the title's
 * own words, not a paragraph under it.
 */
function continuedOnNextPage(block: Block, next: Page | undefined): Block {
  const first = next?.blocks[0];
  if (!first?.continues || !/^\p{Ll}/u.test(first.text)) return block;
  return { ...block, text: `${block.text} ${first.text}` };
}

function classify(line: Block, enclosingLevel: number): Pick<Section, 'number' | 'title' | 'level' | 'kind'> | null {
  const text = line.text.trim();
  if (APPENDIX.test(text) && (line.bold || text === text.toUpperCase() || /^Phụ lục( số)? \d+\s*:/u.test(text)))
    return { number: '', title: text, level: 1, kind: 'appendix' };
  const roman = ROMAN.exec(text);
  if (roman?.[1] && roman[2] && isUpperTitle(roman[2])) return { number: roman[1], title: roman[2].trim(), level: 1, kind: 'heading' };
  const decimal = DECIMAL.exec(text);
  // "1.1 |Tổ công nghệ số …": a table row an OCR text export printed with its cell rule, not a heading
  if (decimal?.[2] && TABLE_ROW_RULE.test(decimal[2])) return null;
  // "1 Nghị quyết …" without a dot is a footnote, unless set as a bold heading
  if (decimal?.[1] && decimal[2] && (decimal[0].slice(0, decimal[1].length + 1).includes('.') || line.bold))
    return { number: decimal[1], title: headingTitle(decimal[2]), level: decimal[1].split('.').length + 1, kind: 'heading' };
  const letter = LETTER.exec(text);
  if (letter?.[1] && letter[2]) return { number: letter[1], title: headingTitle(letter[2]), level: enclosingLevel + 1, kind: 'heading' };
  return null;
}

/**
 * The outline title of a numbered block: a run-in title ends at a colon
 * ("1. Quán triệt …: Bảo đảm …" → "Quán triệt …"); otherwise the whole
 * heading or numbered paragraph, without a colon it ends in.
 */
function headingTitle(rest: string): string {
  const colon = rest.indexOf(':');
  if (colon > 0 && colon <= RUN_IN_MAX && colon < rest.trim().length - 1) return rest.slice(0, colon).trim();
  // a heading that introduces what follows ends in a colon of its own: not part of the title
  return rest.trim().replace(/\s*:$/u, '');
}

const isUpperTitle = (s: string): boolean => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
};
