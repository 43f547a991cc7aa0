import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCX_MEDIA_TYPE } from '../../../schemas/index.js';
import { intakeFile, sniffType } from '../../../src/intake/index.js';
import { hasItsEnd } from '../../../src/intake/intake-file.js';
import { hasZipEnd } from '../../../src/intake/word-files.js';
import { docxBytes, documentXml, p } from '../../support/docx-package.js';

const dir = mkdtempSync(join(tmpdir(), 'word-intake-'));
const write = (name: string, bytes: Uint8Array | string): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const DOCX = docxBytes({ 'word/document.xml': documentXml(p('Kế hoạch số 44/KH-UBND')) });
const OLE2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);

describe('Word files at intake', () => {
  it('takes a .docx as a text input with the Word media type', async () => {
    const res = await intakeFile(write('plan.docx', DOCX));
    expect(res.source).toMatchObject({ kind: 'text', mediaType: DOCX_MEDIA_TYPE, file: 'plan.docx' });
  });

  it('knows a .docx by its content, whatever its name says', () => {
    expect(sniffType(DOCX, '.txt')?.mediaType).toBe(DOCX_MEDIA_TYPE);
    expect(sniffType(readFileSync(new URL('../../../fixtures/docx/kh-bql-2026.docx', import.meta.url)), '.bin')?.mediaType).toBe(DOCX_MEDIA_TYPE);
  });

  it('refuses a Word 97-2003 .doc by name, with the way out in the reason', async () => {
    await expect(intakeFile(write('old.doc', OLE2))).rejects.toMatchObject({ name: 'InputError', code: 'legacy-word', message: 'Word 97-2003 .doc is not read: save it as .docx or PDF' });
  });

  it('refuses a .docx that is a Word 97-2003 (or password-protected) file inside', async () => {
    await expect(intakeFile(write('renamed.docx', OLE2))).rejects.toMatchObject({ code: 'legacy-word', message: expect.stringMatching(/save it as \.docx or PDF/) });
  });

  it('refuses a .docx that is no zip', async () => {
    await expect(intakeFile(write('text.docx', 'Kế hoạch số 44'))).rejects.toMatchObject({ code: 'unsupported-type', message: expect.stringMatching(/not a Word \.docx/) });
  });

  it('refuses a truncated .docx (no End Of Central Directory record) as still being copied or cut short', async () => {
    await expect(intakeFile(write('cut.docx', DOCX.subarray(0, DOCX.length - 10)))).rejects.toMatchObject({ code: 'truncated-docx', message: expect.stringMatching(/truncated \.docx/) });
  });
});

describe('hasZipEnd', () => {
  const withComment = (zip: Uint8Array, comment: string): Uint8Array => {
    const buf = Buffer.concat([Buffer.from(zip), Buffer.from(comment, 'latin1')]);
    buf.writeUInt16LE(comment.length, zip.length - 2);
    return buf;
  };

  it('finds the end record at the end, after a zip comment too', () => {
    expect(hasZipEnd(DOCX.subarray(DOCX.length - 2048))).toBe(true);
    expect(hasZipEnd(withComment(DOCX, 'made by a clerk').subarray(-2048))).toBe(true);
    expect(hasItsEnd(DOCX.subarray(-2048), DOCX_MEDIA_TYPE)).toBe(true);
  });

  it('finds none in a zip cut short, even where an end record sits inside', () => {
    expect(hasZipEnd(DOCX.subarray(0, DOCX.length - 1))).toBe(false);
    expect(hasZipEnd(withComment(DOCX, 'made by a clerk').subarray(0, -3))).toBe(false);
    expect(hasItsEnd(DOCX.subarray(0, DOCX.length - 5), DOCX_MEDIA_TYPE)).toBe(false);
  });
});
