import { describe, expect, it } from 'vitest';
import { addresseesIn, isPeriodPhrase, isPersonEntry, trailingAssignee } from '../../../src/lexicon/index.js';

describe('assignment words', () => {
  it('tells a member list entry from a task', () => {
    expect(isPersonEntry('- Ông Lê Văn Hồng, Phó Giám đốc Sở Y tế;')).toBe(true);
    expect(isPersonEntry('Luật sư Thái Quang Thượng Nguyên - Phó Chủ nhiệm;')).toBe(true);
    expect(isPersonEntry('- Mời bà H’Vi ÊBan – Phó Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh')).toBe(true);
    expect(isPersonEntry('- Bà con nhân dân được tuyên truyền về chính sách.')).toBe(false);
    expect(isPersonEntry('- Chủ trì, phối hợp với Sở Tài chính rà soát danh mục dự án.')).toBe(false);
  });

  it('reads the agency a heading or paragraph hands its list to, only at its end', () => {
    expect(trailingAssignee('Thống nhất tổ chức Hội nghị. Giao Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh:')).toBe('Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh');
    expect(trailingAssignee('Về nội dung dự thảo Kế hoạch, giao Sở Tài chính', { heading: true })).toBe('Sở Tài chính');
    expect(trailingAssignee('Về nội dung dự thảo Kế hoạch, giao Sở Tài chính')).toBeNull();
    expect(trailingAssignee('Giao Sở Tài chính chủ trì rà soát các nội dung sau:')).toBeNull();
  });

  it('takes a period running from an event as a period phrase', () => {
    expect(isPeriodPhrase('Trong thời hạn 07 ngày làm việc kể từ ngày kết thúc Đại hội')).toBe(true);
    expect(isPeriodPhrase('Trong thời hạn 07 ngày làm việc những hội chưa tổ chức')).toBe(false);
  });

  it('lists a letter\'s addressees from its "Kính gửi:" line or lines', () => {
    expect(addresseesIn('BỘ TÀI CHÍNH\nKính gửi:\t- Các Bộ, cơ quan ngang Bộ; cơ quan thuộc Chính phủ; / - Ủy ban nhân dân các tỉnh.\n\nThực hiện …')).toEqual(['Các Bộ, cơ quan ngang Bộ', 'cơ quan thuộc Chính phủ', 'Ủy ban nhân dân các tỉnh']);
    expect(addresseesIn('Kính gửi:\n- Các bộ, cơ quan ngang bộ;\n- UBND các tỉnh, thành phố.\nTriển khai thực hiện …')).toEqual(['Các bộ, cơ quan ngang bộ', 'UBND các tỉnh, thành phố']);
    expect(addresseesIn('Kính gửi: Công an tỉnh\nCăn cứ …')).toEqual(['Công an tỉnh']);
    expect(addresseesIn('Căn cứ …')).toEqual([]);
  });
});
