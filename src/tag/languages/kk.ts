/**
 * Kazakh: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { turkicAdjective, withStem } from './word-forms';

const kkVowels = 'аәеёиоөуұүыіэюя';

/** Vowel harmony: a word takes back-vowel suffixes when its last harmonising vowel is a back one. */
function hasBackHarmony(w: string): boolean {
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i] ?? '';
    if ('аоұыяё'.includes(ch)) return true;
    if ('әеөүіэи'.includes(ch)) return false;
  }
  return true;
}

function kkCaseForms(w: string): string[] {
  const back = hasBackHarmony(w);
  return [w, ...withStem(w, kkSuffixes(back, kkVowels.includes(w.slice(-1))))];
}

/**
 * An adjective or demonym (ресейлік, қазақтар) is mostly bare or a plural noun of people in a
 * few cases: fewer forms than a name, which keeps the compile time of the derived adjectives down.
 */
export function kkAdjectiveSuffixes(back: boolean): string[] {
  const A = back ? 'а' : 'е';
  const Y = back ? 'ы' : 'і';
  const G = back ? 'ғ' : 'г';
  const plurals = [`т${A}р`, `д${A}р`, `л${A}р`];
  return [...plurals, ...plurals.flatMap((p) => [`${p}д${Y}ң`, `${p}${G}${A}`, `${p}д${A}`, `${p}д${Y}`, `${p}${Y}`]), `т${Y}ң`, `${G}${A}`, `${Y}`];
}

/** The case, plural and derivational suffixes of a back- or front-vowel word (Cyrillic). */
export function kkSuffixes(back: boolean, endsVowel: boolean): string[] {
  const A = back ? 'а' : 'е';
  const Y = back ? 'ы' : 'і';
  const G = back ? 'ғ' : 'г';
  const Q = back ? 'қ' : 'к';
  // The initial consonant of a suffix assimilates to the stem's last sound; taking the union of
  // the variants is safe (the stem carries the meaning) and spares a table of exceptions.
  const suffixes = [
    `н${Y}ң`, `д${Y}ң`, `т${Y}ң`, // genitive
    `${G}${A}`, `${Q}${A}`, // dative
    `н${Y}`, `д${Y}`, `т${Y}`, // accusative
    `д${A}`, `т${A}`, // locative
    `д${A}н`, `т${A}н`, `н${A}н`, // ablative
    'мен', 'бен', 'пен', // instrumental
    `д${A}${G}${Y}`, `т${A}${G}${Y}`, // locative + attributive -ғы ("in Kazakhstan's")
    `л${Y}${Q}`, `д${Y}${Q}`, `т${Y}${Q}`, // -лық: "of Kazakhstan", "Kazakhstani"
    `л${Y}${Q}т${A}р`, `д${Y}${Q}т${A}р`, `т${Y}${Q}т${A}р`,
    `л${A}р`, `д${A}р`, `т${A}р`, // plural
  ];
  if (endsVowel) {
    // Possessive third person (Республикасы) takes -н- before case endings.
    suffixes.push(`н${A}`, 'н', `нд${A}`, `н${A}н`, `нд${A}${G}${Y}`, `${Y}`);
  } else {
    suffixes.push(`${Y}`, `${Y}н${A}`, `${Y}нд${A}`, `${Y}н${A}н`, `${Y}н${Y}ң`);
  }
  return suffixes;
}

function kkAdjectiveForms(w: string): string[] {
  const back = hasBackHarmony(w);
  return [w, ...withStem(w, kkAdjectiveSuffixes(back))];
}

const inflect: Inflect = (w, kind) => (w.length < 3 ? [w] : kind === 'name' ? kkCaseForms(w) : kkAdjectiveForms(w));

function kazakhAdjective(name: string): string {
  return turkicAdjective(name, (d, vowel) => {
    const back = 'аоұыяё'.includes(vowel) || vowel === '';
    return `${{ l: 'л', d: 'д', t: 'т' }[d]}${back ? 'ық' : 'ік'}`;
  }, true);
}

export const kk: LanguageRules = {
  code: 'kk',
  notInRussianText: true,
  names: {
    US: ['АҚШ', 'Америка'],
    RU: ['РФ'],
    CN: ['ҚХР'],
    KZ: ['ҚР'],
    PS: ['Газа', 'Палестина'],
    AZ: ['Әзербайжан'],
  },
  adjectives: {
    KZ: ['қазақ', 'қазақстандық'],
    RU: ['орыс', 'ресейлік'],
    US: ['американдық'],
    CN: ['қытайлық'],
  },
  capitals: {
    KZ: ['Астана'],
    RU: ['Мәскеу'],
    UA: ['Киев'],
    CN: ['Бейжің'],
    US: ['Вашингтон'],
    TR: ['Анкара'],
    KG: ['Бішкек'],
    UZ: ['Ташкент'],
  },
  institutions: {
    RU: ['Кремль'],
    KZ: ['Ақорда'],
    US: ['Ақ үй'],
  },
  languageContext: {
    after: ['тілі', 'тілін', 'тіліне', 'тілінде', 'тілінен', 'тілінің', 'тілде', 'тілдің', 'тілін', 'тілдері', 'тілдерінде', 'тілдеріне', 'тілдерін', 'тілдерінің', 'тілдерден', 'тілді'],
    before: [],
    beforeAtEnd: [],
  },
  currencyWords: ['теңге', 'рублі', 'рубль', 'рублін', 'рубльге', 'доллар', 'долларға', 'юань'],
  conjunctions: ['және', 'мен', 'бен', 'пен'],
  blockedPhrases: ['Air Astana', 'Эйр Астана', 'Қазақстан темір жолы', 'Түркі мемлекеттері', 'Түркі мемлекеттері ұйымы'],
  // The civic adjective of every name (Қазақстан → қазақстандық, Ресей → ресейлік).
  derive: { from: 'kk', terms: (text, kind) => (kind === 'name' && !/[A-ZА-ЯӘҒҚҢӨҰҮҺІ]{2}/u.test(text) ? [{ text: kazakhAdjective(text), kind: 'adjective' }] : []) },
  inflect,
};
