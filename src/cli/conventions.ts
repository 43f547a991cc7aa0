import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { validationMessages } from '../core/index.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { OutputError } from './output-error.js';
import { setVerbosity } from './verbosity.js';

/**
 * What every command shares: `-q/--quiet` and `-v/--verbose` on each of
 * them (and before the command name), and usage errors that exit with
 * EXIT.usage rather than commander's 1. Call before parsing, after every
 * command is defined.
 */
export function applyConventions(program: Command): void {
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const c of all(program)) {
    c.addOption(new Option('-q, --quiet', 'only errors and the final summary').conflicts('verbose'));
    c.addOption(new Option('-v, --verbose', 'also debug log lines (JSON on stderr), OCR engine messages among them'));
    // commander exits the process itself on a usage error unless told to throw; the thrown error is mapped below
    c.exitOverride();
  }
  program.hook('preAction', (_program, action) => {
    const o = action.optsWithGlobals<{ quiet?: boolean; verbose?: boolean }>();
    setVerbosity(o.quiet ? 'quiet' : o.verbose ? 'verbose' : 'normal');
  });
}

/**
 * Says why a command failed, in one line per problem (no stack trace, no
 * zod JSON), and gives its exit code. Commander has printed its own usage
 * errors already.
 */
export function reportFailure(error: unknown): ExitCode {
  const say = (line: string): void => void process.stderr.write(`plan-ingest: ${line}\n`);
  if (error instanceof InvalidArgumentError) {
    say(error.message);
    return EXIT.usage;
  }
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof OutputError) {
    say(error.message);
    return EXIT.cannotWrite;
  }
  if (error instanceof z.ZodError) {
    for (const line of validationMessages(error)) say(line);
    return EXIT.error;
  }
  // a service that cannot start (no Redis) says why in one line, not with a stack trace
  say((error as Error)?.message ?? String(error));
  return EXIT.error;
}

/** A usage error found after parsing (a bad value, a missing argument): exit code EXIT.usage. */
export function usageError(message: string): InvalidArgumentError {
  return new InvalidArgumentError(message);
}
