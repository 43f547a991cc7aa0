/** The HTTP API and the review page. Nothing imports it but the CLI. */
export { createApp, startServer, type ServeOptions, type DashboardMode } from './server.js';
export { DocumentIndex, DOCUMENT_ID, REVIEW_THRESHOLD, type DocumentSummary } from './document-index.js';
export { ReviewerAccounts, MIN_PASSWORD_LENGTH } from './reviewer-accounts.js';
export { ApiTokens, scopeAllows } from './api-tokens.js';
