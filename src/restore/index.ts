/** Restore: Vietnamese diacritics and OCR repair. */
export { restorePages } from './restore-pages.js';
export { restoreText, restoreLine, restoreLines, type RestoredLine, type RestoredToken } from './restore-text.js';
export { trainModel } from './train-model.js';
export { NgramModel, type NgramCounts } from './ngram-model.js';
export { generatedSyllables, syllableKey } from './syllable-inventory.js';
export { loadModel, addToCorpus, registryLexicon, trainingFiles, trainingTexts } from './model-store.js';
export { OcrChannel, loadOcrChannel } from './ocr-channel.js';
