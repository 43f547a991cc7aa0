import { Job } from 'bullmq';
import { DocumentJobData } from '../../schemas/index.js';
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ProcessingOptions } from '../../schemas/index.js';
import { sha256File, type Logger } from '../core/index.js';
import { isTempName, watchInbox, type InboxWatchOptions } from '../intake/index.js';
import { appendChange, documentId, outputBase } from '../output/index.js';
import type { ContentRegistry } from './content-registry.js';
import { failDocument, failureReason } from './document-failure.js';
import { ensureInboxFolders, moveOriginal } from './originals.js';
import { signDocumentJob } from './job-signature.js';
import { requireKey, type PlanQueues } from './queues.js';

/** What the inbox tells the clerk watching it. */
export type InboxEvent =
  | { kind: 'queued'; file: string; id: string; job: string }
  | { kind: 'duplicate'; file: string; id: string; of: string }
  /** Not taken: a link or special file (moved to `failed/` with its reason), or a hidden name (left where it is). */
  | { kind: 'refused'; file: string; reason: string; moved: boolean }
  | { kind: 'error'; file: string; message: string };

export interface InboxOptions {
  inbox: string;
  outDir: string;
  options: ProcessingOptions;
  queues: PlanQueues;
  registry: ContentRegistry;
  log: Logger;
  onEvent?: (e: InboxEvent) => void;
  /** Passed to the watcher (how long a file must stay unchanged, …). */
  watch?: Omit<InboxWatchOptions, 'onFile' | 'onError'>;
}

const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * The service's intake: every complete file dropped into the inbox is moved
 * to `processing/`, hashed, and queued as a document job, unless the same
 * content is already queued or done (then it goes to `processed/` with a
 * note saying what it duplicates). Files left in `processing/` by a crash
 * are taken up again at start. One file is handled at a time, in order.
 */
export async function startInbox(o: InboxOptions): Promise<{ close: () => Promise<void>; ready: Promise<void> }> {
  await ensureInboxFolders(o.inbox);
  let chain = Promise.resolve();
  const serial = (fn: () => Promise<void>, file: string): void => {
    chain = chain.then(fn).catch((e: unknown) => {
      o.log.error({ err: e, file }, 'inbox');
      o.onEvent?.({ kind: 'error', file, message: (e as Error)?.message ?? String(e) });
    });
  };
  const submit = (path: string, name: string, recovering: boolean) => submitFile(o, path, name, recovering);

  const processing = join(o.inbox, 'processing');
  for (const name of (await readdir(processing)).sort()) if (!isTempName(name)) serial(() => submit(join(processing, name), name, true), name);
  const watcher = watchInbox(o.inbox, {
    ...o.watch,
    onFile: (path) =>
      serial(async () => {
        const name = basename(path);
        const moved = await moveOriginal(o.inbox, path, 'processing').catch((e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT') return null; // taken meanwhile
          throw e;
        });
        if (moved) await submit(moved, name, false);
      }, basename(path)),
    onRefused: (path, reason, hidden) =>
      serial(async () => {
        // a link is moved as the link itself (rename never follows it); a hidden name is only reported: copiers write such names
        const moved = hidden ? null : await moveOriginal(o.inbox, path, 'failed', reason).catch(() => null);
        o.log.warn({ file: basename(path), reason }, 'inbox: not taken');
        o.onEvent?.({ kind: 'refused', file: basename(path), reason, moved: Boolean(moved) });
      }, basename(path)),
    onError: (e) => o.log.error({ err: e }, 'inbox watcher'),
  });
  return {
    ready: watcher.ready,
    close: async () => {
      await watcher.close();
      await chain;
    },
  };
}

async function submitFile(o: InboxOptions, path: string, name: string, recovering: boolean): Promise<void> {
  const sha256 = await sha256File(path);
  const id = documentId(sha256);
  const jobId = `${id}-${Date.now().toString(36)}`;
  const time = new Date().toISOString();
  const held = await o.registry.claim({ outDir: o.outDir, sha256 }, { status: 'queued', jobId, file: name, time });
  if (held) {
    const job = await Job.fromId(o.queues.documents, held.jobId);
    const state = job ? await job.getState() : null;
    if (recovering && job?.data.file === path) {
      // left by a crash: still queued, finished before its original was moved, or failed for good
      // (stalled too often) before it could say so: never a duplicate of itself
      if (LIVE_STATES.has(state!)) return;
      if (state === 'completed') return void (await moveOriginal(o.inbox, path, 'processed'));
      const data = DocumentJobData.safeParse(job.data);
      // (the folders are this inbox's, not the job's word)
      if (state === 'failed' && data.success)
        return void (await failDocument(o, { ...data.data, inbox: o.inbox, outDir: o.outDir }, job.id!, failureReason(job.failedReason || 'failed')));
    }
    if (held.status === 'queued' && (!job || state === 'failed')) {
      // claimed, but the job was never added (a crash in between), or it failed without settling: take it over
      await o.registry.take({ outDir: o.outDir, sha256 }, { status: 'queued', jobId, file: name, time });
    } else {
      const reason = `same content as ${held.file} (${id}), ${held.status === 'done' ? 'already processed' : 'already queued'}; not processed again`;
      const original = await moveOriginal(o.inbox, path, 'processed', reason);
      await appendChange(o.outDir, { id, version: null, time, status: 'duplicate', file: name, output: null, reason, original, job: null });
      o.onEvent?.({ kind: 'duplicate', file: name, id, of: held.file });
      return;
    }
  }
  const base = outputBase(name);
  await o.queues.documents.add(name, signDocumentJob({ file: path, name, base, sha256, outDir: o.outDir, inbox: o.inbox, options: o.options, step: 'read' }, requireKey(o.queues)), { jobId });
  await appendChange(o.outDir, { id, version: null, time, status: 'queued', file: name, output: null, reason: null, job: jobId });
  o.onEvent?.({ kind: 'queued', file: name, id, job: jobId });
}
