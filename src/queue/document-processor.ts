import { basename } from 'node:path';
import { UnrecoverableError, WaitingChildrenError, type Job } from 'bullmq';
import { z } from 'zod';
import { DocumentDraft, DocumentJobData, Limits, PageReading, type Document } from '../../schemas/index.js';
import { Deadline, isChildFailure, isInputError } from '../core/index.js';
import { publishDocument } from '../output/index.js';
import { finishDocument, mergeReadings, readDocument, readPagesByOcr } from '../pipeline/index.js';
import { failDocument } from './document-failure.js';
import { exists, moveOriginalTo, plannedPlace } from './originals.js';
import { refuseDocumentJob } from './job-guard.js';
import { signPageJob } from './job-signature.js';
import type { ProcessorContext } from './processor-context.js';
import { CRASH_ATTEMPTS, requireKey } from './queues.js';
import { draftFile, pageFile, readJson, removeWorkDir, workDir, writeJson } from './work-files.js';
import { documentSummary, publishedBefore, type DocumentJobResult } from './document-result.js';

/**
 * The document job, in two steps. "read": intake + text layer; the pages
 * that need OCR become page jobs (children, one per page, spread over the
 * workers) and the job waits for them. "finish": their readings are merged,
 * and restore → layout → segment → records → output run; the original moves
 * to `processed/`. Bad input fails at once (UnrecoverableError) with the
 * original in `failed/` beside its reason; other faults are retried.
 */
export function documentProcessor(ctx: ProcessorContext) {
  return async (job: Job, token?: string): Promise<DocumentJobResult> => {
    const parsed = DocumentJobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid document job: ${z.prettifyError(parsed.error)}`);
    const data = parsed.data;
    const refused = await refuseDocumentJob(data, requireKey(ctx.queues));
    if (refused) {
      ctx.log.warn({ job: job.id, file: data.file }, refused);
      throw new UnrecoverableError(refused);
    }
    const jobId = job.id!;
    const dir = workDir(data.outDir, jobId);
    try {
      const done = await publishedBefore(data.outDir, jobId);
      if (done) return await wrapUp(ctx, data, jobId, dir, done);
      // a draft read here and needing no page jobs goes straight on, without the round trip through its file
      let draft: DocumentDraft | null = null;
      if (data.step === 'read') {
        draft = await readDocument(data.file, {
          ...limitsOf(data),
          deadline: deadlineOf(job, data),
          onProgress: (stage, d, t) => void job.updateProgress({ stage, done: d, total: t }).catch(() => {}),
        });
        const pages = data.options.ocr && draft.intake.source.kind === 'pdf' ? draft.pages.needsOcr : [];
        if (pages.length) {
          await writeJson(draftFile(dir), draft);
          await ctx.queues.pages.addBulk(
            pages.map((page) => ({
              name: `page ${page}`,
              data: signPageJob({ workDir: dir, page, ocrDpi: data.options.ocrDpi }, requireKey(ctx.queues)),
              // a retried "read" adds the same ids again: BullMQ keeps the first
              opts: { jobId: `${jobId}-p${page}`, parent: { id: jobId, queue: job.queueQualifiedName }, ignoreDependencyOnFailure: true },
            })),
          );
          await job.updateData({ ...data, step: 'finish' });
          await job.updateProgress({ stage: 'ocr', done: 0, total: pages.length });
          await waitForPages(job, token);
          draft = null; // the children are done already: read what they wrote
        }
      } else {
        // a "finish" run that follows a crash between the step change and the
        // wait: its page jobs may still be running, so wait again (a no-op once they are done)
        await waitForPages(job, token);
      }
      const doc = await finish(ctx, job, data, dir, draft);
      // the feed names where the original will be once this job is done, not processing/ where it is now
      const original = data.inbox ? await plannedPlace(data.inbox, data.file, 'processed') : data.file;
      const published = await publishDocument(doc, data.outDir, data.base, { file: data.name, original, job: jobId, keepOtherDocuments: true });
      return await wrapUp(ctx, data, jobId, dir, { ...documentSummary(doc), version: published.version, output: published.path, original, duplicateOf: published.duplicateOf });
    } catch (error) {
      if (error instanceof WaitingChildrenError) throw error;
      const attempts = job.attemptsMade + 1;
      // a renderer that crashed on the file is tried again once (CRASH_ATTEMPTS), not four times
      const crashed = isChildFailure(error);
      const final = isInputError(error) || (crashed && attempts >= CRASH_ATTEMPTS) || attempts >= (job.opts.attempts ?? 1);
      if (!final) {
        if (crashed) ctx.log.warn({ job: jobId, file: data.name, err: error.message, stderr: error.details.stderr.slice(-500) }, 'renderer crashed; retrying');
        throw error;
      }
      const reason = isInputError(error)
        ? error.message
        : crashed
          ? `${error.message} (${attempts} attempt(s))`
          : `internal error after ${attempts} attempt(s): ${(error as Error)?.message ?? String(error)}`;
      await failDocument(ctx, data, jobId, reason);
      throw isInputError(error) || crashed ? new UnrecoverableError(reason) : error;
    }
  };
}

/** Parks the document job until its page jobs are done; returns at once when they are. */
async function waitForPages(job: Job, token: string | undefined): Promise<void> {
  if (await job.moveToWaitingChildren(token!)) throw new WaitingChildrenError();
}

/** The draft, the page jobs' readings, and OCR for what they did not cover; then the finish half. */
async function finish(ctx: ProcessorContext, job: Job, data: DocumentJobData, dir: string, read: DocumentDraft | null): Promise<Document> {
  const deadline = deadlineOf(job, data);
  const draft = read ?? (await readJson(draftFile(dir), DocumentDraft)) ?? (await readDocument(data.file, { ...limitsOf(data), deadline }));
  const readings: PageReading[] = [];
  for (const n of read ? [] : draft.pages.needsOcr) {
    const reading = await readJson(pageFile(dir, n), PageReading);
    if (reading) readings.push(reading);
  }
  let merged = mergeReadings(draft, readings);
  if (merged.pages.needsOcr.length && draft.intake.source.kind !== 'pdf') {
    // an image is one page: read here rather than in a page job of its own
    merged = mergeReadings(merged, await readPagesByOcr(merged, { ocr: data.options.ocr ? ctx.engine : null, renderer: ctx.renderer, pageTimeMs: limitsOf(data).pageTimeMs, deadline }));
  } else if (merged.pages.needsOcr.length) {
    const failures = Object.values(await job.getIgnoredChildrenFailures().catch(() => ({}) as Record<string, string>));
    for (const n of merged.pages.needsOcr)
      merged.issues.push(
        data.options.ocr
          ? { stage: 'ocr', code: 'ocr-page-failed', message: `page ${n} could not be OCR'd${failures.length ? `: ${failures.join('; ')}` : ''}`, page: n, severity: 'error' }
          : { stage: 'ocr', code: 'ocr-disabled', message: `page ${n} needs OCR but OCR is disabled`, page: n, severity: 'error' },
      );
  }
  return finishDocument(merged, { restoreModel: data.options.restore ? ctx.restoreModel : null, agencyRegistry: ctx.agencyRegistry(), deadline });
}

/** The job's limits: those it was queued with (defaults for the rest), its `maxBytes` first. */
function limitsOf(data: DocumentJobData): Limits {
  return Limits.parse({ ...data.options.limits, maxBytes: data.options.maxBytes });
}

/** The document's time budget, counted from when the job was first taken (a "finish" run keeps that start). */
function deadlineOf(job: Job, data: DocumentJobData): Deadline {
  return new Deadline(limitsOf(data).documentTimeMs, job.processedOn ?? Date.now());
}

/** The steps after the output is written; each can run again harmlessly when a crash cut them short. */
async function wrapUp(ctx: ProcessorContext, data: DocumentJobData, jobId: string, dir: string, result: DocumentJobResult): Promise<DocumentJobResult> {
  const reason = result.duplicateOf ? `same content as ${result.duplicateOf}, already in ${basename(result.output)}; not written again` : undefined;
  if (data.inbox && (await exists(data.file))) await moveOriginalTo(data.inbox, data.file, 'processed', result.original ?? null, reason);
  await ctx.registry.settle({ outDir: data.outDir, sha256: data.sha256 }, jobId, 'done');
  await removeWorkDir(dir);
  ctx.log.info({ job: jobId, file: data.name, output: result.output }, 'document done');
  return result;
}
