import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { intakeFile } from '../../../src/intake/index.js';
import { imageSize } from '../../../src/intake/image-size.js';
import { claimingPng } from '../../support/claiming-png.js';

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
