import { access, mkdir, rename, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fitFileName, NAME_MAX_BYTES, writeFileAtomic } from '../core/index.js';

/** The inbox's subfolders: files being processed, and where originals end up. */
export type InboxFolder = 'processing' | 'processed' | 'failed';

export async function ensureInboxFolders(inbox: string): Promise<void> {
  for (const f of ['processing', 'processed', 'failed'] as const) await mkdir(join(inbox, f), { recursive: true });
}

/**
 * Moves a file into one of the inbox's subfolders, keeping its name ("Kế
 * hoạch 44.pdf"), or "Kế hoạch 44 (2).pdf" when that is taken: an original
 * is never overwritten nor deleted. A rename within the inbox's filesystem.
 * With `reason`, writes it beside the file as `<name>.reason.txt`. A name
 * too long to take those suffixes is cut short (see fitFileName), and the
 * reason file names the original.
 */
export async function moveOriginal(inbox: string, path: string, folder: InboxFolder, reason?: string): Promise<string> {
  const dir = join(inbox, folder);
  await mkdir(dir, { recursive: true });
  const name = basename(path);
  const fitted = fitFileName(name, NAME_MAX_BYTES - SUFFIX_ROOM);
  const target = await freeName(dir, fitted);
  await rename(path, target);
  if (reason !== undefined) await writeFileAtomic(`${target}.reason.txt`, `${reason}\n${fitted === name ? '' : `original name: ${name}\n`}`);
  return target;
}

/** Room left for " (9999)" and ".reason.txt". */
const SUFFIX_ROOM = 20;

/**
 * Where `moveOriginal` would put the file now: the change feed names the
 * original's final place in the same line that publishes its output (or
 * its failure), before the file is moved there with `moveOriginalTo`.
 */
export async function plannedPlace(inbox: string, path: string, folder: InboxFolder): Promise<string> {
  return freeName(join(inbox, folder), fitFileName(basename(path), NAME_MAX_BYTES - SUFFIX_ROOM));
}

/**
 * Moves a file to the place planned for it. Should that name have been
 * taken meanwhile, or the plan not be a place in `folder` (a feed line
 * written before originals were planned), it goes to a free name as with
 * `moveOriginal`: an original is never overwritten. Returns where it went.
 */
export async function moveOriginalTo(inbox: string, path: string, folder: InboxFolder, planned: string | null, reason?: string): Promise<string> {
  const dir = join(inbox, folder);
  if (!planned || dirname(planned) !== dir || (await exists(planned))) return moveOriginal(inbox, path, folder, reason);
  await mkdir(dir, { recursive: true });
  await rename(path, planned);
  const name = basename(path);
  if (reason !== undefined) await writeFileAtomic(`${planned}.reason.txt`, `${reason}\n${basename(planned) === name ? '' : `original name: ${name}\n`}`);
  return planned;
}

async function freeName(dir: string, name: string): Promise<string> {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = join(dir, i === 1 ? name : `${stem} (${i})${ext}`);
    const taken = await access(candidate).then(
      () => true,
      () => false,
    );
    if (!taken) return candidate;
  }
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
