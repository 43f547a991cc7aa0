import { basename, extname, resolve } from 'node:path';
import type { Document } from '../../schemas/index.js';
import { defaultDataDir, isChildFailure, isInputError } from '../core/index.js';
import { expandInputs } from '../intake/index.js';
import { createNativeTesseractEngine, createSandboxedRenderer, createTesseractEngine, lazyEngine } from '../ocr/index.js';
import { publishDocument } from '../output/index.js';
import { runDocument } from '../pipeline/index.js';
import { loadAgencyRegistry } from '../records/index.js';
import { loadModel, type NgramModel } from '../restore/index.js';
import { createProgressReporter } from './progress-reporter.js';

export interface IngestOptions {
  /** Output folder. Default "./out". */
  out: string;
  /** Run OCR on pages without a usable text layer. Default true. */
  ocr: boolean;
  /** Restore diacritics of pages that lost them. Default true. */
  restore: boolean;
  /** OCR render resolution. Default 300. */
  ocrDpi: number;
  /** OCR worker threads. Default: the machine's cores. */
  ocrWorkers?: number;
  /** "tesseract.js" (default, bundled) or "native" (the tesseract binary). */
  ocrEngine?: 'tesseract.js' | 'native';
  /** Largest accepted file in MiB. Default 512. */
  maxSizeMb: number;
  /** Largest image (pixels its header claims) accepted. Default 150 million. */
  maxPixels?: number;
  /** Largest PDF (pages) accepted. Default 2,000. */
  maxPages?: number;
  /** Show progress bars (default: when stderr is a terminal). */
  progress: boolean;
}

/** `--out -` writes the documents to stdout (JSON Lines) instead of a folder. */
const STDOUT = '-';

export interface IngestSummary {
  ok: number;
  partial: number;
  failed: number;
}

/**
 * `plan-ingest ingest <path>... --out DIR`: every input is processed in turn;
 * a file that cannot be processed gets one line on stderr and the rest go on.
 */
export async function ingestCommand(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const files = await expandInputs(paths);
  const reporter = createProgressReporter(opts.progress);
  const engine = opts.ocr
    ? lazyEngine(async () => (opts.ocrEngine === 'native' ? createNativeTesseractEngine({ workers: opts.ocrWorkers }) : createTesseractEngine({ workers: opts.ocrWorkers })))
    : null;
  // pages are rendered and images decoded in child processes: a file that crashes them fails alone
  const renderer = opts.ocr ? createSandboxedRenderer() : undefined;
  const bases = new Map<string, string>();
  let model: Promise<NgramModel> | null = null;
  const restoreModel = opts.restore ? () => (model ??= loadModel(defaultDataDir())) : null;
  const agencyRegistry = loadAgencyRegistry(defaultDataDir());
  const summary: IngestSummary = { ok: 0, partial: 0, failed: 0 };
  const started = performance.now();
  try {
    for (const [index, file] of files.entries()) {
      reporter.fileStarted(file, index, files.length);
      const base = basename(file, extname(file));
      const clash = bases.get(base);
      if (clash !== undefined) {
        summary.failed++;
        reporter.log(`plan-ingest: ${file}: same output name as ${clash} (${base}.json); rename one of them`, 'stderr');
        continue;
      }
      bases.set(base, file);
      try {
        const doc = await runDocument(file, { ocr: engine, renderer, restoreModel, agencyRegistry, ocrDpi: opts.ocrDpi, maxBytes: opts.maxSizeMb * 1024 * 1024, maxPixels: opts.maxPixels, maxPages: opts.maxPages, onProgress: (s, d, t) => reporter.pageProgress(s, d, t) });
        summary[doc.status === 'ok' ? 'ok' : 'partial']++;
        if (opts.out === STDOUT) {
          // `--out -`: the documents themselves on stdout, one JSON a line; everything else on stderr
          process.stdout.write(`${JSON.stringify(doc)}\n`);
          reporter.log(`${file} → stdout (${describe(doc)})`, 'stderr');
        } else {
          const { path: written } = await publishDocument(doc, opts.out, base, { file: basename(file), original: resolve(file) });
          reporter.log(`${file} → ${written} (${describe(doc)})`, 'stdout');
        }
      } catch (error) {
        summary.failed++;
        reporter.log(`plan-ingest: ${file}: ${reason(error)}`, 'stderr');
      } finally {
        reporter.fileFinished();
      }
    }
  } finally {
    reporter.stop();
    await engine?.close();
    await renderer?.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`${files.length} file(s) in ${seconds} s: ${summary.ok} ok, ${summary.partial} partial, ${summary.failed} failed\n`);
  return summary;
}

function describe(doc: Document): string {
  const errors = doc.issues.filter((i) => i.severity === 'error').length;
  return `${doc.source.pages} page(s), ${doc.indicators.length} indicator(s), ${doc.assignments.length} assignment(s)${errors ? `, ${errors} recorded error(s)` : ''}`;
}

function reason(error: unknown): string {
  if (isInputError(error) || isChildFailure(error)) return error.message;
  return `internal error: ${(error as Error)?.message ?? String(error)}`;
}
