import { Job, QueueEvents } from 'bullmq';
import { DOCUMENTS_QUEUE, type DocumentJobResult, type PlanQueues, type RedisTarget } from '../queue/index.js';

/**
 * Lines for the clerk watching the service: progress of each document (per
 * stage, per OCR page), and how each one ended, whichever worker ran it.
 */
export function reportQueue(target: RedisTarget, prefix: string, queues: PlanQueues, write: (line: string) => void): QueueEvents {
  const events = new QueueEvents(DOCUMENTS_QUEUE, { connection: target.options, prefix });
  const nameOf = async (jobId: string): Promise<string> => (await Job.fromId(queues.documents, jobId))?.data.name ?? jobId;
  const last = new Map<string, string>();
  events.on('progress', ({ jobId, data }) => {
    const p = data as { stage?: string; done?: number; total?: number };
    if (!p?.stage) return;
    // one line per stage, and one per OCR page (those take seconds each)
    const line = p.stage === 'ocr' ? `ocr page ${p.done}/${p.total}` : p.stage;
    if (last.get(jobId) === line) return;
    last.set(jobId, line);
    void nameOf(jobId).then((name) => write(`  ${name}: ${line}`));
  });
  events.on('completed', ({ jobId, returnvalue }) => {
    last.delete(jobId);
    const r = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as DocumentJobResult;
    void nameOf(jobId).then((name) =>
      r.duplicateOf
        ? write(`duplicate ${name}: same content as ${r.duplicateOf}, already in ${r.output}; not written again`)
        : write(`done      ${name} → ${r.output} (version ${r.version}, ${r.pages} page(s), ${r.indicators} indicator(s), ${r.assignments} assignment(s)${r.status === 'partial' ? ', with recorded errors' : ''})`),
    );
  });
  events.on('failed', ({ jobId, failedReason }) => {
    last.delete(jobId);
    void (async () => {
      const job = await Job.fromId(queues.documents, jobId);
      if (job && !(await job.isFailed())) return; // will be retried
      write(`failed    ${job?.data.name ?? jobId}: ${failedReason} (original kept in failed/)`);
    })();
  });
  return events;
}
