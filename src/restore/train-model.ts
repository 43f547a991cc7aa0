import { NgramModel } from './ngram-model.js';
import { modelTokens, tokenize } from './tokenize.js';

/** A comparison sign before a figure: "≥60%", "> 40", "≤ 10". */
const COMPARATOR_BEFORE_FIGURE = /([≥≤<>=])\s?(?=\d)/gu;

/**
 * Trains the trigram model on correct Vietnamese text (clauses as
 * sentences). Text without diacritics must not be fed here: the model
 * would learn to leave words bare.
 */
export function trainModel(texts: Iterable<string>, model = new NgramModel()): NgramModel {
  for (const text of texts)
    for (const line of text.normalize('NFC').split('\n')) {
      for (const m of line.matchAll(COMPARATOR_BEFORE_FIGURE)) model.addComparator(m[1]!);
      let sentence: string[] = [];
      for (const t of modelTokens(tokenize(line.replace(/[*#|]/gu, ' ')))) {
        if (t === '</s>') {
          if (sentence.length) model.addSentence(sentence);
          sentence = [];
        } else sentence.push(t);
      }
      if (sentence.length) model.addSentence(sentence);
    }
  return model.finish();
}
