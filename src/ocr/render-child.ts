/**
 * The page renderer's child process (forked by page-renderer.ts): renders
 * and decodes pages with pdfjs-dist, @napi-rs/canvas (Skia) and utif2, so
 * that a page that aborts them ends this process, not the one that asked.
 */
import { serveChildTasks } from '../core/index.js';
import { preparePageImage, previewPageImage, PageImageRequest } from './page-image.js';

serveChildTasks({
  'prepare-page': async (input) => preparePageImage(PageImageRequest.parse(input)),
  'preview-page': async (input) => previewPageImage(PageImageRequest.parse(input)),
});
