/** Restore: Vietnamese diacritics and OCR repair. */
export { restorePages } from './restore-pages.js';
