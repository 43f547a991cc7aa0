import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The four builds tesseract.js-core ships: with or without the legacy engine, with or without wasm SIMD. */
export type TesseractCoreBuild = 'tesseract-core-simd-lstm' | 'tesseract-core-simd' | 'tesseract-core-lstm' | 'tesseract-core';

/**
 * Which tesseract.js-core build a worker should load. The LSTM-only builds
 * leave out the legacy engine (a smaller module to compile and
 * instantiate); SIMD builds are faster where wasm SIMD exists. Pages are
 * read with the LSTM engine only (OEM.LSTM_ONLY), so `lstmOnly` is true
 * in the engine; the legacy builds are for a caller that asks for the
 * legacy engine.
 */
export function tesseractCoreBuild(lstmOnly: boolean, simd: boolean): TesseractCoreBuild {
  if (simd) return lstmOnly ? 'tesseract-core-simd-lstm' : 'tesseract-core-simd';
  return lstmOnly ? 'tesseract-core-lstm' : 'tesseract-core';
}

/** A one-instruction module using a SIMD opcode (the test wasm-feature-detect uses): valid only where wasm SIMD exists. */
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** Whether this runtime's WebAssembly has the SIMD proposal (Node ≥ 16 on x86-64 and arm64 does). */
export function wasmSimdSupported(): boolean {
  try {
    // typed here: the build's libs (ES2023 and Node's types) do not declare the WebAssembly global
    const wasm = (globalThis as unknown as { WebAssembly?: { validate(bytes: Uint8Array): boolean } }).WebAssembly;
    return wasm?.validate(SIMD_PROBE) ?? false;
  } catch {
    return false;
  }
}

/**
 * The absolute path of the tesseract.js-core build to load, resolved from
 * tesseract.js's own dependency (the version it was built against).
 */
export function tesseractCorePath(lstmOnly: boolean, simd = wasmSimdSupported()): string {
  const fromTesseract = createRequire(require.resolve('tesseract.js'));
  return fromTesseract.resolve(`tesseract.js-core/${tesseractCoreBuild(lstmOnly, simd)}`);
}

/**
 * Where the worker thread script is: beside this module in the source
 * tree; the built tree (dist/src/ocr) has no copy (tsc copies no .cjs), so
 * it points back at the source tree's.
 */
const WORKER_SCRIPTS = [new URL('./tesseract-worker-thread.cjs', import.meta.url), new URL('../../../src/ocr/tesseract-worker-thread.cjs', import.meta.url)].map((u) => fileURLToPath(u));

/**
 * The worker thread script to hand tesseract.js as `workerPath`: its own
 * Node worker with one change, the core it loads is the one `corePath`
 * names. tesseract.js 6's Node worker ignores `corePath` and hands its core
 * chooser a boolean where it compares with OEM numbers, so it always loads
 * the full core with the legacy engine.
 */
export function tesseractWorkerScript(): string {
  const found = WORKER_SCRIPTS.find((p) => existsSync(p));
  if (!found) throw new Error('tesseract-worker-thread.cjs is missing from src/ocr');
  return found;
}
