import { stripDiacritics } from '../core/index.js';

/**
 * Vietnamese syllables generated from the orthography: onset × rhyme × tone,
 * with the rules that forbid combinations (stop codas -p -t -c -ch take only
 * the sắc and nặng tones; "k", "gh", "ngh" only before i/e/ê/y; "c", "g",
 * "ng" never before them; "qu" only before a glide-less rhyme). No word list:
 * the shapes come from the spelling rules, the corpus adds what it has seen.
 */
const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];

/** Rhymes (nucleus + coda) in their toneless form, as Vietnamese spells them. */
const RHYMES = [
  'a', 'ai', 'ao', 'au', 'ay', 'ac', 'ach', 'am', 'an', 'ang', 'anh', 'ap', 'at',
  'ă', 'ăc', 'ăm', 'ăn', 'ăng', 'ăp', 'ăt',
  'â', 'âu', 'ây', 'âc', 'âm', 'ân', 'âng', 'âp', 'ât',
  'e', 'eo', 'ec', 'em', 'en', 'eng', 'ep', 'et',
  'ê', 'êu', 'êch', 'êm', 'ên', 'ênh', 'êp', 'êt',
  'i', 'ia', 'iu', 'ich', 'im', 'in', 'inh', 'ip', 'it',
  'iê', 'iêu', 'iêc', 'iêm', 'iên', 'iêng', 'iêp', 'iêt',
  'o', 'oi', 'oc', 'om', 'on', 'ong', 'op', 'ot',
  'oa', 'oai', 'oao', 'oay', 'oac', 'oach', 'oam', 'oan', 'oang', 'oanh', 'oap', 'oat',
  'oă', 'oăc', 'oăm', 'oăn', 'oăng', 'oăt', 'oe', 'oeo', 'oen', 'oet',
  'ô', 'ôi', 'ôc', 'ôm', 'ôn', 'ông', 'ôp', 'ôt', 'ooc', 'oong',
  'ơ', 'ơi', 'ơm', 'ơn', 'ơp', 'ơt',
  'u', 'ua', 'ui', 'uc', 'um', 'un', 'ung', 'up', 'ut',
  'uâ', 'uân', 'uâng', 'uât', 'uây', 'uê', 'uêch', 'uên', 'uênh', 'uêt', 'uy', 'uya', 'uych', 'uyn', 'uynh', 'uyp', 'uyt', 'uyu', 'uyê', 'uyên', 'uyêt',
  'uô', 'uôi', 'uôc', 'uôm', 'uôn', 'uông', 'uôt',
  'ư', 'ưa', 'ưi', 'ưu', 'ưc', 'ưm', 'ưn', 'ưng', 'ưt',
  'ươ', 'ươi', 'ươu', 'ươc', 'ươm', 'ươn', 'ương', 'ươp', 'ươt',
  'y', 'yê', 'yêu', 'yên', 'yêt',
];

/** Tone marks as combining characters; '' is ngang (level). */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const STOP_TONES = ['\u0301', '\u0323'];
const FRONT = /^[ieêy]/u;
const VOWELS = 'aăâeêioôơuưy';
const MARKED_VOWELS = 'ăâêôơư';

function onsetFits(onset: string, rhyme: string): boolean {
  if (onset === 'k' || onset === 'gh' || onset === 'ngh') return FRONT.test(rhyme);
  if (onset === 'c' || onset === 'g' || onset === 'ng') return !FRONT.test(rhyme) || (onset === 'g' && rhyme.startsWith('i'));
  if (onset === 'q') return false;
  if (onset === 'qu') return !/^[uo]/u.test(rhyme) || /^(uy|uâ|uê|uơ|ua)/u.test(rhyme) === false;
  if (onset === 'gi') return !/^i/u.test(rhyme);
  // "y" stands alone or after a glide; "i" starts a syllable only without a glide
  if (rhyme.startsWith('yê')) return onset === '' || onset === 'qu';
  return true;
}

