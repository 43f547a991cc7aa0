/**
 * `npm run bench`: runs the pipeline over the fixtures and prints, per
 * fixture, record scores (../shared/eval/score-records.mjs against
 * groundtruth), metadata, outline and table-cell scores, pages per second and peak
 * memory. Flags: --no-ocr (skip OCR of scans: fast), --only <substring>,
 * --ocr-model best|fast (tesseract.js's model; default the engine's).
 * --ocr-line-height N (pages read with their text lines shrunk to N px, as ingest's option),
 * --page-timeout S (a page's OCR time limit; default the pipeline's 120 s).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { createTesseractEngine, lazyEngine, type OcrModel } from '../../src/ocr/index.js';
import { runDocument } from '../../src/pipeline/index.js';
import { loadShippedModel, NgramModel, seedTrainingFiles, trainModel } from '../../src/restore/index.js';
import { readFixtureManifest } from './fixture-manifest.js';
import { haveScorer, recordF1 } from './record-scores.js';
import { metadataScore, outlineScore } from './structure-scores.js';
import { characterErrorRate } from './ocr-scores.js';
import { addCalibrations, calibrate, REVIEW_THRESHOLD, type Calibration } from './confidence-calibration.js';
import { havePdftotext, pdftotextSeconds } from './pdftotext-baseline.js';
import { cellAccuracy, type TruthTable } from './table-scores.js';
import type { Document } from '../../schemas/index.js';

const ROOT = new URL('../../', import.meta.url);
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const ocr = !args.includes('--no-ocr');
const ocrModel = args.includes('--ocr-model') ? (args[args.indexOf('--ocr-model') + 1] as OcrModel) : undefined;
// pages read with their text lines shrunk to this height (ingest's --ocr-line-height)
const ocrLineHeight = args.includes('--ocr-line-height') ? Number(args[args.indexOf('--ocr-line-height') + 1]) : null;
// on a loaded shared machine a page may take minutes: a page left unread is no measure of the reading
const pageTimeMs = args.includes('--page-timeout') ? Number(args[args.indexOf('--page-timeout') + 1]) * 1000 : undefined;
const outDir = fileURLToPath(new URL('bench-out/', ROOT));
const path = (rel: string): string => fileURLToPath(new URL(rel, ROOT));
const gt = (name: string, part: string): string => path(`fixtures/groundtruth/${name}.${part}.json`);
/** KH 44's gold stays in ../shared (held back from the repo on purpose). */
const sharedGold = (file: string): string => path(`../shared/gold/${file}`);
const readJson = (f: string): unknown => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
const fmt = (v: number | null): string => (v === null ? '   -  ' : v.toFixed(4));

