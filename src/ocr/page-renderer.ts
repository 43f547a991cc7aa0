import { availableParallelism } from 'node:os';
import { ChildRunner } from '../core/index.js';
import { z } from 'zod';
import type { PageImage } from './ocr-engine.js';
import { PreparedPage, preparePageImage, previewPageImage, type PageImageRequest } from './page-image.js';
import type { PreparedImage } from './prepare-image.js';

/**
 * Gets pages ready for OCR: renders a PDF page or decodes an image, then
 * prepares it (prepare-image.ts). Behind an interface so that callers choose
 * where the native code runs; the service and `ingest` use the sandboxed one.
 */
export interface PageRenderer {
  /**
   * The page, prepared. Rejects with a ChildFailure (src/core) when the
   * renderer crashed on it or ran past `timeoutMs`; with an InputError or
   * another error when the page cannot be read.
   */
  prepare(request: PageImageRequest, opts?: { timeoutMs?: number }): Promise<PreparedImage>;
  /** The page as a PNG the renderer encoded, not prepared (the review page's previews); rejects as prepare does. */
  preview(request: PageImageRequest, opts?: { timeoutMs?: number }): Promise<PageImage>;
  close(): Promise<void>;
}

export interface SandboxedRendererOptions {
  /** Child processes rendering at once. Default: half the machine's cores (at least 1, at most 4). */
  children?: number;
  /** Wall-time limit per page (ms) unless a call gives one; past it the child is killed. Default none. */
  timeoutMs?: number;
  /** Extra node flags for the children (`--max-old-space-size=…`). Default none. */
  execArgv?: readonly string[];
}

/**
 * The page renderer in child processes (src/core/child-runner.ts): pdfjs,
 * Skia (@napi-rs/canvas) and utif2 run in `render-child.ts`, reused page
 * after page; a page that crashes them fails alone, with a reason such as
 * "page renderer crashed (SIGILL) on page 3" (for an image input, "image
 * decoder …"), and the next page gets a fresh child.
 */
export function createSandboxedRenderer(opts: SandboxedRendererOptions = {}): PageRenderer {
  const entry = new URL(`./render-child${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const runner = new ChildRunner({
    entry,
    label: 'page renderer',
    size: opts.children ?? Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2))),
    timeoutMs: opts.timeoutMs,
    execArgv: opts.execArgv,
  });
  return {
    async prepare(request, call = {}) {
      const label = request.kind === 'pdf' ? 'page renderer' : 'image decoder';
      const value = await runner.run('prepare-page', request, { timeoutMs: call.timeoutMs, label, what: `on page ${request.page}` });
      const page = PreparedPage.parse(value);
      return { ...page, image: { bytes: asBuffer(page.image.bytes), dpi: page.image.dpi } };
    },
    async preview(request, call = {}) {
      const label = request.kind === 'pdf' ? 'page renderer' : 'image decoder';
      const value = await runner.run('preview-page', request, { timeoutMs: call.timeoutMs, label, what: `on page ${request.page}` });
      const image = PreviewImage.parse(value);
      return { bytes: asBuffer(image.bytes), dpi: image.dpi };
    },
    close: () => runner.close(),
  };
}

/**
 * The page renderer in this process: no isolation (a page that aborts Skia
 * ends the process). For scripts and benchmarks over trusted files.
 */
export function inProcessRenderer(): PageRenderer {
  return { prepare: (request) => preparePageImage(request), preview: (request) => previewPageImage(request), close: async () => {} };
}

/** What a preview comes back as from the child, parsed on arrival. */
const PreviewImage = z.object({ bytes: z.instanceof(Uint8Array), dpi: z.number().positive() });

const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
