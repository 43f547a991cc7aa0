import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocxPackage } from '../../../src/extract/docx/docx-package.js';
import { docxBytes, documentXml, p } from '../../support/docx-package.js';

/** A document.xml of `mib` MiB of spaces: deflate packs it ~1000:1, as zip bombs do. */
function bomb(mib: number): Uint8Array {
  return zipSync({ 'word/document.xml': new Uint8Array(mib * 1024 * 1024).fill(0x20) });
}

/** The same zip with the size its central directory declares for `name` overwritten: a header that lies. */
function lyingSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const buf = Buffer.from(zip);
  for (let i = 0; i + 46 < buf.length; i++)
    if (buf.readUInt32LE(i) === 0x02014b50 && buf.toString('latin1', i + 46, i + 46 + name.length) === name) buf.writeUInt32LE(size, i + 24);
  return buf;
}

describe('readDocxPackage', () => {
  it('reads the text parts and leaves the rest (images, settings) packed', () => {
    const zip = zipSync({ 'word/document.xml': strToU8(documentXml(p('Kế hoạch'))), 'word/media/image1.png': new Uint8Array(10), 'word/settings.xml': strToU8('<s/>') });
    expect([...readDocxPackage(zip).keys()]).toEqual(['word/document.xml']);
  });

  it('refuses a package whose parts declare more than the limit, before inflating them', () => {
    const zip = bomb(6);
    const t = performance.now();
    expect(() => readDocxPackage(zip, { maxUnpackedBytes: 4 * 1024 * 1024 })).toThrow(expect.objectContaining({ code: 'docx-too-large', message: expect.stringMatching(/zip bomb/) }));
    expect(performance.now() - t).toBeLessThan(50);
  });

  it('stops inflating a part that unpacks beyond the size its header declares', () => {
    const zip = lyingSize(bomb(8), 'word/document.xml', 1000);
    expect(() => readDocxPackage(zip)).toThrow(expect.objectContaining({ code: 'docx-too-large', message: expect.stringMatching(/more than its header says/) }));
  });

  it('refuses a cut-off package as damaged', () => {
    const whole = docxBytes({ 'word/document.xml': documentXml(p('Kế hoạch số 44/KH-UBND')) });
    expect(() => readDocxPackage(whole.subarray(0, whole.length - 30))).toThrow(expect.objectContaining({ name: 'InputError', code: 'corrupt-docx' }));
    expect(() => readDocxPackage(new TextEncoder().encode('not a zip at all'))).toThrow(expect.objectContaining({ code: 'corrupt-docx' }));
  });
});
