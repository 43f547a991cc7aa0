/**
 * Restoration benchmark (part of `npm run bench`, or alone: `npx tsx
 * scripts/bench/restore-bench.ts`), scored with ../shared/eval/score-restore.mjs:
 *   - leave one document out over the realdev Word texts and the seed plans:
 *     the shipped model less that document's counts, the document stripped
 *     of its diacritics, restored; weighted by syllables, worst document;
 *   - identity: the correct texts come back unchanged;
 *   - KH 44 (seed 001, English-model OCR) against its gold lines;
 *   - the shipped model: size, load time, peak memory, syllables per second.
 * Without ../shared only the seeds and the model's own figures are measured.
 * `--model FILE` measures another model file (a variant built by
 * `npx tsx scripts/model/build-model.ts --out FILE ...`) instead of the shipped one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripDiacritics } from '../../src/core/index.js';
import { decodeModel, NgramModel, restoreText, seedTrainingFiles, shippedModelPath, trainModel, type RestoredLine } from '../../src/restore/index.js';
import { tokenize } from '../../src/restore/tokenize.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = join(ROOT, '../shared');
const SCORER = join(SHARED, 'eval/score-restore.mjs');
const dir = mkdtempSync(join(tmpdir(), 'restore-bench-'));
const read = (f: string): string => readFileSync(f, 'utf8').normalize('NFC');

/** score-restore's figures for one output: syllable accuracy and the gold syllables it counted. */
function score(gold: string, out: string, extra: string[] = []): { accuracy: number; syllables: number; line: string } {
  const g = join(dir, 'gold.txt');
  const o = join(dir, 'out.txt');
  writeFileSync(g, gold);
  writeFileSync(o, out);
  const res = execFileSync(process.execPath, [SCORER, g, o, ...extra], { encoding: 'utf8' }).trim().split('\n');
  const line = res.at(-1) ?? '';
  return { accuracy: Number(/syllable_accuracy=([\d.]+)/u.exec(line)?.[1] ?? 0), syllables: Number(/(\d+) gold syllables/u.exec(res.at(-2) ?? '')?.[1] ?? 0), line };
}

/** (confidence, right?) of every restored word whose line kept its word count: how well the confidence points at errors. */
const confidence: [number, boolean][] = [];
function confidencePairs(gold: string, lines: readonly RestoredLine[], into = confidence, upTo = Infinity): void {
  gold.split('\n').slice(0, upTo).forEach((g, i) => {
    const words = tokenize(g).filter((p) => p.kind === 'word').map((p) => p.text.toLowerCase());
    const tokens = lines[i]?.tokens ?? [];
    if (words.length === tokens.length) tokens.forEach((t, k) => into.push([t.confidence, t.restored.toLowerCase() === words[k]]));
  });
}
function reportConfidence(pairs = confidence, what = 'word confidence (posterior over the decoder\'s lattice)'): void {
  const wrong = pairs.filter(([, ok]) => !ok);
  const below = (th: number): string => `below ${th}: ${pairs.filter(([c]) => c < th).length} words flagged, ${wrong.filter(([c]) => c < th).length} of ${wrong.length} wrong ones among them`;
  console.log(`${what}: ${[0.5, 0.6, 0.8, 0.95].map(below).join('; ')}`);
  console.log(`  calibration: ECE (10 bins) ${ece(pairs).toFixed(4)}, Brier ${brier(pairs).toFixed(5)}, AUROC of a wrong word by 1 − confidence ${auroc(pairs).toFixed(4)}`);
}

/** Expected calibration error over 10 equal-width bins: how far each bin's mean confidence is from its share right, weighted by its words. */
function ece(pairs: readonly [number, boolean][]): number {
  let sum = 0;
  for (let b = 0; b < 10; b++) {
    const bin = pairs.filter(([c]) => Math.min(9, Math.floor(c * 10)) === b);
    if (bin.length) sum += Math.abs(bin.reduce((a, [c]) => a + c, 0) - bin.filter(([, ok]) => ok).length) / pairs.length;
  }
  return sum;
}

/** Mean squared distance between confidence and being right (1) or wrong (0). */
function brier(pairs: readonly [number, boolean][]): number {
  return pairs.reduce((a, [c, ok]) => a + (c - (ok ? 1 : 0)) ** 2, 0) / pairs.length;
}

/** The chance a wrong word is less confident than a right one (ties count half): how well confidence ranks the errors. */
function auroc(pairs: readonly [number, boolean][]): number {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const wrong = pairs.filter(([, ok]) => !ok).length;
  let ranks = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]![0] === sorted[i]![0]) j++;
    for (let k = i; k < j; k++) if (!sorted[k]![1]) ranks += (i + j + 1) / 2;
    i = j;
  }
  return 1 - (ranks - (wrong * (wrong + 1)) / 2) / (wrong * (pairs.length - wrong));
}

const modelArg = process.argv.indexOf('--model');
const shippedFile = modelArg >= 0 ? resolve(process.argv[modelArg + 1]!) : shippedModelPath();
if (!shippedFile) throw new Error('models/syllable-lm.bin is missing: run npm run model:build');
const shippedBytes = readFileSync(shippedFile);
const t0 = performance.now();
const shipped = decodeModel(shippedBytes).model;
const loadMs = performance.now() - t0;
console.log(`model ${basename(shippedFile)}: ${JSON.stringify(shipped.shape)}, ${(statSync(shippedFile).size / 1e6).toFixed(2)} MB, ${shipped.tokens} training tokens, loaded in ${loadMs.toFixed(0)} ms`);

