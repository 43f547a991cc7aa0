/** The document model: zod schemas and the types inferred from them. */
export * from './geometry.js';
export * from './recorded-issue.js';
export * from './source.js';
export * from './page.js';
export * from './metadata.js';
export * from './section.js';
export * from './lexicon.js';
export * from './table.js';
export * from './review.js';
export * from './records.js';
export * from './document.js';
export * from './json-schemas.js';
export * from './stage-io.js';
export * from './queue.js';
export * from './api-token.js';
export * from './health.js';
export * from './limits.js';
