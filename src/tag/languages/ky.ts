/**
 * Kyrgyz (Cyrillic). Names come from i18n-iso-countries (ky); Kyrgyz outlets (Azattyk, Kabar,
 * 24.kg) write Russia as Орусия and a few capitals in their own way (Бээжин), listed below.
 * Suffixes follow four-way vowel harmony (а/о/е/ө, ы/у/и/ү) by the last vowel of the word, and
 * the first consonant of a suffix assimilates to the stem's last sound (д/т, г/к, н/д/т); the
 * union of the variants is taken, which is safe: the stem carries the meaning.
 */
import type { Inflect, LanguageRules } from './types';
import { turkicAdjective } from './word-forms';

const harmony: Array<[vowels: string, low: string, high: string]> = [
  ['аыя', 'а', 'ы'],
  ['оуёю', 'о', 'у'],
  ['еиэ', 'е', 'и'],
  ['өү', 'ө', 'ү'],
];

// A = low vowel, I = high vowel of the word's harmony class.
const templates = [
  'нIн', 'дIн', 'тIн', // genitive
  'гA', 'кA', // dative
  'нI', 'дI', 'тI', // accusative
  'дA', 'тA', // locative
  'дAн', 'тAн', 'нAн', // ablative
  'дAгI', 'тAгI', // locative attributive ("in Kyrgyzstan's")
  'лIк', 'дIк', 'тIк', // -лык: "of Kyrgyzstan", "Kyrgyzstani"
  'лAр', 'дAр', 'тAр', 'лAрдIн', 'дAрдIн', 'лAргA', // plural
  'сI', 'сIнIн', 'сIнA', 'сIндA', 'I', 'IнIн', // possessive
  'менен', // no -чА: орусча is the Russian language
];

function classOf(w: string): [string, string] {
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i] ?? '';
    for (const [vowels, low, high] of harmony) if (vowels.includes(ch)) return [low, high];
  }
  return ['а', 'ы'];
}

/** Adjectives and demonyms: the plural of people and a few cases (see kk.ts). */
const adjectiveTemplates = ['тAр', 'дAр', 'лAр', 'тAрдIн', 'тAргA', 'тAрдA', 'тAрдI', 'лAрдIн', 'лAргA', 'дAрдIн', 'дAргA', 'тIн', 'гA', 'кA'];

const inflect: Inflect = (w, kind) => {
  if (w.length < 3) return [w];
  const [low, high] = classOf(w);
  return [w, ...(kind === 'name' ? templates : adjectiveTemplates).map((t) => w + t.replace(/A/g, low).replace(/I/g, high))];
};

/** Кыргызстан → кыргызстандык, Орусия → орусиялык. */
function kyrgyzAdjective(name: string): string {
  return turkicAdjective(name, (d, vowel) => {
    const high = harmony.find(([vowels]) => vowels.includes(vowel))?.[2] ?? 'ы';
    return `${{ l: 'л', d: 'д', t: 'т' }[d]}${high}к`;
  }, true);
}

export const ky: LanguageRules = {
  code: 'ky',
  notInRussianText: true,
  inflect,
  names: {
    RU: ['Орусия', 'Орусия Федерациясы', 'РФ'],
    US: ['АКШ', 'Америка'],
    AF: ['Ооганстан'],
    KR: ['Түштүк Корея'],
    KP: ['Түндүк Корея'],
    TR: ['Түркия'],
    GB: ['Улуу Британия', 'Британия'],
    CN: ['КЭР'],
    PS: ['Газа', 'Палестина'],
  },
  adjectives: {
    RU: ['орус'],
    KG: ['кыргыз'],
    KZ: ['казак'],
    UZ: ['өзбек'],
    TJ: ['тажик'],
  },
  capitals: {
    KG: ['Бишкек'],
    RU: ['Москва'],
    KZ: ['Астана'],
    CN: ['Бээжин', 'Пекин'],
    UZ: ['Ташкент'],
    TJ: ['Душанбе'],
    TM: ['Ашгабат', 'Ашхабад'],
    AF: ['Кабул'],
    IR: ['Тегеран'],
    US: ['Вашингтон'],
    TR: ['Анкара'],
    UA: ['Киев'],
    BY: ['Минск'],
    AZ: ['Баку'],
    GE: ['Тбилиси'],
    AM: ['Ереван'],
    MN: ['Улан-Батор'],
    GB: ['Лондон'],
    DE: ['Берлин'],
    FR: ['Париж'],
    JP: ['Токио'],
    KR: ['Сеул'],
    IN: ['Нью-Дели'],
    PK: ['Исламабад'],
  },
  institutions: {
    RU: ['Кремль'],
    US: ['Ак үй'],
    KG: ['Жогорку Кеңеш'],
  },
  languageContext: {
    after: ['тили', 'тилинде', 'тилиндеги', 'тилин', 'тилине', 'тилинен', 'тилдеринде', 'тилдериндеги', 'тилдери', 'тилдүү', 'тилдеги'],
    before: [],
    beforeAtEnd: [],
  },
  currencyWords: ['рублу', 'рубль', 'доллар', 'сом', 'теңге', 'тенге'],
  conjunctions: ['жана', 'менен', 'дагы'],
  blockedPhrases: ['Кыргызстан Аба Жолдору'],
  derive: { from: 'ky', terms: (text, kind) => (kind === 'name' && !/\p{Lu}{2}/u.test(text) ? [{ text: kyrgyzAdjective(text), kind: 'adjective' }] : []) },
};
