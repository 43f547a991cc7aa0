/** The pipeline: stage order, in process. No Redis here. */
export { runDocument, type RunOptions } from './run-document.js';
