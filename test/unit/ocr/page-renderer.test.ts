import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { isChildFailure } from '../../../src/core/index.js';
import { createSandboxedRenderer } from '../../../src/ocr/index.js';
import { claimingPng } from '../../support/claiming-png.js';
import { makePdf } from '../../support/make-pdf.js';

describe('the sandboxed page renderer', () => {
  const renderer = createSandboxedRenderer({ children: 1 });
  afterAll(() => renderer.close());

  it('survives a PNG that aborts Skia, naming the crash and the page, then renders the next pages in a fresh child', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ingest-renderer-'));
    const bomb = join(dir, 'bomb.png');
    writeFileSync(bomb, claimingPng(65535, 65535));
    const crash = await renderer.prepare({ path: bomb, kind: 'image', mediaType: 'image/png', page: 1, dpi: 300 }).catch((e: unknown) => e);
    expect(isChildFailure(crash), String(crash)).toBe(true);
    expect((crash as Error).message).toMatch(/^image decoder crashed \(SIG[A-Z]+\) on page 1$/u);

    // a small page image, so that the test stays quick
    const canvas = createCanvas(600, 400);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 600, 400);
    ctx.fillStyle = '#000000';
    ctx.font = '28px sans-serif';
    for (let y = 60; y < 380; y += 50) ctx.fillText('Ủy ban nhân dân thành phố Hải Phòng', 20, y);
    const png = join(dir, 'page.png');
    writeFileSync(png, canvas.toBuffer('image/png'));
    const scan = await renderer.prepare({ path: png, kind: 'image', mediaType: 'image/png', page: 1, dpi: 300 });
    expect(scan.blank).toBe(false);
    expect(Buffer.isBuffer(scan.image.bytes)).toBe(true);
    expect(scan.gray!.data.length).toBe(scan.gray!.width * scan.gray!.height);

    const pdf = join(dir, 'plan.pdf');
    writeFileSync(pdf, await makePdf(['KẾ HOẠCH', 'Ủy ban nhân dân thành phố Hải Phòng']));
    const page = await renderer.prepare({ path: pdf, kind: 'pdf', mediaType: 'application/pdf', page: 1, dpi: 72 });
    expect(page.image.dpi).toBe(72);
    expect(page.gray!.width).toBeGreaterThan(400);
  });

  it('previews a page for the review server in the child too: a decoder crash fails that preview only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ingest-preview-'));
    const bomb = join(dir, 'bomb.png');
    writeFileSync(bomb, claimingPng(65535, 65535));
    const crash = await renderer.preview({ path: bomb, kind: 'image', mediaType: 'image/png', page: 1, dpi: 300 }).catch((e: unknown) => e);
    expect(isChildFailure(crash), String(crash)).toBe(true);
    const pdf = join(dir, 'plan.pdf');
    writeFileSync(pdf, await makePdf(['KẾ HOẠCH', 'Ủy ban nhân dân thành phố Hải Phòng']));
    const page = await renderer.preview({ path: pdf, kind: 'pdf', mediaType: 'application/pdf', page: 1, dpi: 72 });
    expect(page.dpi).toBe(72);
    expect(page.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
