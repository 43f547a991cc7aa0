import { Command, InvalidArgumentError } from 'commander';
import type { QueueName } from '../queue/index.js';
import { DEFAULT_OCR_MODEL, OCR_MODELS, type OcrModel } from '../../schemas/index.js';
import { PIPELINE_VERSION } from '../core/index.js';
import { applyConventions, reportFailure } from './conventions.js';
import { registerExportCommand } from './export-command.js';
import { addLimitOptions, limitsOf, type LimitFlags } from './limit-options.js';
import { registerReviewerCommands } from './reviewer-command.js';

// Each command's module is imported when that command runs, not at start-up:
// together they pull in pdfjs, Skia, BullMQ, ExcelJS and the web server
// (about a second and 150 MB before `--help` could answer).

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
};

const program = new Command()
  .name('plan-ingest')
  .description('Turns Vietnamese government plan documents (Kế hoạch) into structured, validated JSON.')
  .version(PIPELINE_VERSION);

const ocrModel = (v: string): OcrModel => {
  if (!(OCR_MODELS as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected ${OCR_MODELS.join(' or ')}`);
  return v as OcrModel;
};

addLimitOptions(
  program
    .command('ingest')
  .description('process files in process (no Redis): .pdf, .png/.jpg/.tif, .docx, .txt/.md; a folder means every such file in it')
  .argument('<path...>', 'files or folders')
  .option('-o, --out <dir>', 'output folder for <base>.json', './out')
  .option('--no-ocr', 'do not OCR pages without a usable text layer (they are recorded as errors)')
  .option('--ocr-dpi <n>', 'render resolution for OCR', positiveInt, 300)
  .option('--ocr-line-height <px>', 'read each page with its text lines shrunk to this height (faster, a little less accurate; default: as rendered)', positiveInt)
  .option('--ocr-workers <n>', 'OCR worker threads (default: cores)', positiveInt)
  .option('--ocr-engine <name>', 'tesseract.js (bundled) or native (Debian tesseract-ocr + tesseract-ocr-vie, for big batches)', 'tesseract.js')
  .option('--ocr-model <name>', `tesseract.js's model: best or fast (default ${DEFAULT_OCR_MODEL})`, ocrModel, DEFAULT_OCR_MODEL)
  .option('--no-restore', 'do not restore diacritics of pages that lost them (they are recorded instead)')
  .option('--no-progress', 'plain log lines instead of progress bars'),
)
  .action(async (paths: string[], o: LimitFlags & { out: string; ocr: boolean; restore: boolean; ocrDpi: number; ocrLineHeight?: number; ocrWorkers?: number; ocrEngine: string; ocrModel: OcrModel; progress: boolean }) => {
    if (o.ocrEngine !== 'tesseract.js' && o.ocrEngine !== 'native') throw new InvalidArgumentError(`--ocr-engine: expected tesseract.js or native, got ${o.ocrEngine}`);
    const { ingestCommand, ingestExitCode } = await import('./ingest-command.js');
    const summary = await ingestCommand(paths, {
      out: o.out,
      ocr: o.ocr,
      restore: o.restore,
      ocrDpi: o.ocrDpi,
      ocrLineHeight: o.ocrLineHeight ?? null,
      ocrWorkers: o.ocrWorkers,
      ocrEngine: o.ocrEngine as 'tesseract.js' | 'native',
      ocrModel: o.ocrModel,
      limits: limitsOf(o),
      progress: o.progress && Boolean(process.stderr.isTTY),
    });
    process.exitCode = ingestExitCode(summary);
  });

program
  .command('restore')
  .description('restore Vietnamese diacritics and repair OCR noise in plain text, line by line (stdin to stdout by default)')
  .option('--in <file>', 'input text file (default: stdin)')
  .option('--out <file>', 'output file (default: stdout)')
  .action(async (o: { in?: string; out?: string }) => {
    const { restoreCommand } = await import('./restore-command.js');
    process.exitCode = await restoreCommand(o);
  });

program
  .command('train')
  .description("add correct Vietnamese plans (.pdf with a good text layer, .txt, .md) to the restoration model's corpus and retrain it")
  .argument('[path...]', 'files or folders')
  .option('--corrections <dir>', "also learn from the reviewers' corrected texts in this output folder")
  .action(async (paths: string[], o: { corrections?: string }) => {
    if (!paths.length && !o.corrections) throw new InvalidArgumentError('give files or folders, or --corrections <dir>');
    const { trainCommand } = await import('./train-command.js');
    process.exitCode = await trainCommand(paths, o);
  });

const queueNames = (v: string): QueueName[] => {
  const names = v.split(',').map((s) => s.trim());
  for (const n of names) if (n !== 'documents' && n !== 'pages') throw new InvalidArgumentError(`unknown queue "${n}": expected documents, pages`);
  return names as QueueName[];
};

const ocrEngine = (v: string): 'tesseract.js' | 'native' => {
  if (v !== 'tesseract.js' && v !== 'native') throw new InvalidArgumentError('expected tesseract.js or native');
  return v;
};

addLimitOptions(
  program
    .command('watch')
  .description('the service: process every file dropped into <inbox> through BullMQ workers on Redis (REDIS_URL, or an embedded redis-server); originals end up in <inbox>/processed or <inbox>/failed')
  .argument('<inbox>', 'folder to watch')
  .option('-o, --out <dir>', 'output folder for <base>.json and changes.jsonl', './out')
  .option('--no-ocr', 'do not OCR pages without a usable text layer')
  .option('--no-restore', 'do not restore diacritics of pages that lost them')
  .option('--ocr-dpi <n>', 'render resolution for OCR', positiveInt, 300)
  .option('--concurrency <n>', 'OCR page jobs at once in this process (default: cores)', positiveInt)
  .option('--document-concurrency <n>', 'document jobs at once in this process', positiveInt, 2)
  .option('--ocr-engine <name>', 'tesseract.js (bundled) or native', ocrEngine, 'tesseract.js')
  .option('--ocr-model <name>', `tesseract.js's model: best or fast (default ${DEFAULT_OCR_MODEL})`, ocrModel, DEFAULT_OCR_MODEL)
  .option('--no-workers', 'only watch and queue; `plan-ingest worker` processes')
  .option('--stable-ms <ms>', 'a file must keep its size this long before it is taken', positiveInt, 2000)
  .option('--grace <s>', 'seconds running jobs get to finish on SIGTERM before they are handed back', positiveInt, 30)
  .option('--health-port <n>', 'answer GET /health on this port of 127.0.0.1 (0: any free port)', (v) => (v === '0' ? 0 : positiveInt(v))),
)
  .action(async (inbox: string, o: LimitFlags & { out: string; ocr: boolean; restore: boolean; ocrDpi: number; concurrency?: number; documentConcurrency: number; ocrEngine: 'tesseract.js' | 'native'; ocrModel: OcrModel; workers: boolean; stableMs: number; grace: number; healthPort?: number }) => {
    const { watchCommand } = await import('./watch-command.js');
    await watchCommand(inbox, { ...o, maxSizeMb: o.maxSize, limits: limitsOf(o), graceS: o.grace });
  });

program
  .command('worker')
  .description('more workers for the queue of `plan-ingest watch`, on this machine or another (same REDIS_URL, same shared paths)')
  .option('--concurrency <n>', 'OCR page jobs at once (default: cores)', positiveInt)
  .option('--document-concurrency <n>', 'document jobs at once', positiveInt, 2)
  .option('--ocr-engine <name>', 'tesseract.js (bundled) or native', ocrEngine, 'tesseract.js')
  .option('--ocr-model <name>', `tesseract.js's model: best or fast (default ${DEFAULT_OCR_MODEL})`, ocrModel, DEFAULT_OCR_MODEL)
  .option('--grace <s>', 'seconds running jobs get to finish on SIGTERM before they are handed back', positiveInt, 30)
  .option('--queues <names>', 'queues to work, comma-separated: documents,pages (pages alone: an OCR-only machine)', queueNames, ['documents', 'pages'])
  .action(async (o: { concurrency?: number; documentConcurrency: number; ocrEngine: 'tesseract.js' | 'native'; ocrModel: OcrModel; grace: number; queues: QueueName[] }) => {
    const { workerCommand } = await import('./worker-command.js');
    await workerCommand({ ...o, graceS: o.grace });
  });

addLimitOptions(
  program
    .command('submit')
  .description("queue files for the service's workers, leaving them where they are; --reprocess processes known content again (a new version)")
  .argument('<path...>', 'files or folders')
  .option('-o, --out <dir>', 'output folder for <base>.json', './out')
  .option('--reprocess', 'process content that was processed before again')
  .option('--no-ocr', 'do not OCR pages without a usable text layer')
  .option('--no-restore', 'do not restore diacritics of pages that lost them')
  .option('--ocr-dpi <n>', 'render resolution for OCR', positiveInt, 300),
)
  .action(async (paths: string[], o: LimitFlags & { out: string; reprocess?: boolean; ocr: boolean; restore: boolean; ocrDpi: number }) => {
    const { submitCommand } = await import('./submit-command.js');
    process.exitCode = await submitCommand(paths, { ...o, reprocess: Boolean(o.reprocess), maxSizeMb: o.maxSize, limits: limitsOf(o) });
  });

program
  .command('serve')
  .description('the HTTP API (and review page) for the documents in an output folder, on localhost by default')
  .requiredOption('-o, --out <dir>', 'the output folder of ingest or watch')
  .option('-p, --port <n>', 'port (0: any free one)', (v) => (v === '0' ? 0 : positiveInt(v)), 8080)
  .option('--host <addr>', 'address to bind; 0.0.0.0 exposes it to the network', '127.0.0.1')
  .option('--dashboard', 'the queue dashboard at /admin/queues, for admin reviewers, read-only')
  .option('--dashboard-actions', 'the dashboard also retries, cleans and pauses (implies --dashboard)')
  .option('--allow-host <name>', 'a host name requests may use besides localhost and IP addresses (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
  .option('--public-read', 'reads (documents, images, corrections, exports, change feed) need no sign-in or token; edits still do')
  .action(async (o: { out: string; port: number; host: string; dashboard?: boolean; dashboardActions?: boolean; allowHost: string[]; publicRead?: boolean }) => {
    const { serveCommand } = await import('./serve-command.js');
    await serveCommand({ ...o, publicRead: Boolean(o.publicRead), dashboard: o.dashboardActions ? 'actions' : o.dashboard ? 'read-only' : 'off' });
  });

const reviewer = program.command('reviewer').description('local accounts for the review page');
reviewer
  .command('add')
  .description('create a reviewer (or set a new password); the password is read from stdin, or asked for on a terminal')
  .argument('<name>', 'sign-in name (letters, digits, . _ -)')
  .requiredOption('-o, --out <dir>', 'the output folder the reviewer reviews')
  .option('--admin', 'may also open the queue dashboard (serve --dashboard)')
  .action(async (name: string, o: { out: string; admin?: boolean }) => {
    const { reviewerAddCommand } = await import('./reviewer-command.js');
    process.exitCode = await reviewerAddCommand(name, o);
  });
registerReviewerCommands(reviewer);
registerExportCommand(program);

const token = program.command('token').description('API tokens for downstream systems (sent as Authorization: Bearer …), kept hashed in the data dir');
token
  .command('add')
  .description('make a token and print it, once')
  .argument('<name>', 'what the token is for (letters, digits, . _ -)')
  .requiredOption('--scope <scope>', 'read (GET), review (also edits) or admin (also the queue dashboard)')
  .action(async (name: string, o: { scope: string }) => (await import('./token-command.js')).tokenAddCommand(name, o));
token
  .command('list')
  .description('the tokens: name, scope, created (never the tokens themselves)')
  .action(async () => (await import('./token-command.js')).tokenListCommand());
token
  .command('revoke')
  .description('stop a token from working (at once, on running servers too)')
  .argument('<name>', 'the token to revoke')
  .action(async (name: string) => (await import('./token-command.js')).tokenRevokeCommand(name));
// last: every command registered above gets -q/-v and exit code 2 on usage errors
applyConventions(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportFailure(error);
}
