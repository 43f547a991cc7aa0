/** Restore: Vietnamese diacritics and OCR repair. */
export { restorePages } from './restore-pages.js';
export { restoreTableCells } from './restore-table-cells.js';
export { restoreText, restoreLine, restoreLines, type RestoredLine, type RestoredToken } from './restore-text.js';
export { trainModel } from './train-model.js';
export { NgramModel, DEFAULT_SHAPE, type ModelShape } from './ngram-model.js';
export { generatedSyllables, syllableKey } from './syllable-inventory.js';
export { loadModel, loadShippedModel, shippedModelPath, addToCorpus, addedTexts, registryLexicon, seedTrainingFiles, trainingFiles } from './model-store.js';
export { encodeModel, decodeModel } from './model-file.js';
export { OcrChannel, loadOcrChannel } from './ocr-channel.js';
