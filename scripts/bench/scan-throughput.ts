/**
 * Scanned PDFs end to end against native tesseract (issue 17: pages per
 * minute ≥ 1.0× native, at better accuracy), same pages, same machine, one
 * run. `npm run bench` runs it after the build; alone:
 * `npm run build && npx tsx scripts/bench/scan-throughput.ts [options]`.
 *
 * For each scanned PDF (fixtures/scan/*.pdf, and the real scans
 * ../shared/realdev/pdfs/*_scan.pdf when ../shared is there) whose every
 * page ingest OCRs (a page whose text layer it keeps is not OCR work):
 *   - `plan-ingest ingest` as a user runs it: the built CLI, a fresh process
 *     per file (start, model load, render, orientation, deskew, cell
 *     re-reads, restoration, layout, records, the JSON written), once per
 *     variant (`--variants best,fast,fast@200,native`: tesseract.js's
 *     model, or `native` for `--ocr-engine native`; `@dpi` the render
 *     resolution cap, `--ocr-dpi`; `~px` the text line height pages are
 *     read at, `--ocr-line-height`: `fast~19`);
 *   - native tesseract (Debian tesseract-ocr + tesseract-ocr-vie, whose
 *     `vie` is tessdata_fast) as a batch would run it: every page rendered
 *     with pdftoppm at the resolution ingest renders it at (render time
 *     included), two single-threaded processes (OMP_THREAD_LIMIT=1).
 * Reports wall time, CPU time (the children's, from /proc/self/stat: robust
 * to other jobs on a shared machine, which wall time is not), pages per
 * minute and the ratio to native; and accuracy where a reference exists:
 * the fixture scans against their digital originals (every page), the real
 * scans against the hand transcriptions (fixtures/realdev/ocr-gold).
 * Accuracy: syllable accuracy (1 − edit distance over lower-cased
 * syllables / reference syllables, the page as one sequence) and, in
 * brackets, the share of reference syllables found in any order (reading
 * order aside: a letterhead's two columns, a table read by columns).
 *
 * Options: `--variants LIST` (default best,fast; `before:best` runs the
 * build named by `--before PATH`, another checkout's bin/plan-ingest.js,
 * so a change is measured before and after in one run), `--only SUBSTR,…`
 * (files whose name contains one), `--pages N` (the first N pages of each
 * file), `--no-realdev`, `--no-native`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../../schemas/index.js';
import { readDocument, runDocument } from '../../src/pipeline/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REALDEV_PDFS = join(ROOT, '../shared/realdev/pdfs');
const OCR_GOLD = join(ROOT, 'fixtures/realdev/ocr-gold');
const CLI = join(ROOT, 'bin/plan-ingest.js');

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
// "before:best" runs the build at --before (another checkout's bin/plan-ingest.js, built): before and after in one run
const beforeCli = arg('--before');
const variants = (arg('--variants') ?? 'best,fast').split(',').map((v) => {
  const before = v.startsWith('before:');
  const [head, lineHeight] = v.replace(/^before:/u, '').split('~');
  const [model, dpi] = head!.split('@');
  if (before && !beforeCli) throw new Error(`${v}: --before <path of another build's bin/plan-ingest.js> is needed`);
  return { label: v, model: model!, dpi: dpi ? Number(dpi) : 300, cli: before ? beforeCli! : CLI, lineHeight: lineHeight ? Number(lineHeight) : null };
});
const only = arg('--only')?.split(',');
const pageLimit = arg('--pages') ? Number(arg('--pages')) : null;
const useNative = !process.argv.includes('--no-native');

if (!existsSync(join(ROOT, 'dist'))) throw new Error('dist/ is missing: run npm run build first');
const work = mkdtempSync(join(tmpdir(), 'scan-throughput-'));

// ---- the files and their references ----

interface ScanFile {
  /** The PDF measured (a first-N-pages copy with --pages). */
  path: string;
  name: string;
  pages: number;
  /** Reference text per page number, where one exists. */
  reference: Map<number, string>;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'fixtures/scan/manifest.json'), 'utf8')) as { files: Record<string, { source?: string; kind?: string }> };
const candidates = [
  ...readdirSync(join(ROOT, 'fixtures/scan'))
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(ROOT, 'fixtures/scan', f)),
  ...(existsSync(REALDEV_PDFS) && !process.argv.includes('--no-realdev')
    ? readdirSync(REALDEV_PDFS)
        .filter((f) => f.endsWith('_scan.pdf'))
        .sort()
        .map((f) => join(REALDEV_PDFS, f))
    : []),
].filter((f) => !only || only.some((o) => basename(f).includes(o)));

const pageCount = (pdf: string): number => Number(/Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);

/** The digital original's page texts, as the pipeline reads its text layer. */
async function digitalPages(source: string): Promise<Map<number, string>> {
  const doc = await runDocument(join(ROOT, source), { ocr: null, restoreModel: null });
  return new Map(doc.pages.map((p) => [p.number, p.text]));
}

