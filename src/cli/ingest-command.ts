import { basename, resolve } from 'node:path';
import type { Document, Limits } from '../../schemas/index.js';
import { createLogger, defaultDataDir, isChildFailure, isInputError } from '../core/index.js';
import { expandInputs, hiddenInFolders } from '../intake/index.js';
import { createNativeTesseractEngine, createSandboxedRenderer, createTesseractEngine, lazyEngine, type OcrModel } from '../ocr/index.js';
import { outputBase, publishDocument } from '../output/index.js';
import { runDocument } from '../pipeline/index.js';
import { loadAgencyRegistry } from '../records/index.js';
import { loadModel, type NgramModel } from '../restore/index.js';
import { EXIT, exitForInputs, type ExitCode } from './exit-codes.js';
import { OutputError, checkWritableFolder, describeWriteError, isWriteError } from './output-error.js';
import { createProgressReporter } from './progress-reporter.js';
import { verbosity } from './verbosity.js';

export interface IngestOptions {
  /** Output folder. Default "./out". */
  out: string;
  /** Run OCR on pages without a usable text layer. Default true. */
  ocr: boolean;
  /** Restore diacritics of pages that lost them. Default true. */
  restore: boolean;
  /** OCR render resolution. Default 300. */
  ocrDpi: number;
  /** Pages read with their median text line shrunk to this many pixels (faster, a little less accurate). Default null: as rendered. */
  ocrLineHeight?: number | null;
  /** OCR worker threads. Default: the machine's cores. */
  ocrWorkers?: number;
  /** "tesseract.js" (default, bundled) or "native" (the tesseract binary). */
  ocrEngine?: 'tesseract.js' | 'native';
  /** tesseract.js's LSTM model: "best" or "fast" (default: DEFAULT_OCR_MODEL). The native engine reads with the data installed for it. */
  ocrModel?: OcrModel;
  /** Resource limits (schemas/limits.ts; defaults there). */
  limits: Limits;
  /** Show progress bars (default: when stderr is a terminal). */
  progress: boolean;
}

/** `--out -` writes the documents to stdout (JSON Lines) instead of a folder. */
const STDOUT = '-';

export interface IngestSummary {
  ok: number;
  partial: number;
  /** Inputs that failed, those whose output could not be written included. */
  failed: number;
  /** Inputs processed whose output could not be written. */
  unwritten: number;
  total: number;
}

/** The exit code of an ingest run: cannot-write first (nothing more will succeed), then by inputs. */
export function ingestExitCode(s: IngestSummary): ExitCode {
  if (s.unwritten > 0) return EXIT.cannotWrite;
  return s.total === 0 ? EXIT.allFailed : exitForInputs(s.total, s.failed);
}

/**
 * `plan-ingest ingest <path>... --out DIR`: every input is processed in turn;
 * a file that cannot be processed gets one line on stderr and the rest go on.
 */
export async function ingestCommand(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const files = await expandInputs(paths);
  const quiet = verbosity() === 'quiet';
  if (!files.length) {
    process.stderr.write(`plan-ingest: no .pdf, image or text file in ${paths.join(', ')}\n`);
    return { ok: 0, partial: 0, failed: 0, unwritten: 0, total: 0 };
  }
  // an unwritable output folder is found before an hour of OCR, not after
  if (opts.out !== STDOUT) await checkWritableFolder(opts.out);
  const reporter = createProgressReporter(opts.progress, quiet);
  const log = createLogger('ingest');
  const engine = opts.ocr
    ? lazyEngine(async () =>
        opts.ocrEngine === 'native' ? createNativeTesseractEngine({ workers: opts.ocrWorkers }) : createTesseractEngine({ workers: opts.ocrWorkers, model: opts.ocrModel }),
      )
    : null;
  // pages are rendered and images decoded in child processes: a file that crashes them fails alone
  const renderer = opts.ocr ? createSandboxedRenderer() : undefined;
  const bases = new Map<string, string>();
  let model: Promise<NgramModel> | null = null;
  const restoreModel = opts.restore ? () => (model ??= loadModel(defaultDataDir())) : null;
  const agencyRegistry = loadAgencyRegistry(defaultDataDir());
  const summary: IngestSummary = { ok: 0, partial: 0, failed: 0, unwritten: 0, total: files.length };
  const started = performance.now();
  // hidden names in a folder are not processed, but said so: a clerk's file saved as ".plan.pdf" must not vanish in silence
  for (const file of await hiddenInFolders(paths)) {
    summary.total++;
    summary.failed++;
    reporter.log(`plan-ingest: ${file}: a hidden name (it starts with "."): skipped; rename it to have it processed`, 'stderr');
  }
  try {
    for (const [index, file] of files.entries()) {
      reporter.fileStarted(file, index, files.length);
      const base = outputBase(file);
      const clash = bases.get(base);
      if (clash !== undefined) {
        summary.failed++;
        reporter.log(`plan-ingest: ${file}: same output name as ${clash} (${base}.json); rename one of them`, 'stderr');
        continue;
      }
      bases.set(base, file);
      const fileStarted = performance.now();
      try {
        const doc = await runDocument(file, { ...opts.limits, ocr: engine, renderer, restoreModel, agencyRegistry, ocrDpi: opts.ocrDpi, ocrLineHeight: opts.ocrLineHeight, onProgress: (s, d, t) => reporter.pageProgress(s, d, t) });
        if (opts.out === STDOUT) {
          // `--out -`: the documents themselves on stdout, one JSON a line; everything else on stderr
          process.stdout.write(`${JSON.stringify(doc)}\n`);
          if (!quiet) reporter.log(`${file} → stdout (${describe(doc)})`, 'stderr');
        } else {
          const { path: written, duplicateOf } = await publishDocument(doc, opts.out, base, { file: basename(file), original: resolve(file) }).catch((error: unknown) => {
            if (!isWriteError(error)) throw error;
            summary.unwritten++;
            throw new OutputError(`cannot write ${base}.json in ${opts.out}: ${describeWriteError(error)}`);
          });
          // one current JSON per document id: the same content under a second name is not written twice
          if (duplicateOf) reporter.log(`${file}: duplicate: same content as ${duplicateOf}, already in ${written}; not written again`, 'stdout');
          else if (!quiet) reporter.log(`${file} → ${written} (${describe(doc)})`, 'stdout');
        }
        summary[doc.status === 'ok' ? 'ok' : 'partial']++;
        log.debug({ file, status: doc.status, pages: doc.source.pages, origins: [...new Set(doc.pages.map((p) => p.origin))], issues: doc.issues.length, ms: Math.round(performance.now() - fileStarted) }, 'document processed');
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
  if (isInputError(error) || isChildFailure(error) || error instanceof OutputError) return error.message;
  return `internal error: ${(error as Error)?.message ?? String(error)}`;
}
