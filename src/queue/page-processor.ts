import { Job, UnrecoverableError } from 'bullmq';
import { readdir } from 'node:fs/promises';
import { z } from 'zod';
import { DocumentDraft, PageJobData } from '../../schemas/index.js';
import { isChildFailure, isInputError } from '../core/index.js';
import { readPagesByOcr } from '../pipeline/index.js';
import { refusePageJob } from './job-guard.js';
import type { ProcessorContext } from './processor-context.js';
import { CRASH_ATTEMPTS, requireKey } from './queues.js';
import { draftFile, pageFile, readJson, writeJson } from './work-files.js';

/**
 * A page job: render one page of the document's draft and OCR it with this
 * process's engine; the reading goes to the document's work folder for the
 * finish step. A page that cannot be read fails alone: its document goes on
 * without it, with the reason recorded.
 */
export function pageProcessor(ctx: ProcessorContext) {
  return async (job: Job): Promise<{ page: number; ms: number }> => {
    const parsed = PageJobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid page job: ${z.prettifyError(parsed.error)}`);
    const refused = refusePageJob(parsed.data, requireKey(ctx.queues));
    if (refused) throw new UnrecoverableError(refused);
    const { workDir, page, ocrDpi } = parsed.data;
    const draft = await readJson(draftFile(workDir), DocumentDraft);
    if (!draft) throw new UnrecoverableError(`the document's draft is gone (${workDir}): its job ended`);
    try {
      // a renderer crash is retried (CRASH_ATTEMPTS); on the last attempt the page is recorded as failed and its document goes on
      const lastTry = job.attemptsMade + 1 >= CRASH_ATTEMPTS;
      const [reading] = await readPagesByOcr(draft, { ocr: ctx.engine, ocrDpi, renderer: ctx.renderer, onRenderFailure: lastTry ? 'record' : 'throw' }, [page]);
      await writeJson(pageFile(workDir, page), reading);
      await reportToParent(ctx, job, workDir, draft.pages.needsOcr.length);
      return { page, ms: reading!.ms };
    } catch (error) {
      if (isInputError(error)) throw new UnrecoverableError(error.message);
      if (isChildFailure(error)) ctx.log.warn({ job: job.id, page, err: error.message, stderr: error.details.stderr.slice(-500) }, 'page renderer crashed; retrying');
      throw error;
    }
  };
}

/** Pages done so far, as the document job's progress (informative: page jobs finish in any order). */
async function reportToParent(ctx: ProcessorContext, job: Job, workDir: string, total: number): Promise<void> {
  const parentId = job.parent?.id;
  if (!parentId) return;
  const done = (await readdir(workDir)).filter((n) => n.startsWith('page-')).length;
  const parent = await Job.fromId(ctx.queues.documents, parentId);
  await parent?.updateProgress({ stage: 'ocr', done, total }).catch(() => {});
}
