import { stripDiacritics } from '../core/index.js';

/**
 * Turns an agency line printed in capitals ("SỞ KHOA HỌC VÀ CÔNG NGHỆ") into
 * the form the document itself uses in running text ("Sở Khoa học và Công
 * nghệ"), by finding the same words in the body case-insensitively (the
 * most frequent spelling). When
 * the body never writes it, falls back to sentence case.
 */
export function properCase(upper: string, body: string): string {
  return lowerUnitWords(casedFromBody(upper, body));
}

/**
 * Inside an agency's name the kind of administrative unit is a common noun:
 * "Ủy ban nhân dân xã Chí Minh", "Ủy ban nhân dân thành phố Hải Phòng"
 * (a stray "Xã" in the body does not make it a proper name).
 */
export function lowerUnitWords(name: string): string {
  return name.replace(/(?<=\S\s)(Xã|Phường|Thị trấn|Thị xã|Thành phố|Quận|Huyện|Tỉnh)(?=\s\p{Lu})/gu, (w) => w.toLowerCase());
}

function casedFromBody(upper: string, body: string): string {
  const phrase = upper.replace(/\s+/gu, ' ').trim();
  if (!phrase) return phrase;
  const pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(phrase).replace(/ /g, '\\s+')}(?![\\p{L}])`, 'giu');
  // the document's most frequent spelling wins ("Ủy ban nhân dân xã Chí Minh" over a stray "Xã")
  const counts = new Map<string, number>();
  for (const m of body.matchAll(pattern)) {
    const form = m[0].replace(/\s+/gu, ' ');
    if (form !== form.toUpperCase()) counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  return casedIgnoringMarks(phrase, body) ?? casedByPairs(phrase, body);
}

/**
 * The body's spelling of a phrase whose marks an OCR got wrong in capitals
 * ("BAN THƯỜNG VỤ THANH ỦY" → "Ban Thường vụ Thành ủy"): the same letters
 * without their marks, the body's most frequent such spelling.
 */
function casedIgnoringMarks(phrase: string, body: string): string | null {
  const bare = stripDiacritics(body.normalize('NFC'));
  // NFC Vietnamese keeps its length without marks: a match in the bare body is the same span of the body
  if (bare.length !== body.normalize('NFC').length) return null;
  const text = body.normalize('NFC');
  const pattern = new RegExp(`(?<![\\p{L}])${escapeRegExp(stripDiacritics(phrase)).replace(/ /g, '\\s+')}(?![\\p{L}])`, 'giu');
  const counts = new Map<string, number>();
  for (const m of bare.matchAll(pattern)) {
    const form = text.slice(m.index, m.index + m[0].length).replace(/\s+/gu, ' ');
    if (form !== form.toUpperCase()) counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Sentence case, then each pair of neighbouring words takes the spelling the
 * body gives that pair ("HẢI PHÒNG" → "Hải Phòng" when the body writes it
 * so), which recovers proper names inside a name the body never writes whole.
 * Pairs are matched without their marks, so a mark an OCR got wrong in
 * capitals takes the body's ("DÂN TÍNH" → "dân tỉnh" where the body has it).
 */
function casedByPairs(phrase: string, body: string): string {
  const words = phrase.toLowerCase().split(' ');
  const text = body.normalize('NFC');
  const bare = stripDiacritics(text);
  // NFC Vietnamese keeps its length without marks: a match in the bare body is the same span of the body
  const sameSpans = bare.length === text.length;
  for (let i = 0; i + 1 < words.length; i++) {
    const pairText = `${words[i]} ${words[i + 1]}`;
    const pattern = (t: string): RegExp => new RegExp(`(?<![\\p{L}])${escapeRegExp(t).replace(/ /g, '\\s+')}(?![\\p{L}])`, 'giu');
    const formsIn = (source: string, t: string): Map<string, number> => {
      const forms = new Map<string, number>();
      for (const m of source.matchAll(pattern(t))) {
        const form = text.slice(m.index, m.index + m[0].length);
        if (form !== form.toUpperCase()) forms.set(form, (forms.get(form) ?? 0) + 1);
      }
      return forms;
    };
    // the pair as printed first; without marks only when the body never writes it so
    let forms = formsIn(text, pairText);
    if (!forms.size && sameSpans) forms = formsIn(bare, stripDiacritics(pairText));
    const best = [...forms.entries()].sort((a, b) => b[1] - a[1])[0]?.[0].split(/\s+/u);
    if (!best?.[0] || !best[1]) continue;
    // the body's marks; its capital only where it writes one ("Phòng" in "Hải Phòng")
    words[i + 1] = best[1];
    if (i === 0) words[0] = best[0].toLowerCase();
    // both words capitalised ("Hải Phòng") is a name, not a sentence's first word: the first takes its capital too
    if (i > 0 && /^\p{Lu}/u.test(best[0]) && /^\p{Lu}/u.test(best[1])) words[i] = best[0];
  }
  const phraseWords = phrase.split(' ');
  for (let i = 0; i < words.length; i++) if (isAbbreviationIn(phraseWords[i]!, body)) words[i] = phraseWords[i]!;
  const joined = words.join(' ');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/**
 * An abbreviation keeps its capitals ("UBND TỈNH BÌNH THUẬN" → "UBND tỉnh
 * Bình Thuận", not "Ubnd tỉnh …"): a word of two or more capitals that the
 * body prints in capitals next to a lower-case word ("của UBND tỉnh"), where
 * a header line in capitals does not count.
 */
function isAbbreviationIn(word: string, body: string): boolean {
  // abbreviations are bare letters ("UBND", "HĐND", "VPCP"): a word with a marked vowel ("SỞ", "TỈNH") is a word
  if (!/^[A-ZĐ]{2,}$/u.test(word)) return false;
  const w = escapeRegExp(word);
  // on one line: a header in capitals under a line ending in lower case is no abbreviation
  return new RegExp(`(?:\\p{Ll}[\\p{L}.,;:]*[^\\S\\n]+${w}(?![\\p{L}])|(?<![\\p{L}])${w}[^\\S\\n]+\\p{Ll})`, 'u').test(body);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