await mkdir(outDir, { recursive: true });
const engine = ocr ? lazyEngine(() => createTesseractEngine({ model: ocrModel })) : null;
// the shipped restoration model is trained on the seed plans too, and every fixture is a copy of one of
// them: each fixture is restored by the shipped model less its own seed's counts, as a plan it never saw
const seedOf = new Map(readFixtureManifest(ROOT).filter((f) => f.variant === 'text').map((f) => [f.name, path(f.file)]));
const models = new Map<string, Promise<NgramModel>>();
const restoreModelFor = (name: string) => (): Promise<NgramModel> => {
  const own = seedOf.get(name);
  if (!models.has(name)) {
    const shipped = loadShippedModel();
    if (!shipped) throw new Error('models/syllable-lm.bin is missing: run npm run model:build');
    // only a seed the model was trained on is taken away (KH 44's OCR text never was)
    const trainedOn = own && seedTrainingFiles().some((f) => resolve(f) === resolve(own));
    const model = trainedOn ? shipped.model.merge(trainModel([readFileSync(own, 'utf8')], new NgramModel(shipped.model.shape)), -1).finish() : shipped.model;
    models.set(name, Promise.resolve(model));
  }
  return models.get(name)!;
};
const rows: string[] = [];
/** The digital fixture of each plan: the source text that OCR'd variants are scored against. */
const digital = new Map<string, Document>();
/** Which digital page a loose page image shows ("kh-bql-2026.p2-3.tif" → 2). */
const firstPageOf = (file: string): number => Number(/\.p(\d+)/.exec(file)?.[1] ?? 1);
let totalPages = 0;
/** How well confidences flag the wrong records, per fixture and kind. */
const calibrations: Calibration[] = [];
let totalMs = 0;
for (const fx of readFixtureManifest(ROOT)) {
  if (only && !fx.file.includes(only)) continue;
  if (!existsSync(path(fx.file))) {
    rows.push(`${fx.file.padEnd(48)} missing (run npm run fixtures)`);
    continue;
  }
  const t0 = performance.now();
  const doc = await runDocument(path(fx.file), { ocr: engine, restoreModel: restoreModelFor(fx.name), ocrLineHeight, pageTimeMs });
  const ms = performance.now() - t0;
  totalPages += doc.source.pages;
  if (fx.variant === 'digital') digital.set(fx.name, doc);
  const source = digital.get(fx.name);
  const ocred = fx.variant === 'scan' || fx.variant === 'kh44-style' || fx.variant === 'image';
  const cer = ocred && source && ocr ? characterErrorRate(doc, source, (n) => n + firstPageOf(fx.file) - 1) : null;
  totalMs += ms;
  const docFile = `${outDir}${fx.file.replace(/[/.]/g, '_')}.json`;
  await writeFile(docFile, JSON.stringify(doc));
  // a loose page image shows part of a plan: its record and structure scores would mean nothing
  const whole = fx.variant !== 'image' && fx.variant !== 'kh44-style-part';
  // a plan's indicator appendix alone: its indicators are scored, nothing else it lacks
  const indicatorsOnly = fx.variant === 'kh44-style-part';
  const indGold = fx.name === 'kh44' ? sharedGold('kh44.indicators.gold.json') : gt(fx.name, 'indicators');
  const meta = readJson(gt(fx.name, 'metadata')) as Record<string, unknown> | null;
  const outline = readJson(gt(fx.name, 'outline')) as { number: string; title: string; level: number }[] | null;
  const tables = readJson(gt(fx.name, 'tables')) as TruthTable[] | null;
  if (whole || indicatorsOnly)
    for (const [kind, gold] of [['indicators', indGold] as const, ...(indicatorsOnly ? [] : [['assignments', gt(fx.name, 'assignments')] as const])]) {
      const c = calibrate(kind, gold, docFile);
      if (c) calibrations.push(c);
    }
  rows.push(
    [
      fx.file.padEnd(48),
      fx.variant.padEnd(10),
      String(doc.source.pages).padStart(3),
      fmt(whole || indicatorsOnly ? recordF1('indicators', indGold, docFile) : null),
      fmt(whole ? recordF1('assignments', gt(fx.name, 'assignments'), docFile) : null),
      fmt(whole && meta ? metadataScore(doc, meta) : null),
      fmt(whole && outline ? outlineScore(doc, outline) : null),
      fmt(whole && tables ? cellAccuracy(doc, tables, fx.variant === 'text' || fx.variant === 'text-export') : null),
      cer === null ? '   -  ' : (cer * 100).toFixed(2).padStart(5) + '%',
      (doc.source.pages / (ms / 1000)).toFixed(2).padStart(8),
    ].join('  '),
  );
}
await engine?.close();

// the text layer side by side with pdftotext -layout (poppler) on the same digital PDFs, same run
const baseline: string[] = [];
if (havePdftotext()) {
  for (const fx of readFixtureManifest(ROOT).filter((f) => f.variant === 'digital' && (!only || f.file.includes(only)))) {
    const t0 = performance.now();
    const doc = await runDocument(path(fx.file), { ocr: null });
    const ours = (performance.now() - t0) / 1000;
    const theirs = pdftotextSeconds(path(fx.file));
    baseline.push(`${fx.file.padEnd(48)}  ours ${(doc.source.pages / ours).toFixed(1).padStart(6)} pages/s  pdftotext -layout ${(doc.source.pages / theirs).toFixed(1).padStart(6)} pages/s  ratio ${(theirs / ours).toFixed(2)}×`);
  }
}
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}; OCR ${ocr ? 'on' : 'off'}${haveScorer() ? '' : '; ../shared/eval missing: record scores skipped'}`);
console.log(`${'fixture'.padEnd(48)}  ${'variant'.padEnd(10)}  pgs  ind F1  asg F1  meta    outline cells   CER     pages/s`);
for (const r of rows) console.log(r);
if (baseline.length) console.log(`\nthroughput beside pdftotext -layout (full pipeline vs text dump):\n${baseline.join('\n')}`);
if (calibrations.length) {
  const c = addCalibrations(calibrations);
  const share = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)} %` : '-');
  console.log(
    `\nconfidence calibration (records scored against groundtruth): ${c.wrongFieldsFlagged} of ${c.wrongFields} wrong fields (${share(c.wrongFieldsFlagged, c.wrongFields)}) are in records below ${REVIEW_THRESHOLD}; ` +
      `${c.flagged} of ${c.records} records (${share(c.flagged, c.records)}) are below ${REVIEW_THRESHOLD}; ${c.spurious} records without a groundtruth counterpart`,
  );
}
console.log(`total: ${totalPages} pages in ${(totalMs / 1000).toFixed(1)} s (${(totalPages / (totalMs / 1000)).toFixed(2)} pages/s); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
