/**
 * Mongolian (Cyrillic). Names come from i18n-iso-countries (mn): Орос and Хятад name both the
 * country and its people. Case suffixes follow vowel harmony (а/о/у, э/ө/ү) and differ after
 * vowels and consonants; the union of the variants is taken (the stem carries the meaning):
 * Оросын, Оросоос, Оросод, Хятадтай, Монголд, Казахстаны.
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const suffixes = [
  'ын', 'ийн', 'ы', 'ий', 'н', 'ны', 'ний', 'гийн', // genitive
  'д', 'т', 'нд', 'ад', 'од', 'эд', 'өд', // dative-locative
  'ыг', 'ийг', 'г', // accusative
  'аас', 'ээс', 'оос', 'өөс', 'наас', 'нээс', 'ноос', 'гаас', 'гээс', 'гоос', // ablative
  'аар', 'ээр', 'оор', 'өөр', 'гаар', 'гээр', // instrumental
  'тай', 'тэй', 'той', // comitative
  'руу', 'рүү', 'луу', 'лүү', // directional
  'чууд', 'чүүд', 'ынхан', 'ийнхан', 'ынхны', // people of
  'ынх', 'ийнх',
];

const inflect: Inflect = (w) => {
  if (w.length < 3) return [w];
  const forms = [w, ...withStem(w, suffixes)];
  // A final short vowel drops before a vowel-initial suffix (Америк-ийн from Америка).
  if (/[аэо]$/.test(w)) forms.push(...withStem(w.slice(0, -1), ['ийн', 'ын', 'ид', 'ыг', 'ийг', 'аас', 'ээс', 'оос', 'ад', 'эд', 'од']));
  return forms;
};

export const mn: LanguageRules = {
  code: 'mn',
  notInRussianText: true,
  inflect,
  names: {
    RU: ['ОХУ', 'Оросын Холбооны Улс'],
    CN: ['БНХАУ'],
    US: ['АНУ', 'Америк'],
    MN: ['Монгол Улс'],
    KR: ['Өмнөд Солонгос', 'БНСУ'],
    KP: ['Хойд Солонгос', 'БНАСАУ'],
    IN: ['Энэтхэг'],
    GB: ['Их Британи', 'Англи'],
    DE: ['Герман', 'ХБНГУ'],
    JP: ['Япон'],
  },
  adjectives: {
    MN: ['монгол'],
    RU: ['орос'],
    CN: ['хятад'],
    KZ: ['казах'],
  },
  capitals: {
    MN: ['Улаанбаатар'],
    RU: ['Москва'],
    CN: ['Бээжин'],
    KZ: ['Астана'],
    US: ['Вашингтон'],
    JP: ['Токио'],
    KR: ['Сөүл'],
    KP: ['Пхеньян'],
    IN: ['Шинэ Дели'],
    UA: ['Киев'],
    DE: ['Берлин'],
    GB: ['Лондон'],
    FR: ['Парис'],
    TR: ['Анкара'],
    KG: ['Бишкек'],
    UZ: ['Ташкент'],
  },
  institutions: {
    RU: ['Кремль'],
    US: ['Цагаан ордон'],
    MN: ['Улсын Их Хурал', 'Монголбанк'],
  },
  languageContext: {
    after: ['хэл', 'хэлээр', 'хэлний', 'хэлийг', 'хэлэнд', 'хэлнээс', 'хэлтэй', 'хэлийн', 'хэлнээ', 'хэлүүд', 'хэлүүдээр'],
    before: [],
    beforeAtEnd: [],
  },
  nameQualifiers: ['хэл', 'хэлээр', 'хэлний', 'хэлийг', 'хэлэнд', 'рубль', 'рублийн', 'юань', 'доллар', 'төгрөг'],
  currencyWords: ['төгрөг', 'рубль', 'юань', 'доллар'],
  conjunctions: ['ба', 'болон'],
  // Inner Mongolia is a region of China; the Sea of Japan is a sea.
  blockedPhrases: ['Өвөр Монгол', 'Өвөр Монголд', 'Өвөр Монголын', 'Өвөр Монголоос', 'Өвөр Монголын Өөртөө Засах Орон', 'Японы тэнгис', 'Японы тэнгист', 'Японы тэнгисийн', 'ам.доллар', 'ам доллар'],
};
