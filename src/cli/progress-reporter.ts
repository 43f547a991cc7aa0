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

/**
 * Bars on a terminal (files, and pages of the current file); plain lines
 * otherwise (logs, CI); with `quiet` (-q) no progress at all, only the
 * lines the command logs (its failures).
 */
export function createProgressReporter(tty: boolean, quiet = false): ProgressReporter {
  if (quiet) return { ...lineReporter(), fileStarted: () => undefined, pageProgress: () => undefined };
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

/**
 * Bars on stderr (files, and the current file's pages). Every outcome line
 * is kept: shown above the bars as they redraw, and those still waiting when
 * the bars stop are written after them (cli-progress's stop() drops them).
 */
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
    log: (line, stream) => {
      // a result line for a pipe goes there at once: the bars are on the terminal, not in the pipe
      if (stream === 'stdout' && !process.stdout.isTTY) process.stdout.write(`${line}\n`);
      else multi.log(`${line}\n`);
    },
    stop: () => {
      multi.stop();
      // lines logged since the last redraw are only in MultiBar's buffer, which stop() does not write: write them now
      const pending = (multi as unknown as { loggingBuffer?: string[] }).loggingBuffer ?? [];
      for (const line of pending.splice(0)) process.stderr.write(line);
    },
  };
}
