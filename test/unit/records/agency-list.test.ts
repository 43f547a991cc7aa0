import { describe, expect, it } from 'vitest';
import { splitAgencies, splitLeadCell } from '../../../src/records/index.js';

const raws = (list: { raw: string }[]): string[] => list.map((a) => a.raw);

describe('splitAgencies', () => {
  it('splits at semicolons, never at the commas inside a group', () => {
    expect(raws(splitAgencies('Văn phòng Ban Quản lý; Các phòng chuyên môn'))).toEqual(['Văn phòng Ban Quản lý', 'Các phòng chuyên môn']);
    expect(raws(splitAgencies('Các sở, ban, ngành'))).toEqual(['Các sở, ban, ngành']);
  });
  it('marks groups, departments and people', () => {
    expect(splitAgencies('Các sở, ban, ngành')[0]?.kind).toBe('group');
    expect(splitAgencies('Sở Khoa học và Công nghệ')[0]?.kind).toBe('department');
    expect(splitAgencies('Đồng chí Giám đốc Sở Tài chính')[0]?.kind).toBe('person');
  });
});

describe('splitLeadCell', () => {
  it('splits "X chủ trì, phối hợp Y" into lead and cooperating', () => {
    const r = splitLeadCell('Văn phòng chủ trì, phối hợp Đoàn thanh niên cơ quan và các phòng, đơn vị');
    expect(raws(r.lead)).toEqual(['Văn phòng']);
    expect(raws(r.cooperating)).toEqual(['Đoàn thanh niên cơ quan', 'các phòng, đơn vị']);
  });
  it('leaves a plain lead cell alone, keeping "và" inside names', () => {
    const r = splitLeadCell('Sở Khoa học và Công nghệ');
    expect(raws(r.lead)).toEqual(['Sở Khoa học và Công nghệ']);
    expect(r.cooperating).toEqual([]);
  });
});
