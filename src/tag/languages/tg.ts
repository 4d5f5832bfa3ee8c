/**
 * Tajik (Cyrillic). Names come from i18n-iso-countries (tg); Tajik outlets (Ozodi, Asia-Plus,
 * Khovar) name Germany Олмон and the USA ИМА, and write capitals in their own way (Маскав,
 * Тифлис), listed below. Tajik is Persian: the ezafe -и (-йи after a vowel), the object marker
 * -ро, the enclitic "and" -у (-ю after a vowel), the plural -ҳо/-он and the adjective -ӣ (-гӣ,
 * -вӣ after a vowel) attach to the name without changing it.
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const afterConsonant = ['и', 'ро', 'у', 'ӣ', 'ҳо', 'ҳои', 'он', 'ро', 'иро', 'иву', 'ии', 'ӣ', 'ия', 'иён', 'иён', 'иҳо', 'иҳои'];
const afterVowel = ['и', 'йи', 'ро', 'ю', 'ву', 'ӣ', 'гӣ', 'вӣ', 'ҳо', 'ҳои', 'ён', 'ии', 'иро'];

const inflect: Inflect = (w) => {
  if (w.length < 3) return [w];
  const vowelFinal = /[аеёиоуэюяӣӯ]$/.test(w);
  const forms = [w, ...withStem(w, vowelFinal ? afterVowel : afterConsonant)];
  // Adjectives in -ӣ take the same enclitics (тоҷикистонӣ → тоҷикистониро, тоҷикистонию).
  if (w.endsWith('ӣ')) forms.push(...withStem(w.slice(0, -1) + 'и', ['ро', 'ю', 'ҳо', 'и', 'он', 'ён']));
  return forms;
};

export const tg: LanguageRules = {
  code: 'tg',
  notInRussianText: true,
  inflect,
  names: {
    US: ['ИМА', 'Амрико', 'Иёлоти Муттаҳидаи Амрико'],
    DE: ['Олмон'],
    RU: ['Федератсияи Русия', 'ФР'],
    GB: ['Бритониё', 'Британия', 'Англия'],
    TR: ['Туркия'],
    IR: ['Эрон'],
    CN: ['Чин'],
    IN: ['Ҳиндустон', 'Ҳинд'],
    KR: ['Кореяи Ҷанубӣ'],
    PS: ['Фаластин', 'Ғазза'],
  },
  adjectives: {
    TJ: ['тоҷик', 'тоҷикистонӣ'],
    RU: ['рус', 'русиягӣ'],
    KZ: ['қазоқ'],
    UZ: ['ӯзбек'],
    KG: ['қирғиз'],
    AF: ['афғон'],
    IR: ['эронӣ'],
    CN: ['чинӣ', 'хитоӣ'],
  },
  capitals: {
    TJ: ['Душанбе'],
    RU: ['Маскав', 'Москва'],
    KZ: ['Остона', 'Астана'],
    UZ: ['Тошкент'],
    KG: ['Бишкек'],
    TM: ['Ашқобод'],
    AF: ['Кобул'],
    IR: ['Теҳрон'],
    CN: ['Пекин'],
    US: ['Вашингтон'],
    TR: ['Анқара'],
    UA: ['Киев'],
    BY: ['Минск'],
    AZ: ['Боку'],
    GE: ['Тифлис'],
    AM: ['Ереван'],
    IN: ['Деҳлии Нав'],
    PK: ['Исломобод'],
    GB: ['Лондон'],
    DE: ['Берлин'],
    FR: ['Париж'],
  },
  institutions: {
    RU: ['Кремл', 'Кремль'],
    US: ['Кохи Сафед'],
    TJ: ['Маҷлиси Олӣ'],
  },
  languageContext: {
    after: [],
    before: ['забони', 'забон', 'забонҳои', 'забонҳо'],
    beforeAtEnd: [],
  },
  currencyWords: ['сомонӣ', 'рубл', 'рубли', 'доллар', 'доллари'],
  qualifiersBefore: ['рубли', 'доллари', 'сомонии', 'тангаи'],
  conjunctions: ['ва', 'бо'],
  blockedPhrases: ['Тоҷик Эйр', 'Сомон Эйр'],
  // Тоҷикистон → тоҷикистонӣ, Русия → русиягӣ.
  derive: { from: 'tg', terms: (text, kind) => (kind === 'name' && !/\p{Lu}{2}/u.test(text) ? [{ text: `${text.toLowerCase()}${/[аеиоуэюяӣӯ]$/.test(text) ? 'гӣ' : 'ӣ'}`, kind: 'adjective' }] : []) },
};
