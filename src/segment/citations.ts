import type { Citation, Page } from '../../schemas/index.js';
import { documentTypeAlternation } from '../lexicon/index.js';

/** The lexicon's document types, longest first ("Kế hoạch hành động" before "Kế hoạch"). */
const TYPE = new RegExp(`(${documentTypeAlternation()})`, 'u');
const NUMBER = /số\s+(\d+[\p{L}\d/-]*)/u;
const DATE = /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/u;
const ISSUER = /của\s+(.+?)(?=\s+(?:về|thực hiện|ban hành|sửa đổi|nhiệm kỳ|khóa|khoá)(?=\s|$)|[,;(]|$)/u;

/**
 * The references a plan is based on: every "Căn cứ …" and "Thực hiện …"
 * paragraph before the first Roman-numbered part, split at ";" into
 * citations ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị").
 */
export function readCitations(pages: readonly Page[]): Citation[] {
  const text = pages.slice(0, 3).map((p) => p.text).join('\n');
  const end = text.search(/\n\s*I\.\s/u);
  const preamble = (end > 0 ? text.slice(0, end) : text).replace(/\s*\n\s*/gu, ' ');
  const out: Citation[] = [];
  for (const para of preamble.split(/(?=(?:Căn cứ|Thực hiện)\s)/u)) {
    if (!/^(Căn cứ|Thực hiện)\s/u.test(para)) continue;
    for (const part of para.split(';')) {
      const raw = part.trim().replace(/^(Căn cứ|Thực hiện)\s+/u, '');
      const type = TYPE.exec(raw)?.[1] ?? null;
      const number = NUMBER.exec(raw)?.[1]?.replace(/[,.]$/u, '') ?? null;
      if (!type || !number) continue;
      const d = DATE.exec(raw);
      const date = d ? `${d[3]}-${d[2]?.padStart(2, '0')}-${d[1]?.padStart(2, '0')}` : null;
      out.push({ raw, type, number, date, issuer: ISSUER.exec(raw)?.[1]?.trim() ?? null });
    }
  }
  return out;
}
