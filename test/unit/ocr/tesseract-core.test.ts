import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { tesseractCoreBuild, tesseractCorePath, tesseractWorkerScript, wasmSimdSupported } from '../../../src/ocr/tesseract-core.js';

describe('tesseract.js core choice', () => {
  it('loads the LSTM-only build when the legacy engine is not wanted, SIMD where there is SIMD', () => {
    expect(tesseractCoreBuild(true, true)).toBe('tesseract-core-simd-lstm');
    expect(tesseractCoreBuild(true, false)).toBe('tesseract-core-lstm');
    expect(tesseractCoreBuild(false, true)).toBe('tesseract-core-simd');
    expect(tesseractCoreBuild(false, false)).toBe('tesseract-core');
  });

  it('resolves the chosen build to a file of tesseract.js-core', () => {
    for (const [lstm, simd, name] of [
      [true, true, 'tesseract-core-simd-lstm.js'],
      [true, false, 'tesseract-core-lstm.js'],
      [false, false, 'tesseract-core.js'],
    ] as const) {
      const path = tesseractCorePath(lstm, simd);
      expect(basename(path)).toBe(name);
      expect(existsSync(path)).toBe(true);
    }
  });

  it('detects wasm SIMD on this Node (x64 and arm64 builds have it since Node 16)', () => {
    if (process.arch === 'x64' || process.arch === 'arm64') expect(wasmSimdSupported()).toBe(true);
    expect(basename(tesseractCorePath(true))).toBe(wasmSimdSupported() ? 'tesseract-core-simd-lstm.js' : 'tesseract-core-lstm.js');
  });

  it('hands tesseract.js a worker script that loads the core it is given', async () => {
    // a stub core that says it was loaded: the worker must load it rather than choose its own
    const stub = fileURLToPath(new URL('../../support/stub-tesseract-core.cjs', import.meta.url));
    const thread = new Worker(tesseractWorkerScript());
    try {
      const messages: unknown[] = [];
      const done = new Promise<void>((resolve) =>
        thread.on('message', (m: { status?: string }) => {
          messages.push(m);
          if (m.status === 'resolve' || m.status === 'reject') resolve();
        }),
      );
      thread.postMessage({ workerId: 'w', jobId: 'j', action: 'load', payload: { options: { lstmOnly: true, corePath: stub, logging: false } } });
      await done;
      expect(messages).toContainEqual({ stubCore: true });
      expect(messages.at(-1)).toMatchObject({ status: 'resolve', data: { loaded: true } });
    } finally {
      await thread.terminate();
    }
  });
});
