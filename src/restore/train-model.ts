import { NgramModel } from './ngram-model.js';
import { modelTokens, tokenize } from './tokenize.js';

/**
 * Trains the trigram model on correct Vietnamese text (clauses as
 * sentences). Text without diacritics must not be fed here: the model
 * would learn to leave words bare.
 */
export function trainModel(texts: Iterable<string>, model = new NgramModel()): NgramModel {
  for (const text of texts)
    for (const line of text.normalize('NFC').split('\n')) {
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
