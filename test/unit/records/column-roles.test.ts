import { describe, expect, it } from 'vitest';
import { columnRole } from '../../../src/records/index.js';

describe('columnRole', () => {
  it.each([
    ['TT', 'code'],
    ['Stt', 'code'],
    ['STT', 'code'],
    ['Chỉ tiêu', 'name'],
    ['Nội dung', 'task'],
    ['Tên nhiệm vụ', 'task'],
    ['Nội dung công việc', 'task'],
    ['Đơn vị', 'unit'],
    ['Đơn vị tính', 'unit'],
    ['Năm 2030', 'year'],
    ['Kết quả', 'target'],
    ['Đơn vị chủ trì', 'lead'],
    ['Cơ quan chủ trì', 'lead'],
    ['Cá nhân/tổ chức được phân công chủ trì', 'lead'],
    ['Đồng chí được phân công chủ trì', 'lead'],
    ['Cơ quan chủ trì theo dõi, đánh giá', 'monitor'],
    ['Cơ quan phối hợp', 'cooperating'],
    ['Đồng chí được phân công chỉ đạo', 'directing'],
    ['Thời gian hoàn thành', 'timeline'],
    ['Tiến độ thực hiện', 'timeline'],
    ['Sản phẩm cụ thể', 'output'],
    ['Sản phẩm đầu ra', 'output'],
    ['Ghi chú', 'notes'],
    ['Kinh phí', 'extra'],
    // as an OCR reads bold header cells
    ['Đồng chí được. phân công chủ : trì', 'lead'],
    ['Đồng chí được. nhân công chủ ầ trì', 'lead'], // a stray letter an OCR read inside the words
    ['Cơ quan chủ trì theo dõi, ¿ á đánh gì.', 'monitor'],
    ['NHI 2035', 'year'],
    ['E7) 2040', 'year'],
    ['E5 20252030', 'extra'],
    ['2025 2030', 'extra'],
    ['Quý 2030 và những năm sau', 'extra'],
  ])('%s → %s', (header, role) => expect(columnRole(header)).toBe(role));
});
