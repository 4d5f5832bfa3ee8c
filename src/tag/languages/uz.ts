/**
 * Uzbek in the Latin script (1995 alphabet). The letters oʻ and gʻ are written with five
 * different marks by real outlets (ʻ ‘ ’ ' `); the tokenizer treats all of them as one apostrophe,
 * so "Qozog‘iston" is the two tokens qozog + iston and a suffix lands on the last one.
 * Uzbek has no vowel harmony: a suffix has one spelling, with k/q/g variants of the dative.
 * Names come from i18n-iso-countries (uz); capitals and institutions below are the forms used
 * by Uzbek outlets (kun.uz, gazeta.uz, Ozodlik), checked against the Uzbek Wikipedia titles.
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

/** Case, plural, possessive and derivational suffixes (and their common chains). */
// No -cha: ruscha is the Russian language.
export const uzSuffixes = [
  'ning', 'ni', 'ga', 'ka', 'qa', 'da', 'dan', 'dagi', 'gacha',
  'lik', 'liklar', 'likning', 'liklarning', 'liklarga', 'likni',
  'lar', 'larning', 'larni', 'larga', 'larda', 'lardan', 'lari',
  'si', 'sining', 'sini', 'siga', 'sida', 'sidan',
];

/** Adjectives and demonyms (rossiyalik, o‘zbek): the plural of people and a few cases. */
export const uzAdjectiveSuffixes = ['lar', 'larning', 'larga', 'larni', 'larda', 'lardan', 'ning', 'ga', 'ni', 'da', 'dan'];

const inflect: Inflect = (w, kind) => (w.length < 3 ? [w] : [w, ...withStem(w, kind === 'name' ? uzSuffixes : uzAdjectiveSuffixes)]);

export const uz: LanguageRules = {
  code: 'uz',
  inflect,
  names: {
    US: ['AQSh', 'AQSH', 'Amerika'],
    RU: ['Rossiya Federatsiyasi'],
    GB: ['Britaniya', 'Buyuk Britaniya', 'Angliya'],
    KR: ['Janubiy Koreya'],
    KP: ['Shimoliy Koreya'],
    TR: ['Turkiya'],
    PS: ['Falastin', 'G‘azo'],
    IL: ['Isroil'],
    MN: ['Mo‘g‘uliston'],
    AF: ['Afg‘oniston'],
  },
  adjectives: {
    UZ: ['o‘zbek'],
    RU: ['rus'],
    KZ: ['qozoq'],
    TJ: ['tojik'],
    KG: ['qirg‘iz'],
    TM: ['turkman'],
    DE: ['nemis'],
  },
  capitals: {
    UZ: ['Toshkent'],
    KZ: ['Ostona', 'Astana'],
    RU: ['Moskva'],
    CN: ['Pekin'],
    UA: ['Kiyev', 'Kiev'],
    TR: ['Anqara'],
    AF: ['Kobul'],
    IR: ['Tehron'],
    TM: ['Ashxobod'],
    AZ: ['Boku'],
    TJ: ['Dushanbe'],
    KG: ['Bishkek'],
    US: ['Vashington'],
    GB: ['London'],
    DE: ['Berlin'],
    FR: ['Parij'],
    KR: ['Seul'],
    JP: ['Tokio'],
    BY: ['Minsk'],
    GE: ['Tbilisi'],
    AM: ['Yerevan'],
    PK: ['Islomobod'],
    MN: ['Ulan-Bator', 'Ulanbator'],
    IN: ['Dehli', 'Nyu-Dehli'],
  },
  institutions: {
    RU: ['Kreml'],
    US: ['Oq uy', 'Davlat departamenti', 'Pentagon'],
    UZ: ['Oliy Majlis'],
  },
  languageContext: {
    after: ['tili', 'tilida', 'tilidagi', 'tilini', 'tilining', 'tiliga', 'tilidan', 'tillari', 'tillarida', 'tilda', 'tilli', 'tilidagi'],
    before: [],
    beforeAtEnd: [],
  },
  currencyWords: ['rubli', 'rubl', 'dollari', 'dollar', 'so‘mi', 'tengesi', 'tenge'],
  conjunctions: ['va', 'bilan', 'hamda'],
  blockedPhrases: ['Uzbekistan Airways', 'O‘zbekiston havo yo‘llari', 'Turkiy davlatlar'],
  // The civic adjective of every name: O‘zbekiston → o‘zbekistonlik, Rossiya → rossiyalik.
  derive: { from: 'uz', terms: (text, kind) => (kind === 'name' && !/\p{Lu}{2}/u.test(text) ? [{ text: `${text.toLowerCase()}lik`, kind: 'adjective' }] : []) },
};
