// Start and stop of the long-running processes (watch, worker, serve and the
// per-queue entries in workers/): exit codes, start errors, shutdown on signals.

/**
 * Exit codes of the long-running commands (watch, worker, serve) when they
 * cannot start or stop. Kept here, apart from the exit codes of the one-shot
 * commands, and above the small numbers those use, so that a supervisor
 * (systemd, a script) can tell a busy port from a missing folder from a
 * Redis that is not there without reading the message.
 */
export const SERVICE_EXIT = {
  /** The HTTP port is in use, not allowed, or the --host is not this machine's. */
  listen: 10,
  /** A folder (--out, the inbox, the data dir) is missing, not a folder, or not writable. */
  folder: 11,
  /** Redis cannot be started (embedded) or reached (REDIS_URL). */
  redis: 12,
  /** Stopping took longer than the grace period and was cut short. */
  stopTimedOut: 13,
} as const;

export type ServiceExitReason = keyof typeof SERVICE_EXIT;

/** A reason the service cannot start: one plain line for the user, and which exit code it means. */
export class ServiceStartError extends Error {
  override readonly name = 'ServiceStartError';
  constructor(
    readonly reason: ServiceExitReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Ends the process for a start-up failure: `plan-ingest: <one line>` on
 * stderr and the reason's exit code; never a stack trace. Anything else
 * thrown is passed on (main's catch says it in one line with code 1).
 */
export function exitOnStartError(error: unknown): never {
  if (!(error instanceof ServiceStartError)) throw error;
  process.stderr.write(`plan-ingest: ${oneLine(error.message)}\n`);
  process.exit(SERVICE_EXIT[error.reason]);
}

/** A multi-line message (redis-server's start-up log) as one line: its first line and its last. */
export function oneLine(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length <= 1) return lines[0] ?? '';
  // redis-server log lines start with "pid:X dd Mon hh:mm:ss.ms # "; the words after it are the reason
  const last = lines.at(-1)!.replace(/^\d+:[A-Z] [^#*.-]*[#*.-] /, '');
  return `${lines[0]!.replace(/:$/, '')}: ${last}`;
}

export interface ShutdownOptions {
  /**
   * How long stopping may take (ms): running jobs finish within it, and
   * what is still open then is dropped. Past it (plus 10 s for connections
   * and Redis to close), the process exits with SERVICE_EXIT.stopTimedOut.
   */
  graceMs: number;
}

/**
 * Extra time past the grace period for closing connections (each bounded
 * to 2 s by `closeWithin`) and stopping the embedded Redis (it flushes its
 * append-only file).
 */
const CLOSING_MS = 10_000;

/**
 * Waits for SIGINT or SIGTERM, runs `stop` once and exits 0 when it is done
 * (a second signal exits at once with 130). The process exits explicitly:
 * a connection retrying a Redis that went away, or a lingering keep-alive
 * socket, must not keep a stopped service alive until a second signal.
 */
export function onShutdown(stop: (signal: string) => Promise<void>, o: ShutdownOptions): Promise<never> {
  return new Promise<never>(() => {
    let stopping = false;
    const handler = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(130);
      stopping = true;
      process.stderr.write(`${signal}: stopping (running jobs get ${Math.round(o.graceMs / 1000)} s; send again to quit at once)\n`);
      const deadline = setTimeout(() => {
        process.stderr.write(`plan-ingest: did not stop within ${Math.round((o.graceMs + CLOSING_MS) / 1000)} s; quitting\n`);
        process.exit(SERVICE_EXIT.stopTimedOut);
      }, o.graceMs + CLOSING_MS);
      deadline.unref();
      void stop(signal).then(
        () => {
          process.stderr.write('stopped\n');
          process.exit(0);
        },
        (e: unknown) => {
          process.stderr.write(`plan-ingest: while stopping: ${(e as Error)?.message ?? String(e)}\n`);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}

/**
 * Runs `close` but gives up waiting after `ms` and runs `drop` instead: a
 * BullMQ queue or worker whose Redis went away waits forever for it to come
 * back, and a stopping service must not.
 */
export async function closeWithin(ms: number, close: () => Promise<unknown>, drop: () => unknown): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((ok) => (timer = setTimeout(() => ok(true), ms)));
  const done = close().then(
    () => false,
    () => false,
  );
  if (await Promise.race([done, timedOut])) {
    // dropping waits for the connection too (BullMQ awaits its client first): bounded as well; the process exits after anyway
    const dropped = Promise.resolve()
      .then(drop)
      .catch(() => {});
    await Promise.race([dropped, new Promise((ok) => setTimeout(ok, 500))]);
  }
  clearTimeout(timer);
}
