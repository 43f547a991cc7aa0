import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrResult } from '../../../src/ocr/ocr-engine.js';
import { ocrResultToPage } from '../../../src/ocr/ocr-page.js';

/** Words of one OCR line, each 30 px wide with a 10 px gap, from x = 100. */
function line(texts: readonly string[], y0: number, y1: number, tall: Record<number, [number, number]> = {}): OcrLine {
  const words = texts.map((text, i) => {
    const [top, bottom] = tall[i] ?? [y0, y1];
    return { text, box: { x0: 100 + 40 * i, y0: top, x1: 130 + 40 * i, y1: bottom }, confidence: 0.9 };
  });
  return { words, box: { x0: 100, x1: 130 + 40 * (texts.length - 1), y0: Math.min(...words.map((w) => w.box.y0)), y1: Math.max(...words.map((w) => w.box.y1)) } };
}

const result = (...lines: OcrLine[]): OcrResult => ({ lines, widthPx: 2000, heightPx: 2000 });

describe('ocrResultToPage: OCR lines onto the page model', () => {
  it('keeps two text lines apart when a stray mark stretches the first line box over the second', () => {
    // a cell's two lines at y 440-460 and 463-483; a rule's remnant "|" read on the first runs 425-485
    const first = line(['|', 'Tỷ', 'lệ', 'phủ', 'sóng'], 440, 460, { 0: [425, 485] });
    const second = line(['thị', 'trên', 'địa', 'bàn'], 463, 483);
    const page = ocrResultToPage(1, result(first, second), 150, { width: null, height: null });
    expect(page.lines.map((l) => l.text)).toEqual(['| Tỷ lệ phủ sóng', 'thị trên địa bàn']);
  });

  it('gives a line the size of its type, in points', () => {
    const page = ocrResultToPage(1, result(line(['Kế', 'hoạch'], 100, 150)), 72, { width: null, height: null });
    // at 72 dpi a pixel is a point: a 50 pt line box is about 35 pt type
    expect(page.lines[0]?.fontSize).toBeCloseTo(35, 0);
  });

  /** One OCR line of words at x from `x`, 12 px a letter and 8 px between words. */
  const at = (text: string, x: number, y: number): OcrLine => {
    const words = text.split(' ').map((t) => {
      const w = { text: t, box: { x0: x, y0: y, x1: x + 12 * [...t].length, y1: y + 20 }, confidence: 0.95 };
      x = w.box.x1 + 8;
      return w;
    });
    return { words, box: { x0: words[0]!.box.x0, y0: y, x1: words.at(-1)!.box.x1, y1: y + 20 } };
  };
  const a4 = (...lines: OcrLine[]): OcrResult => ({ lines, widthPx: 1240, heightPx: 1754 });

  it("reads a letterhead's two columns one after the other, then the body", () => {
    const page = ocrResultToPage(
      1,
      a4(
        at('BỘ TƯ PHÁP', 150, 100), at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA', 620, 100),
        at('Số: 12/BTP', 150, 140), at('Độc lập - Tự do', 700, 140),
        at('V/v tổ chức đại hội', 100, 180), at('Hà Nội, ngày 4 tháng 12', 680, 180),
        at('chứng viên', 150, 210),
        at('Kính gửi: Các đồng chí Giám đốc Sở Tư pháp các tỉnh', 100, 300),
        at('Thực hiện Nghị quyết số 202/2025/QH15', 150, 340),
      ),
      150,
      { width: null, height: null },
    );
    expect(page.lines.map((l) => l.text)).toEqual([
      'BỘ TƯ PHÁP', 'Số: 12/BTP', 'V/v tổ chức đại hội', 'chứng viên',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA', 'Độc lập - Tự do', 'Hà Nội, ngày 4 tháng 12',
      'Kính gửi: Các đồng chí Giám đốc Sở Tư pháp các tỉnh', 'Thực hiện Nghị quyết số 202/2025/QH15',
    ]);
    expect(page.repairs).toContain('side-by-side-blocks');
    // every line still points at its own words
    for (const l of page.lines) expect(page.words.slice(l.wordStart, l.wordEnd).map((w) => w.text).join(' ')).toBe(l.text);
  });

  it('leaves a page without two columns at its top in row order', () => {
    const page = ocrResultToPage(1, a4(at('Kính gửi: Các đồng chí Giám đốc Sở', 100, 100), at('Thực hiện Nghị quyết', 150, 140), at('số 202/2025/QH15', 150, 180)), 150, { width: null, height: null });
    expect(page.lines.map((l) => l.text)).toEqual(['Kính gửi: Các đồng chí Giám đốc Sở', 'Thực hiện Nghị quyết', 'số 202/2025/QH15']);
    expect(page.repairs).not.toContain('side-by-side-blocks');
  });

  it('reads the recipients beside the signature block one after the other, but not the rows of a table', () => {
    const body = Array.from({ length: 10 }, (_, i) => at('Thực hiện Nghị quyết số 202/2025/QH15 của Quốc hội về việc', 100, 100 + 40 * i));
    const closing = [
      at('Nơi nhận:', 100, 900), at('KT. GIÁM ĐỐC', 800, 900),
      at('- Như trên;', 100, 930), at('PHÓ GIÁM ĐỐC', 800, 930),
      at('- Lưu: VT.', 100, 960),
      at('Nguyễn Minh', 800, 1100),
    ];
    const table = [at('Sở Tư pháp', 100, 1300), at('12', 500, 1300), at('15', 900, 1300), at('Sở Nội vụ', 100, 1330), at('8', 500, 1330), at('9', 900, 1330)];
    const page = ocrResultToPage(1, a4(...body, ...closing, ...table), 150, { width: null, height: null });
    expect(page.lines.slice(10).map((l) => l.text)).toEqual(['Nơi nhận:', '- Như trên;', '- Lưu: VT.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Minh', 'Sở Tư pháp', '12', '15', 'Sở Nội vụ', '8', '9']);
  });

  it("keeps a subject that runs past the gutter with the letterhead's left column, when the columns' rows do not line up", () => {
    const page = ocrResultToPage(
      1,
      a4(
        at('BỘ TƯ PHÁP', 150, 100), at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 560, 100),
        at('Độc lập - Tự do - Hạnh phúc', 640, 125),
        at('Số: /BTP-BTTP', 180, 150),
        at('Hà Nội, ngày tháng 12 năm 2025', 660, 165),
        at('V/v tổ chức đại hội của Hội công chứng', 120, 190),
        at('viên các tỉnh', 150, 212),
        at('Kính gửi: Các đồng chí Giám đốc Sở Tư pháp', 100, 300),
      ),
      150,
      { width: null, height: null },
    );
    expect(page.lines.map((l) => l.text)).toEqual([
      'BỘ TƯ PHÁP', 'Số: /BTP-BTTP', 'V/v tổ chức đại hội của Hội công chứng', 'viên các tỉnh',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hà Nội, ngày tháng 12 năm 2025',
      'Kính gửi: Các đồng chí Giám đốc Sở Tư pháp',
    ]);
  });

  it("reads a letterhead underlined under each half side by side, and keeps a subject centred under its left column with it", () => {
    // at 150 dpi a pixel is 0.48 pt: the issuer's and the motto's underlines, each under one half
    const underlines = [
      { orientation: 'h' as const, at: 150 * 0.48, from: 150 * 0.48, to: 300 * 0.48 },
      { orientation: 'h' as const, at: 150 * 0.48, from: 680 * 0.48, to: 950 * 0.48 },
    ];
    const lines = [
      at('BỘ CÔNG AN', 290, 100), at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 570, 100),
      at('CÔNG AN TỈNH LÂM ĐỒNG', 100, 125), at('Độc lập - Tự do - Hạnh phúc', 670, 125),
      at('Số: /CAT-PA05', 250, 160), at('Lâm Đồng, ngày tháng 8 năm 2025', 620, 160),
      // the subject, centred under the left half: its second line reaches the right half's edge
      at('V/v đôn đốc cử nhân sự tham gia Đội', 162, 190),
      at('ứng cứu sự cố mạng máy tính và an toàn', 146, 214),
      at('tỉnh Lâm Đồng', 282, 238),
      at('Kính gửi: Văn phòng Tỉnh ủy', 400, 330),
    ];
    const page = ocrResultToPage(1, a4(...lines), 150, { width: null, height: null }, underlines);
    expect(page.lines.map((l) => l.text)).toEqual([
      'BỘ CÔNG AN', 'CÔNG AN TỈNH LÂM ĐỒNG', 'Số: /CAT-PA05', 'V/v đôn đốc cử nhân sự tham gia Đội', 'ứng cứu sự cố mạng máy tính và an toàn', 'tỉnh Lâm Đồng',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Lâm Đồng, ngày tháng 8 năm 2025',
      'Kính gửi: Văn phòng Tỉnh ủy',
    ]);
    // a rule across both halves is a table's: its rows are read row by row
    const across = [{ orientation: 'h' as const, at: 150 * 0.48, from: 90 * 0.48, to: 1100 * 0.48 }];
    const table = ocrResultToPage(1, a4(...lines), 150, { width: null, height: null }, across);
    expect(table.lines.map((l) => l.text).slice(0, 2)).toEqual(['BỘ CÔNG AN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  });

  it("reads the recipients beside the signature one after the other when the signature's strokes were read as marks", () => {
    const body = Array.from({ length: 10 }, (_, i) => at('Thực hiện Nghị quyết số 202/2025/QH15 của Quốc hội về việc', 100, 100 + 40 * i));
    const stroke = (text: string, x: number, y: number): OcrLine => {
      const l = at(text, x, y);
      for (const w of l.words) w.confidence = 0.64;
      return l;
    };
    const closing = [
      at('Nơi nhận:', 100, 900), at('TL. BỘ TRƯỞNG', 800, 900),
      at('- Như trên;', 100, 930), at('CỤC TRƯỞNG', 780, 930),
      at('- Bộ trưởng (để b/c);', 100, 960),
      at('- Lưu: VT.', 100, 990), stroke('_', 760, 990), stroke('mm', 1100, 990),
      at('Lê Xuân Hồng', 800, 1100),
    ];
    const page = ocrResultToPage(1, a4(...body, ...closing), 150, { width: null, height: null });
    expect(page.lines.slice(10).map((l) => l.text)).toEqual(['Nơi nhận:', '- Như trên;', '- Bộ trưởng (để b/c);', '- Lưu: VT.', 'TL. BỘ TRƯỞNG', 'CỤC TRƯỞNG', '_', 'mm', 'Lê Xuân Hồng']);
  });

  it("reads a two-column table's rows in order when a rule runs between its columns", () => {
    const body = Array.from({ length: 10 }, (_, i) => at('Thực hiện Nghị quyết số 202/2025/QH15 của Quốc hội về việc', 100, 100 + 40 * i));
    const rows = [at('Nội dung', 100, 900), at('Đơn vị chủ trì', 800, 900), at('Rà soát văn bản', 100, 930), at('Sở Tư pháp', 800, 930), at('Kiểm tra', 100, 960), at('Sở Nội vụ', 800, 960)];
    // at 150 dpi a pixel is 0.48 pt: a column rule at x = 600 px from y = 880 to 990 px
    const rule = { orientation: 'v' as const, at: 600 * 0.48, from: 880 * 0.48, to: 990 * 0.48 };
    const ruled = ocrResultToPage(1, a4(...body, ...rows), 150, { width: null, height: null }, [rule]);
    expect(ruled.lines.slice(10).map((l) => l.text)).toEqual(['Nội dung', 'Đơn vị chủ trì', 'Rà soát văn bản', 'Sở Tư pháp', 'Kiểm tra', 'Sở Nội vụ']);
    // the same rows with no rule are two blocks side by side
    const open = ocrResultToPage(1, a4(...body, ...rows), 150, { width: null, height: null });
    expect(open.lines.slice(10).map((l) => l.text)).toEqual(['Nội dung', 'Rà soát văn bản', 'Kiểm tra', 'Đơn vị chủ trì', 'Sở Tư pháp', 'Sở Nội vụ']);
  });
});
