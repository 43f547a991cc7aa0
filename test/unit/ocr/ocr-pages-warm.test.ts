import { describe, expect, it } from 'vitest';
import type { IntakeResult } from '../../../schemas/index.js';
import { IssueLog } from '../../../src/core/index.js';
import { ocrPages, type OcrEngine, type PageRenderer } from '../../../src/ocr/index.js';

describe('the OCR stage and a slow-starting engine', () => {
  it('asks the engine to start before the first page is rendered, so that loading its model overlaps the rendering', async () => {
    const events: string[] = [];
    const engine: OcrEngine = {
      name: 'fake',
      warm: () => events.push('warm'),
      recognize: async () => {
        events.push('recognize');
        return { lines: [], widthPx: null, heightPx: null };
      },
      close: async () => {},
    };
    const renderer: PageRenderer = {
      prepare: async (request) => {
        events.push(`prepare ${request.page}`);
        // a blank page: no words to read, so the engine is not asked to recognize
        return { image: { bytes: Buffer.alloc(0), dpi: request.dpi }, skew: 0, orientation: 0, rulings: [], blank: true, gray: null, masked: [], photo: null, seals: [] };
      },
      preview: async () => ({ bytes: Buffer.alloc(0), dpi: 72 }),
      close: async () => {},
    };
    const input = { path: '/nowhere/scan.pdf', source: { kind: 'pdf', mediaType: 'application/pdf' } } as unknown as IntakeResult;
    const log = new IssueLog();
    const out = await ocrPages(input, { pages: [], needsOcr: [1, 2], scanDpi: {} }, log.forStage('ocr'), { engine, renderer, concurrency: 1 });
    expect(events).toEqual(['warm', 'prepare 1', 'prepare 2']);
    expect(out.needsOcr).toEqual([]);
    expect(out.pages.map((p) => p.repairs)).toEqual([['blank'], ['blank']]);
  });
});
