import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tiffIsWhole, utf8EndIsWhole } from '../../../src/intake/file-completeness.js';
import { findOversizedStream } from '../../../src/intake/pdf-stream-sizes.js';

describe('file completeness', () => {
  const tif = readFileSync('fixtures/scan/kh-bql-2026.p2-3.tif');

  it('takes a TIFF whole only when its directories and strips lie inside it', () => {
    expect(tiffIsWhole(tif)).toBe(true);
    for (const share of [0.9, 0.5, 0.1]) expect(tiffIsWhole(tif.subarray(0, Math.floor(tif.length * share))), String(share)).toBe(false);
  });

  it('tells a UTF-8 text cut inside a character', () => {
    const text = Buffer.from('Kế hoạch số', 'utf8');
    expect(utf8EndIsWhole(text)).toBe(true);
    expect(utf8EndIsWhole(text.subarray(0, text.length - 1))).toBe(false); // "ố" is 3 bytes
    expect(utf8EndIsWhole(Buffer.from('Ke hoach\n'))).toBe(true);
  });
});

describe('PDF stream sizes', () => {
  const pdfWith = (data: Buffer, filter = '/Filter /FlateDecode') =>
    Buffer.concat([Buffer.from(`%PDF-1.7\n4 0 obj\n<< ${filter} /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream\nendobj\n%%EOF\n')]);

  it('finds a Flate stream that inflates past the limit, without inflating it whole', async () => {
    const bomb = pdfWith(deflateSync(Buffer.alloc(8 * 1024 * 1024)));
    expect(await findOversizedStream(bomb, 1024 * 1024)).toEqual({ object: '4 0', compressed: expect.any(Number) });
    expect(await findOversizedStream(bomb, 16 * 1024 * 1024)).toBeNull();
  });

  it('leaves streams that are not Flate, or not valid zlib, to pdfjs', async () => {
    expect(await findOversizedStream(pdfWith(Buffer.alloc(4096), '/Filter /DCTDecode'), 1024)).toBeNull();
    expect(await findOversizedStream(pdfWith(Buffer.from('not zlib at all')), 1)).toBeNull();
  });
});
