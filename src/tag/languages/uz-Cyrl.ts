/**
 * Uzbek in the Cyrillic script (still common in print and on some sites; feeds declare `uz`).
 * Nothing is listed: every Uzbek Latin term is spelt in Cyrillic by the official
 * correspondence of the two alphabets (1995 law on the Latin alphabet), and so are its suffixes.
 */
import type { CountryTermKind, Inflect, LanguageRules } from './types';
import { uzAdjectiveSuffixes, uzSuffixes } from './uz';

// Longest first: digraphs and the apostrophe letters before single letters.
const pairs: Array<[string, string]> = [
  ['o‘', 'ў'], ['g‘', 'ғ'], ['sh', 'ш'], ['ch', 'ч'], ['ng', 'нг'], ['ya', 'я'], ['yo', 'ё'], ['yu', 'ю'], ['ye', 'е'], ['ts', 'ц'],
  ['a', 'а'], ['b', 'б'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'ҳ'], ['i', 'и'], ['j', 'ж'], ['k', 'к'], ['l', 'л'],
  ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['q', 'қ'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['v', 'в'], ['x', 'х'],
  ['y', 'й'], ['z', 'з'], ['c', 'ц'], ['w', 'в'], ['‘', 'ъ'],
];

/** One Uzbek Latin word or phrase in Cyrillic; any of the five apostrophes is accepted. */
export function uzbekCyrillic(text: string): string {
  const source = text.replace(/[ʻʼ'’`]/g, '‘');
  let out = '';
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i).toLowerCase();
    const pair = pairs.find(([latin]) => rest.startsWith(latin));
    if (!pair) {
      out += source[i];
      i++;
      continue;
    }
    let cyrillic = pair[1];
    // e at the start of a word is э (Eron → Эрон); ye is е.
    if (pair[0] === 'e' && (i === 0 || /[\s-]/.test(source[i - 1] ?? ''))) cyrillic = 'э';
    const upper = source[i] !== source[i]?.toLowerCase();
    out += upper ? cyrillic.charAt(0).toUpperCase() + cyrillic.slice(1) : cyrillic;
    i += pair[0].length;
  }
  return out;
}

const cyrillicSuffixes = uzSuffixes.map(uzbekCyrillic);
const cyrillicAdjectiveSuffixes = uzAdjectiveSuffixes.map(uzbekCyrillic);

const inflect: Inflect = (w, kind) => (w.length < 3 ? [w] : [w, ...(kind === 'name' ? cyrillicSuffixes : cyrillicAdjectiveSuffixes).map((suffix) => w + suffix)]);

export const uzCyrl: LanguageRules = {
  code: 'uz-Cyrl',
  notInRussianText: true,
  inflect,
  derive: {
    from: 'uz',
    // Acronyms (AQSh → АҚШ) keep their capitals; the rest is spelt letter by letter.
    terms: (text: string, kind: CountryTermKind) => [{ text: uzbekCyrillic(text), kind }],
  },
  languageContext: {
    after: ['тили', 'тилида', 'тилидаги', 'тилини', 'тилининг', 'тилига', 'тилидан', 'тиллари'],
    before: [],
    beforeAtEnd: [],
  },
  currencyWords: ['рубли', 'рубл', 'доллар', 'сўм', 'тенге'],
  conjunctions: ['ва', 'билан', 'ҳамда'],
  blockedPhrases: ['Ўзбекистон ҳаво йўллари'],
};
