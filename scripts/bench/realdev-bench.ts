/**
 * Real documents nobody here wrote (`npm run bench`, or alone: `npx tsx
 * scripts/bench/realdev-bench.ts [--no-ocr] [--only 01-pdf,33-txt]`): every document with dev
 * groundtruth in fixtures/realdev/groundtruth (read by hand from
 * ../shared/realdev) goes through the pipeline as a user's file would, and is
 * scored: metadata fields exact, assignments field F1 (score-records.mjs),
 * recipients and table kinds; the hand-transcribed scan pages
 * (fixtures/realdev/ocr-gold) are scored by syllable accuracy
 * (score-restore.mjs, the page as one line: OCR and transcription break
 * lines differently) and by the share of syllables found in any order (a
 * letterhead's two columns may be read in either order), beside native
 * tesseract when it is installed; so is the simulated phone photo of a
 * transcribed page (fixtures/photo), apart from the real pages' figure.
 * `--only` scores the listed documents alone (a new held-out round, or the
 * slow scans once), and then skips the scan pages not among them.
 * Needs ../shared/realdev (not in the repo); says so and stops without it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../../schemas/index.js';
import { createNativeTesseractEngine, createTesseractEngine, haveNativeTesseract, lazyEngine, type OcrEngine } from '../../src/ocr/index.js';
import { runDocument } from '../../src/pipeline/index.js';
import { loadShippedModel } from '../../src/restore/index.js';
import { recordPRF } from './record-scores.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = join(ROOT, '../shared');
const REALDEV = join(SHARED, 'realdev');
const GT = join(ROOT, 'fixtures/realdev/groundtruth');
const OCR_GOLD = join(ROOT, 'fixtures/realdev/ocr-gold');
const useOcr = !process.argv.includes('--no-ocr');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean)) : null;
const dir = mkdtempSync(join(tmpdir(), 'realdev-bench-'));

if (!existsSync(REALDEV)) {
  console.log('../shared/realdev not found: real documents not measured');
  process.exit(0);
}

/** "14-pdf" → ../shared/realdev/pdfs/14_….pdf; "46-txt" → ../shared/realdev/texts/46_….txt. */
function sourceOf(id: string): string | null {
  const [nn, kind] = id.split('-');
  const folder = join(REALDEV, kind === 'pdf' ? 'pdfs' : 'texts');
  const name = readdirSync(folder).find((f) => f.startsWith(`${nn}_`) && f.endsWith(kind === 'pdf' ? '.pdf' : '.txt'));
  return name ? join(folder, name) : null;
}

const readJson = <T>(f: string): T | null => (existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as T) : null);
/** Compared as the scorers compare: NFC, spaces collapsed, case and tone placement ignored. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const norm = (v: unknown): string =>
  String(v ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/\p{L}+/gu, (w) => {
      const d = w.normalize('NFD');
      return d.replace(TONES, '').normalize('NFC') + (d.match(TONES)?.[0] ?? '');
    });

const syllables = (line: string): string[] => line.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of the transcription's syllables the output has, in any order (each counted as often as it occurs): reading order aside. */
function bagRecall(gold: string, got: string): number {
  const have = new Map<string, number>();
  for (const w of syllables(got)) have.set(w, (have.get(w) ?? 0) + 1);
  const want = syllables(gold);
  let hit = 0;
  for (const w of want) {
    const n = have.get(w) ?? 0;
    if (n > 0) (hit += 1), have.set(w, n - 1);
  }
  return want.length ? hit / want.length : 1;
}

const META_FIELDS = ['type', 'number', 'issuer', 'place', 'date', 'title', 'subject', 'signer.title', 'signer.name'] as const;
const field = (o: Record<string, unknown> | null | undefined, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : null), o);

function listF1(gold: readonly string[], got: readonly string[]): number {
  if (!gold.length && !got.length) return 1;
  const left = got.map(norm);
  let hit = 0;
  for (const g of gold.map(norm)) {
    const i = left.indexOf(g);
    if (i >= 0) (hit += 1), left.splice(i, 1);
  }
  return (2 * hit) / (gold.length + got.length);
}

