/** Output: document assembly, validation and writing. */
export { assembleDocument, documentId, type AssembleInput } from './assemble-document.js';
export { writeDocument } from './write-document.js';
export { appendChange, readChanges, nextVersion, changeFeedPath } from './change-feed.js';
export { publishDocument, type PublishOptions, type PublishResult } from './publish-document.js';
export { applyCorrections } from './apply-corrections.js';
export { appendCorrection, readCorrections, recordFingerprint, reviewDir, correctionsPath, extractedPath, correctedTexts, DOCUMENT_ID } from './corrections-store.js';
export { exportTable, tableToCsv, tableToXlsx, toCsv, toXlsx, recordsOf, type ExportKind, type ExportTable } from './record-export.js';
export { currentDocuments, type UnreadableOutput } from './current-documents.js';
export { outputBase } from './output-base.js';