if (!existsSync(SCORER)) {
  console.log('../shared/eval/score-restore.mjs not found: accuracy not measured');
  process.exit(0);
}
const realdev = join(SHARED, 'realdev/texts');
const docs = [...(existsSync(realdev) ? readdirSync(realdev).filter((n) => n.endsWith('.txt')).sort().map((n) => join(realdev, n)) : []), ...seedTrainingFiles()];
let right = 0;
let total = 0;
let restoreSecs = 0;
let worst = { name: '', accuracy: 1 };
const unchanged: string[] = [];
console.log('leave one out (the shipped model less the document), diacritics stripped:');
for (const file of docs) {
  const gold = read(file);
  // the shipped model was trained on this document: take its counts away again
  const model = decodeModel(shippedBytes).model.merge(trainModel([readFileSync(file, 'utf8')], new NgramModel(shipped.shape)), -1).finish();
  const t1 = performance.now();
  const { text: restored, lines } = restoreText(stripDiacritics(gold), model);
  restoreSecs += (performance.now() - t1) / 1000;
  confidencePairs(gold, lines);
  const s = score(gold, restored);
  right += s.accuracy * s.syllables;
  total += s.syllables;
  if (s.accuracy < worst.accuracy) worst = { name: basename(file), accuracy: s.accuracy };
  console.log(`  ${basename(file).slice(0, 56).padEnd(56)} ${String(s.syllables).padStart(6)} syllables  ${s.accuracy.toFixed(4)}`);
  if (restoreText(gold, shipped).text !== gold) unchanged.push(basename(file));
}
if (total) {
  reportConfidence();
  console.log(`leave-one-out syllable accuracy (weighted by syllables): ${(right / total).toFixed(4)} over ${docs.length} documents, ${total} syllables; worst ${worst.name} ${worst.accuracy.toFixed(4)}`);
  console.log(`restoration speed: ${(total / restoreSecs).toFixed(0)} syllables/s`);
}
console.log(`identity: ${docs.length - unchanged.length} of ${docs.length} correct texts come back unchanged${unchanged.length ? ` (changed: ${unchanged.join(', ')})` : ''}`);

const kh44 = join(SHARED, 'gold/kh44.body.lines1-240.gold.txt');
if (existsSync(kh44)) {
  const t2 = performance.now();
  const { text: out, lines } = restoreText(read(join(ROOT, 'fixtures/seeds/001_add9b93c7bdbd174.txt')), shipped, 'auto');
  const secs = (performance.now() - t2) / 1000;
  console.log(`KH 44 lines 1-240 (English-model OCR, shipped model): ${score(read(kh44), out, ['--to', '240']).line}; whole file in ${secs.toFixed(2)} s`);
  const pairs: [number, boolean][] = [];
  confidencePairs(read(kh44), lines, pairs, 240);
  reportConfidence(pairs, 'KH 44 lines 1-240, word confidence (scored, never tuned on)');
}
console.log(`peak memory (RSS) of this run (leave-one-out thaws a model per document): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

/**
 * What a user's process costs: a fresh process that loads the shipped model
 * and restores the seed plans' stripped text, as `plan-ingest restore` does.
 * Load time is CPU time (wall time swings with what else the machine runs).
 * Run under tsx; a bare tsx process is measured alongside for its share.
 */
function runtimeFigures(): void {
  const probe = (body: string): Record<string, number> => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', body], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').at(-1)!) as Record<string, number>;
  // VmHWM, not resourceUsage().maxRSS: Linux carries ru_maxrss over from the forking parent
  const report = "const hwm = /VmHWM:\\s+(\\d+)/u.exec((await import('node:fs')).readFileSync('/proc/self/status', 'utf8'))?.[1]; console.log(JSON.stringify({ rss: hwm ? Number(hwm) / 1024 : process.resourceUsage().maxRSS / 1024, ...r }))";
  const bare = probe(`const r = {}; ${report}`);
  const run = probe(`
    import { readFileSync } from 'node:fs';
    import { decodeModel, restoreText, seedTrainingFiles } from './src/restore/index.js';
    import { stripDiacritics } from './src/core/index.js';
    const c0 = process.cpuUsage();
    const { model } = decodeModel(readFileSync(${JSON.stringify(shippedFile)}));
    const loadCpu = process.cpuUsage(c0);
    const text = seedTrainingFiles().map((f) => stripDiacritics(readFileSync(f, 'utf8'))).join('\\n');
    const c1 = process.cpuUsage();
    const syllables = restoreText(text, model).text.split(/\\s+/u).length;
    const u = process.cpuUsage(c1);
    // the same text again in the same process: the code compiled (each call looks its words up afresh)
    const c2 = process.cpuUsage();
    restoreText(text, model);
    const u2 = process.cpuUsage(c2);
    const r = { loadMs: (loadCpu.user + loadCpu.system) / 1000, syllablesPerCpuSecond: syllables / ((u.user + u.system) / 1e6), warmPerCpuSecond: syllables / ((u2.user + u2.system) / 1e6) };
    ${report}`);
  console.log(`a fresh restoring process: model loaded in ${run.loadMs!.toFixed(0)} ms of CPU, ${run.syllablesPerCpuSecond!.toFixed(0)} syllables per CPU second (${run.warmPerCpuSecond!.toFixed(0)} warm: the same text again), peak RSS ${run.rss!.toFixed(0)} MB (of which a bare tsx process: ${bare.rss!.toFixed(0)} MB)`);
}
runtimeFigures();
