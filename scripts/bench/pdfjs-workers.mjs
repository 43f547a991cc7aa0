#!/usr/bin/env node
/**
 * How fast pdfjs alone can read a digital PDF's pages, on one worker thread
 * and split over two, beside `pdftotext -layout` on the same file: the upper
 * bound of the text-layer stage's speed (issue 3's "≥ 0.5× pdftotext"),
 * with none of our own stages after pdfjs. Workers are started and warmed
 * before timing; each timed run opens the document anew, as a real one does.
 * usage: node scripts/bench/pdfjs-workers.mjs [file.pdf ...]
 */
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2).length ? process.argv.slice(2) : ['fixtures/pdf/kh-tu-57.pdf', 'fixtures/pdf/kh-bql-2026.pdf', 'fixtures/pdf/kh-skhcn-2026.pdf', 'fixtures/pdf/kh-xa-chi-minh-2026.pdf'];
const worker = new URL('./pdfjs-page-worker.mjs', import.meta.url);
const workers = [new Worker(worker), new Worker(worker)];
const run = (w, file, from, to) => new Promise((resolve) => { w.once('message', resolve); w.postMessage({ file, from, to }); });
const best = async (times, fn) => { let b = Infinity; for (let i = 0; i < times; i++) { const t = performance.now(); await fn(); b = Math.min(b, performance.now() - t); } return b; };

for (const file of files) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const pages = doc.numPages;
  await doc.destroy();
  const half = Math.ceil(pages / 2);
  await Promise.all([run(workers[0], file, 1, Math.min(2, pages)), run(workers[1], file, 1, Math.min(2, pages))]);
  const one = await best(3, () => run(workers[0], file, 1, pages));
  const two = await best(3, () => Promise.all([run(workers[0], file, 1, half), half < pages ? run(workers[1], file, half + 1, pages) : null]));
  const poppler = await best(3, async () => execFileSync('pdftotext', ['-layout', file, '/dev/null']));
  console.log(`${file.padEnd(40)} ${String(pages).padStart(3)} pages  pdfjs 1 thread ${one.toFixed(0).padStart(4)} ms (${(poppler / one).toFixed(2)}×)  2 threads ${two.toFixed(0).padStart(4)} ms (${(poppler / two).toFixed(2)}×)  pdftotext -layout ${poppler.toFixed(0).padStart(3)} ms`);
}
await Promise.all(workers.map((w) => w.terminate()));
