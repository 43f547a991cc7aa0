/**
 * How restoration accuracy grows with the training corpus (dev only: reads
 * ../shared/corpus, which is never copied into the project). For each held-out
 * seed: train on the other seeds plus the first N documents of
 * ../shared/corpus/vbpl-legal, strip the held-out seed, restore, score.
 * `npx tsx scripts/bench/restore-corpus-growth.ts`
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripDiacritics } from '../../src/core/index.js';
import { restoreText, trainModel } from '../../src/restore/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPUS = join(ROOT, '../shared/corpus/vbpl-legal');
const SEEDS = ['000_5fe923ac2530a014', '002_8e0d8f3781295ac3', '004_366fba49b02306f1'];
const seed = (name: string): string => readFileSync(join(ROOT, `fixtures/seeds/${name}.txt`), 'utf8').normalize('NFC');
const words = (s: string): string[] => s.toLowerCase().match(/\p{L}+/gu) ?? [];

if (!existsSync(CORPUS)) {
  console.log('../shared/corpus/vbpl-legal not found: nothing to measure');
  process.exit(0);
}
const docs = readdirSync(CORPUS).filter((f) => f.startsWith('doc_')).sort().map((f) => readFileSync(join(CORPUS, f), 'utf8'));
console.log('held out | corpus docs | training tokens | syllable accuracy');
for (const held of SEEDS) {
  const gold = seed(held);
  const goldWords = words(gold);
  for (const n of [0, 50, 200, docs.length]) {
    const model = trainModel([...SEEDS.filter((s) => s !== held).map(seed), seed('003_4113829f73d97220'), ...docs.slice(0, n)]);
    const got = words(restoreText(stripDiacritics(gold), model).text);
    const right = goldWords.filter((w, i) => w === got[i]).length;
    console.log(`${held.slice(0, 3)} | ${n} | ${model.tokens} | ${(right / goldWords.length).toFixed(4)}`);
  }
}
