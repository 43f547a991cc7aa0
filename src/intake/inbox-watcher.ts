import { lstat, open, readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { tiffIsWhole } from './file-completeness.js';
import { SUPPORTED_EXTENSIONS, sniffType } from './file-type.js';
import { hasItsEnd } from './intake-file.js';
import { notRegularFile } from './regular-file.js';

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
  /**
   * Called once for an entry that is not taken, with why: a symbolic link or
   * a special file (FIFO, device, socket), to be moved aside; or a hidden
   * name (`.plan.pdf`) that stayed after the stable time, only to be reported
   * (copiers write such names while copying). Default: ignored silently.
   */
  onRefused?: (path: string, reason: string, hidden: boolean) => void;
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
    // links and special files are seen (and refused with a reason), never followed; hidden names are seen once stable (to be reported)
    ignored: (path, stats) => path !== inbox && ((isTempName(basename(path)) && !basename(path).startsWith('.')) || Boolean(stats?.isDirectory())),
    followSymlinks: false,
    awaitWriteFinish: { stabilityThreshold: stableMs, pollInterval: pollMs },
    ignoreInitial: false,
  });
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const refused = new Set<string>();

  // `look`: size and modification time when last seen; a text (no end marker) is taken only when a second look finds them unchanged
  const settle = async (path: string, since: number, look: Look): Promise<void> => {
    pending.delete(path);
    const now = await stat(path).catch(() => null);
    if (!now?.isFile()) return; // moved away or deleted meanwhile
    if (now.size !== look.size || now.mtimeMs !== look.mtimeMs) return void schedule(path, Date.now(), now);
    if ((await isWhole(path)) || Date.now() - since >= grace) return opts.onFile(path);
    schedule(path, since, now);
  };
  const schedule = (path: string, since: number, look: Look): void => {
    clearTimeout(pending.get(path));
    const wait = hasNoEndMarker(path) ? Math.max(stableMs, pollMs) : Math.max(pollMs, 1000);
    pending.set(path, setTimeout(() => void settle(path, since, look).catch((e: unknown) => opts.onError?.(e)), wait));
  };

  const take = (path: string): void => {
    if (pending.has(path) || refused.has(path)) return;
    void (async () => {
      const entry = await lstat(path).catch(() => null);
      if (!entry) return;
      const odd = notRegularFile(entry);
      if (odd || basename(path).startsWith('.')) {
        refused.add(path);
        return opts.onRefused?.(path, odd ?? 'a hidden name (it starts with "."): left in the inbox; rename it to have it processed', !odd);
      }
      if (!hasNoEndMarker(path) && (await isWhole(path))) return opts.onFile(path);
      schedule(path, Date.now(), entry);
    })().catch((e: unknown) => opts.onError?.(e));
  };
  watcher.on('unlink', (path) => refused.delete(path));
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

interface Look {
  size: number;
  mtimeMs: number;
}

/**
 * Plain texts do not say where they end: they are taken after a second look
 * finds them unchanged. A .docx is a text input too, but a zip, whose end
 * record says it is whole (hasItsEnd).
 */
const hasNoEndMarker = (path: string): boolean => {
  const ext = extname(path).toLowerCase();
  return SUPPORTED_EXTENSIONS[ext] === 'text' && ext !== '.docx';
};

/**
 * Whether a file in the inbox is whole by its format's end marker (see
 * hasItsEnd), a TIFF by where its directories and strips point (see
 * tiffIsWhole).
 */
async function isWhole(path: string): Promise<boolean> {
  const ext = extname(path).toLowerCase();
  if (!(ext in SUPPORTED_EXTENSIONS)) return true;
  if (ext === '.tif' || ext === '.tiff') {
    const bytes = await readFile(path).catch(() => null);
    return !bytes || sniffType(bytes.subarray(0, 8), ext)?.mediaType !== 'image/tiff' || tiffIsWhole(bytes);
  }
  if (hasNoEndMarker(path)) {
    const handle = await open(path, 'r').catch(() => null);
    if (!handle) return true;
    try {
      const { size } = await handle.stat();
      const tail = Buffer.alloc(Math.min(8, size));
      await handle.read(tail, 0, tail.length, size - tail.length);
      return hasItsEnd(tail, 'text/plain');
    } finally {
      await handle.close();
    }
  }
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
