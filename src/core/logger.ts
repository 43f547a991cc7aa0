import { pino, type Logger } from 'pino';

/**
 * The process logger: JSON lines on stderr (stdout is for command output).
 * Level from PLAN_INGEST_LOG_LEVEL (default "warn" so the CLI stays quiet).
 */
export function createLogger(name: string): Logger {
  return pino({ name, level: process.env.PLAN_INGEST_LOG_LEVEL ?? 'warn' }, pino.destination(2));
}
export type { Logger };