const engine = useOcr ? lazyEngine(() => createTesseractEngine()) : null;
const model = loadShippedModel()?.model ?? null;
const ids = [...new Set(readdirSync(GT).filter((f) => f.endsWith('.metadata.json')).map((f) => f.replace('.metadata.json', '')))].filter((id) => !only || only.has(id)).sort();
const metaHits = Object.fromEntries(META_FIELDS.map((f) => [f, 0])) as Record<(typeof META_FIELDS)[number], number>;
const docs = new Map<string, Document>();
const rows: string[] = [];
const f1s: { id: string; scan: boolean; f1: number }[] = [];
let spurious = 0;
console.log(`real documents with dev groundtruth: ${ids.length}; OCR ${useOcr ? 'on' : 'off'}; document JSON in ${dir}`);
console.log('document   kind  metadata  missed fields                        asg F1   asg (gold/out)  recipients  tables  asg P / R');
for (const id of ids) {
  const file = sourceOf(id);
  if (!file) continue;
  const scan = /_scan\.pdf$/u.test(file);
  if (scan && !useOcr) continue;
  const doc = await runDocument(file, { ocr: engine, restoreModel: model ? () => Promise.resolve(model) : null });
  docs.set(id, doc);
  const out = join(dir, `${id}.json`);
  writeFileSync(out, JSON.stringify(doc));
  const gold = readJson<Record<string, unknown>>(join(GT, `${id}.metadata.json`))!;
  const got = { ...doc.metadata } as unknown as Record<string, unknown>;
  const missed = META_FIELDS.filter((f) => norm(field(got, f)) !== norm(field(gold, f)));
  for (const f of META_FIELDS) if (!missed.includes(f)) metaHits[f] += 1;
  const goldAsg = readJson<unknown[]>(join(GT, `${id}.assignments.json`)) ?? [];
  const asgFile = join(GT, `${id}.assignments.json`);
  const prf = goldAsg.length ? recordPRF('assignments', asgFile, out) : null;
  const f1 = prf?.f1 ?? null;
  if (f1 !== null) f1s.push({ id, scan, f1 });
  else spurious += doc.assignments.length;
  const goldTables = readJson<{ kind: string }[]>(join(GT, `${id}.tables.json`)) ?? [];
  const kinds = listF1(goldTables.map((t) => t.kind), doc.tables.map((t) => t.kind));
  const recipients = listF1((gold.recipients as string[]) ?? [], doc.metadata.recipients ?? []);
  rows.push(`${id.padEnd(10)} ${scan ? 'scan' : file.endsWith('.txt') ? 'word' : 'text'}  ${((META_FIELDS.length - missed.length) / META_FIELDS.length).toFixed(3).padStart(8)}  ${missed.join(', ').padEnd(36)} ${f1 === null ? '   -  ' : f1.toFixed(3).padStart(6)}   ${String(goldAsg.length).padStart(3)}/${String(doc.assignments.length).padEnd(10)}  ${recipients.toFixed(3).padStart(9)}  ${kinds.toFixed(3)}  ${prf ? `${prf.precision.toFixed(3)} / ${prf.recall.toFixed(3)}` : '-'}`);
}
console.log(rows.join('\n'));
const n = rows.length;
console.log(`metadata fields exact (${n} documents): ${META_FIELDS.map((f) => `${f} ${(metaHits[f] / n).toFixed(2)}`).join(', ')}; all ${(Object.values(metaHits).reduce((a, b) => a + b, 0) / (n * META_FIELDS.length)).toFixed(3)}`);
const mean = (xs: number[]): string => (xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3) : '-');
console.log(`assignments field F1, mean over documents with assignments: text PDFs and Word texts ${mean(f1s.filter((x) => !x.scan).map((x) => x.f1))}, scans ${mean(f1s.filter((x) => x.scan).map((x) => x.f1))}; assignments read from documents that give none: ${spurious}`);

