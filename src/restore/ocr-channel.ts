import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { syllablesFor } from './candidates.js';
import { syllableKey } from './syllable-inventory.js';

/**
 * The OCR noise channel learned by scripts/restore/learn-ocr-channel.ts
 * (models/ocr-channel.json): what an English-model OCR writes for a
 * Vietnamese syllable ("d6i" for "đổi", "s&" for "sở") and which letters it
 * confuses ("6" → "o", "ti" → "u", "p" → "đ"). It proposes readings of a
 * noisy token with their channel log-probabilities; the language model
 * chooses among them.
 */
export interface ChannelData {
  identity: number;
  /** Aligned word pairs the channel was counted from. */
  pairs?: number;
  tokens: Record<string, Record<string, number>>;
  subs: Record<string, Record<string, number>>;
  /**
   * How often each word was aligned (twice or more): a token's count over it
   * is P(token | word). Files without it (version 1) count it from `tokens`.
   */
  words?: Record<string, number>;
}

/** How the channel's two sources of evidence are combined (see OcrChannel.readings). */
export interface ChannelOptions {
  /**
   * How much of the word frequencies in a token's learned readings is taken
   * out (0: P(word | token) as counted; 1: P(token | word), a noisy channel
   * proper). Default CHANNEL_PRIOR_POWER.
   */
  priorPower?: number;
  /** Weight of the channel's log-probability against the language model's. Default CHANNEL_WEIGHT. */
  weight?: number;
  /**
   * Readings of a word the decoder keeps alive besides its best states
   * (DecodeOptions.readingsKept). Default CHANNEL_READINGS_KEPT.
   */
  readingsKept?: number;
}

/**
 * Defaults of ChannelOptions, tuned on our own English-OCR pairs held out
 * from the channel's counts (scripts/restore/tune-channel.ts: 16 Times-typeset
 * copies, four folds by source text, the language model less each text; never
 * KH 44): held-out word accuracy at power 0 / 0.5 / 1 (weight 1) 0.9496 /
 * 0.9482 / 0.9457; at weight 1 / 1.25 / 1.5 / 2 (power 0) 0.9285 / 0.9307 /
 * 0.9321 / 0.9335, lower again at 2.5 and 3.
 */
export const CHANNEL_PRIOR_POWER = 0;
export const CHANNEL_WEIGHT = 2;

export interface Reading {
  word: string;
  logp: number;
}

/**
 * A confusion must have been seen in this share of the aligned words to be tried on unseen tokens (at least
 * 5 times): a share, not a count, so that more channel data does not make rare signs' one-off readings ("¢" → o,
 * six times in 61k words) trusted; 5 of the 32,844 words the threshold was chosen on.
 */
const MIN_SUB_SHARE = 5 / 32844;
/** Vowel letters of a syllable's key (diacritics stripped). */
const VOWELS = /[aeiouy]/u;
/** Readings kept per token. */
const MAX_READINGS = 24;
/**
 * The channel spreads a noisy token's readings over many nats ("dit": "dứt"
 * as learned, "dữ" 11 nats behind it, two confusions away), and the word
 * after it is what decides ("dữ liệu"): a beam of the best states alone
 * drops such a reading before its next word is scored. So the decoder keeps
 * the best state of every reading a token gets (MAX_READINGS; an unread
 * token's hundreds of equally likely ones are cut to as many). On held-out
 * Times copies of our own text (scripts/restore/tune-channel.ts
 * --readings 0,6,12,24, 31,156 words) 0.9240 → 0.9242 at 6, 12 and 24
 * alike; each reading kept, not a number fitted, about 1.5× the decoding
 * time of channel text.
 */
export const CHANNEL_READINGS_KEPT = MAX_READINGS;
/** Readings kept for a token with an unknown sign, all equally likely. */
const MAX_UNREAD_READINGS = 400;

