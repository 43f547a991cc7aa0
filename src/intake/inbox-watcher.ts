import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { SUPPORTED_EXTENSIONS, sniffType } from './file-type.js';
import { hasItsEnd } from './intake-file.js';

export interface InboxWatchOptions {
  /** A file must keep the same size this long before it is taken (ms). Default 2000. */
  stableMs?: number;
  /** How often sizes are polled while a file is being written (ms). Default 250. */
  pollMs?: number;
  /**
   * A file whose end is missing (a PDF without %%EOF, a PNG without IEND) is
   * given this long without growing before it is handed over anyway, to fail
   * as truncated (ms). Default 60000: copies over slow shares pause.
   */
  incompleteGraceMs?: number;
  /** Called once per complete file that lands directly in the inbox. */
  onFile: (path: string) => void;
  onError?: (error: unknown) => void;
}

/** Names of files still being written by common copiers and editors, never taken. */
export function isTempName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    /\.(part|partial|tmp|temp|crdownload|download|filepart|swp)$/i.test(name) ||
    /^\.?~lock\./.test(name)
  );
}

/**
 * Watches an inbox folder (not its subfolders) with chokidar and reports
 * each file once it is complete: its size has not changed for `stableMs`,
 * it does not carry a temp name, and, for the formats that say where they
 * end, its end is there. Files present at start are reported too.
 */
export function watchInbox(inbox: string, opts: InboxWatchOptions): { close: () => Promise<void>; ready: Promise<void> } {
  const stableMs = opts.stableMs ?? 2000;
  const pollMs = opts.pollMs ?? 250;
  const grace = opts.incompleteGraceMs ?? 60_000;
  const watcher: FSWatcher = watch(inbox, {
    depth: 0,
    ignored: (path, stats) => path !== inbox && (isTempName(basename(path)) || Boolean(stats && !stats.isFile())),
    awaitWriteFinish: { stabilityThreshold: stableMs, pollInterval: pollMs },
    ignoreInitial: false,
  });
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const settle = async (path: string, since: number, size: number): Promise<void> => {
    pending.delete(path);
    const now = await stat(path).catch(() => null);
    if (!now?.isFile()) return; // moved away or deleted meanwhile
    if (now.size !== size) return void schedule(path, Date.now(), now.size);
    if ((await isWhole(path)) || Date.now() - since >= grace) return opts.onFile(path);
    schedule(path, since, size);
  };
  const schedule = (path: string, since: number, size: number): void => {
    clearTimeout(pending.get(path));
    pending.set(path, setTimeout(() => void settle(path, since, size).catch((e: unknown) => opts.onError?.(e)), Math.max(pollMs, 1000)));
  };

  const take = (path: string): void => {
    if (pending.has(path)) return;
    void (async () => {
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) return;
      if (await isWhole(path)) return opts.onFile(path);
      schedule(path, Date.now(), info.size);
    })().catch((e: unknown) => opts.onError?.(e));
  };
  watcher.on('add', take);
  watcher.on('change', take);
  watcher.on('error', (e) => opts.onError?.(e));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
      await watcher.close();
    },
  };
}

/** Whether a file in the inbox is whole by its format's end marker (see hasItsEnd). */
async function isWhole(path: string): Promise<boolean> {
  const ext = extname(path).toLowerCase();
  if (!(ext in SUPPORTED_EXTENSIONS)) return true;
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return true;
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(1024, size));
    await handle.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(2048, size));
    await handle.read(tail, 0, tail.length, size - tail.length);
    const sniffed = sniffType(head, ext);
    return !sniffed || hasItsEnd(tail, sniffed.mediaType);
  } finally {
    await handle.close();
  }
}
