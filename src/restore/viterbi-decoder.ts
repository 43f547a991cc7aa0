import type { NgramModel } from './ngram-model.js';

/** How many best histories are kept at each position. */
const BEAM = 12;
/** More candidates than this in one slot share state keys (the OCR channel offers at most 400). */
const MAX_CANDIDATES = 512;
/** Readings this many nats behind the best on their left side and channel are left out of a confidence (e^-20: no share). */
const FAR_BEHIND = 20;

export interface DecodedSlot {
  choice: string;
  /** Share of the probability mass the choice had among the slot's candidates, in its chosen context. */
  confidence: number;
}

interface State {
  u: number;
  v: number;
  score: number;
  back: number;
  choice: number;
}

/**
 * Picks one candidate per slot so that the whole sequence is most probable
 * under the trigram model times the channel (`channel[i][k]`: log-probability
 * that candidate k of slot i was written as what was observed; 0 when absent),
 * by Viterbi with a beam. `null` slots are clause boundaries: the context
 * starts again after them.
 */
export function decode(slots: readonly (readonly string[] | null)[], model: NgramModel, channel: readonly (readonly number[] | null)[] = []): (DecodedSlot | null)[] {
  const lattice: State[][] = [];
  const start = model.known('<s>');
  const end = model.known('</s>');
  let frontier: State[] = [{ u: start, v: start, score: 0, back: -1, choice: -1 }];
  for (const cands of slots) {
    if (cands === null) {
      // clause end: keep the best history, restart the context
      const best = frontier.reduce((a, b) => (b.score > a.score ? b : a));
      const idx = frontier.indexOf(best);
      frontier = [{ u: start, v: start, score: best.score + model.logProbIds(best.u, best.v, end), back: idx, choice: -1 }];
      lattice.push(frontier);
      continue;
    }
    const next = new Map<number, State>();
    const weights = channel[lattice.length];
    const ids = cands.map((w) => model.known(w));
    // P(w | v) is the same for every history ending in v: computed once per previous word
    const bigrams = new Map<number, Float64Array>();
    frontier.forEach((s, from) => {
      let bi = bigrams.get(s.v);
      if (!bi) bigrams.set(s.v, (bi = model.bigramProbs(s.v, ids)));
      const lm = model.logProbsIds(s.u, s.v, ids, bi);
      ids.forEach((w, choice) => {
        // language model × channel: how likely the word, and how likely it was read as what we see
        const score = s.score + lm[choice]! + (weights?.[choice] ?? 0);
        // states are (previous word, this word): within a slot the candidate's index is the word (an unseen one too),
        // and the key stays a small integer, which a Map hashes without allocating
        const k = (s.v + 1) * MAX_CANDIDATES + choice;
        const cur = next.get(k);
        if (!cur || score > cur.score) next.set(k, { u: s.v, v: w, score, back: from, choice });
      });
    });
    frontier = [...next.values()].sort((a, b) => b.score - a.score).slice(0, BEAM);
    lattice.push(frontier);
  }
  // trace back
  const out: (DecodedSlot | null)[] = new Array(slots.length).fill(null);
  let idx = frontier.indexOf(frontier.reduce((a, b) => (b.score > a.score ? b : a)));
  for (let i = slots.length - 1; i >= 0; i--) {
    const state = lattice[i]?.[idx];
    if (!state) break;
    const cands = slots[i];
    if (cands && state.choice >= 0) out[i] = { choice: cands[state.choice] ?? '', confidence: 1 };
    idx = state.back;
  }
  return withConfidence(out, slots, model, channel);
}

/**
 * Each chosen word's posterior given everything else the decoder chose: the
 * slot's candidates are weighed by the trigrams they take part in on both
 * sides (P(w | u v), P(x | v w), P(y | w x)) times the channel, and the
 * chosen one's share is its confidence. A reading its right-hand words
 * argue against ("tổ chức" vs "tô chức" before "thực hiện") is less sure
 * than the left context alone would say. Clause boundaries cut the context.
 */
function withConfidence(out: (DecodedSlot | null)[], slots: readonly (readonly string[] | null)[], model: NgramModel, channel: readonly (readonly number[] | null)[]): (DecodedSlot | null)[] {
  const start = model.known('<s>');
  const end = model.known('</s>');
  const chosen = out.map((o) => (o ? model.known(o.choice) : start));
  const word = (i: number): number | null => (i >= 0 && i < slots.length && slots[i] ? chosen[i]! : null);
  for (let i = 0; i < slots.length; i++) {
    const cands = slots[i];
    const slot = out[i];
    if (!cands || !slot || cands.length < 2) continue;
    const v = word(i - 1);
    const u = v === null ? start : (word(i - 2) ?? start);
    const x = word(i + 1);
    const y = x === null ? null : word(i + 2);
    const ids = cands.map((w) => model.known(w));
    const left = model.logProbsIds(u, v ?? start, ids, model.bigramProbs(v ?? start, ids));
    const lefts = ids.map((_, k) => left[k]! + (channel[i]?.[k] ?? 0));
    const bestLeft = Math.max(...lefts);
    const scores = ids.map((w, k) => {
      // a reading far behind on its left side keeps no share worth the right side's lookups
      if (lefts[k]! < bestLeft - FAR_BEHIND) return -Infinity;
      let lp = lefts[k]! + model.logProbIds(v ?? start, w, x ?? end);
      if (x !== null) lp += model.logProbIds(w, x, y ?? end);
      return lp;
    });
    const best = Math.max(...scores);
    const total = scores.reduce((t, sc) => t + Math.exp(sc - best), 0);
    slot.confidence = Math.exp((scores[cands.indexOf(slot.choice)] ?? -Infinity) - best) / total;
  }
  return out;
}
