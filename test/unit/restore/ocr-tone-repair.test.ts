import { describe, expect, it } from 'vitest';
import type { Page } from '../../../schemas/index.js';
import { measureTextQuality } from '../../../src/core/index.js';
import { trainModel } from '../../../src/restore/index.js';
import { bestReading, repairOcrTones, TONE_REPAIR_DEFAULTS } from '../../../src/restore/ocr-tone-repair.js';
import { splitTone, ToneChannel, type ToneChannelData } from '../../../src/restore/tone-channel.js';
import { ocrPage } from '../../support/ocr-page.js';

// a made-up corpus: "đổi tên" and "thẩm quyền" are what these words are beside here; "đôi" and "thâm" stand elsewhere
const model = trainModel([
  'đề nghị kiện toàn và đổi tên đội bóng của xã theo thẩm quyền được giao.',
  Array.from({ length: 10 }, () => 'mua một đôi giày mới và đôi tất; rừng thâm u; đặt câu hỏi.').join('\n'),
  Array.from({ length: 10 }, () => 'YÊU CẦU CỦA KẾ HOẠCH; yêu cầu của kế hoạch.').join('\n'),
]);

/** A channel where the OCR often drops hỏi or huyền and reads â for â; `hoiToNone` how often hỏi is printed with no tone. */
function channel(hoiToNone: number): ToneChannel {
  const data: ToneChannelData = {
    tones: { '': { '': 1000, '\u0309': 5 }, '\u0309': { '\u0309': 1000, '': hoiToNone }, '\u0300': { '\u0300': 1000, '': 20, '\u0309': 20 }, '\u0301': { '\u0301': 1000 }, '\u0303': { '\u0303': 100 }, '\u0323': { '\u0323': 1000 } },
    letters: { a: { a: 1000 }, â: { â: 1000, a: 5 }, ô: { ô: 1000 }, o: { o: 1000 }, ê: { ê: 1000 }, e: { e: 1000 }, u: { u: 1000 }, đ: { đ: 1000 }, d: { d: 1000 } },
    confidence: { edges: [0.8, 0.9, 1], words: [50, 100, 5000], wrong: [20, 20, 10] },
  };
  return new ToneChannel(data);
}
const likely = channel(40);
// the made-up model knows its few sentences so well that every line of them reads as fluent: weigh each word
const everyLine = { fluentLine: Infinity };


describe('ToneChannel', () => {
  it('splits a syllable into its tone and its letters', () => {
    expect(splitTone('đổi')).toEqual({ tone: '\u0309', letters: 'đôi' });
    expect(splitTone('đôi')).toEqual({ tone: '', letters: 'đôi' });
  });

  it('weighs a confusion by how often it was counted, and only between spellings of the same letters', () => {
    expect(likely.logP('đôi', 'đổi')).toBeGreaterThan(channel(0).logP('đôi', 'đổi'));
    expect(likely.logP('đôi', 'đôi')).toBeGreaterThan(likely.logP('đôi', 'đổi'));
    // ơ read as ô was never counted: rarer than a counted confusion
    expect(likely.logP('đôi', 'đời')).toBeLessThan(likely.logP('đôi', 'đổi'));
    expect(likely.logP('tôi', 'đổi')).toBe(-Infinity);
  });

  it('makes a wrong reading likelier where the OCR was less sure', () => {
    expect(likely.logConfidence(0.7, true)).toBeGreaterThan(likely.logConfidence(0.95, true));
    expect(likely.logConfidence(0.95, false)).toBeGreaterThan(likely.logConfidence(0.7, false));
  });
});

