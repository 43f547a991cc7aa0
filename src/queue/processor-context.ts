import type { Logger } from '../core/index.js';
import type { OcrEngine, PageRenderer } from '../ocr/index.js';
import type { AgencyRegistry } from '../records/index.js';
import type { NgramModel } from '../restore/index.js';
import type { ContentRegistry } from './content-registry.js';
import type { PlanQueues } from './queues.js';

/** What the processors share within one worker process. */
export interface ProcessorContext {
  queues: PlanQueues;
  registry: ContentRegistry;
  /** Started on first use, reused by every job of the process. */
  engine: OcrEngine;
  /** Renders and decodes pages in child processes, reused by every job of the process. */
  renderer: PageRenderer;
  /** Loaded on first need, reused. */
  restoreModel: () => Promise<NgramModel>;
  /** Canonical agencies; reloaded per document so reviewers' new aliases apply. */
  agencyRegistry: () => AgencyRegistry;
  log: Logger;
}
