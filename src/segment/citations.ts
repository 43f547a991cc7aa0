import type { Citation, Page } from '../../schemas/index.js';
import { documentTypeAlternation, namedTypeAlternation } from '../lexicon/index.js';

const TYPES = documentTypeAlternation();
/** A word of a name: not the next document's type ("… ban hành kèm theo Quyết định số …"). */
const NAME_WORD = `\\s+(?!(?:${TYPES})(?![\\p{L}]))[^\\s;,.:()]+`;
/**
 * A mention of a document: its type, "số" and its number ("Nghị quyết số
 * 57-NQ/TW"), a law with its name between, capitalised ("Luật Tổ chức
 * chính quyền địa phương số 72/2025/QH15"; "Luật sư" is no law); without "số" only a number with a code counts
 * ("Nghị định 91/2022/NĐ-CP", never a bare year). Types longest first.
 */
const MENTION = new RegExp(
  `(?<![\\p{L}])(?:(${TYPES})|(${namedTypeAlternation() || '(?!)'})\\s+\\p{Lu}[^\\s;,.:()]*(?:${NAME_WORD}){0,11}?)(?![\\p{L}])\\s+(?:số\\s+(\\d+[\\p{L}\\d/-]*(?<=-)\\s+\\p{Lu}[\\p{Lu}\\d/-]*|\\d+[\\p{L}\\d/-]*)|(\\d+[/-][\\p{L}\\d/-]*\\p{L}[\\p{L}\\d/-]*))`,
  'gu',
);
/** The date right after a number ("…, ngày 22/12/2024", "ngày 22 tháng 12 năm 2024"), not one further on. */
const DATE_AFTER = /^[\s,]*(?:ban hành\s+)?ngày\s+(\d{1,2})(?:\/|\s+tháng\s+)(\d{1,2})(?:\/|\s+năm\s+)(\d{4})/u;
/** Who issued it: "của …" right after the number or its date, up to the subject ("về …") or the clause's end. */
const ISSUER_AFTER = /^[\s,]*của\s+(.+?)(?=\s+(?:về|thực hiện|ban hành|sửa đổi|quy định|hướng dẫn|phê duyệt|nhiệm kỳ|khóa|khoá|tại|đối với|theo)(?=[\s,;]|$)|[,;(:]|$)/u;
/** A citation paragraph opens with one of these ("Căn cứ Luật …;", "Thực hiện Kế hoạch số …"). */
const OPENER = /^(?:Căn cứ|Thực hiện)\s/u;

/**
 * The references a document is based on: the "Căn cứ …" and "Thực hiện …"
 * paragraphs before the first Roman-numbered part, each read to its first
 * sentence's end, and every document it names there taken as one citation
 * ("Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"): `raw` runs
 * from the type to the next mention or the clause's end, and a date or an
 * issuer counts only right after the number, never one of a later mention.
 */
export function readCitations(pages: readonly Page[]): Citation[] {
  const text = pages.slice(0, 3).map((p) => p.text).join('\n');
  const end = text.search(/\n\s*I\.\s/u);
  const preamble = (end > 0 ? text.slice(0, end) : text).replace(/\s*\n\s*/gu, ' ');
  const out: Citation[] = [];
  for (const para of preamble.split(/(?=(?:Căn cứ|Thực hiện)\s)/u)) {
    if (!OPENER.test(para)) continue;
    for (const clause of firstSentence(para).split(';')) out.push(...mentionsIn(clause));
  }
  return out;
}

/** Up to the sentence's end: ". " before a capital, or a ":" that introduces what follows ("… như sau: 1. …"). */
function firstSentence(para: string): string {
  const stop = para.search(/\.(?=\s+\p{Lu})|:(?=\s|$)|\.\s*$/u);
  return stop >= 0 ? para.slice(0, stop) : para;
}

/** Every document a clause names, each with what follows it up to the next one. */
function mentionsIn(clause: string): Citation[] {
  const found = [...clause.matchAll(MENTION)];
  return found.map((m, i) => {
    const from = m.index;
    const to = found[i + 1]?.index ?? clause.length;
    const raw = clause.slice(from, to).trim().replace(/[\s,;.]+(?:và|và các)?$/u, '').replace(/[,;.\s]+$/u, '');
    // a code broken after its dash by a line or a space ("223/STP- BTTP") is one number
    const number = (m[3] ?? m[4]!).replace(/-\s+/u, '-').replace(/[,.]$/u, '');
    let rest = clause.slice(from + m[0].length, to);
    const d = DATE_AFTER.exec(rest);
    const date = d ? `${d[3]}-${d[2]!.padStart(2, '0')}-${d[1]!.padStart(2, '0')}` : null;
    if (d) rest = rest.slice(d[0].length);
    const issuer = ISSUER_AFTER.exec(rest)?.[1]?.trim() ?? null;
    return { raw, type: (m[1] ?? m[2])!, number, date, issuer };
  });
}
