/** OCR: page images to positioned words, behind the OcrEngine interface. */
export { ocrPages, type OcrOptions } from './ocr-pages.js';
export type { OcrEngine, OcrResult, OcrLine, OcrWord, OcrSymbol, PageImage } from './ocr-engine.js';
export { createTesseractEngine, languageDataPath, DEFAULT_OCR_MODEL, OCR_MODELS, type OcrModel, type TesseractOptions } from './tesseract-engine.js';
export { renderPdfPage } from './render-page.js';
export { createSandboxedRenderer, inProcessRenderer, type PageRenderer, type SandboxedRendererOptions } from './page-renderer.js';
export type { PageImageRequest } from './page-image.js';
export { turnPng } from './gray-bitmap.js';
export { lazyEngine } from './lazy-engine.js';
export { createNativeTesseractEngine, haveNativeTesseract, type NativeTesseractOptions } from './native-tesseract-engine.js';
