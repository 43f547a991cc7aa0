import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { similarity } from '../../src/core/index.js';
import { runDocument } from '../../src/pipeline/index.js';

const ROOT = new URL('../../', import.meta.url);
const expected = readFileSync(new URL('fixtures/pdf/defects/expected.txt', ROOT), 'utf8').trim();
const flat = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** The generated defect fixtures (scripts/fixtures/make-defect-pdfs.ts) come back as the Unicode text, with the repair recorded. */
describe('Vietnamese text-layer repair', () => {
  it.each([
    ['vni.pdf', 'vni'],
    ['nfd.pdf', 'nfc'],
  ])('%s gives back the text exactly (repair %s)', async (file, repair) => {
    const doc = await runDocument(new URL(`fixtures/pdf/defects/${file}`, ROOT).pathname, { ocr: null });
    expect(doc.pages[0]?.repairs).toContain(repair);
    expect(flat(doc.pages[0]?.text ?? '')).toBe(flat(expected));
    expect(doc.pages[0]?.quality?.verdict).toBe('good');
  });

  it('tcvn3.pdf is decoded from TCVN3', async () => {
    const doc = await runDocument(new URL('fixtures/pdf/defects/tcvn3.pdf', ROOT).pathname, { ocr: null });
    expect(doc.pages[0]?.repairs).toContain('tcvn3');
    // the generator's PDF library drops byte 0xAD (TCVN3 "ư", a soft hyphen in Unicode) when drawing,
    // so one letter of the fixture is missing before extraction
    expect(similarity(flat(doc.pages[0]?.text ?? ''), flat(expected))).toBeGreaterThan(0.99);
    expect(doc.pages[0]?.text).toContain('Ủy ban nhân dân thành phố Hải Phòng');
  });
});
