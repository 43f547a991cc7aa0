import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextPages } from '../../../src/extract/text-input.js';

describe('Markdown text inputs', () => {
  it('removes bold and italic marks, keeps "* " bullets and lone asterisks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ingest-md-'));
    const file = join(dir, 'plan.md');
    writeFileSync(file, ['## **I. MỤC ĐÍCH**', 'triển khai phong trào “*học tập số*”, “*Bình dân học vụ số*” cho người dân', '* Một mục', 'Diện tích 5 * 3 m'].join('\n'));
    const [page] = await readTextPages(file, 'text/markdown');
    expect(page?.lines.map((l) => l.text)).toEqual(['I. MỤC ĐÍCH', 'triển khai phong trào “học tập số”, “Bình dân học vụ số” cho người dân', '* Một mục', 'Diện tích 5 * 3 m']);
    expect(page?.lines[0]?.bold).toBe(true);
  });

  it('reads a .txt whose only Markdown is italics as Markdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ingest-md-'));
    const file = join(dir, 'plan.txt');
    writeFileSync(file, ['4.4. Triển khai phong trào “*học tập số*”, “*Bình dân học vụ số*”.', 'Ghi chú (*): số liệu năm 2025.'].join('\n'));
    const [page] = await readTextPages(file, 'text/plain');
    expect(page?.lines.map((l) => l.text)).toEqual(['4.4. Triển khai phong trào “học tập số”, “Bình dân học vụ số”.', 'Ghi chú (*): số liệu năm 2025.']);
  });
});
