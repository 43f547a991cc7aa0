import { describe, expect, it } from 'vitest';
import { DocxNumbering, formatNumber } from '../../../src/extract/docx/docx-numbering.js';
import { parseXml } from '../../../src/extract/docx/xml-tree.js';
import { numberingXml } from '../../support/docx-package.js';

const lvl = (ilvl: number, format: string, text: string, extra = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

/** A Vietnamese plan's outline: "I.", "1.", "1.1.", "a)"; bullets "-" and "+" (and Word's Symbol-font dot). */
const PLAN = numberingXml(
  `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%2.')}${lvl(2, 'decimal', '%2.%3.')}${lvl(3, 'lowerLetter', '%4)')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '-')}${lvl(1, 'bullet', '+')}${lvl(2, 'bullet', '\uF0B7')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="2">${lvl(0, 'decimal', '%1.')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="3">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%1.%2', '<w:isLgl/>')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>' +
    '<w:num w:numId="5"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="6"><w:abstractNumId w:val="3"/></w:num>',
);

describe('DocxNumbering', () => {
  it('prints an outline as Word does: levels count on, deeper levels start again', () => {
    const n = new DocxNumbering(parseXml(PLAN));
    const seq: [number][] = [[0], [1], [1], [2], [2], [3], [3], [1], [0], [1], [3]];
    expect(seq.map(([l]) => n.next('1', l))).toEqual(['I.', '1.', '2.', '2.1.', '2.2.', 'a)', 'b)', '3.', 'II.', '1.', 'a)']);
  });

  it('prints bullet levels as their marks, Symbol-font dots as "•"', () => {
    const n = new DocxNumbering(parseXml(PLAN));
    expect([n.next('2', 0), n.next('2', 1), n.next('2', 2), n.next('2', 0)]).toEqual(['-', '+', '•', '-']);
  });

  it('continues a list across lists sharing a definition, and starts again on a start override', () => {
    const n = new DocxNumbering(parseXml(PLAN));
    expect([n.next('3', 0), n.next('3', 0), n.next('4', 0), n.next('5', 0), n.next('5', 0), n.next('4', 0)]).toEqual(['1.', '2.', '3.', '1.', '2.', '4.']);
  });

  it('writes every level in decimal under legal numbering ("II.3" → "2.3")', () => {
    const n = new DocxNumbering(parseXml(PLAN));
    expect([n.next('6', 0), n.next('6', 0), n.next('6', 1)]).toEqual(['I.', 'II.', '2.1']);
  });

  it('gives no label for an unknown list', () => {
    expect(new DocxNumbering(parseXml(PLAN)).next('99', 0)).toBeNull();
    expect(new DocxNumbering(null).next('1', 0)).toBeNull();
  });
});

describe('formatNumber', () => {
  it.each([
    [4, 'decimal', '4'],
    [4, 'decimalZero', '04'],
    [14, 'upperRoman', 'XIV'],
    [9, 'lowerRoman', 'ix'],
    [3, 'lowerLetter', 'c'],
    [28, 'upperLetter', 'BB'],
  ])('%i as %s → %s', (n, format, out) => expect(formatNumber(n, format)).toBe(out));
});
