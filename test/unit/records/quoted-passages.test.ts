import { describe, expect, it } from 'vitest';
import { insideQuote, maskQuotes, quotedPassages } from '../../../src/records/quoted-passages.js';

describe('passages quoted after a colon', () => {
  it('finds a passage from its opening “ after a colon to its closing ”, nested marks included', () => {
    const text = 'Căn cứ Điều 5 Quy chế, theo đó quy định: “Hội phải báo cáo “kết quả” đúng hạn.” Sau đó, đề nghị Sở gửi văn bản.';
    const [span, ...more] = quotedPassages(text);
    expect(more).toEqual([]);
    expect(text.slice(span!.start, span!.end)).toBe('“Hội phải báo cáo “kết quả” đúng hạn.”');
    expect(insideQuote([span!], text.indexOf('Hội phải'))).toBe(true);
    expect(insideQuote([span!], text.indexOf('Sau đó'))).toBe(false);
    const masked = maskQuotes(text, [span!]);
    expect(masked.text).toBe('Căn cứ Điều 5 Quy chế, theo đó quy định: “0” Sau đó, đề nghị Sở gửi văn bản.');
    expect(masked.restore('quy định: “0”')).toBe('quy định: “Hội phải báo cáo “kết quả” đúng hạn.”');
  });

  it('takes a quotation without a colon before it for a name, and runs a passage nothing closes to the end of the text', () => {
    expect(quotedPassages('Giao Sở Văn hóa tổ chức Hội thi “Tiếng hát mùa xuân” năm 2026.')).toEqual([]);
    const text = 'Thông tư quy định: “Trong thời hạn 10 ngày, Ban chủ nhiệm gửi';
    expect(quotedPassages(text)).toEqual([{ start: text.indexOf('“'), end: text.length }]);
  });
});
