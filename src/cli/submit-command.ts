import { ProcessingOptions } from '../../schemas/index.js';
import { defaultDataDir } from '../core/index.js';
import { expandInputs } from '../intake/index.js';
import { ContentRegistry, DEFAULT_PREFIX, connectRedisTarget, loadJobKey, openQueues, submitFiles } from '../queue/index.js';

export interface SubmitOptions {
  out: string;
  reprocess: boolean;
  ocr: boolean;
  restore: boolean;
  ocrDpi: number;
  maxSizeMb: number;
  /** Largest image (pixels its header claims) accepted. Default 150 million. */
  maxPixels?: number;
}

/**
 * `plan-ingest submit <path>... --out DIR [--reprocess]`: queues files for the
 * service's workers without moving them (they stay where they are). With
 * --reprocess, content processed before is processed again: a new version
 * of the same document, same record ids.
 */
export async function submitCommand(paths: string[], o: SubmitOptions): Promise<number> {
  const target = await connectRedisTarget(defaultDataDir());
  const queues = openQueues(target, DEFAULT_PREFIX, loadJobKey(defaultDataDir()));
  const registry = new ContentRegistry(target, DEFAULT_PREFIX);
  try {
    const options = ProcessingOptions.parse({ ocr: o.ocr, restore: o.restore, ocrDpi: o.ocrDpi, maxBytes: o.maxSizeMb * 1024 * 1024, maxPixels: o.maxPixels });
    const results = await submitFiles(await expandInputs(paths), { outDir: o.out, options, queues, registry, reprocess: o.reprocess });
    for (const r of results)
      process.stdout.write(r.job ? `queued    ${r.file} (${r.id}, job ${r.job})\n` : `duplicate ${r.file}: same content as ${r.duplicateOf}; not queued (--reprocess to process it again)\n`);
    return results.filter((r) => r.job).length;
  } finally {
    await queues.close();
    await registry.close();
    await target.close();
  }
}
