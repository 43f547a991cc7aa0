import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createLogger, defaultDataDir, type Logger } from '../core/index.js';
import { dirname, join } from 'node:path';
import { createScheduler, createWorker, OEM, type Bbox, type Scheduler } from 'tesseract.js';
import type { OcrEngine, OcrLine, OcrResult, PageImage } from './ocr-engine.js';

const require = createRequire(import.meta.url);

export interface TesseractOptions {
  /** Tesseract language code, installed as the npm package @tesseract.js-data/<lang>. Default "vie". */
  lang?: string;
  /** Worker threads; default: the machine's cores. */
  workers?: number;
  /** Where tesseract.js caches unpacked language data. Default: $PLAN_INGEST_DATA_DIR/tesseract or ~/.cache/plan-ingest/tesseract. */
  cacheDir?: string;
  /** Where the engine's own messages go, at debug level ("Image too small to scale!!"). Default: a logger named "ocr". */
  log?: Logger;
}

/** The folder holding <lang>.traineddata.gz inside the npm package; never the network. */
export function languageDataPath(lang: string): string {
  const pkg = require.resolve(`@tesseract.js-data/${lang}/package.json`);
  return join(dirname(pkg), '4.0.0_best_int');
}

/**
 * tesseract.js behind OcrEngine: a pool of workers (tesseract.js's
 * scheduler) started once and reused for every page, language data loaded
 * from node_modules (the 4.0.0_best_int LSTM model).
 */
export async function createTesseractEngine(opts: TesseractOptions = {}): Promise<OcrEngine> {
  const lang = opts.lang ?? 'vie';
  const langPath = languageDataPath(lang);
  const cachePath = opts.cacheDir ?? join(defaultDataDir(), 'tesseract');
  await mkdir(cachePath, { recursive: true });
  const count = Math.max(1, opts.workers ?? availableParallelism());
  const scheduler: Scheduler = createScheduler();
  let log: Logger | undefined;
  for (let i = 0; i < count; i++) {
    // tesseract.js reads <langPath>/<lang>.traineddata.gz from disk when langPath is not a URL.
    // without an errorHandler tesseract.js rethrows a failed job in its message handler, which
    // would crash the process on one unreadable image; the job's promise rejects either way
    const worker = await createWorker(lang, OEM.LSTM_ONLY, { langPath, cachePath, gzip: true, errorHandler: () => undefined });
    captureEngineOutput(worker, opts.log ?? (log ??= createLogger('ocr')));
    scheduler.addWorker(worker);
  }
  return {
    name: `tesseract.js(${lang})`,
    async recognize(image: PageImage): Promise<OcrResult> {
      const { data } = await scheduler.addJob('recognize', image.bytes, { rotateAuto: false }, { blocks: true, text: false });
      const lines: OcrLine[] = [];
      for (const block of data.blocks ?? [])
        for (const para of block.paragraphs)
          for (const line of para.lines) {
            const words = line.words
              .filter((w) => w.text.trim())
              .map((w) => ({
                text: w.text.normalize('NFC'),
                box: box(w.bbox),
                confidence: w.confidence / 100,
                symbols: w.symbols.map((s) => ({ text: s.text.normalize('NFC'), box: box(s.bbox) })),
              }));
            if (words.length) lines.push({ words, box: box(line.bbox) });
          }
      return { lines, widthPx: null, heightPx: null };
    },
    async close(): Promise<void> {
      await scheduler.terminate();
    },
  };
}

/** The parts of a worker thread (node:worker_threads) whose output is redirected. */
interface ThreadOutput {
  stdout: Readable;
  stderr: Readable;
}

/**
 * Tesseract's C++ core prints its diagnostics ("Image too small to scale!!
 * (2x36 vs min width of 3)", "Line cannot be recognized!!", "Estimating
 * resolution as …") through the wasm module's console in the worker
 * thread, and tesseract.js's own warnings with console.log. Node pipes a
 * worker thread's stdout and stderr into the process's, where they would
 * land among the user's messages (and, for stdout, inside `ingest --out -`'s
 * JSON Lines). This worker's streams are unpiped and read line by line into
 * the log at debug level instead (`-v` shows them); other output of the
 * process is untouched. tesseract.js exposes the thread as `worker.worker`.
 */
export function captureEngineOutput(worker: unknown, log: Logger): void {
  const thread = (worker as { worker?: Partial<ThreadOutput> }).worker;
  const pairs: [Readable | undefined, Writable][] = [
    [thread?.stdout, process.stdout],
    [thread?.stderr, process.stderr],
  ];
  for (const [stream, target] of pairs) {
    if (!stream || typeof stream.unpipe !== 'function') continue;
    stream.unpipe(target);
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      if (line.trim()) log.debug({ engine: 'tesseract.js' }, line);
    });
  }
}

const box = (b: Bbox): OcrLine['box'] => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });
