import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishDocument } from '../../../src/output/index.js';
import { runDocument } from '../../../src/pipeline/index.js';
import { publishedBefore } from '../../../src/queue/document-result.js';

const PLAN = `Số: 12/KH-UBND

## KẾ HOẠCH Chuyển đổi số năm 2026

### I. CHỈ TIÊU

(01) Tối thiểu 80% hồ sơ thủ tục hành chính được xử lý trực tuyến.

(02) Tỷ lệ cán bộ được bồi dưỡng kỹ năng số: 100%.
`;

describe('a re-run job whose output was already published', () => {
  it('reports the counts of what it published (read back from the output), not zeros', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-ingest-rerun-'));
    writeFileSync(join(dir, 'plan.md'), PLAN);
    const doc = await runDocument(join(dir, 'plan.md'), { ocr: null, restoreModel: null });
    expect(doc.indicators.length).toBe(2);
    const out = join(dir, 'out');
    await publishDocument(doc, out, 'plan', { file: 'plan.md', job: 'doc-1-abc' });

    expect(await publishedBefore(out, 'doc-1-abc')).toEqual({
      id: doc.id,
      version: 1,
      output: join(out, 'plan.json'),
      status: doc.status,
      pages: doc.source.pages,
      indicators: 2,
      assignments: doc.assignments.length,
    });
    expect(await publishedBefore(out, 'another-job')).toBeNull();
  });
});
