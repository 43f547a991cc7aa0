import type { Agency } from '../../schemas/index.js';

/** Words that open the name of a body: after a comma or full stop, they start the next agency of a list. */
const HEAD = '(?:Sở|Phòng|Văn phòng|Trung tâm|Ban|Công an|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Bộ|Chi cục|Cục|Thanh tra|Kho bạc|Bảo hiểm|Thành ủy|Thành uỷ|Đảng ủy|Đảng uỷ|Thành đoàn|Liên đoàn|Hội|Viện|Trường|Bệnh viện|Báo|Đài)';
// "Số Kế hoạch": "Sở" as an OCR read it, still a head before a capitalised name
const LIST_BREAK = new RegExp(`[,.]\\s+(?=(?:${HEAD}|[Cc]ác|[Nn]hững)\\s|Số\\s\\p{Lu})`, 'u');

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
    .flatMap((part) => part.split(LIST_BREAK))
    .map((s) => s.replace(/\s+/gu, ' ').trim())
    .filter(Boolean)
    .map((raw) => ({ raw, name: raw.replace(/[.;,]+$/u, ''), kind: agencyKind(raw), score: null }));
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

function agencyKind(raw: string): Agency['kind'] {
  if (/^(các|những)\s/iu.test(raw)) return 'group';
  if (/^đồng chí/iu.test(raw)) return 'person';
  if (/^sở\s/iu.test(raw)) return 'department';
  if (/(ủy|uỷ) ban nhân dân (xã|phường)/iu.test(raw)) return 'commune';
  if (/thành ủy|tỉnh ủy|đảng ủy|ban (tuyên giáo|tổ chức|nội chính|dân vận)/iu.test(raw)) return 'party';
  if (/^(phòng|văn phòng|trung tâm|đoàn)\s/iu.test(raw)) return 'unit';
  return 'unknown';
}
