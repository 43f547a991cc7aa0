import { describe, expect, it } from 'vitest';
import { governmentLevels } from '../../../src/lexicon/index.js';

describe('governmentLevels', () => {
  it('reads the level a name says, the longer phrase first, whatever the spelling of "ủy"', () => {
    expect([...governmentLevels('Công an thị xã Bảo Lộc')]).toEqual(['thị xã']);
    expect([...governmentLevels('Văn phòng Tỉnh uỷ')]).toEqual(['tỉnh']);
    expect([...governmentLevels('Ban Tổ chức Thành ủy')]).toEqual(['thành ủy']);
    expect([...governmentLevels('Ủy ban nhân dân xã Lâm Hà, huyện Đức Trọng')].sort()).toEqual(['huyện', 'xã']);
  });

  it('finds no level in a phrase that only holds a level word ("xã hội"), nor in words without their marks', () => {
    expect(governmentLevels('Sở Lao động - Thương binh và Xã hội').size).toBe(0);
    expect(governmentLevels('Bảo hiểm xã hội').size).toBe(0);
    expect(governmentLevels('Van phong Tinh uy').size).toBe(0);
    expect(governmentLevels('Sở Tư pháp').size).toBe(0);
  });
});