describe('repairOcrTones', () => {
  it('gives a known syllable printed with the wrong tone the spelling its neighbours and the channel prefer, and records it', () => {
    const { pages, changes } = repairOcrTones([ocrPage(['đề nghị kiện toàn và đôi tên đội bóng của xã'], 0.6)], model, likely, everyLine);
    expect(pages[0]!.lines[0]!.text).toBe('đề nghị kiện toàn và đổi tên đội bóng của xã');
    expect(pages[0]!.text).toBe(pages[0]!.lines[0]!.text);
    expect(pages[0]!.words.map((w) => w.text)).toContain('đổi');
    expect(pages[0]!.repairs).toContain('ocr-tones');
    expect(changes).toEqual([{ page: 1, printed: 'đôi', repaired: 'đổi' }]);
  });

  it('repairs a word in a title in capitals and puts it back in capitals', () => {
    const { pages } = repairOcrTones([ocrPage(['YÊU CÂU CỦA KẾ HOẠCH', 'mua một đôi giày mới và đôi tất'], 0.6)], model, likely, everyLine);
    expect(pages[0]!.lines.map((l) => l.text)).toEqual(['YÊU CẦU CỦA KẾ HOẠCH', 'mua một đôi giày mới và đôi tất']);
  });

  it('never moves a tone from one placement convention to the other ("Ủy" / "Uỷ")', () => {
    const placed = trainModel([Array.from({ length: 20 }, () => 'uỷ ban nhân dân tỉnh.').join('\n'), 'ủy viên.']);
    expect(bestReading('ủy', { before: ['<s>', '<s>'], after: ['ban', 'nhân'] }, 0.5, placed, likely, new Map(), { ...TONE_REPAIR_DEFAULTS, ...everyLine, minPosterior: 0.5 })).toBeNull();
  });

  it('leaves the word as read when the OCR was sure of it', () => {
    const page = ocrPage(['đề nghị kiện toàn và đôi tên đội bóng của xã'], 0.99);
    expect(repairOcrTones([page], model, likely, everyLine).pages[0]).toBe(page);
  });

  it('leaves the word as read when the channel makes the confusion implausible', () => {
    const page = ocrPage(['đề nghị kiện toàn và đôi tên đội bóng của xã'], 0.6);
    expect(repairOcrTones([page], model, channel(0), everyLine).pages[0]).toBe(page);
  });

  it('leaves correct text, a line that reads as fluent, and pages not read by a Vietnamese model as they are', () => {
    const right = ocrPage(['mua một đôi giày mới và đôi tất', 'đề nghị kiện toàn và đổi tên đội bóng của xã theo thẩm quyền được giao'], 0.6);
    expect(repairOcrTones([right], model, likely, everyLine).changes).toEqual([]);
    const wrong = ['đề nghị kiện toàn và đôi tên đội bóng của xã'];
    expect(repairOcrTones([ocrPage(wrong, 0.6)], model, likely, { fluentLine: -20 }).changes).toEqual([]);
    expect(repairOcrTones([ocrPage(wrong, 0.6, 'text-layer')], model, likely, everyLine).changes).toEqual([]);
    const noisy = { ...ocrPage(wrong, 0.6), quality: { ...measureTextQuality(wrong[0]!), verdict: 'noisy' as const } };
    expect(repairOcrTones([noisy], model, likely, everyLine).changes).toEqual([]);
  });

  it('weighs the pairs the document itself read surely', () => {
    // a model that has never seen either reading beside "tên": only the document can tell
    const bare = trainModel([Array.from({ length: 20 }, () => 'đôi bạn. đổi mới. tên là gì.').join('\n')]);
    const sure = { ...TONE_REPAIR_DEFAULTS, ...everyLine, minPosterior: 0.6, cacheWeight: 0.6, cacheConfidence: 0.9 };
    const doc = (doubt: Page) => [ocrPage(['xin đổi tên cho xã', 'xin đổi tên cho xã'], 0.95), doubt];
    expect(repairOcrTones(doc(ocrPage(['xin đôi tên cho xã'], 0.85)), bare, likely, sure).changes.map((c) => c.repaired)).toEqual(['đổi']);
    expect(repairOcrTones([ocrPage(['xin đôi tên cho xã'], 0.85)], bare, likely, sure).changes).toEqual([]);
    expect(bestReading('đôi', { before: ['<s>', 'xin'], after: ['tên', 'cho'] }, 0.85, bare, likely, new Map([['xin đổi', 2], ['đổi tên', 2]]), sure)).toBe('đổi');
  });
});
