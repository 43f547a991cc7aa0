import type { LayoutResult, Page, Table } from '../../schemas/index.js';
import { similarity, stripDiacritics } from '../core/index.js';
import type { NgramModel } from './ngram-model.js';
import { logProbAfter } from './clause-context.js';
import { loadOcrChannel, type OcrChannel } from './ocr-channel.js';
import { restoreLines } from './restore-text.js';
import { repairComparators } from './comparator-repair.js';

/** Cells of these roles are text the decoder restores; codes, units and agencies have readers of their own. */
const TEXT_ROLES: ReadonlySet<string> = new Set(['name', 'target']);
/** A target cell is restored only when written in words ("Phấn đấu đạt 3%"), not as a figure ("≥ 80"). */
const inWords = (text: string): boolean => text.split(/\s+/u).filter((w) => /\p{L}{2,}/u.test(w)).length >= 2;
/**
 * A cell's next word lies at most this many words further on the page: the
 * other columns' words printed on the same lines sit between (a row line of
 * a five-column table holds some 25 words).
 */
const MAX_GAP = 40;
/** A cell is restored again only when this share of its words is found on the page (the rest: the reader's own repairs). */
const MIN_FOUND = 0.8;
/** Border marks an OCR reads at a cell's edge, which the table reader drops ("|Quy mô", "[toàn trình"). */
const EDGE = /^[|[\]{}'‘’"]+|[|[\]{}'‘’"]+$/gu;

/**
 * Restores again, one cell at a time, the text cells of tables read from
 * OCR text rows (detection `text-rows`). A line of such a table holds the
 * words of every column side by side ("… trí tuệ nhân tạo, trung tâm | Thứ
 * bậc | Phấn đấu đứng top 3 | Sở Thông tin …"), so when the page was
 * restored line by line the decoder read each cell's words in the context
 * of its neighbours' and a wrapped cell lost its own context over the line
 * break. Once the table reader has put each cell's words together, the words
 * the OCR printed for them (the page's `originalText`, word for word) are
 * decoded again as one run. Words the reader repaired itself (not found on
 * the page) are kept as it wrote them. Tables of other detections, and pages
 * not read through the OCR channel (an English model's reading), are left as
 * they are.
 */
export function restoreTableCells(layout: LayoutResult, model: NgramModel | null): LayoutResult {
  if (!model) return layout;
  const byNumber = new Map(layout.pages.map((p) => [p.number, p]));
  const tables = layout.tables.map((t) => {
    const page = t.detection === 'text-rows' && t.pages.length === 1 ? byNumber.get(t.pages[0]!) : undefined;
    return page ? restoreTable(t, page, model) : t;
  });
  return { ...layout, tables };
}

/** The restored and the printed words of a page, in reading order, word for word; null when they do not pair up. */
function pageWords(page: Page): { restored: string[]; printed: string[] } | null {
  if (!page.originalText || page.originalText === page.text) return null;
  const a = page.text.split('\n');
  const b = page.originalText.split('\n');
  if (a.length !== b.length) return null;
  const restored: string[] = [];
  const printed: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!.split(/\s+/u).filter(Boolean);
    const y = b[i]!.split(/\s+/u).filter(Boolean);
    if (x.length !== y.length) return null;
    restored.push(...x);
    printed.push(...y);
  }
  return { restored, printed };
}

function restoreTable(table: Table, page: Page, model: NgramModel): Table {
  // only pages read through the OCR channel: a page that lost its marks only is decoded with the document's
  // cache and its words repaired after (restore-pages.ts), which a cell's run alone would not have
  if (!page.repairs.includes('ocr-repaired')) return table;
  const words = pageWords(page);
  const textCols = new Set(table.columns.filter((c) => c.role && TEXT_ROLES.has(c.role)).map((c) => c.index));
  if (!words || !textCols.size) return table;
  const channel: OcrChannel | null = loadOcrChannel();
  const key = (w: string): string => w.replace(EDGE, '').normalize('NFC');
  const keys = words.restored.map(key);
  const at = new Map<string, number[]>();
  keys.forEach((k, i) => (at.get(k) ?? at.set(k, []).get(k)!).push(i));
  const cursor = new Map<number, number>();
  const cells = table.cells.map((cell) => {
    if (!textCols.has(cell.col) || !inWords(cell.text)) return cell;
    const found = locate(cell.text.split(/\s+/u).filter(Boolean), keys, at, cursor.get(cell.col) ?? 0, key);
    if (!found) return cell;
    cursor.set(cell.col, found.start);
    const printed = found.slots.map((k, i) => (k === null ? found.tokens[i]! : withoutInnerSpecks(edgeAsCell(words.printed[k]!, found.tokens[i]!))));
    const line = printed.join(' ');
    // the signs an English model misreads are put back first, as on the page (restore-pages.ts)
    const text = restoreLines([repairComparators(line, model)], model, channel, null)[0]?.text;
    return text ? { ...cell, text } : cell;
  });
  return { ...table, cells: readAsUnit(cells, table, model) };
}

