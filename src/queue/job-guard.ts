import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import type { DocumentJobData, PageJobData } from '../../schemas/index.js';
import { documentJobSigned, pageJobSigned } from './job-signature.js';

/** Whether `inner` is `outer` or lies under it (both already resolved). */
function inside(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

async function real(path: string): Promise<string | null> {
  return realpath(path).catch(() => null);
}

/**
 * Why a document job must not run (null: it may). Signed by this
 * installation, absolute folders, and — for a file from an inbox — the file,
 * links resolved, still inside that inbox: a job can never make a worker read
 * or move a file elsewhere.
 */
export async function refuseDocumentJob(data: DocumentJobData, key: Buffer): Promise<string | null> {
  if (!documentJobSigned(data, key)) return 'job refused: not signed with this installation\'s job key (only plan-ingest watch/submit queue documents)';
  if (!isAbsolute(data.file) || !isAbsolute(data.outDir) || (data.inbox !== null && !isAbsolute(data.inbox))) return 'job refused: its paths are not absolute';
  if (data.inbox !== null) {
    const [inbox, file] = [await real(data.inbox), await real(data.file)];
    // a file already moved on (a re-run after a crash) is checked by the folder it was in
    const where = file ?? (await real(dirname(data.file)));
    if (!inbox || !where || !inside(inbox, where)) return `job refused: ${basename(data.file)} is not inside the inbox ${data.inbox}`;
  }
  return null;
}

/** Why a page job must not run: unsigned, or a work folder that is not an output folder's `.work/<job>`. */
export function refusePageJob(data: PageJobData, key: Buffer): string | null {
  if (!pageJobSigned(data, key)) return 'job refused: not signed with this installation\'s job key';
  if (!isAbsolute(data.workDir) || basename(dirname(data.workDir)) !== '.work') return 'job refused: its work folder is not a document\'s work folder';
  return null;
}
