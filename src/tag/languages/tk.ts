/**
 * Turkmen (Latin, 1993 alphabet). Names come from i18n-iso-countries (tk); Turkmen outlets
 * (Azatlyk, TDH) write Russia as Russiýa, listed below with the capitals. Suffixes follow two-way
 * vowel harmony (back a o u y, front e ä ö ü i), with n-buffered genitive and accusative after
 * a vowel.
 */
import type { Inflect, LanguageRules } from './types';

const backVowels = 'aouy';
const frontVowels = 'eäöüi';

// No equative -ça/-çe: rusça is the Russian language.
const back = ['yň', 'nyň', 'a', 'y', 'ny', 'da', 'dan', 'daky', 'ly', 'lylar', 'lary', 'lar', 'laryň', 'lara', 'ynda', 'yna', 'ny', 'a'];
const front = ['iň', 'niň', 'e', 'i', 'ni', 'de', 'den', 'däki', 'li', 'liler', 'leri', 'ler', 'leriň', 'lere', 'inde', 'ine', 'ni', 'ä'];

const inflect: Inflect = (w) => {
  if (w.length < 3) return [w];
  let isBack = true;
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i] ?? '';
    if (backVowels.includes(ch)) break;
    if (frontVowels.includes(ch)) {
      isBack = false;
      break;
    }
  }
  const forms = [w, ...(isBack ? back : front).map((suffix) => w + suffix)];
  // A final a/e becomes ä before the dative (Türkiýe → Türkiýä) in some spellings; a final a
  // takes the dative as -a (Russiýa → Russiýa), already the word itself.
  if (/[ae]$/.test(w)) forms.push(w.slice(0, -1) + 'ä');
  return forms;
};

export const tk: LanguageRules = {
  code: 'tk',
  inflect,
  names: {
    RU: ['Russiýa', 'Russiýa Federasiýasy'],
    US: ['ABŞ', 'Amerika'],
    TR: ['Türkiýe'],
    IR: ['Eýran'],
    CN: ['Hytaý'],
    AF: ['Owganystan'],
    KZ: ['Gazagystan'],
    GB: ['Beýik Britaniýa', 'Britaniýa'],
    IN: ['Hindistan'],
    PS: ['Palestina', 'Gaza'],
  },
  adjectives: {
    TM: ['türkmen', 'türkmenistanly'],
    RU: ['rus'],
    KZ: ['gazak'],
  },
  capitals: {
    TM: ['Aşgabat'],
    RU: ['Moskwa'],
    KZ: ['Astana'],
    UZ: ['Daşkent'],
    TJ: ['Duşenbe'],
    KG: ['Bişkek'],
    AZ: ['Baku'],
    TR: ['Ankara'],
    IR: ['Tähran'],
    AF: ['Kabul'],
    CN: ['Pekin'],
    UA: ['Kiýew'],
    BY: ['Minsk'],
    US: ['Waşington'],
    GB: ['London'],
    DE: ['Berlin'],
    IN: ['Täze Deli'],
    PK: ['Yslamabat'],
  },
  institutions: {
    RU: ['Kreml'],
    US: ['Ak tam'],
  },
  languageContext: {
    after: ['dili', 'dilinde', 'dilindäki', 'dilini', 'diliniň', 'diline', 'dilli', 'dilleri', 'dillerine', 'dillerinde'],
    before: [],
    beforeAtEnd: [],
  },
  currencyWords: ['manat', 'manady', 'rubly', 'dollar', 'dollary'],
  conjunctions: ['we', 'bilen', 'hem'],
  blockedPhrases: ['Türkmenistan Howa Ýollary', 'Turkmenistan Airlines', 'Türki döwletler'],
  // Türkmenistan → türkmenistanly, Russiýa → russiýaly.
  derive: {
    from: 'tk',
    terms: (text, kind) => (kind === 'name' && !/\p{Lu}{2}/u.test(text) ? [{ text: `${text.toLowerCase()}${/[eäöüi][^aouyeäöüi]*$/.test(text) ? 'li' : 'ly'}`, kind: 'adjective' }] : []),
  },
};
