import { NgramModel } from './ngram-model.js';
import { UPPER_RUN, type SurfaceForms } from './surface-forms.js';
import { endsClause, modelTokens, tokenize, type Piece } from './tokenize.js';

/** A comparison sign before a figure: "≥60%", "> 40", "≤ 10". */
const COMPARATOR_BEFORE_FIGURE = /([≥≤<>=])\s?(?=\d)/gu;

/**
 * Trains the n-gram model on correct Vietnamese text (clauses as
 * sentences). Text without diacritics must not be fed here: the model
 * would learn to leave words bare. `comparators: false` leaves the signs
 * before figures uncounted: legal texts write formulas ("= 5", "< 3"),
 * not plans' targets, and would teach the wrong prior for "≥".
 */
export function trainModel(texts: Iterable<string>, model = new NgramModel(), opts: { comparators?: boolean } = {}): NgramModel {
  for (const text of texts)
    for (const line of text.normalize('NFC').split('\n')) {
      if (opts.comparators !== false) for (const m of line.matchAll(COMPARATOR_BEFORE_FIGURE)) model.addComparator(m[1]!);
      let sentence: string[] = [];
      const pieces = tokenize(line.replace(/[*#|]/gu, ' '));
      countForms(pieces, model.forms);
      for (const t of modelTokens(pieces)) {
        if (t === '</s>') {
          if (sentence.length) model.addSentence(sentence);
          sentence = [];
        } else sentence.push(t);
      }
      if (sentence.length) model.addSentence(sentence);
    }
  return model.finish();
}

/** Counts the capitals of words inside clauses and the spelling of abbreviations, in words and in codes ("QĐ-UBND"). */
function countForms(pieces: readonly Piece[], forms: SurfaceForms): void {
  let initial = true;
  for (const p of pieces) {
    if (endsClause(p)) initial = true;
    else if (p.kind === 'word') {
      if (isUpperCase(p.text)) forms.addUpper(p.text);
      else if (!initial) forms.addWord(p.text.toLowerCase(), p.text[0] !== p.text[0]!.toLowerCase());
      initial = false;
    } else if (p.kind === 'code') {
      for (const m of p.text.matchAll(UPPER_RUN)) forms.addUpper(m[0]);
      initial = false;
    } else if (p.kind === 'number') initial = false;
  }
}

/** Upper case as a whole ("UBND", "Đ"), not merely capitalised ("Văn"). */
export function isUpperCase(word: string): boolean {
  return word === word.toUpperCase() && (word.length > 1 || word !== word.toLowerCase());
}
