import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripDiacritics } from '../core/index.js';

/**
 * The Vietnamese-model OCR tone channel (models/vie-ocr-tones.json, made by
 * scripts/restore/learn-tone-channel.ts from our own text typeset, scanned
 * and read by Tesseract's `vie` model): how often the OCR prints a
 * syllable's tone as another ("đổi" → "đôi": hỏi read as none), a vowel's
 * hat, horn or breve as another ("â" → "a"), and how often a word read at a
 * given confidence is wrong at all. P(printed | intended) for two spellings
 * of the same letters is the tone's confusion times each letter's.
 */
export interface ToneChannelData {
  /** intended tone → printed tone → count ("" none, "̀" huyền, "́" sắc, "̉" hỏi, "̃" ngã, "̣" nặng). */
  tones: Record<string, Record<string, number>>;
  /** intended letter without its tone → printed letter without its tone → count ("â" → "a"). */
  letters: Record<string, Record<string, number>>;
  /** Words of known syllables aligned with the same letters, by OCR confidence: bucket upper edges, words, wrong marks. */
  confidence: { edges: number[]; words: number[]; wrong: number[] };
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** A syllable's tone mark ("" for none) and its letters without it ("đổi" → "̉", "đôi"). */
export function splitTone(syllable: string): { tone: string; letters: string } {
  const d = syllable.normalize('NFD');
  return { tone: TONE_MARKS.exec(d)?.[0] ?? '', letters: d.replace(new RegExp(TONE_MARKS.source, 'gu'), '').normalize('NFC') };
}

/** The tone channel's probabilities: P(printed | intended) for two spellings of the same letters, and the OCR confidence's word. */
export class ToneChannel {
  readonly #data: ToneChannelData;
  readonly #wrongRate: number;

  constructor(data: ToneChannelData) {
    this.#data = data;
    const words = data.confidence.words.reduce((a, b) => a + b, 0);
    this.#wrongRate = (data.confidence.wrong.reduce((a, b) => a + b, 0) + 1) / (words + 2);
  }

  /**
   * log P(printed mark | intended mark) from one table, smoothed: one more
   * reading as printed, a twentieth of one for every other (a mark never
   * counted is mostly read as itself, and a confusion never seen is rare).
   */
  #logShare(table: Record<string, Record<string, number>>, intended: string, printed: string): number {
    const row = table[intended] ?? {};
    const total = Object.values(row).reduce((a, b) => a + b, 0);
    const others = Object.keys(row).filter((k) => k !== intended).length + 1;
    return Math.log(((row[printed] ?? 0) + (printed === intended ? 1 : 0.05)) / (total + 1 + 0.05 * others));
  }

  /**
   * log P(the OCR prints `printed` | the page says `intended`), both lower
   * case with the same letters under their marks; -Infinity when the
   * letters differ (not this channel's mistake).
   */
  logP(printed: string, intended: string): number {
    if (stripDiacritics(printed) !== stripDiacritics(intended)) return -Infinity;
    const p = splitTone(printed);
    const i = splitTone(intended);
    let lp = this.#logShare(this.#data.tones, i.tone, p.tone);
    const pl = [...p.letters];
    const il = [...i.letters];
    if (pl.length !== il.length) return -Infinity;
    for (let k = 0; k < il.length; k++) if (/[aăâeêoôơuưdđ]/u.test(il[k]!)) lp += this.#logShare(this.#data.letters, il[k]!, pl[k]!);
    return lp;
  }

  /**
   * log of how much likelier (than on average) a word read at `confidence`
   * is misread, for a wrong reading (`wrong`), or read right: the channel's
   * confusions were counted over every confidence, and the engine's own
   * doubt says where they happen.
   */
  logConfidence(confidence: number, wrong: boolean): number {
    const { edges, words, wrong: bad } = this.#data.confidence;
    let b = edges.findIndex((e) => confidence <= e);
    if (b < 0) b = edges.length - 1;
    const rate = ((bad[b] ?? 0) + this.#wrongRate) / ((words[b] ?? 0) + 1);
    return wrong ? Math.log(rate / this.#wrongRate) : Math.log((1 - rate) / (1 - this.#wrongRate));
  }
}

const CHANNEL_FILE = [new URL('../../models/vie-ocr-tones.json', import.meta.url), new URL('../../../models/vie-ocr-tones.json', import.meta.url)].map((u) => fileURLToPath(u));
let loaded: ToneChannel | null | undefined;

/** The shipped tone channel (models/vie-ocr-tones.json), or null when it is missing. */
export function loadToneChannel(): ToneChannel | null {
  if (loaded !== undefined) return loaded;
  const file = CHANNEL_FILE.find((f) => existsSync(f));
  loaded = file ? new ToneChannel(JSON.parse(readFileSync(file, 'utf8')) as ToneChannelData) : null;
  return loaded;
}
