/**
 * Why a task run in a child process (src/core/child-runner.ts) did not come
 * back: the child died under it ("crashed": a signal such as SIGSEGV or
 * SIGILL from a native decoder, or an exit), or it ran past its wall-time
 * limit and was killed ("timed-out"). The parent goes on; the caller decides
 * whether the file or only the page fails, and whether to retry. Matched by
 * `name`, because errors cross process boundaries in the queue.
 */
export class ChildFailure extends Error {
  override readonly name = 'ChildFailure';
  constructor(
    readonly code: 'crashed' | 'timed-out',
    message: string,
    readonly details: {
      /** The signal that ended the child (null when it exited). */
      signal: NodeJS.Signals | null;
      /** Its exit code (null when a signal ended it). */
      exitCode: number | null;
      /** The last lines the child wrote to stderr (a native library's abort message), for logs. */
      stderr: string;
    },
  ) {
    super(message);
  }
}

/** True for a child that crashed or was stopped for taking too long (by name: it may come from another process). */
export function isChildFailure(error: unknown): error is ChildFailure {
  return error instanceof Error && error.name === 'ChildFailure';
}
