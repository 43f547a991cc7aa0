import type { Box } from '../../schemas/index.js';

/** A page image handed to an OCR engine: encoded bytes (PNG, JPEG, TIFF, or the gray PGM prepare-image.ts writes) and its resolution. */
export interface PageImage {
  bytes: Buffer;
  /** Dots per inch: converts pixel boxes to points (× 72 / dpi). */
  dpi: number;
}

export interface OcrWord {
  text: string;
  /** In pixels of the image, top-left origin. */
  box: Box;
  /** In [0, 1]. */
  confidence: number;
  /** The word's characters with their pixel boxes, when the engine reports them. */
  symbols?: OcrSymbol[];
}

/** One character as the engine read it, with its box in pixels. */
export interface OcrSymbol {
  text: string;
  box: Box;
}

/** What `readFigures` made of a crop: the digits (empty when none) and the engine's confidence in [0, 1]. */
export interface FiguresReading {
  text: string;
  confidence: number;
}

export interface OcrLine {
  words: OcrWord[];
  box: Box;
}

export interface OcrResult {
  lines: OcrLine[];
  /** Image size in pixels, when the engine reports it. */
  widthPx: number | null;
  heightPx: number | null;
}

/**
 * An OCR engine: one image in, positioned words out. Implementations own
 * their workers; `close` releases them. One real implementation per engine
 * (tesseract.js here); fakes live in tests.
 */
export interface OcrEngine {
  readonly name: string;
  recognize(image: PageImage): Promise<OcrResult>;
  /**
   * Reads one line of figures alone (a number or a day filled into a blank
   * by hand, cut out of the page): digits only, as one line. Optional: an
   * engine without it leaves handwritten figures unread.
   */
  readFigures?(image: PageImage): Promise<FiguresReading>;
  /** Starts the engine in the background, when starting it costs time (its workers load a model); the first `recognize` shows a failure. */
  warm?(): void;
  close(): Promise<void>;
}
