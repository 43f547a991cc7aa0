/** The pipeline: stage order, in process. No Redis here; the queue runs the same steps across jobs. */
export { runDocument, type RunOptions } from './run-document.js';
export { readDocument, readPagesByOcr, mergeReadings, type ReadOptions, type OcrRunOptions } from './read-document.js';
export { finishDocument, type FinishOptions } from './finish-document.js';