/** The hand transcriptions of a real scan's pages: "05-pdf.p1.txt" for 05_….pdf page 1. */
function goldPages(pdf: string): Map<number, string> {
  const nn = basename(pdf).slice(0, 2);
  const out = new Map<number, string>();
  if (!existsSync(OCR_GOLD)) return out;
  for (const f of readdirSync(OCR_GOLD)) {
    const m = /^(\d\d)-pdf\.p(\d+)\.txt$/u.exec(f);
    if (m && m[1] === nn) out.set(Number(m[2]), readFileSync(join(OCR_GOLD, f), 'utf8'));
  }
  return out;
}

const files: ScanFile[] = [];
for (const pdf of candidates) {
  const name = basename(pdf);
  const all = pageCount(pdf);
  const pages = pageLimit ? Math.min(pageLimit, all) : all;
  let path = pdf;
  if (pages < all) {
    // the first N pages as a PDF of their own (poppler's pdfseparate + pdfunite): the images are copied, not re-encoded
    const dir = join(work, `pages-${files.length}`);
    mkdirSync(dir);
    execFileSync('pdfseparate', ['-f', '1', '-l', String(pages), pdf, join(dir, 'p-%d.pdf')]);
    path = join(dir, name);
    execFileSync('pdfunite', [...Array.from({ length: pages }, (_, i) => join(dir, `p-${i + 1}.pdf`)), path]);
  }
  // ingest has no switch that forces OCR over a text layer it trusts: a file with such pages would be compared on other work
  const { pages: read } = await readDocument(path);
  if (read.needsOcr.length < pages) {
    console.log(`${name}: ${pages - read.needsOcr.length} of ${pages} pages keep their text layer (not OCR'd by ingest): left out`);
    continue;
  }
  const source = manifest.files[name]?.source;
  const reference = pdf.startsWith(REALDEV_PDFS) ? goldPages(pdf) : source?.startsWith('fixtures/') ? await digitalPages(source) : new Map<number, string>();
  for (const n of [...reference.keys()]) if (n > pages) reference.delete(n);
  files.push({ path, name, pages, reference });
}

// ---- scoring ----

const syllables = (text: string): string[] => text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Edit distance over two syllable sequences (two rows of the table at a time). */
function tokenDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** Reference syllables found in the output in any order, each as often as it occurs. */
function bagHits(ref: readonly string[], got: readonly string[]): number {
  const have = new Map<string, number>();
  for (const w of got) have.set(w, (have.get(w) ?? 0) + 1);
  let hits = 0;
  for (const w of ref) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      hits++;
      have.set(w, n - 1);
    }
  }
  return hits;
}

interface Score {
  syllables: number;
  /** Reference syllables minus edits (summed over pages, floored at 0 each). */
  right: number;
  bag: number;
}
const noScore = (): Score => ({ syllables: 0, right: 0, bag: 0 });
function addScore(s: Score, ref: string, got: string): void {
  const r = syllables(ref);
  const g = syllables(got);
  s.syllables += r.length;
  s.right += Math.max(0, r.length - tokenDistance(r, g));
  s.bag += bagHits(r, g);
}
const fmtScore = (s: Score): string => (s.syllables ? `${(s.right / s.syllables).toFixed(4)} (${(s.bag / s.syllables).toFixed(4)})` : '-');

// ---- timing ----

/** CPU seconds of this process's waited-for children (and theirs): /proc/self/stat cutime + cstime. */
function childCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // after "pid (comm) ", field 3 (state) is index 0: cutime is field 16, cstime 17
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

