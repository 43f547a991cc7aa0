/** Segment: header metadata, citations and the section outline. */
export { segmentDocument } from './segment-document.js';
export { readMetadata } from './read-metadata.js';
export { readSections } from './read-sections.js';
export { numberFromAttachmentLine, readDocumentNumber, readPlaceDate, readDocType } from './header-fields.js';
