import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createLogger, defaultDataDir, type Logger } from '../core/index.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScheduler, createWorker, OEM, PSM, type Bbox, type Scheduler, type Worker } from 'tesseract.js';
import type { FiguresReading, OcrEngine, OcrLine, OcrResult, PageImage } from './ocr-engine.js';
import { decodePgm, encodeGrayPng } from './gray-bitmap.js';
import { tesseractCorePath, tesseractWorkerScript } from './tesseract-core.js';

const require = createRequire(import.meta.url);

/**
 * Which LSTM model reads the pages. "best": tesseract's integerized best
 * model (tessdata 4.0.0_best_int, from the npm package); "fast": the
 * smaller tessdata_fast network (models/tessdata-fast, Apache-2.0, the
 * same file as Debian's tesseract-ocr-<lang>), about a third less work
 * per page.
 */
import { DEFAULT_OCR_MODEL, type OcrModel } from '../../schemas/index.js';

export { DEFAULT_OCR_MODEL, OCR_MODELS, type OcrModel } from '../../schemas/index.js';

/** The language whose model reads handwritten figures (`readFigures`): @tesseract.js-data/eng, a dependency. */
const FIGURES_LANG = 'eng';

/** Where the fast models are kept: models/tessdata-fast at the root of the source tree or of the built one. */
const FAST_DIRS = [new URL('../../models/tessdata-fast', import.meta.url), new URL('../../../models/tessdata-fast', import.meta.url)].map((u) => fileURLToPath(u));

export interface TesseractOptions {
  /** Tesseract language code, installed as the npm package @tesseract.js-data/<lang>. Default "vie". */
  lang?: string;
  /** Worker threads; default: the machine's cores. */
  workers?: number;
  /** The LSTM model: "best" or "fast". Default DEFAULT_OCR_MODEL. */
  model?: OcrModel;
  /** Where tesseract.js caches unpacked language data. Default: $PLAN_INGEST_DATA_DIR/tesseract or ~/.cache/plan-ingest/tesseract. */
  cacheDir?: string;
  /** Where the engine's own messages go, at debug level ("Image too small to scale!!"). Default: a logger named "ocr". */
  log?: Logger;
}

/**
 * The folder holding <lang>.traineddata.gz: for "best", inside the npm
 * package; for "fast", models/tessdata-fast. Never the network.
 */
export function languageDataPath(lang: string, model: OcrModel = 'best'): string {
  if (model !== 'best') {
    const dir = FAST_DIRS.find((d) => existsSync(join(d, `${lang}.traineddata.gz`)));
    if (!dir) throw new Error(`no fast OCR model for "${lang}" (models/tessdata-fast/${lang}.traineddata.gz); use the best model`);
    return dir;
  }
  const pkg = require.resolve(`@tesseract.js-data/${lang}/package.json`);
  return join(dirname(pkg), '4.0.0_best_int');
}

/**
 * tesseract.js behind OcrEngine: a pool of up to `workers` workers
 * (tesseract.js's scheduler), one started at once and the others as pages
 * wait for them, reused for every page; language data loaded from disk
 * (languageDataPath).
 */
