import type { Agency } from '../../schemas/index.js';
import { agencyHeadAlternation, agencyKindOf, groupAfterAnd, groupOpenerAlternation, listPartBreak, misreadListHeadAlternation, namesGroup } from '../lexicon/index.js';

/**
 * Where the next agency of a list starts: a comma or full stop before an
 * agency head or a group opener of the lexicon, or before a misread head
 * an OCR left ("Số Kế hoạch": "Sở" read "Số", still a head before a capitalised name).
 */
let listBreak: RegExp | null = null;
const LIST_BREAK = (): RegExp =>
  (listBreak ??= new RegExp(`[,.]\\s+(?=(?:${agencyHeadAlternation()}|${groupOpenerAlternation()})\\s|(?:${misreadListHeadAlternation()})\\s\\p{Lu})`, 'u'));

/**
 * Splits an agency cell into agencies at ";", line breaks, and a comma or
 * full stop followed by a body name or a group ("Sở Y tế, Sở Giáo dục và
 * Đào tạo, Sở Xây dựng." is three). Other commas split nothing: "các sở,
 * ban, ngành" is one group. Names are made canonical by the agency registry
 * afterwards (extractRecords).
 */
export function splitAgencies(cell: string): Agency[] {
  return cell
    .split(/;|\n/u)
    .flatMap((part) => part.split(LIST_BREAK()))
    .map((s) => s.replace(/\s+/gu, ' ').trim())
    .filter(Boolean)
    .map((raw) => ({ raw, name: raw.replace(/[.;,]+$/u, ''), kind: agencyKindOf(raw), score: null }));
}

/**
 * A lead cell that also names cooperating units: "Văn phòng chủ trì, phối
 * hợp Đoàn thanh niên cơ quan và các phòng, đơn vị" → lead "Văn phòng",
 * cooperating "Đoàn thanh niên cơ quan", "các phòng, đơn vị". "và" splits
 * only before a group ("và các …"): "Sở Khoa học và Công nghệ" is one agency.
 */
export function splitLeadCell(cell: string): { lead: Agency[]; cooperating: Agency[] } {
  const m = /^(.+?)\s+chủ trì,?\s+phối hợp(?:\s+với)?\s+(.+)$/su.exec(cell.trim());
  if (!m?.[1] || !m[2]) return { lead: splitAgencies(cell), cooperating: [] };
  return { lead: splitAgencies(m[1]), cooperating: splitAgencies(m[2].replace(/\s+và\s+(?=(?:các|những)\s)/gu, '; ')) };
}


/**
 * The agencies and office holders a sentence names: parted at a comma or
 * "và" before each title, body or group, then as agency lists are; a named
 * body's part also at "và" before a bare group ("Ban Quản lý dự án …, Trung
 * tâm … và địa phương" is three), while a group keeps its own nouns ("các
 * sở, ban, ngành và địa phương" is one).
 */
export function splitNamedList(text: string): Agency[] {
  return text
    .split(listPartBreak())
    .flatMap((part) => (namesGroup(part) ? [part] : part.split(groupAfterAnd())))
    .flatMap((part) => splitAgencies(part));
}
