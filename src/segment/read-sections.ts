import type { Line, Page, Section } from '../../schemas/index.js';

const ROMAN = /^([IVXLC]+)\.\s*(\S.*)$/u;
const DECIMAL = /^(\d+(?:\.\d+)*)\.?\s+(\S.*)$/u;
const LETTER = /^([a-zđ])\)\s+(\S.*)$/u;
const APPENDIX = /^(PHỤ LỤC|Phụ lục)\b/u;
/** A run-in title ends at a colon within this many characters: "1. Quán triệt …: Bảo đảm …". */
const RUN_IN_MAX = 160;
/** A heading on its own line is short and does not end like a sentence fragment. */
const HEADING_MAX = 200;

/**
 * The numbered outline of the body: Roman parts (level 1), "1." (2),
 * "1.1" (3), "a)" (one below the enclosing number), and appendix titles.
 * Numbering that repeats or skips is kept as printed. A numbered line counts
 * as a heading when it is bold, or short and unpunctuated on a text input,
 * or a run-in title ending in a colon.
 */
export function readSections(pages: readonly Page[]): Section[] {
  const sections: Section[] = [];
  const parents: Section[] = [];
  for (const page of pages) {
    page.lines.forEach((line, index) => {
      const found = classify(line, parents.at(-1)?.level ?? 1);
      if (!found) return;
      while (parents.length && (parents.at(-1)?.level ?? 0) >= found.level) parents.pop();
      const section: Section = {
        id: `s${sections.length + 1}`,
        ...found,
        parent: parents.at(-1)?.id ?? null,
        page: page.number,
        line: line.box ? index : null,
      };
      sections.push(section);
      parents.push(section);
    });
  }
  return sections;
}

function classify(line: Line, enclosingLevel: number): Pick<Section, 'number' | 'title' | 'level' | 'kind'> | null {
  const text = line.text.trim();
  if (APPENDIX.test(text) && (line.bold || text === text.toUpperCase() || /^Phụ lục( số)? \d+\s*:/u.test(text)))
    return { number: '', title: text, level: 1, kind: 'appendix' };
  const roman = ROMAN.exec(text);
  if (roman?.[1] && roman[2] && isUpperTitle(roman[2])) return { number: roman[1], title: roman[2].trim(), level: 1, kind: 'heading' };
  const decimal = DECIMAL.exec(text);
  if (decimal?.[1] && decimal[2]) {
    const title = headingTitle(decimal[2], line.bold);
    if (title) return { number: decimal[1], title, level: decimal[1].split('.').length + 1, kind: 'heading' };
  }
  const letter = LETTER.exec(text);
  if (letter?.[1] && letter[2]) {
    const title = headingTitle(letter[2], line.bold);
    if (title) return { number: letter[1], title, level: enclosingLevel + 1, kind: 'heading' };
  }
  return null;
}

function headingTitle(rest: string, bold: boolean): string | null {
  const colon = rest.indexOf(':');
  if (colon > 0 && colon <= RUN_IN_MAX && colon < rest.length - 1) return rest.slice(0, colon).trim();
  if (bold) return rest.trim();
  if (rest.length <= HEADING_MAX && !/[;,:]$/u.test(rest.trim()) && !/^\p{Ll}/u.test(rest)) return rest.trim();
  return null;
}

const isUpperTitle = (s: string): boolean => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
};
