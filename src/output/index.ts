/** Output: document assembly, validation and writing. */
export { assembleDocument, documentId, type AssembleInput } from './assemble-document.js';
export { writeDocument } from './write-document.js';
