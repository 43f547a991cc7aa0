import type { NgramModel } from './ngram-model.js';

/**
 * A word's neighbours in its clause, as the OCR repairs ask the language
 * model about them: the words before it, nearest last, "<s>" where the
 * clause starts (as many as the model's order reads), and the words after
 * it, "</s>" where the clause ends. A model of order 4 reads three words
 * back: asked with two, it could only answer from its lower order, whose
 * Kneser-Ney counts are continuations (how many different words came
 * before), not occurrences, and scores every reading less sharply than
 * the trigram it replaced.
 */
export interface ClauseContext {
  before: readonly string[];
  after: readonly string[];
}

/** The context of the `k`th of a clause's lower-case words, as far as a model of `order` reads. */
export function contextAt(words: readonly string[], k: number, order: number): ClauseContext {
  const before: string[] = [];
  for (let j = k - order + 1; j < k; j++) before.push(j < 0 ? '<s>' : words[j]!);
  const after = words.slice(k + 1, k + order);
  if (after.length < order - 1) after.push('</s>');
  return { before, after };
}

/** log P(w | the words before it): the last order − 1 of `before`, "<s>" for any missing (the clause's start). */
export function logProbAfter(model: NgramModel, before: readonly string[], w: string): number {
  const at = (back: number): number => model.known(before[before.length - back] ?? '<s>');
  return model.logProbIds(model.order >= 4 ? at(3) : -1, at(2), at(1), model.known(w));
}

/**
 * The log-probabilities that reading the word as `s` decides: `s` after
 * its left neighbours, then each right neighbour (up to the clause's end)
 * with `s` among the words before it: order − 1 of them, a trigram's
 * P(next | v s) and P(next2 | s next). Two readings' sums differ by their
 * log-likelihood ratio over the whole clause, whatever the model's order,
 * so a margin on that difference means the same for any model.
 */
export function readingTerms(model: NgramModel, ctx: ClauseContext, s: string): number[] {
  const words = [...ctx.before, s];
  const terms = [logProbAfter(model, ctx.before, s)];
  for (const w of ctx.after) {
    if (terms.length >= model.order) break;
    terms.push(logProbAfter(model, words, w));
    if (w === '</s>') break;
    words.push(w);
  }
  return terms;
}

/** The sum of readingTerms: how likely the clause is with the word read as `s`, up to what all readings share. */
export function readingLogProb(model: NgramModel, ctx: ClauseContext, s: string): number {
  return readingTerms(model, ctx, s).reduce((a, b) => a + b, 0);
}
