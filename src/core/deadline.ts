import { InputError } from './input-error.js';

/**
 * A document's time budget, checked between pages and stages: past it, the
 * file fails with a reason (`time-limit`) instead of holding a worker for
 * ever. Checks cannot interrupt work already running in this thread (a page
 * pdfjs is parsing); a child process killed on timeout does that, and can be
 * given `remainingMs()` as its own limit.
 */
export class Deadline {
  /**
   * @param ms the budget (ms)
   * @param startedAt when the document started (epoch ms; default now): a queued document resumed by another worker keeps its start
   * @param now the clock (default Date.now)
   */
  constructor(
    readonly ms: number,
    readonly startedAt: number = Date.now(),
    private readonly now: () => number = Date.now,
  ) {}

  remainingMs(): number {
    return this.startedAt + this.ms - this.now();
  }

  /** Throws InputError("time-limit") once the budget is spent; `where` says what was about to start ("page 37", "layout"). */
  check(where: string): void {
    if (this.remainingMs() > 0) return;
    throw new InputError('time-limit', `processing took longer than the ${seconds(this.ms)} limit per document (stopped before ${where})`);
  }
}

/**
 * Waits for `work` at most `ms`: its value, or `timedOut` when the time ran
 * out first (the work itself goes on in the background and its result or
 * failure is dropped). For a page read in this process; a renderer in a
 * child process is killed instead.
 */
export async function withinTime<T>(work: Promise<T>, ms: number): Promise<{ timedOut: false; value: T } | { timedOut: true }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<{ timedOut: true }>((resolve) => {
    timer = setTimeout(() => resolve({ timedOut: true }), ms);
  });
  work.catch(() => undefined); // a failure after the timeout is not reported as unhandled
  try {
    return await Promise.race([work.then((value) => ({ timedOut: false as const, value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** "120 s", "2 h". */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return s >= 3600 && s % 3600 === 0 ? `${s / 3600} h` : s >= 60 && s % 60 === 0 ? `${s / 60} min` : `${s} s`;
}
