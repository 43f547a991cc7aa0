import { describe, expect, it } from 'vitest';
import { sniffType } from '../../../src/intake/index.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffType', () => {
  it.each([
    ['a PDF header', bytes('%PDF-1.7\n'), '.pdf', 'application/pdf'],
    ['a PDF header after junk', bytes('\n\n  %PDF-1.4'), '.pdf', 'application/pdf'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), '.png', 'image/png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0]), '.jpg', 'image/jpeg'],
    ['TIFF little-endian', bytes([0x49, 0x49, 0x2a, 0x00]), '.tif', 'image/tiff'],
    ['TIFF big-endian', bytes([0x4d, 0x4d, 0x00, 0x2a]), '.tif', 'image/tiff'],
    ['Vietnamese UTF-8 text', new TextEncoder().encode('Kế hoạch số 44/KH-UBND'), '.txt', 'text/plain'],
    ['markdown by extension', new TextEncoder().encode('## KẾ HOẠCH'), '.md', 'text/markdown'],
  ])('recognises %s', (_label, data, ext, mediaType) => {
    expect(sniffType(data, ext)?.mediaType).toBe(mediaType);
  });

  it('rejects binary that is none of these', () => {
    expect(sniffType(bytes([0x00, 0x01, 0x02, 0xff, 0xfe]), '.pdf')).toBeNull();
  });

  it('rejects invalid UTF-8 as text', () => {
    expect(sniffType(bytes([0x41, 0xc3, 0x28]), '.txt')).toBeNull();
  });
});