export class OcrChannel {
  readonly #subs: [string, string, number][];
  /** Characters the channel learned a usable confusion for (as a confusion's source). */
  readonly #known: Set<string>;
  /** Vowels the OCR dropped (nothing observed where one was), with their log-probabilities. */
  readonly #droppedVowels: [string, number][];
  /** n(w): how often each word was aligned. */
  readonly #wordCounts: Map<string, number>;
  readonly #power: number;
  readonly #weight: number;
  /** Readings of a word the decoder keeps alive besides its best states (ChannelOptions.readingsKept). */
  readonly readingsKept: number;
  constructor(readonly data: ChannelData, options: ChannelOptions = {}) {
    this.#power = options.priorPower ?? CHANNEL_PRIOR_POWER;
    this.#weight = options.weight ?? CHANNEL_WEIGHT;
    this.readingsKept = options.readingsKept ?? CHANNEL_READINGS_KEPT;
    this.#wordCounts = new Map(Object.entries(data.words ?? {}));
    if (!data.words) for (const row of Object.values(data.tokens)) for (const [w, n] of Object.entries(row)) this.#wordCounts.set(w, (this.#wordCounts.get(w) ?? 0) + n);
    const minCount = Math.max(5, Math.round((data.pairs ?? 0) * MIN_SUB_SHARE));
    // insertions (nothing observed where a letter was) are left out: trying them everywhere explodes the readings
    this.#subs = Object.entries(data.subs).filter(([from]) => from !== '').flatMap(([from, row]) => {
      const total = Object.values(row).reduce((a, b) => a + b, 0);
      return Object.entries(row)
        .filter(([, n]) => n >= minCount)
        .map(([to, n]) => [from, to, Math.log((n / total) * (1 - data.identity))] as [string, string, number]);
    });
    // a sign seen too rarely to trust its confusions ("§" three times) counts as unknown
    this.#known = new Set(this.#subs.flatMap(([from]) => [...from]));
    const dropped = Object.entries(data.subs[''] ?? {});
    const droppedTotal = dropped.reduce((a, [, n]) => a + n, 0);
    this.#droppedVowels = dropped.filter(([to, n]) => n >= minCount && VOWELS.test(to)).map(([to, n]) => [to, Math.log((n / droppedTotal) * (1 - data.identity))]);
  }

  /**
   * Readings of a noisy token: as learned for the token, as its letters say,
   * and with one or two learned confusions undone, each with a channel
   * log-probability (times the channel's weight). The readings learned for
   * the token are P(word | token) from the counts, which carry the training
   * texts' word frequencies; the language model supplies P(word) again, so
   * they are divided by P(word)^prior-power and renormalised over the
   * token's learned readings (a token's share of each word it was seen for):
   * "va" read for "và" 1,148 times no longer makes "và" the reading of
   * every token near "va". Only the likeliest are kept, by channel ×
   * `prior` (the word's own log-probability): one confusion undone can open
   * dozens of equally likely syllables ("dbi" → "doi" → dõi, dối, đổi, …),
   * and the frequent ones must survive the cut.
   */
  readings(token: string, prior: (word: string) => number = () => 0): Reading[] {
    const t = syllableKey(token).replace(/[^\p{L}\p{N}&§$@€¢¥£]/gu, '');
    const out = new Map<string, number>();
    const add = (word: string, logp: number): void => {
      if (logp > (out.get(word) ?? -Infinity)) out.set(word, logp);
    };
    const seen = this.data.tokens[t];
    if (seen) for (const [word, p] of this.#learned(seen)) add(word, Math.log(p));
    const identity = Math.log(this.data.identity);
    const direct = syllablesFor(t);
    for (const s of direct) add(s, identity - 1);
    // learned confusions undone even where the letters already spell a syllable: the OCR writes
    // real syllables for others ("nhim" for "nhằm", "chét" for "chất"); the language model decides
    for (const [key, logp] of this.#variants(t, 2)) for (const s of syllablesFor(key)) add(s, logp - 1);
    // a token one learned confusion away from a token the channel saw reads as that one ("chire" for "chirc", which it
    // saw for "chức"): the OCR garbles a syllable more ways than any data shows, and its readings are the seen token's
    for (const [key, logp] of this.#variants(t, 1)) {
      const near = key !== t ? this.data.tokens[key] : undefined;
      if (near) for (const [word, p] of this.#learned(near)) add(word, logp + Math.log(p) - 1);
    }
    // every syllable has a vowel: a token without one lost it, most often a vowel under stacked marks
    // (ấ, ậ, ố) the English model could not read ("nht" for "nhất", "vt" for "vật"); put back one it learned dropping
    if (/^\p{L}{2,5}$/u.test(t) && !VOWELS.test(t)) {
      for (const [vowel, logp] of this.#droppedVowels) for (let at = 1; at <= t.length; at++) for (const s of syllablesFor(t.slice(0, at) + vowel + t.slice(at))) add(s, logp - 1);
    }
    // a sign beside letters is often a diacritic drawn apart ("vé&" for "về"): read without it, at a cost
    const signless = t.replace(/[&§$@€¢¥£]/gu, '');
    if (signless !== t && /^\p{L}+$/u.test(signless)) for (const s of syllablesFor(signless)) add(s, identity + UNREAD_LOGP);
    // a token no one or two confusions explain may need three ("ctiia" → của)
    if (!out.size && t.length >= 4) for (const [key, logp] of this.#variants(t, 3)) for (const s of syllablesFor(key)) add(s, logp - 1);
    // a sign the channel never learned stands for a letter the OCR could not read ("ngh¢" → nghệ, "¢6" → có)
    // (all of them equally likely: the language model alone chooses, so none is cut)
    const unread = !out.size;
    if (unread) for (const key of wildcards(t, this.#known)) for (const s of syllablesFor(key)) add(s, identity + UNREAD_LOGP);
    // so does a digit or sign whose learned confusions spell nothing with the letters around it ("d61" → đổi: "1" was
    // only ever learned as "l"), and a letter Vietnamese does not write ("trf" → trí); in a token of three
    // characters or more with a letter Vietnamese writes (not "A1", "Z7", nor digits alone)
    if (unread && !out.size && t.length >= 3 && /[a-eg-ik-vxy]/u.test(t)) for (const key of wildcards(t, FOREIGN)) for (const s of syllablesFor(key)) add(s, identity + UNREAD_LOGP);
    // and, as a last resort, one letter of a word of letters misread in a way no data showed ("DQc" → độc, "HQi" →
    // hội, where another engine's "Q" for "ộ" was seen too rarely to trust): any one letter put back
    if (unread && !out.size && /^\p{L}{2,}$/u.test(t) && /[a-eg-ik-vxy]/u.test(t)) {
      const chars = [...t];
      for (let i = 0; i < chars.length; i++) for (const l of LETTERS) for (const s of syllablesFor([...chars.slice(0, i), l, ...chars.slice(i + 1)].join(''))) add(s, identity + UNREAD_LOGP);
    }
    return [...out.entries()]
      .map(([word, logp]) => ({ word, logp, rank: logp + prior(word) }))
      .sort((a, b) => b.rank - a.rank)
      .slice(0, unread ? MAX_UNREAD_READINGS : MAX_READINGS)
      .map(({ word, logp }) => ({ word, logp: this.#weight * logp }));
  }

  /**
   * A token's learned readings, P(word | token) ∝ n(token, word) / P(word)^power,
   * renormalised to sum to one over them (P(word) from the channel's own
   * aligned words, add-one): the token's counts less the word frequencies
   * the language model counts again.
   */
  #learned(seen: Record<string, number>): [string, number][] {
    const entries = Object.entries(seen);
    const weighted = entries.map(([word, n]) => [word, n * Math.pow((this.#wordCounts.get(word) ?? n) + 1, -this.#power)] as [string, number]);
    const total = weighted.reduce((a, [, v]) => a + v, 0);
    return weighted.map(([word, v]) => [word, v / total]);
  }

  /** Keys reachable from `t` by undoing up to `depth` learned confusions. */
  #variants(t: string, depth: number): Map<string, number> {
    const out = new Map<string, number>();
    const step = (s: string, base: number, level: number): void => {
      for (const [from, to, logp] of this.#subs) {
        for (let at = s.indexOf(from); at >= 0; at = s.indexOf(from, at + 1)) {
          const next = s.slice(0, at) + to + s.slice(at + from.length);
          const score = base + logp;
          if (score > (out.get(next) ?? -Infinity)) {
            out.set(next, score);
            if (level < depth) step(next, score, level + 1);
          }
        }
      }
    };
    step(t, 0, 1);
    return out;
  }
}

/** log-probability of reading an unknown sign as one particular letter (or as nothing). */
const UNREAD_LOGP = Math.log(1 / 24) - 1;
const LETTERS = ['', ...'abcdeghiklmnopqrstuvxy'];

/** Letters no Vietnamese syllable is written with: for wildcards(), signs like any other. */
const FOREIGN: ReadonlySet<string> = new Set(['f', 'j', 'w', 'z']);

/**
 * Keys for a token with signs put back as each letter: at most two such signs. A sign is a character that is
 * not a letter and not in `known` (the signs with learned confusions); with FOREIGN as `known`, every
 * digit and sign, and the letters in it, are.
 */
function wildcards(t: string, known: ReadonlySet<string>): string[] {
  const foreign = known === FOREIGN;
  const unknown = [...t].map((c, i) => (foreign ? (/\p{L}/u.test(c) && !FOREIGN.has(c) ? -1 : i) : /[\p{L}]/u.test(c) || known.has(c) ? -1 : i)).filter((i) => i >= 0);
  if (!unknown.length || unknown.length > 2 || /^\d+$/u.test(t.replace(/[^\p{L}\p{N}]/gu, '') || '0')) return [];
  let keys = [[...t]];
  for (const i of unknown) keys = keys.flatMap((k) => LETTERS.map((l) => k.map((c, j) => (j === i ? l : c))));
  return keys.map((k) => k.join('')).filter((k) => /^\p{L}+$/u.test(k));
}

const CHANNEL_FILE = [new URL('../../models/ocr-channel.json', import.meta.url), new URL('../../../models/ocr-channel.json', import.meta.url)].map((u) => fileURLToPath(u));
let loaded: OcrChannel | null | undefined;

/** The shipped channel (models/ocr-channel.json), or null when it is missing. */
export function loadOcrChannel(): OcrChannel | null {
  // PLAN_INGEST_OCR_CHANNEL: another channel file (a variant being measured)
  const override = process.env.PLAN_INGEST_OCR_CHANNEL;
  if (override) return (loaded ??= new OcrChannel(JSON.parse(readFileSync(override, 'utf8')) as ChannelData));
  if (loaded !== undefined) return loaded;
  const file = CHANNEL_FILE.find((f) => existsSync(f));
  loaded = file ? new OcrChannel(JSON.parse(readFileSync(file, 'utf8')) as ChannelData) : null;
  return loaded;
}
