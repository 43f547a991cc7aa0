/** Shared foundations: errors, recorded issues, file writing, logging, Vietnamese text. */
export * from './input-error.js';
export * from './issue-log.js';
export * from './atomic-write.js';
export * from './logger.js';
export * from './vietnamese-text.js';
export * from './version.js';
export * from './pdf-open.js';
export * from './text-quality.js';
export * from './string-similarity.js';
export * from './data-dir.js';
export * from './line-builder.js';
export * from './text-runs.js';
export * from './json-lines.js';
export * from './file-hash.js';
export * from './tiff-pages.js';
export * from './private-file.js';
export * from './validation-messages.js';
