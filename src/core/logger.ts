import { pino, type Logger } from 'pino';

/**
 * The process logger: JSON lines on stderr (stdout is for command output).
 * Level from PLAN_INGEST_LOG_LEVEL (default "warn" so the CLI stays quiet);
 * the CLI's `-v` sets it to "debug" and `-q` to "error" (see setLogLevel).
 */
export function createLogger(name: string): Logger {
  return pino({ name, level: process.env.PLAN_INGEST_LOG_LEVEL ?? 'warn' }, pino.destination(2));
}

/**
 * Sets the level of the loggers created from now on, in this process and
 * in the processes it starts (through PLAN_INGEST_LOG_LEVEL, which they inherit).
 */
export function setLogLevel(level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent'): void {
  process.env.PLAN_INGEST_LOG_LEVEL = level;
}
export type { Logger };