export async function createTesseractEngine(opts: TesseractOptions = {}): Promise<OcrEngine> {
  const lang = opts.lang ?? 'vie';
  const model = opts.model ?? DEFAULT_OCR_MODEL;
  const langPath = languageDataPath(lang, model);
  // tesseract.js finds cached data by language name alone: each model has its own cache folder
  const cacheRoot = opts.cacheDir ?? join(defaultDataDir(), 'tesseract');
  const cachePath = model === 'best' ? cacheRoot : join(cacheRoot, model);
  await mkdir(cachePath, { recursive: true });
  const count = Math.max(1, opts.workers ?? availableParallelism());
  const scheduler: Scheduler = createScheduler();
  const log = opts.log ?? createLogger('ocr');
  // the LSTM-only core (SIMD where there is SIMD), through a worker script that honours corePath:
  // tesseract.js 6's own loads the full core with the legacy engine (see tesseract-core.ts)
  const corePath = tesseractCorePath(true);
  const workerPath = tesseractWorkerScript();
  const startWorker = async (): Promise<Worker> => {
    // tesseract.js reads <langPath>/<lang>.traineddata.gz from disk when langPath is not a URL.
    // without an errorHandler tesseract.js rethrows a failed job in its message handler, which
    // would crash the process on one unreadable image; the job's promise rejects either way
    const worker = await createWorker(lang, OEM.LSTM_ONLY, { langPath, cachePath, gzip: true, corePath, workerPath, errorHandler: () => undefined });
    captureEngineOutput(worker, log);
    return worker;
  };
  // One worker starts now; the others only when pages wait for one (see `grow`). Each costs about a
  // second of CPU to load its model, which a one-page document never earned back.
  scheduler.addWorker(await startWorker());
  let live = 1;
  let inFlight = 0;
  let starting = false;
  let closed = false;
  /** Starts one more worker when more pages are being read than workers read them (up to `count`). */
  const grow = (): void => {
    if (closed || starting || live >= count || inFlight <= live) return;
    starting = true;
    startWorker()
      .then(async (worker) => {
        if (closed) return void (await worker.terminate());
        scheduler.addWorker(worker);
        live++;
      })
      .catch((error: unknown) => log.warn({ err: error }, 'an OCR worker failed to start; reading with fewer'))
      .finally(() => {
        starting = false;
        grow();
      });
  };
  // figures written by hand are read by a worker of their own, started the first time one is needed:
  // the English model (its digits are not tied to Vietnamese syllables), digits only, one line
  let figures: Promise<Worker> | null = null;
  const figuresWorker = (): Promise<Worker> =>
    (figures ??= (async () => {
      const worker = await createWorker(FIGURES_LANG, OEM.LSTM_ONLY, { langPath: languageDataPath(FIGURES_LANG, 'best'), cachePath: cacheRoot, gzip: true, corePath, workerPath, errorHandler: () => undefined });
      captureEngineOutput(worker, log);
      await worker.setParameters({ tessedit_char_whitelist: '0123456789', tessedit_pageseg_mode: PSM.SINGLE_LINE });
      return worker;
    })());
  return {
    name: `tesseract.js(${lang}, ${model})`,
    async readFigures(image: PageImage): Promise<FiguresReading> {
      const { data } = await (await figuresWorker()).recognize(image.bytes);
      return { text: data.text.replace(/\s+/gu, ''), confidence: data.confidence / 100 };
    },
    async recognize(image: PageImage): Promise<OcrResult> {
      inFlight++;
      grow();
      // a gray PGM (what page preparation writes) goes in as a stored PNG, which the engine reads faster (encodeGrayPng)
      const gray = decodePgm(image.bytes);
      const bytes = gray ? encodeGrayPng(gray) : image.bytes;
      const { data } = await scheduler.addJob('recognize', bytes, { rotateAuto: false }, { blocks: true, text: false }).finally(() => inFlight--);
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
      closed = true;
      await Promise.all([scheduler.terminate(), figures?.then((w) => w.terminate()).catch(() => undefined)]);
    },
  };
}

/** The parts of a worker thread (node:worker_threads) whose output is taken. */
interface ThreadOutput {
  stdout: Readable;
  stderr: Readable;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  postMessage(message: unknown): void;
}

/**
 * Tesseract's C++ core prints its diagnostics ("Image too small to scale!!
 * (2x36 vs min width of 3)", "Line cannot be recognized!!", "Estimating
 * resolution as …") through the wasm module's console in the worker
 * thread, and tesseract.js's own warnings with console.log. Node pipes a
 * worker thread's stdout and stderr into the process's, where they would
 * land among the user's messages (and, for stdout, inside `ingest --out -`'s
 * JSON Lines). They go into the log at debug level instead (`-v` shows
 * them); other output of the process is untouched. tesseract.js exposes the
 * thread as `worker.worker`. Its streams are unpiped and read line by line;
 * our worker script (tesseract-worker-thread.cjs) holds what the engine
 * printed while it started and posts it, and all that follows, once asked
 * here.
 */
export function captureEngineOutput(worker: unknown, log: Logger): void {
  const thread = (worker as { worker?: Partial<ThreadOutput> }).worker;
  const toLog = (line: string): void => {
    if (line.trim()) log.debug({ engine: 'tesseract.js' }, line);
  };
  const pairs: [Readable | undefined, Writable][] = [
    [thread?.stdout, process.stdout],
    [thread?.stderr, process.stderr],
  ];
  for (const [stream, target] of pairs) {
    if (!stream || typeof stream.unpipe !== 'function') continue;
    stream.unpipe(target);
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', toLog);
  }
  if (typeof thread?.on !== 'function' || typeof thread.postMessage !== 'function') return;
  thread.on('message', (message: unknown) => {
    const output = (message as { planIngestEngineOutput?: { line?: unknown } } | null)?.planIngestEngineOutput;
    if (typeof output?.line === 'string') toLog(output.line);
  });
  thread.postMessage({ planIngestCaptureOutput: true });
}

const box = (b: Bbox): OcrLine['box'] => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });
