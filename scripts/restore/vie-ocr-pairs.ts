/**
 * Training pairs for the Vietnamese-model OCR tone channel
 * (models/vie-ocr-tones.json, learn-tone-channel.ts): correct public-domain
 * text typeset as plain paragraphs, scanned worse than an office scanner
 * would (lower resolution, heavier JPEG) so that Tesseract's Vietnamese
 * model makes the mistakes real scans show ("đôi tên" for "đổi tên"), and
 * read through the pipeline's own OCR (tesseract.js `vie`, best), words with
 * their confidences. Cached as JSON under .cache/vie-ocr/ (not committed;
 * ~5–10 s a page on the shared 2-core machine, then reused).
 *
 * Texts: the opening of each realdev Word text except those of the realdev
 * scans (01–09: their pages are scored by the OCR bench), the seed plans
 * other than 001 (KH 44's reading), and legal texts of
 * ../shared/corpus/vbpl-legal. Never KH 44, never a gold file, never viwiki.
 * Every HOLD_OUT-th text is held out: its copies tune the repair's
 * thresholds (tune-tone-repair.ts) and are not counted in the channel.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../../src/core/index.js';
import { createTesseractEngine, type OcrEngine } from '../../src/ocr/index.js';
import { runDocument } from '../../src/pipeline/index.js';
import type { DocumentSpec } from '../fixtures/document-spec.js';
import type { FontFiles } from '../fixtures/page-flow.js';
import { scanPdf, writeImagePdf } from '../fixtures/scan-pages.js';
import { typesetPdf } from '../fixtures/typeset-pdf.js';
import { openingParagraphs, timesFonts, type ChannelText } from './channel-texts.js';

const ROOT = new URL('../../', import.meta.url);
const SHARED = process.env.PLAN_INGEST_SHARED ?? fileURLToPath(new URL('../shared/', ROOT));
export const VIE_OCR_CACHE = fileURLToPath(new URL('.cache/vie-ocr/', ROOT));

/** About one A4 page of 13 pt text per copy: many texts, few pages each, so no one document's wording dominates. */
const WORDS_PER_TEXT = 380;
/** Legal texts taken (from the 40th by file name on: the English-OCR channel took the first 24). */
const LEGAL_TEXTS = 16;
/** Realdev documents whose scans are scored (fixtures/realdev/ocr-gold, metadata): their Word texts are left out. */
const SCORED_SCANS = /^0\d_/u;
/** Every HOLD_OUT-th text tunes the repair and is not counted. */
export const HOLD_OUT = 4;

/** Scan settings cycled over the texts: resolution and JPEG quality low enough that the Vietnamese model misreads marks. */
const SETTINGS = [
  { dpi: 110, quality: 35 },
  { dpi: 130, quality: 30 },
  { dpi: 150, quality: 25 },
  { dpi: 120, quality: 45 },
];

/** One copy: the clean text of each page, and the words the OCR read on it with their confidences. */
export interface VieOcrCopy {
  name: string;
  heldOut: boolean;
  pages: { clean: string; lines: { text: string; confidence: number }[][] }[];
}

/** The correct texts the copies are made from; none when ../shared is missing (the seeds still give some). */
export function toneTexts(): ChannelText[] {
  const texts: ChannelText[] = [];
  const list = (dir: string, re: RegExp): string[] => (existsSync(dir) ? readdirSync(dir).filter((n) => re.test(n)).sort() : []);
  const realdev = join(SHARED, 'realdev/texts');
  for (const file of list(realdev, /\.txt$/u).filter((f) => !SCORED_SCANS.test(f))) {
    texts.push({ name: `tones-realdev-${/^(\d+)/u.exec(file)?.[1]}`, source: `realdev/texts/${file}`, paragraphs: openingParagraphs(readFileSync(join(realdev, file), 'utf8'), WORDS_PER_TEXT) });
  }
  const seeds = fileURLToPath(new URL('fixtures/seeds/', ROOT));
  // 001 is KH 44's English-model OCR: never a source of correct text
  for (const file of list(seeds, /^\d{3}_.*\.txt$/u).filter((f) => !f.startsWith('001_'))) {
    texts.push({ name: `tones-seed-${file.slice(0, 3)}`, source: `fixtures/seeds/${file}`, paragraphs: openingParagraphs(readFileSync(join(seeds, file), 'utf8').replace(/\*\*/gu, ''), WORDS_PER_TEXT) });
  }
  const legal = join(SHARED, 'corpus/vbpl-legal');
  for (const file of list(legal, /^doc_\d+\.txt$/u).slice(40, 40 + LEGAL_TEXTS)) {
    texts.push({ name: `tones-vbpl-${/(\d+)/u.exec(file)?.[1]}`, source: `corpus/vbpl-legal/${file}`, paragraphs: openingParagraphs(readFileSync(join(legal, file), 'utf8'), WORDS_PER_TEXT) });
  }
  return texts.filter((t) => t.paragraphs.length);
}

/** Typesets, scans and OCRs one text unless cached; returns its copy. */
async function makeCopy(text: ChannelText, index: number, engine: OcrEngine, fonts: FontFiles | undefined, log: (m: string) => void): Promise<VieOcrCopy> {
  const json = join(VIE_OCR_CACHE, `${text.name}.json`);
  if (existsSync(json)) return JSON.parse(readFileSync(json, 'utf8')) as VieOcrCopy;
  const clean = join(VIE_OCR_CACHE, `${text.name}.pdf`);
  const scan = join(VIE_OCR_CACHE, `${text.name}.scan.pdf`);
  const spec: DocumentSpec = { name: text.name, seed: text.source, blocks: text.paragraphs.map((p) => ({ kind: 'paragraph' as const, text: p, bold: false, italic: false, align: 'justify' as const })) };
  await typesetPdf(spec, clean, fonts);
  const setting = SETTINGS[index % SETTINGS.length]!;
  const pages = await scanPdf(clean, { dpi: setting.dpi, seed: 7700 + index, quality: setting.quality });
  await writeImagePdf(pages, scan, { title: `${text.name} (simulated scan)` });
  const started = Date.now();
  const truth = await runDocument(clean, { ocr: null, restoreModel: null });
  const read = await runDocument(scan, { ocr: engine, restoreModel: null });
  const copy: VieOcrCopy = {
    name: text.name,
    heldOut: index % HOLD_OUT === HOLD_OUT - 1,
    pages: read.pages.flatMap((page) => {
      const source = truth.pages.find((p) => p.number === page.number);
      if (!source) return [];
      return [{ clean: source.text, lines: page.lines.map((l) => page.words.slice(l.wordStart, l.wordEnd).map((w) => ({ text: w.text, confidence: Number(w.confidence.toFixed(3)) }))) }];
    }),
  };
  log(`[vie-ocr] ${text.name}: ${copy.pages.length} page(s) at ${setting.dpi} dpi, quality ${setting.quality}, ${fonts ? 'Liberation Serif' : 'DejaVu Serif'}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await writeFileAtomic(json, JSON.stringify(copy));
  return copy;
}

/**
 * Every copy, made first where missing (`made`: only those already cached;
 * `heldOutOnly`: the held-out copies alone, a quarter of the OCR time, for
 * tuning against the shipped channel).
 */
export async function vieOcrCopies(log: (m: string) => void = console.log, made = false, heldOutOnly = false): Promise<VieOcrCopy[]> {
  mkdirSync(VIE_OCR_CACHE, { recursive: true });
  const texts = toneTexts();
  if (!existsSync(join(SHARED, 'realdev/texts'))) log('../shared not found: the tone channel is learned from the seed plans alone (the shipped one also has the realdev and legal texts)');
  // half the copies in a Times-like typeface, as most scanned plans are printed (skipped with a note when the fonts are missing)
  const times = timesFonts() ?? undefined;
  if (!times) log('Liberation Serif 2 not found: every copy in DejaVu Serif');
  let engine: OcrEngine | null = null;
  const copies: VieOcrCopy[] = [];
  try {
    for (const [i, text] of texts.entries()) {
      if (made && !existsSync(join(VIE_OCR_CACHE, `${text.name}.json`))) continue;
      if (heldOutOnly && i % HOLD_OUT !== HOLD_OUT - 1) continue;
      if (!existsSync(join(VIE_OCR_CACHE, `${text.name}.json`))) engine ??= await createTesseractEngine({ workers: 1 });
      copies.push(await makeCopy(text, i, engine!, i % 2 ? times : undefined, log));
    }
  } finally {
    await engine?.close();
  }
  return copies;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const copies = await vieOcrCopies();
  console.log(`${copies.length} copies, ${copies.reduce((n, c) => n + c.pages.length, 0)} pages, ${copies.filter((c) => c.heldOut).length} held out`);
}
