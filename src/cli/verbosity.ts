import { setLogLevel } from '../core/index.js';

/**
 * How much a command says: `quiet` (-q) only errors and the final summary;
 * `normal` progress and one line per input; `verbose` (-v) also the debug
 * log lines (pino, JSON on stderr), OCR engine messages among them.
 */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

let current: Verbosity = 'normal';

/**
 * Set once by main.ts before a command runs. The log level follows:
 * verbose → debug, quiet → error, normal → PLAN_INGEST_LOG_LEVEL or warn.
 */
export function setVerbosity(v: Verbosity): void {
  current = v;
  if (v === 'verbose') setLogLevel('debug');
  else if (v === 'quiet') setLogLevel('error');
}

export function verbosity(): Verbosity {
  return current;
}

/** A line of progress or of one input's outcome: shown unless -q. Defaults to stderr (stdout is for results). */
export function tell(line: string, stream: 'stdout' | 'stderr' = 'stderr'): void {
  if (current === 'quiet') return;
  (stream === 'stdout' ? process.stdout : process.stderr).write(`${line}\n`);
}
