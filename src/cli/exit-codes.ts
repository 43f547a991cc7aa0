/**
 * The exit codes of every `plan-ingest` command, for scripts that call it
 * (the README lists them). Defined once here: commands return one of these,
 * never a bare number.
 */
export const EXIT = {
  /** Everything asked for was done. */
  ok: 0,
  /** The command could not run (no Redis, no such reviewer, an internal error). */
  error: 1,
  /** The command line is wrong: unknown command or flag, a bad value, a missing argument. */
  usage: 2,
  /** Some inputs failed (each said why on stderr); the others were processed. */
  someFailed: 3,
  /** Every input failed, or none could be used. */
  allFailed: 4,
  /** The output (a folder or file) cannot be written; nothing or not everything was written. */
  cannotWrite: 5,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit code of a command over inputs: ok when none failed, all-failed when none succeeded. */
export function exitForInputs(total: number, failed: number): ExitCode {
  if (failed === 0) return EXIT.ok;
  return failed >= total ? EXIT.allFailed : EXIT.someFailed;
}
