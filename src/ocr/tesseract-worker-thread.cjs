'use strict';
/*
 * tesseract.js's Node worker thread (tesseract.js/src/worker-script/node/index.js)
 * with two changes:
 * - it loads the core build the main thread chose and passed as `corePath`
 *   (src/ocr/tesseract-core.ts). tesseract.js 6's own Node chooser ignores
 *   `corePath` and compares a boolean with OEM numbers, so it always loads
 *   the full core with the legacy engine, which pages read with the LSTM
 *   engine never use;
 * - what the engine prints (the wasm core's stdout and stderr, tesseract.js's
 *   console.log) is held until the main thread asks for it
 *   ({ planIngestCaptureOutput: true }), then posted to it line by line as
 *   { planIngestEngineOutput: { stream, line } } (captureEngineOutput in
 *   tesseract-engine.ts logs them). Without this, lines printed while the
 *   worker starts (the LSTM-only core warns "Parameter not found:
 *   language_model_ngram_on" for the traineddata's legacy setting) would
 *   reach the process's stdout before the main thread could capture them.
 * Plain CommonJS: it runs as is from the source tree and the built one.
 */
const { parentPort } = require('node:worker_threads');
const { format } = require('node:util');

/** Lines printed before the main thread asked for them; null once it has. */
let held = [];
const emit = (stream) => (...args) => {
  for (const line of format(...args).split('\n')) {
    if (held) held.push({ stream, line });
    else parentPort.postMessage({ planIngestEngineOutput: { stream, line } });
  }
};
console.log = emit('stdout');
console.info = emit('stdout');
console.warn = emit('stderr');
console.error = emit('stderr');
const worker = require('tesseract.js/src/worker-script');
const ownGetCore = require('tesseract.js/src/worker-script/node/getCore');
const gunzip = require('tesseract.js/src/worker-script/node/gunzip');
const cache = require('tesseract.js/src/worker-script/node/cache');

let core = null;

/** The chosen core, or tesseract.js's choice when none was given. */
const getCore = async (lstmOnly, corePath, res) => {
  if (!corePath) return ownGetCore(lstmOnly, corePath, res);
  if (core === null) {
    res.progress({ status: 'loading tesseract core', progress: 0 });
    core = require(corePath);
    res.progress({ status: 'loading tesseract core', progress: 1 });
  }
  return core;
};

parentPort.on('message', (packet) => {
  if (packet && packet.planIngestCaptureOutput) {
    const lines = held || [];
    held = null;
    for (const output of lines) parentPort.postMessage({ planIngestEngineOutput: output });
    return;
  }
  worker.dispatchHandlers(packet, (obj) => parentPort.postMessage(obj));
});

worker.setAdapter({ getCore, gunzip, fetch: global.fetch, ...cache });
