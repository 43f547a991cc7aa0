import type { StageName, StageRun } from '../../schemas/index.js';

/** Runs a stage and appends how long it took to `stages`. */
export async function timed<T>(stages: StageRun[], stage: StageName, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    stages.push({ stage, ms: Math.round((performance.now() - start) * 10) / 10 });
  }
}