/**
 * Which character takes the tone mark: the (last) vowel with a diacritic
 * ("được"), else the last vowel of the nucleus before a coda, else the
 * first of an open diphthong ("mùa", "hòa", "thủy"); `glideStyle` puts it
 * on the second vowel of open oa/oe/uy instead ("hoà", "thuỷ"), the other
 * spelling in use. The same for every tone: asked once per spelling.
 */
function tonePosition(chars: readonly string[], syllable: string, glideStyle: boolean): number {
  // string tests, not regular expressions: this runs ~10,000 times once per process, before any of it is compiled
  const vowels: number[] = [];
  chars.forEach((c, i) => VOWELS.includes(c) && vowels.push(i));
  // "gi" and "qu": their i/u belong to the onset
  const onsetVowel = (syllable.startsWith('gi') || syllable.startsWith('qu')) && vowels.length > 1 ? 1 : 0;
  const nucleus = vowels.slice(onsetVowel);
  const marked = nucleus.filter((i) => MARKED_VOWELS.includes(chars[i] ?? '-')).at(-1);
  const last = nucleus.at(-1) ?? 0;
  const hasCoda = last < chars.length - 1;
  const openPair = nucleus.length >= 2 && !hasCoda;
  const glide = syllable.endsWith('oa') || syllable.endsWith('oe') || syllable.endsWith('uy');
  return marked ?? (openPair && !(glideStyle && glide) ? (nucleus[nucleus.length - 2] ?? last) : last);
}

/** Tone → letter → the letter with the tone mark, composed ("a" + "\u0301" → "á"): one normalization per pair, not per syllable. */
const composed = new Map<string, Map<string, string>>();

/** `syllable` (as `chars`) with `tone` (a combining mark, '' for none) on the character at `target`, in NFC. */
function withTone(chars: readonly string[], syllable: string, tone: string, target: number): string {
  if (!tone) return syllable;
  const letter = chars[target] ?? '';
  let byLetter = composed.get(tone);
  if (!byLetter) composed.set(tone, (byLetter = new Map()));
  let mark = byLetter.get(letter);
  if (mark === undefined) byLetter.set(letter, (mark = `${letter}${tone}`.normalize('NFC')));
  // the letters are all single UTF-16 units: the index in chars is the index in the string
  return syllable.slice(0, target) + mark + syllable.slice(target + 1);
}

let cached: { all: Set<string>; byKey: Map<string, string[]> } | null = null;

/**
 * The inventory, and its syllables grouped by the key they strip down to
 * (each list in the order the inventory has them). Every tone of a
 * spelling shares its key, so the key is taken once per spelling.
 */
function inventory(): { all: Set<string>; byKey: Map<string, string[]> } {
  if (cached) return cached;
  const all = new Set<string>();
  const byKey = new Map<string, string[]>();
  for (const onset of ONSETS)
    for (const rhyme of RHYMES) {
      if (!onsetFits(onset, rhyme)) continue;
      const base = onset === 'gi' && rhyme.startsWith('i') ? `g${rhyme}` : onset + rhyme;
      const chars = [...base];
      const [oldStyle, glideStyle] = [tonePosition(chars, base, false), tonePosition(chars, base, true)];
      const key = syllableKey(base);
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      const stop = /(p|t|c|ch)$/u.test(rhyme);
      for (const tone of stop ? STOP_TONES : TONES)
        for (const target of [oldStyle, glideStyle]) {
          const s = withTone(chars, base, tone, target);
          if (!all.has(s)) {
            all.add(s);
            list.push(s);
          }
        }
    }
  return (cached = { all, byKey });
}

/** Every syllable the orthography allows, lower case, tones placed in the new style. */
export function generatedSyllables(): Set<string> {
  return inventory().all;
}

/** The syllables of the inventory that lose their diacritics to `key`, in the inventory's order. */
export function inventoryByKey(key: string): readonly string[] | undefined {
  return inventory().byKey.get(key);
}

/** The key a syllable is looked up by once its diacritics are gone: "nâng" → "nang". */
export const syllableKey = (s: string): string => stripDiacritics(s.toLowerCase());
