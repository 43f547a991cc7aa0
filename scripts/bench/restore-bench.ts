/**
 * Restoration benchmark (part of `npm run bench`, or alone: `npx tsx
 * scripts/bench/restore-bench.ts`): leave one seed out, train on the other
 * correct seeds, strip the held-out seed's diacritics, restore, and score
 * with ../shared/eval/score-restore.mjs (syllable accuracy). Also KH 44
 * against its gold lines, when ../shared is there. Prints syllables/second.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripDiacritics } from '../../src/core/index.js';
import { registryLexicon, restoreText, trainModel } from '../../src/restore/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCORER = join(ROOT, '../shared/eval/score-restore.mjs');
const SEEDS = ['000_5fe923ac2530a014', '002_8e0d8f3781295ac3', '003_4113829f73d97220', '004_366fba49b02306f1'];
const seed = (name: string): string => readFileSync(join(ROOT, `fixtures/seeds/${name}.txt`), 'utf8').normalize('NFC');
const dir = mkdtempSync(join(tmpdir(), 'restore-bench-'));

function score(gold: string, out: string, extra: string[] = []): string {
  if (!existsSync(SCORER)) return 'scorer missing';
  const g = join(dir, 'gold.txt');
  const o = join(dir, 'out.txt');
  writeFileSync(g, gold);
  writeFileSync(o, out);
  const res = execFileSync(process.execPath, [SCORER, g, o, ...extra], { encoding: 'utf8' }).trim().split('\n');
  return res.at(-1) ?? '';
}

for (const held of SEEDS) {
  const t0 = performance.now();
  const model = trainModel([registryLexicon(), ...SEEDS.filter((s) => s !== held).map(seed)]);
  const trainMs = performance.now() - t0;
  const gold = seed(held);
  const stripped = stripDiacritics(gold);
  const t1 = performance.now();
  const restored = restoreText(stripped, model).text;
  const secs = (performance.now() - t1) / 1000;
  const syllables = (stripped.match(/\p{L}+/gu) ?? []).length;
  console.log(`${held} held out (train ${model.tokens} tokens in ${trainMs.toFixed(0)} ms): ${score(gold, restored)}; ${(syllables / secs).toFixed(0)} syllables/s`);
  // never worse than the input: correct text comes back unchanged
  if (restoreText(gold, model).text !== gold) console.log(`  WARNING: ${held} as written was changed by restoration`);
}

const kh44 = join(ROOT, '../shared/gold/kh44.body.lines1-240.gold.txt');
if (existsSync(kh44)) {
  const model = trainModel([registryLexicon(), ...SEEDS.map(seed)]);
  const t0 = performance.now();
  const out = restoreText(seed('001_add9b93c7bdbd174'), model, 'auto').text;
  const secs = (performance.now() - t0) / 1000;
  console.log(`KH 44 lines 1-240 (OCR channel learned from our English-OCR fixture): ${score(readFileSync(kh44, 'utf8'), out, ['--to', '240'])}; whole file in ${secs.toFixed(2)} s`);
}
