import cliProgress from 'cli-progress';
import type { StageName } from '../../schemas/index.js';

/** What the ingest command tells the person watching, per file and page. */
export interface ProgressReporter {
  fileStarted(file: string, index: number, total: number): void;
  pageProgress(stage: StageName, done: number, total: number): void;
  fileFinished(): void;
  /** A line that must not be garbled by the bars (results, errors). */
  log(line: string, stream: 'stdout' | 'stderr'): void;
  stop(): void;
}

/** Bars on a terminal (files, and pages of the current file); plain lines otherwise (logs, CI). */
export function createProgressReporter(tty: boolean): ProgressReporter {
  return tty ? barReporter() : lineReporter();
}

function lineReporter(): ProgressReporter {
  let lastStage = '';
  return {
    fileStarted: (file, index, total) => {
      lastStage = '';
      process.stderr.write(`[${index + 1}/${total}] ${file}\n`);
    },
    pageProgress: (stage, done, total) => {
      // one line per stage, and one per OCR page since those take seconds each
      if (stage === 'ocr') process.stderr.write(`  ocr page ${done}/${total}\n`);
      else if (stage !== lastStage) process.stderr.write(`  ${stage}: ${total} page(s)\n`);
      lastStage = stage;
    },
    fileFinished: () => undefined,
    log: (line, stream) => (stream === 'stdout' ? process.stdout : process.stderr).write(`${line}\n`),
    stop: () => undefined,
  };
}

function barReporter(): ProgressReporter {
  const multi = new cliProgress.MultiBar(
    { format: ' {bar} {value}/{total} {label}', hideCursor: true, clearOnComplete: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let files: cliProgress.SingleBar | null = null;
  let pages: cliProgress.SingleBar | null = null;
  return {
    fileStarted: (file, index, total) => {
      files ??= multi.create(total, 0, { label: 'files' });
      files.update(index, { label: `files: ${file}` });
      pages?.stop();
      if (pages) multi.remove(pages);
      pages = multi.create(1, 0, { label: 'pages' });
    },
    pageProgress: (stage, done, total) => {
      pages?.setTotal(total);
      pages?.update(done, { label: `${stage} pages` });
    },
    fileFinished: () => files?.increment(),
    log: (line) => multi.log(`${line}\n`),
    stop: () => multi.stop(),
  };
}
