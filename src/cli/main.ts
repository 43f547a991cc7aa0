import { Command, InvalidArgumentError } from 'commander';
import { PIPELINE_VERSION } from '../core/index.js';
import { ingestCommand } from './ingest-command.js';
import { restoreCommand } from './restore-command.js';
import { trainCommand } from './train-command.js';

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
};

const program = new Command()
  .name('plan-ingest')
  .description('Turns Vietnamese government plan documents (Kế hoạch) into structured, validated JSON.')
  .version(PIPELINE_VERSION);

program
  .command('ingest')
  .description('process files in process (no Redis): .pdf, .png/.jpg/.tif, .txt/.md; a folder means every such file in it')
  .argument('<path...>', 'files or folders')
  .option('-o, --out <dir>', 'output folder for <base>.json', './out')
  .option('--no-ocr', 'do not OCR pages without a usable text layer (they are recorded as errors)')
  .option('--ocr-dpi <n>', 'render resolution for OCR', positiveInt, 300)
  .option('--ocr-workers <n>', 'OCR worker threads (default: cores)', positiveInt)
  .option('--ocr-engine <name>', 'tesseract.js (bundled) or native (Debian tesseract-ocr + tesseract-ocr-vie, for big batches)', 'tesseract.js')
  .option('--max-size <mb>', 'refuse files larger than this many MiB', positiveInt, 512)
  .option('--no-restore', 'do not restore diacritics of pages that lost them (they are recorded instead)')
  .option('--no-progress', 'plain log lines instead of progress bars')
  .action(async (paths: string[], o: { out: string; ocr: boolean; restore: boolean; ocrDpi: number; ocrWorkers?: number; ocrEngine: string; maxSize: number; progress: boolean }) => {
    if (o.ocrEngine !== 'tesseract.js' && o.ocrEngine !== 'native') throw new InvalidArgumentError(`--ocr-engine: expected tesseract.js or native, got ${o.ocrEngine}`);
    const summary = await ingestCommand(paths, {
      out: o.out,
      ocr: o.ocr,
      restore: o.restore,
      ocrDpi: o.ocrDpi,
      ocrWorkers: o.ocrWorkers,
      ocrEngine: o.ocrEngine as 'tesseract.js' | 'native',
      maxSizeMb: o.maxSize,
      progress: o.progress && Boolean(process.stderr.isTTY),
    });
    process.exitCode = summary.failed > 0 ? 1 : 0;
  });

program
  .command('restore')
  .description('restore Vietnamese diacritics and repair OCR noise in plain text, line by line (stdin to stdout by default)')
  .option('--in <file>', 'input text file (default: stdin)')
  .option('--out <file>', 'output file (default: stdout)')
  .action(async (o: { in?: string; out?: string }) => restoreCommand(o));

program
  .command('train')
  .description("add correct Vietnamese plans (.pdf with a good text layer, .txt, .md) to the restoration model's corpus and retrain it")
  .argument('<path...>', 'files or folders')
  .action(async (paths: string[]) => trainCommand(paths));

await program.parseAsync(process.argv);
