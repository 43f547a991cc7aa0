/**
 * A real tesseract.js worker thread that prints a message of its own (asked
 * to set a parameter that only initialisation may set, it says so with
 * console.log in its thread), with the engine's output captured as
 * createTesseractEngine does (`--capture`: its worker script and core, and
 * captureEngineOutput; without it, tesseract.js's own worker, uncaptured). Run by test/e2e/ocr-engine-output.test.ts as
 * a process of its own, so the test sees what reaches its stdout and stderr.
 */
import { pino } from 'pino';
import { OEM, createWorker } from 'tesseract.js';
import { tesseractCorePath, tesseractWorkerScript } from '../../src/ocr/tesseract-core.js';
import { captureEngineOutput, languageDataPath } from '../../src/ocr/tesseract-engine.js';

const capture = process.argv.includes('--capture');
const ours = capture ? { corePath: tesseractCorePath(true), workerPath: tesseractWorkerScript() } : {};
const worker = await createWorker('vie', OEM.LSTM_ONLY, { langPath: languageDataPath('vie'), cachePath: process.env.TESSERACT_CACHE, gzip: true, ...ours });
if (capture) captureEngineOutput(worker, pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2)));
await worker.setParameters({ tessedit_ocr_engine_mode: '1' } as never);
await worker.terminate();
