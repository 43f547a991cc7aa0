import type { FiguresReading, OcrEngine, OcrResult, PageImage } from './ocr-engine.js';

/**
 * An engine that starts the real one on first use: starting tesseract
 * workers costs seconds, and most digital PDFs never need them.
 */
export function lazyEngine(start: () => Promise<OcrEngine>): OcrEngine & { warm: () => void } {
  let engine: Promise<OcrEngine> | null = null;
  return {
    name: 'lazy',
    /** Starts the engine now, in the background (a service's worker waiting for its first page). */
    warm(): void {
      engine ??= start();
      engine.catch(() => {}); // a failure shows on the first recognize
    },
    async recognize(image: PageImage): Promise<OcrResult> {
      engine ??= start();
      return (await engine).recognize(image);
    },
    /** The real engine's figure reader; an engine without one reads nothing (an empty reading). */
    async readFigures(image: PageImage): Promise<FiguresReading> {
      engine ??= start();
      const real = await engine;
      return real.readFigures ? real.readFigures(image) : { text: '', confidence: 0 };
    },
    async close(): Promise<void> {
      if (engine) await (await engine).close();
    },
  };
}