if (useOcr && existsSync(join(SHARED, 'eval/score-restore.mjs'))) {
  const pages = readdirSync(OCR_GOLD).filter((f) => /^\d\d-pdf\.p\d+\.txt$/u.test(f) && (!only || only.has(f.slice(0, 6)))).sort();
  const oneLine = (t: string): string => t.replace(/\s+/gu, ' ').trim() + '\n';
  const score = (gold: string, got: string): { acc: number; n: number; bag: number } => {
    writeFileSync(join(dir, 'g.txt'), oneLine(gold));
    writeFileSync(join(dir, 'o.txt'), oneLine(got));
    const res = execFileSync(process.execPath, [join(SHARED, 'eval/score-restore.mjs'), join(dir, 'g.txt'), join(dir, 'o.txt')], { encoding: 'utf8' });
    return { acc: Number(/syllable_accuracy=([\d.]+)/u.exec(res)?.[1] ?? 0), n: Number(/(\d+) gold syllables/u.exec(res)?.[1] ?? 0), bag: bagRecall(gold, got) };
  };
  const native: OcrEngine | null = haveNativeTesseract() ? createNativeTesseractEngine({ workers: 2 }) : null;
  const nativeDocs = new Map<string, Document>();
  let [ours, theirs, total, oursBag, theirsBag] = [0, 0, 0, 0, 0];
  console.log('hand-transcribed scan pages: syllable accuracy (score-restore, the page as one line: a letterhead read row by row costs its motto lines) and, in brackets, syllables found in any order:');
  for (const f of pages) {
    const [, id, page] = /^(\d\d-pdf)\.p(\d+)\.txt$/u.exec(f)!;
    const file = sourceOf(id!)!;
    const doc = docs.get(id!) ?? (await runDocument(file, { ocr: engine, restoreModel: model ? () => Promise.resolve(model) : null }));
    docs.set(id!, doc);
    const gold = readFileSync(join(OCR_GOLD, f), 'utf8');
    const s = score(gold, doc.pages[Number(page) - 1]?.text ?? '');
    let nat = '';
    if (native) {
      if (!nativeDocs.has(id!)) nativeDocs.set(id!, await runDocument(file, { ocr: native, restoreModel: null }));
      const t = score(gold, nativeDocs.get(id!)!.pages[Number(page) - 1]?.text ?? '');
      theirs += t.acc * t.n;
      theirsBag += t.bag * t.n;
      nat = `, native tesseract ${t.acc.toFixed(4)} (${t.bag.toFixed(4)})`;
    }
    ours += s.acc * s.n;
    oursBag += s.bag * s.n;
    total += s.n;
    console.log(`  ${f.padEnd(16)} ${String(s.n).padStart(5)} syllables: ours ${s.acc.toFixed(4)} (${s.bag.toFixed(4)})${nat}`);
  }
  if (total > 0) console.log(`scan pages overall: ours ${(ours / total).toFixed(4)} (${(oursBag / total).toFixed(4)})${native ? `, native tesseract ${(theirs / total).toFixed(4)} (${(theirsBag / total).toFixed(4)})` : ' (native tesseract not installed: apt-get install tesseract-ocr tesseract-ocr-vie)'}`);
  // simulated phone photos of transcribed pages (scripts/fixtures/make-page-photo.ts): apart from the overall figure, which is real scans only
  const photos = JSON.parse(readFileSync(join(ROOT, 'fixtures/photo/manifest.json'), 'utf8')) as { files: Record<string, { page: number; gold: string }> };
  for (const [name, photo] of Object.entries(photos.files)) {
    const file = join(ROOT, 'fixtures/photo', name);
    const gold = readFileSync(join(ROOT, photo.gold), 'utf8');
    const s = score(gold, (await runDocument(file, { ocr: engine, restoreModel: model ? () => Promise.resolve(model) : null })).pages[photo.page - 1]?.text ?? '');
    const t = native ? score(gold, (await runDocument(file, { ocr: native, restoreModel: null })).pages[photo.page - 1]?.text ?? '') : null;
    console.log(`  photo ${name} p${photo.page} (${photo.gold}): ours ${s.acc.toFixed(4)} (${s.bag.toFixed(4)})${t ? `, native tesseract ${t.acc.toFixed(4)} (${t.bag.toFixed(4)})` : ''}`);
  }
  await native?.close();
}
await engine?.close();
