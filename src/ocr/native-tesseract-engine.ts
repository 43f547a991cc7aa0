import { execFileSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createLogger, type Logger } from '../core/index.js';
import type { OcrEngine, OcrLine, OcrResult, PageImage } from './ocr-engine.js';

export interface NativeTesseractOptions {
  /** Language data installed for the tesseract binary (Debian: tesseract-ocr-vie). Default "vie". */
  lang?: string;
  /** Processes at once; each runs single-threaded (OMP_THREAD_LIMIT=1). Default: the machine's cores. */
  workers?: number;
  /** Where the binary's messages on stderr go, at debug level ("Estimating resolution as …"). Default: a logger named "ocr". */
  log?: Logger;
}

/** True when a `tesseract` binary with `lang` is installed. */
export function haveNativeTesseract(lang = 'vie'): boolean {
  try {
    return execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').includes(lang);
  } catch {
    return false;
  }
}

/**
 * The native `tesseract` binary behind OcrEngine, for big batches: one
 * single-threaded process per page, as many at once as `workers`. Words and
 * boxes come from its TSV output. Needs Debian's tesseract-ocr and
 * tesseract-ocr-vie; `haveNativeTesseract()` says whether they are there.
 */
export function createNativeTesseractEngine(opts: NativeTesseractOptions = {}): OcrEngine {
  const lang = opts.lang ?? 'vie';
  if (!haveNativeTesseract(lang)) throw new Error(`native tesseract with "${lang}" data is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-${lang})`);
  const limit = Math.max(1, opts.workers ?? availableParallelism());
  const log = opts.log ?? createLogger('ocr');
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = async (): Promise<void> => {
    if (running < limit) {
      running++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    name: `tesseract-native(${lang})`,
    async recognize(image: PageImage): Promise<OcrResult> {
      await acquire();
      try {
        return parseTsv(await run(['stdin', 'stdout', '-l', lang, '--dpi', String(image.dpi), 'tsv'], image.bytes, log));
      } finally {
        release();
      }
    },
    async close(): Promise<void> {},
  };
}

/** Runs the binary; its stderr is collected (never passed through to the user's) and logged at debug level. */
function run(args: string[], input: Buffer, log: Logger): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      for (const line of err.split('\n')) if (line.trim()) log.debug({ engine: 'tesseract' }, line);
      if (code === 0) resolve(out);
      else reject(new Error(`tesseract exited ${code}: ${err.trim().split('\n').at(-1) ?? ''}`));
    });
    child.stdin.end(input);
  });
}

/** TSV rows of level 5 are words; block/paragraph/line numbers group them into lines. */
function parseTsv(tsv: string): OcrResult {
  const lines = new Map<string, OcrLine>();
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c[0] !== '5' || c.length < 12) continue;
    const text = (c[11] ?? '').normalize('NFC');
    if (!text.trim()) continue;
    const [left, top, width, height, conf] = [c[6], c[7], c[8], c[9], c[10]].map(Number) as [number, number, number, number, number];
    const box = { x0: left, y0: top, x1: left + width, y1: top + height };
    const key = `${c[2]}.${c[3]}.${c[4]}`;
    const line = lines.get(key) ?? { words: [], box: { ...box } };
    line.words.push({ text, box, confidence: Math.max(0, conf) / 100 });
    line.box = { x0: Math.min(line.box.x0, box.x0), y0: Math.min(line.box.y0, box.y0), x1: Math.max(line.box.x1, box.x1), y1: Math.max(line.box.y1, box.y1) };
    lines.set(key, line);
  }
  return { lines: [...lines.values()], widthPx: null, heightPx: null };
}
