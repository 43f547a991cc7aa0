import { ProcessingOptions, type Limits } from '../../schemas/index.js';
import { defaultDataDir, validationMessages } from '../core/index.js';
import { expandInputs } from '../intake/index.js';
import { ContentRegistry, DEFAULT_PREFIX, loadJobKey, openQueues, submitFiles } from '../queue/index.js';
import { usageError } from './conventions.js';
import { exitForInputs, type ExitCode } from './exit-codes.js';
import { connectServiceRedis } from './service-redis.js';
import { checkWritableFolder } from './output-error.js';
import { tell } from './verbosity.js';

export interface SubmitOptions {
  out: string;
  reprocess: boolean;
  ocr: boolean;
  restore: boolean;
  ocrDpi: number;
  maxSizeMb: number;
  /** The other resource limits (schemas/limits.ts), carried by each job. */
  limits: Limits;
}

/**
 * `plan-ingest submit <path>... --out DIR [--reprocess]`: queues files for the
 * service's workers without moving them (they stay where they are). With
 * --reprocess, content processed before is processed again: a new version
 * of the same document, same record ids. A file that cannot be queued (not
 * found, unreadable) says why and the others are still queued; a duplicate
 * is not a failure.
 */
export async function submitCommand(paths: string[], o: SubmitOptions): Promise<ExitCode> {
  const parsed = ProcessingOptions.safeParse({ ocr: o.ocr, restore: o.restore, ocrDpi: o.ocrDpi, maxBytes: o.maxSizeMb * 1024 * 1024, limits: o.limits });
  if (!parsed.success) throw usageError(validationMessages(parsed.error).join('; '));
  const files = await expandInputs(paths);
  // the feed line of each queued file goes there, and the workers' outputs
  await checkWritableFolder(o.out);
  // checked first: a wrong REDIS_URL used to leave submit retrying in silence
  const target = await connectServiceRedis(defaultDataDir());
  const queues = openQueues(target, DEFAULT_PREFIX, loadJobKey(defaultDataDir()));
  const registry = new ContentRegistry(target, DEFAULT_PREFIX);
  let queued = 0;
  let duplicates = 0;
  let failed = 0;
  try {
    for (const file of files) {
      try {
        for (const r of await submitFiles([file], { outDir: o.out, options: parsed.data, queues, registry, reprocess: o.reprocess })) {
          if (r.refused) failed++;
          else if (r.job) queued++;
          else duplicates++;
          if (r.refused) process.stderr.write(`refused   ${r.file}: ${r.refused}\n`);
          else tell(r.job ? `queued    ${r.file} (${r.id}, job ${r.job})` : `duplicate ${r.file}: same content as ${r.duplicateOf}; not queued (--reprocess to process it again)`, 'stdout');
        }
      } catch (error) {
        failed++;
        const code = (error as NodeJS.ErrnoException).code;
        process.stderr.write(`plan-ingest: ${file}: ${code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : (error as Error).message}\n`);
      }
    }
  } finally {
    await queues.close();
    await registry.close();
    await target.close();
  }
  process.stderr.write(`${files.length} file(s): ${queued} queued, ${duplicates} duplicate(s), ${failed} failed\n`);
  return exitForInputs(files.length, failed);
}
