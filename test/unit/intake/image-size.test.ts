import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { intakeFile } from '../../../src/intake/index.js';
import { imageSize } from '../../../src/intake/image-size.js';

/** A PNG whose header claims `width` × `height` pixels, whatever its data holds. */
function claimingPng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer): number => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(10))), chunk('IEND', Buffer.alloc(0))]);
}

describe('image size before decoding', () => {
  it('reads the size PNG, JPEG and TIFF headers claim', () => {
    expect(imageSize(claimingPng(1240, 1754), 'image/png')).toEqual({ width: 1240, height: 1754 });
    expect(imageSize(createCanvas(321, 123).toBuffer('image/jpeg'), 'image/jpeg')).toEqual({ width: 321, height: 123 });
    const tiff = readFileSync(new URL('../../../fixtures/scan/kh-bql-2026.p2-3.tif', import.meta.url));
    const size = imageSize(tiff, 'image/tiff');
    expect(size!.width).toBeGreaterThan(1000);
    expect(size!.height).toBeGreaterThan(1000);
  });

  it('refuses an image that claims too many pixels, with the size in the reason, before any decoder runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pixels-'));
    const bomb = join(dir, 'bomb.png');
    writeFileSync(bomb, claimingPng(65535, 65535));
    await expect(intakeFile(bomb)).rejects.toThrow(/65535 × 65535 pixels \(4295 megapixels\), above the 150-megapixel limit/u);
    const fine = join(dir, 'page.png');
    writeFileSync(fine, claimingPng(2480, 3508));
    await expect(intakeFile(fine)).resolves.toMatchObject({ source: { mediaType: 'image/png' } });
    await expect(intakeFile(fine, { maxPixels: 1_000_000 })).rejects.toThrow(/above the 1-megapixel limit/u);
  });
});
