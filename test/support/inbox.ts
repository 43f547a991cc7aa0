import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readChanges } from '../../src/output/index.js';
import type { ChangeEntry } from '../../schemas/index.js';

/** A fresh inbox and output folder. */
export function makeDirs(name: string): { root: string; inbox: string; out: string; data: string } {
  const root = mkdtempSync(join(tmpdir(), `pi-${name}-`));
  const dirs = { root, inbox: join(root, 'inbox'), out: join(root, 'out'), data: join(root, 'data') };
  mkdirSync(dirs.inbox);
  return dirs;
}

/** Polls the change feed until `done(entries)` holds, or fails after `ms`. */
export async function waitForFeed(out: string, done: (entries: ChangeEntry[]) => boolean, ms = 90_000): Promise<ChangeEntry[]> {
  const until = Date.now() + ms;
  for (;;) {
    const entries = await readChanges(out);
    if (done(entries)) return entries;
    if (Date.now() > until) throw new Error(`change feed not as expected after ${ms} ms:\n${entries.map((e) => JSON.stringify(e)).join('\n')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Terminal entries (done, failed, duplicate) for a file name. */
export const finished = (entries: ChangeEntry[], file: string): ChangeEntry[] => entries.filter((e) => e.file === file && e.status !== 'queued');

export const list = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);
