import { AgencyWordsFile } from '../../schemas/index.js';
import { lazy, readDataFile } from './data-file.js';
import { fold } from './fold.js';

/** The gazetteer: the provinces and centrally-run cities (agencies.json `places`), folded for comparison. */
const places = lazy(() => readDataFile('agencies.json', AgencyWordsFile).places.map((p) => ({ place: p, folded: fold(p) })));

/**
 * The place opening a date line, as the gazetteer spells the province,
 * where an OCR lost the comma after it ("Lâm Đồng ngày tháng năm 2025") or
 * printed it with other marks ("Lâm Đông, ngày 04 …"): the province and the
 * line from "ngày" on; null when the words before "ngày" are no province
 * of the gazetteer (a place it does not know is left as printed).
 */
export function gazetteerPlaceBeforeDate(line: string): { place: string; rest: string } | null {
  const m = /^\s*([\p{L}][\p{L} ]*?)\s*,?\s+(ngày\b.*)$/u.exec(line);
  if (!m?.[1] || !m[2]) return null;
  const before = fold(m[1]);
  const found = places().find((p) => p.folded === before);
  return found ? { place: found.place, rest: m[2] } : null;
}
