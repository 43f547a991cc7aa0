import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addLearnedAliases, loadAgencyRegistry, readPerson, splitAgencies } from '../../../src/records/index.js';

const registry = loadAgencyRegistry(null);
const resolve = (raw: string) => registry.resolve(raw, splitAgencies(raw)[0]?.kind ?? 'unknown');

describe('agency registry', () => {
  it.each([
    ['Sở KH&CN', 'Sở Khoa học và Công nghệ', 'department'],
    ['Sở KHCN', 'Sở Khoa học và Công nghệ', 'department'],
    ['UBND thành phố', 'Ủy ban nhân dân thành phố', 'state'],
    ['UBND TP', 'Ủy ban nhân dân thành phố', 'state'],
    ['HĐND thành phố', 'Hội đồng nhân dân thành phố', 'state'],
    ['BQL Khu kinh tế', 'Ban Quản lý Khu kinh tế', 'state'],
    ['Ủy ban MTTQ Việt Nam thành phố', 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố', 'state'],
    ['Sở Công thương.', 'Sở Công Thương', 'department'],
    ['Công an Thành phố', 'Công an thành phố', 'state'],
    ['Sở Y tế', 'Sở Y tế', 'department'],
    ['Sở Văn hoá, Thể thao và Du lịch', 'Sở Văn hóa, Thể thao và Du lịch', 'department'], // old tone placement
  ])('%s → %s (%s)', (raw, name, kind) => {
    expect(resolve(raw)).toMatchObject({ raw, name, kind, score: 1 });
  });

  it.each([
    ['Sở Thông tin và Truyền thông', 'Sở Khoa học và Công nghệ'],
    ['Sở Kế hoạch và Đầu tư', 'Sở Tài chính'],
    ['Sở Lao động - Thương binh và Xã hội', 'Sở Nội vụ'],
    ['Sở Tài nguyên và Môi trường', 'Sở Nông nghiệp và Môi trường'],
    ['Sở Nông nghiệp và Phát triển nông thôn', 'Sở Nông nghiệp và Môi trường'],
  ])('keeps the printed %s and adds its successor %s with the date', (raw, successor) => {
    expect(resolve(raw)).toMatchObject({ raw, name: raw, successor: { name: successor, since: '2025-03-01' } });
  });

  it('says the district level was abolished', () => {
    expect(resolve('UBND các quận, huyện')).toMatchObject({ kind: 'district', successor: { name: null, since: '2025-07-01' } });
  });

  it('absorbs OCR leftovers by fuzzy matching, with the score kept', () => {
    const a = resolve('Sở Khoa hoc và Cong nghệ');
    expect(a.name).toBe('Sở Khoa học và Công nghệ');
    expect(a.score).toBeGreaterThan(0.9);
    expect(a.score).toBeLessThan(1);
    // a different body is not pulled onto a near name
    expect(resolve('Sở Tư pháp').name).toBe('Sở Tư pháp');
    expect(resolve('Phòng Kinh tế xã')).toMatchObject({ name: 'Phòng Kinh tế xã', score: null });
  });

  it('repairs what an OCR misread to the registry spelling, keeping the reading, only for OCR text', () => {
    const misread = (raw: string) => registry.resolve(raw, 'unknown', { misread: true });
    expect(misread('Số¢ Thông tin và Truyền thông')).toMatchObject({ raw: 'Sở Thông tin và Truyền thông', read: 'Số¢ Thông tin và Truyền thông', name: 'Sở Thông tin và Truyền thông' });
    expect(misread('Sở Khoa học và Công ngũ¢')).toMatchObject({ raw: 'Sở Khoa học và Công nghệ', name: 'Sở Khoa học và Công nghệ' });
    expect(misread('Văn phòng Uỷ ban nhân dân thành')).toMatchObject({ raw: 'Văn phòng Ủy ban nhân dân thành phố' });
    // the same text from a digital document keeps its printing
    expect(resolve('Sở Khoa hoc và Cong nghệ').raw).toBe('Sở Khoa hoc và Cong nghệ');
    expect(misread('Sở Tư pháp')).toMatchObject({ raw: 'Sở Tư pháp', name: 'Sở Tư pháp' });
    expect(misread('Sở Tư pháp').read).toBeUndefined();
  });

  it('never repairs one level of government into another: a clearly printed "Tỉnh ủy" is not a misread "Thành ủy"', () => {
    const misread = (raw: string) => registry.resolve(raw, 'unknown', { misread: true });
    expect(misread('Văn phòng Tỉnh ủy')).toMatchObject({ raw: 'Văn phòng Tỉnh ủy', name: 'Văn phòng Tỉnh ủy', score: null });
    expect(misread('Văn phòng Ủy ban nhân dân tỉnh')).toMatchObject({ raw: 'Văn phòng Ủy ban nhân dân tỉnh', score: null });
    // the same level, letters misread: still repaired; a level word the OCR stripped of its marks holds nothing back
    expect(misread('Văn phòng Thành ủv')).toMatchObject({ raw: 'Văn phòng Thành ủy', name: 'Văn phòng Thành ủy' });
    expect(misread('Van phong Thanh uy')).toMatchObject({ name: 'Văn phòng Thành ủy' });
  });

  it('takes a looser misread match only when one registry name is clearly nearer than the rest', () => {
    const misread = (raw: string) => registry.resolve(raw, 'unknown', { misread: true });
    // a garbled last word, a lost head word
    expect(misread('Sở Khoa học và Công hỗ')).toMatchObject({ raw: 'Sở Khoa học và Công nghệ', read: 'Sở Khoa học và Công hỗ' });
    expect(misread('Giáo dục và Đào tạo')).toMatchObject({ raw: 'Sở Giáo dục và Đào tạo' });
    // near no name closely enough: left as read
    expect(misread('Sở Tài pháp')).toMatchObject({ raw: 'Sở Tài pháp', score: null });
  });

  it('matches a badly garbled reading to a name the document prints clearly elsewhere, and only to such a name', () => {
    const names = new Set(['Sở Xây dựng', 'Sở Nội vụ']);
    const read = (raw: string, documentNames?: Set<string>) => registry.resolve(raw, 'unknown', { misread: true, documentNames });
    // too far from every registry name on its own
    expect(read('Sở Xâu đựng ở')).toMatchObject({ score: null });
    expect(read('Sở Xâu đựng ở', names)).toMatchObject({ raw: 'Sở Xây dựng', name: 'Sở Xây dựng', read: 'Sở Xâu đựng ở' });
    // the document never prints that name clearly: no loose match
    expect(read('Sở Xâu đựng ở', new Set(['Sở Nội vụ']))).toMatchObject({ score: null });
    // digital text is not a misreading
    expect(registry.resolve('Sở Xâu đựng ở', 'unknown', { documentNames: names })).toMatchObject({ score: null });
  });

  it('leaves groups as groups', () => {
    expect(resolve('các sở, ban, ngành')).toMatchObject({ kind: 'group', score: null });
  });

  it('reads people as a name and titles', () => {
    expect(readPerson('Đồng chí Hoàng Minh Cường, Ủy viên Thành ủy, Phó Chủ tịch UBND thành phố')).toEqual({ name: 'Hoàng Minh Cường', titles: ['Ủy viên Thành ủy', 'Phó Chủ tịch UBND thành phố'] });
    expect(resolve('Đồng chí Giám đốc Sở KH&CN')).toMatchObject({ kind: 'person', person: { name: null, titles: ['Giám đốc Sở Khoa học và Công nghệ'] } });
    expect(readPerson('Sở Nội vụ')).toBeNull();
  });

  it('learns aliases from reviewers, once each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pi-reg-'));
    await addLearnedAliases(dir, [{ alias: 'Sở KT-HT', name: 'Sở Xây dựng' }]);
    await addLearnedAliases(dir, [{ alias: 'Sở KT-HT', name: 'Sở Xây dựng' }, { alias: 'Sở Y tế', name: 'Sở Y tế' }]);
    expect(JSON.parse(readFileSync(join(dir, 'agency-aliases.json'), 'utf8'))).toEqual([{ alias: 'Sở KT-HT', name: 'Sở Xây dựng' }]);
    expect(loadAgencyRegistry(dir).resolve('Sở KT-HT', 'department')).toMatchObject({ raw: 'Sở KT-HT', name: 'Sở Xây dựng', kind: 'department', score: 1 });
  });
});

describe('agency lists', () => {
  it.each([
    ['Sở Kế hoạch và Đầu tư; Các sở, ban, ngành, Ủy ban nhân dân các quận, huyện, thành phố, các đơn vị liên quan', ['Sở Kế hoạch và Đầu tư', 'Các sở, ban, ngành', 'Ủy ban nhân dân các quận, huyện, thành phố', 'các đơn vị liên quan']],
    ['Sở Y tế, Sở Giáo dục và Đào tạo, Sở Xây dựng.', ['Sở Y tế', 'Sở Giáo dục và Đào tạo', 'Sở Xây dựng.']],
    ['Trung tâm Xúc tiến đầu tư – Việc làm – Hỗ trợ doanh nghiệp Hải Phòng. Văn phòng Ban Quản lý', ['Trung tâm Xúc tiến đầu tư – Việc làm – Hỗ trợ doanh nghiệp Hải Phòng', 'Văn phòng Ban Quản lý']],
    ['các sở, ngành', ['các sở, ngành']],
    ['Sở Khoa học và Công nghệ', ['Sở Khoa học và Công nghệ']],
  ])('%s', (cell, items) => {
    expect(splitAgencies(cell).map((a) => a.raw)).toEqual(items);
  });
});
