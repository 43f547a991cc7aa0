import { z } from 'zod';

/**
 * tesseract.js's LSTM model: "best" (tessdata_best as integers, the npm
 * language data) or "fast" (tessdata_fast, models/tessdata-fast). Here, not
 * in src/ocr, so the CLI can parse the flag without loading the OCR stage.
 */
export const OcrModel = z.enum(['best', 'fast']);
export type OcrModel = z.infer<typeof OcrModel>;

/** The model read with when none is asked for (BENCHMARKS.md, "Scanned PDFs end to end", has the trade-off). */
export const DEFAULT_OCR_MODEL: OcrModel = 'best';

/** The OCR models, for option parsing. */
export const OCR_MODELS: readonly OcrModel[] = OcrModel.options;
