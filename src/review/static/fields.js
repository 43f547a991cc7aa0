// How a record's fields are shown as text in the editors, and read back.

/** The table's columns per kind; the other editable fields are in the side panel. */
export const COLUMNS = {
  assignments: ['code', 'task', 'lead', 'cooperating', 'timeline', 'output'],
  indicators: ['code', 'name', 'unit', 'targets', 'agencies', 'lead'],
};
export const DETAILS = {
  assignments: ['section', 'directing', 'notes'],
  indicators: ['section', 'period', 'directing', 'output', 'notes'],
};
/** The field holding the row's main text (what `e` edits). */
export const MAIN = { assignments: 'task', indicators: 'name' };

const agencyText = (list) => (list ?? []).map((a) => a.raw).join('; ');
const AGENCY_FIELDS = new Set(['cooperating', 'agencies']);

/** A field's value as the reviewer reads and edits it. */
export function display(field, value) {
  if (value === null || value === undefined) return '';
  if ((field === 'lead' && Array.isArray(value)) || AGENCY_FIELDS.has(field)) return agencyText(value);
  if (field === 'timeline') return value.raw ?? '';
  if (field === 'targets') return value.map((x) => `${x.year ?? ''}: ${x.raw}`).join(' | ');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}: ${v}`).join(' | ');
  return String(value);
}

/** The reviewer's text as the edit API takes it (`2025: ≥ 80 | 2030: 100` → targets). */
export function parseInput(field, text) {
  if (field === 'targets')
    return text.split('|').map((s) => s.trim()).filter(Boolean).map((s) => {
      const m = /^(\d{4})?\s*:\s*(.*)$/u.exec(s);
      return m ? { year: m[1] ? Number(m[1]) : null, raw: m[2] } : { year: null, raw: s };
    });
  return text;
}

/** Agency names of a record (lead, cooperating, monitoring bodies), canonical. */
export function agencyNames(r) {
  const lists = [r.cooperating, r.agencies, Array.isArray(r.lead) ? r.lead : null].filter(Boolean);
  return lists.flat().map((a) => a.name || a.raw);
}

/** All the text of a record a search looks in (lowercased, without diacritics, so "thu tuc" finds "thủ tục"). */
export function searchText(r, kind) {
  const fields = [...COLUMNS[kind], ...DETAILS[kind]].map((f) => display(f, r[f]));
  return fold([...fields, ...Object.values(r.extra ?? {}), ...agencyNames(r)].join(' \u0001 '));
}
export const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
