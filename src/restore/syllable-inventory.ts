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
 * Where the tone mark goes: on the (last) vowel with a diacritic ("được"),
 * else the last vowel of the nucleus before a coda, else the first of an
 * open diphthong ("mùa", "hòa", "thủy"); `glideStyle` puts it on the second
 * vowel of open oa/oe/uy instead ("hoà", "thuỷ"), the other spelling in use.
 */
function placeTone(syllable: string, tone: string, glideStyle = false): string {
  if (!tone) return syllable;
  const chars = [...syllable];
  const vowels = chars.map((c, i) => (/[aăâeêioôơuưy]/u.test(c) ? i : -1)).filter((i) => i >= 0);
  // "gi" and "qu": their i/u belong to the onset
  const onsetVowel = /^(gi|qu)/u.test(syllable) && vowels.length > 1 ? 1 : 0;
  const nucleus = vowels.slice(onsetVowel);
  const marked = nucleus.filter((i) => /[ăâêôơư]/u.test(chars[i] ?? '')).at(-1);
  const last = nucleus.at(-1) ?? 0;
  const hasCoda = last < chars.length - 1;
  const openPair = nucleus.length >= 2 && !hasCoda;
  const target = marked ?? (openPair && !(glideStyle && /(oa|oe|uy)$/u.test(syllable)) ? (nucleus[nucleus.length - 2] ?? last) : last);
  chars[target] = `${chars[target]}${tone}`;
  return chars.join('').normalize('NFC');
}

let cached: Set<string> | null = null;

/** Every syllable the orthography allows, lower case, tones placed in the new style. */
export function generatedSyllables(): Set<string> {
  if (cached) return cached;
  const out = new Set<string>();
  for (const onset of ONSETS)
    for (const rhyme of RHYMES) {
      if (!onsetFits(onset, rhyme)) continue;
      const base = onset === 'gi' && rhyme.startsWith('i') ? `g${rhyme}` : onset + rhyme;
      const stop = /(p|t|c|ch)$/u.test(rhyme);
      for (const tone of stop ? STOP_TONES : TONES) {
        out.add(placeTone(base, tone));
        out.add(placeTone(base, tone, true));
      }
    }
  cached = out;
  return out;
}

/** The key a syllable is looked up by once its diacritics are gone: "nâng" → "nang". */
export const syllableKey = (s: string): string => stripDiacritics(s.toLowerCase());
