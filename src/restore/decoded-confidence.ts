import type { DocumentCache } from './document-cache.js';
import type { NgramModel } from './ngram-model.js';
import type { DecodedSlot, Slot } from './decode-slots.js';

/** Readings this many nats behind the best on their left side and channel are left out of a confidence (e^-20: no share). */
const FAR_BEHIND = 20;

/**
 * Each chosen word's posterior given everything else the decoder chose: the
 * slot's candidates are weighed by the n-grams they take part in on both
 * sides (order 3: P(w | u v), P(x | v w), P(y | w x); order 4 one more
 * on each side) times the channel, and the
 * chosen one's share is its confidence. A reading its right-hand words
 * argue against ("tổ chức" vs "tô chức" before "thực hiện") is less sure
 * than the left context alone would say. Clause boundaries cut the context.
 */
export function withConfidence(out: (DecodedSlot | null)[], slots: readonly (Slot | null)[], model: NgramModel, cache: DocumentCache | null, from: number, to: number, chosen: Int32Array): void {
  const start = model.known('<s>');
  const end = model.known('</s>');
  const n = slots.length;
  const word = (i: number): number => (i >= 0 && i < n ? chosen[i]! : -2);
  let lefts = new Float64Array(16);
  let scores = new Float64Array(16);
  const hist = new Int32Array(8);
  for (let i = from; i < to; i++) {
    const cands = slots[i];
    const slot = out[i];
    if (!cands || !slot || cands.readings.ids.length < 2) continue;
    const { ids, words } = cands.readings;
    const weights = cands.weights;
    const nc = ids.length;
    // the words around: hist[0..2] before the slot (t, u, v; a clause start before them), hist[3] the reading, then up to order − 1 words after, an end of clause closing them
    const cut2 = word(i - 1) === -2 || word(i - 2) === -2;
    hist[2] = word(i - 1) === -2 ? start : word(i - 1);
    hist[1] = cut2 ? start : word(i - 2);
    hist[0] = cut2 || word(i - 3) === -2 ? start : word(i - 3);
    let right = 0;
    for (let j = 1; j < model.order; j++) {
      const r = word(i + j);
      hist[3 + j] = r === -2 ? end : r;
      right++;
      if (r === -2) break;
    }
    if (lefts.length < nc) [lefts, scores] = [new Float64Array(nc * 2), new Float64Array(nc * 2)];
    model.logProbsInto(hist[0]!, hist[1]!, hist[2]!, ids, cands.readings.bigrams(hist[2]!, model), lefts);
    if (cache) cache.mix(hist[2]!, ids, lefts);
    let bestLeft = -Infinity;
    for (let k = 0; k < nc; k++) {
      lefts[k] = lefts[k]! + (weights ? weights[k]! : 0);
      if (lefts[k]! > bestLeft) bestLeft = lefts[k]!;
    }
    let best = -Infinity;
    for (let k = 0; k < nc; k++) {
      // a reading far behind on its left side keeps no share worth the right side's lookups
      if (lefts[k]! < bestLeft - FAR_BEHIND) {
        scores[k] = -Infinity;
        continue;
      }
      hist[3] = ids[k]!;
      let sc = lefts[k]!;
      for (let j = 0; j < right; j++) {
        // each following word given the words before it, the reading among them (with the cache as the decoder scored it, but not for an end of clause)
        const w = hist[4 + j]!;
        const lp = model.logProbIds(hist[1 + j]!, hist[2 + j]!, hist[3 + j]!, w);
        sc += cache && w !== end ? cache.mixOne(hist[3 + j]!, w, slots[i + 1 + j]!.readings.ids, lp) : lp;
      }
      scores[k] = sc;
      if (scores[k]! > best) best = scores[k]!;
    }
    let total = 0;
    for (let k = 0; k < nc; k++) total += Math.exp(scores[k]! - best);
    const mine = words.indexOf(slot.choice);
    slot.confidence = Math.exp((mine >= 0 ? scores[mine]! : -Infinity) - best) / total;
  }
}
