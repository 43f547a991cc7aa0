import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Tests keep their caches and trained models apart from the user's. */
export const DATA_DIR = mkdtempSync(join(tmpdir(), 'plan-ingest-data-'));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `plan-ingest <args>` from the TypeScript sources (tsx), as a user would run the bin. */
export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliResult> {
  return runProcess(process.execPath, ['--import', 'tsx', `${ROOT}src/cli/main.ts`, ...args], { ...opts, env: { PLAN_INGEST_DATA_DIR: DATA_DIR, ...opts.env } });
}

/** Runs a command to its end, collecting its output; `env` is added to this process's. */
export function runProcess(command: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, ...opts.env },
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
