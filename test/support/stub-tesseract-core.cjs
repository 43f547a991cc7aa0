'use strict';
// A stand-in for a tesseract.js-core build (test/unit/ocr/tesseract-core.test.ts): tells the
// parent thread it was loaded, and resolves to an empty module.
const { parentPort } = require('node:worker_threads');

module.exports = () => {
  parentPort.postMessage({ stubCore: true });
  return Promise.resolve({});
};
