import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A long-running `plan-ingest` process (watch, worker, serve) whose output a test can wait on. */
export interface CliProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in stdout+stderr, or rejects after `ms`. */
  waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpMatchArray>;
  /** SIGTERM (or the given signal) and wait for the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Starts `plan-ingest <args>` from the sources, or another entry (`workers/page-worker.ts`) given relative to the repository. */
export function startCli(args: string[], env: NodeJS.ProcessEnv, entry = 'src/cli/main.ts'): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', `${ROOT}${entry}`, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    text += d.toString();
    for (const w of [...waiters]) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let gone = false;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      gone = true;
      resolve(code);
      for (const w of [...waiters]) w();
    }),
  );
  return {
    child,
    output: () => text,
    waitFor: (pattern, ms = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = text.match(pattern);
          if (!m && gone) {
            // the process ended without saying it: no use waiting out the timeout
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`the process exited (code ${child.exitCode}) before ${pattern}; its output:\n${text}`));
          }
          if (!m) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(m);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${ms} ms waiting for ${pattern}; output so far:\n${text}`));
        }, ms);
        waiters.add(check);
        check();
      }),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
