// One worker of scripts/bench/pdfjs-workers.mjs: opens the PDF itself and asks pdfjs for what the
// text-layer stage needs of each page in its range (text content and operator list), nothing else.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const standardFontDataUrl = join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

parentPort.on('message', async ({ file, from, to }) => {
  const data = new Uint8Array(readFileSync(file));
  const doc = await getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, standardFontDataUrl }).promise;
  let items = 0;
  for (let i = from; i <= to; i++) {
    const page = await doc.getPage(i);
    items += (await page.getTextContent()).items.length;
    await page.getOperatorList();
  }
  await doc.destroy();
  parentPort.postMessage(items);
});