/**
 * A unit cell that repeats the name's last words ("Hình thành sàn dữ liệu
 * | Sàn dữ liệu", the thing counted) holds the same printed words, decoded
 * in another context: the name's last words read as the unit does when that
 * reading fits the name's words before it better (the language model), so
 * the two readings of one phrase agree where they can.
 */
function readAsUnit(cells: Table['cells'], table: Table, model: NgramModel): Table['cells'] {
  const nameCol = table.columns.find((c) => c.role === 'name')?.index;
  const unitCol = table.columns.find((c) => c.role === 'unit')?.index;
  if (nameCol === undefined || unitCol === undefined) return cells;
  const unitOf = new Map(cells.filter((c) => c.col === unitCol).map((c) => [c.row, c.text]));
  return cells.map((cell) => {
    const unit = cell.col === nameCol ? (unitOf.get(cell.row) ?? '').split(/\s+/u).filter(Boolean) : [];
    const words = cell.text.split(/\s+/u).filter(Boolean);
    const k = unit.length;
    if (k < 2 || words.length <= k) return cell;
    const tail = words.slice(-k);
    const lower = (w: string): string => w.normalize('NFC').toLowerCase();
    const bare = (ws: readonly string[]): string => stripDiacritics(ws.map(lower).join(' '));
    if (tail.map(lower).join(' ') === unit.map(lower).join(' ') || similarity(bare(tail), bare(unit)) < 0.8) return cell;
    const asUnit = unit.map((w, i) => (/^\p{Lu}/u.test(tail[i]!) ? w : lower(w)));
    const head = words.slice(0, -k).map(lower);
    const score = (ws: readonly string[]): number => {
      const seq = [...head, ...ws.map(lower), '</s>'];
      let sum = 0;
      // each word after as many before it as the model reads ("<s>" before the cell's first)
      for (let i = seq.length - k - 1; i < seq.length; i++) sum += logProbAfter(model, seq.slice(0, i), seq[i]!);
      return sum;
    };
    return score(asUnit) > score(tail) ? { ...cell, text: [...words.slice(0, -k), ...asUnit].join(' ') } : cell;
  });
}

/**
 * Where the words of one cell stand on the page: each word's index in the
 * page's words (null for a word not found there), the first word found
 * after `from` (the column's previous cell) and with the most words found
 * within MAX_GAP of each other; null when fewer than MIN_FOUND are found.
 */
function locate(
  tokens: readonly string[],
  keys: readonly string[],
  at: ReadonlyMap<string, number[]>,
  from: number,
  key: (w: string) => string,
): { tokens: readonly string[]; slots: (number | null)[]; start: number } | null {
  let best: { slots: (number | null)[]; start: number; found: number } | null = null;
  // the cell may open with a word the reader repaired: try its first few words as the anchor
  for (let first = 0; first < Math.min(3, tokens.length); first++) {
    for (const start of at.get(key(tokens[first]!)) ?? []) {
      const slots: (number | null)[] = tokens.map(() => null);
      slots[first] = start;
      let cur = start;
      let found = 1;
      for (let i = first + 1; i < tokens.length; i++) {
        const k = key(tokens[i]!);
        for (let j = cur + 1; j <= cur + MAX_GAP && j < keys.length; j++) {
          if (keys[j] === k) {
            slots[i] = j;
            cur = j;
            found++;
            break;
          }
        }
      }
      const better = !best || found > best.found || (found === best.found && (start >= from) && (best.start < from || start < best.start));
      if (better) best = { slots, start, found };
    }
  }
  if (!best || best.found < tokens.length * MIN_FOUND) return null;
  return { tokens, slots: best.slots, start: best.start };
}

/** The printed word without the border marks its restored cell word lost ("|Quy" for "Quy"). */
function edgeAsCell(printed: string, cellWord: string): string {
  const lead = /^[|[\]{}'‘’"]/u.test(cellWord);
  const trail = /[|[\]{}'‘’"]$/u.test(cellWord);
  let out = printed;
  if (!lead) out = out.replace(/^[|[\]{}'‘’"]+/u, '');
  if (!trail) out = out.replace(/[|[\]{}'‘’"]+$/u, '');
  return out || printed;
}

/**
 * A printed word without the specks an OCR read between its letters
 * ("da‘u", "dun;g", "gil}l;a": dust or a border's tick inside a table cell),
 * so the decoder reads the letters as one syllable. Signs that join words
 * ("R&D", "1Gb/s", "TT-BGDĐT") are no specks and stay.
 */
function withoutInnerSpecks(word: string): string {
  return word.replace(/(?<=\p{L})[‘’';:}{)(|\]\[]+(?=\p{L})/gu, '');
}