interface Run {
  wall: number;
  cpu: number;
  pages: number;
  score: Score;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${cmd} exited ${code}: ${err.trim().split('\n').slice(-3).join(' / ')}`))));
  });
}

/** The resolution ingest renders a scanned page at: its own, within 150…cap (src/ocr/ocr-pages.ts). */
function renderDpi(scanDpi: number | undefined, cap: number): number {
  return scanDpi ? Math.min(cap, Math.max(150, scanDpi)) : cap;
}

async function ingest(file: ScanFile, model: string, dpi: number, cli = CLI, lineHeight: number | null = null): Promise<Run & { stages: Document['pipeline']['stages']; errors: string[] }> {
  const out = join(work, `out-${model}-${dpi}`);
  rmSync(out, { recursive: true, force: true });
  const [t0, c0] = [performance.now(), childCpu()];
  const engine = model === 'native' ? ['--ocr-engine', 'native'] : ['--ocr-model', model];
  // no time limits: on a loaded shared machine a page may take minutes of wall time, and a page left unread is no measure
  await run(process.execPath, [cli, 'ingest', file.path, '--out', out, ...engine, '--ocr-dpi', String(dpi), ...(lineHeight ? ['--ocr-line-height', String(lineHeight)] : []), '--no-progress', '--page-timeout', '36000', '--document-timeout', '360000']);
  const [wall, cpu] = [(performance.now() - t0) / 1000, childCpu() - c0];
  const json = readdirSync(out).find((f) => f.endsWith('.json') && !f.startsWith('.'));
  if (!json) throw new Error(`ingest wrote no JSON for ${file.name}`);
  const doc = JSON.parse(readFileSync(join(out, json), 'utf8')) as Document;
  const score = noScore();
  for (const [n, ref] of file.reference) addScore(score, ref, doc.pages.find((p) => p.number === n)?.text ?? '');
  // a page over its time limit on a loaded machine is left unread: said beside the figures, which it skews
  const errors = doc.issues.filter((i) => i.severity === 'error').map((i) => `${i.code}${i.page ? ` p${i.page}` : ''}`);
  return { wall, cpu, pages: file.pages, score, stages: doc.pipeline.stages, errors };
}

async function native(file: ScanFile, dpi: number): Promise<Run> {
  const { pages } = await readDocument(file.path);
  const dir = join(work, `native-${dpi}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const texts = new Map<number, string>();
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const [t0, c0] = [performance.now(), childCpu()];
  let next = 1;
  // two single-threaded pipelines, each rendering a page with pdftoppm and reading it
  await Promise.all(
    [0, 1].map(async () => {
      while (next <= file.pages) {
        const n = next++;
        const r = String(renderDpi(pages.scanDpi?.[String(n)], dpi));
        const base = join(dir, `p${n}`);
        await run('pdftoppm', ['-r', r, '-f', String(n), '-l', String(n), '-singlefile', '-png', file.path, base]);
        texts.set(n, await run('tesseract', [`${base}.png`, 'stdout', '-l', 'vie', '--dpi', r], env));
      }
    }),
  );
  const [wall, cpu] = [(performance.now() - t0) / 1000, childCpu() - c0];
  const score = noScore();
  for (const [n, ref] of file.reference) addScore(score, ref, texts.get(n) ?? '');
  return { wall, cpu, pages: file.pages, score };
}

// ---- the run ----

const haveNative =
  useNative &&
  (() => {
    try {
      return execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').includes('vie');
    } catch {
      return false;
    }
  })();
const totals = new Map<string, Run>();
const add = (label: string, r: Run): void => {
  const t = totals.get(label) ?? { wall: 0, cpu: 0, pages: 0, score: noScore() };
  t.wall += r.wall;
  t.cpu += r.cpu;
  t.pages += r.pages;
  t.score.syllables += r.score.syllables;
  t.score.right += r.score.right;
  t.score.bag += r.score.bag;
  totals.set(label, t);
};
const perMin = (r: Run): number => r.pages / (r.wall / 60);
const line = (label: string, r: Run, base?: Run): string =>
  `  ${label.padEnd(24)} ${r.wall.toFixed(1).padStart(7)} s ${r.cpu.toFixed(1).padStart(7)} s CPU ${perMin(r).toFixed(2).padStart(6)} pages/min${base ? `  ${(perMin(r) / perMin(base)).toFixed(2)}× native (CPU ${(base.cpu / r.cpu).toFixed(2)}×)` : ''}  accuracy ${fmtScore(r.score)}`;

console.log(`scanned PDFs end to end vs native tesseract; ${files.length} file(s), ${files.reduce((n, f) => n + f.pages, 0)} pages${pageLimit ? ` (first ${pageLimit} of each)` : ''}; ${haveNative ? 'native tesseract: 2 processes, OMP_THREAD_LIMIT=1' : useNative ? 'native tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-vie): ingest only' : 'native tesseract left out (--no-native)'}`);
for (const file of files) {
  console.log(`${file.name}: ${file.pages} pages, reference on ${file.reference.size}`);
  const nat = new Map<number, Run>();
  for (const v of variants) {
    if (haveNative && !nat.has(v.dpi)) {
      const r = await native(file, v.dpi);
      nat.set(v.dpi, r);
      add(`native @${v.dpi}`, r);
      console.log(line(`native tesseract @${v.dpi}`, r));
    }
    const r = await ingest(file, v.model, v.dpi, v.cli, v.lineHeight);
    add(`ingest ${v.label}`, r);
    console.log(`${line(`ingest ${v.label}`, r, nat.get(v.dpi))}\n    stages ${r.stages.map((s) => `${s.stage} ${(s.ms / 1000).toFixed(1)}`).join(', ')}${r.errors.length ? `; ERRORS: ${r.errors.join(', ')}` : ''}`);
  }
}
console.log('all files:');
for (const [label, r] of totals) console.log(line(label, r, label.startsWith('ingest') ? totals.get(`native @${variants.find((v) => `ingest ${v.label}` === label)!.dpi}`) : undefined));
rmSync(work, { recursive: true, force: true });
