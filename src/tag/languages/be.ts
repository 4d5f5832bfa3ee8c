/**
 * Belarusian: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { endsWithAny, withStem } from './word-forms';

function beNoun(w: string): string[] {
  if (w.length < 3) return [w];
  if (w.endsWith('ія')) return withStem(w.slice(0, -2), ['ія', 'іі', 'ію', 'іяй', 'іяю']);
  if (w.endsWith('я')) return withStem(w.slice(0, -1), ['я', 'і', 'ю', 'яй', 'яю', 'е']);
  if (w.endsWith('а')) return withStem(w.slice(0, -1), ['а', 'ы', 'і', 'е', 'у', 'ай', 'аю', 'ой', 'ою']);
  if (w.endsWith('ь') || w.endsWith('й')) return withStem(w.slice(0, -1), [w.slice(-1), 'я', 'ю', 'ем', 'і']);
  if (/[бвгджзклмнпрстўфхцчш]$/.test(w)) return withStem(w, ['', 'а', 'у', 'ам', 'е', 'ы', 'і']);
  return [w];
}

function beAdjective(w: string): string[] {
  const ending = endsWithAny(w, ['і', 'ы', 'ая', 'ае']);
  if (!ending) return [w];
  return withStem(w.slice(0, -ending.length), ['і', 'ы', 'ая', 'ое', 'ае', 'ія', 'ыя', 'ага', 'аму', 'ім', 'ым', 'ую', 'ай', 'іх', 'ых', 'імі', 'ымі']);
}

function beDemonym(w: string): string[] {
  // беларус → беларусы, беларусаў, беларусам; расеец → расейцы, расейцаў.
  if (w.endsWith('ец')) return [w, ...withStem(w.slice(0, -2) + (/[аеёіоуыэюя]$/.test(w.slice(0, -2)) ? 'йц' : 'ц'), ['а', 'у', 'ам', 'ы', 'аў', 'амі', 'ах'])];
  return [w, ...withStem(w, ['а', 'у', 'ам', 'ы', 'аў', 'амі', 'ах', 'ка', 'кі'])];
}

const inflect: Inflect = (w, kind) => {
  if (kind === 'demonym') return beDemonym(w);
  if (kind !== 'name') return beAdjective(w);
  const forms = beNoun(w);
  // Feminine nouns in -ь double the consonant in the instrumental: Беларусь → Беларуссю, and
  // Taraškievica keeps the soft sign: Беларусьсю.
  if (w.endsWith('ь') && w.length > 3) forms.push(w.slice(0, -1) + w.slice(-2, -1) + 'ю', w + w.slice(-2, -1) + 'ю');
  return forms;
};

export const be: LanguageRules = {
  code: 'be',
  names: {
    RU: ['Расея', 'РФ'],
    US: ['ЗША', 'Амерыка'],
    DE: ['Нямеччына'],
    PS: ['Газа', 'Палестына'],
  },
  demonyms: {
    BY: ['беларус'],
    RU: ['расеец', 'расіянін'],
    UA: ['украінец'],
  },
  adjectives: {
    RU: ['расійскі', 'расейскі'],
    BY: ['беларускі'],
    UA: ['украінскі'],
    KZ: ['казахстанскі'],
  },
  capitals: {
    RU: ['Масква'],
    BY: ['Мінск', 'Менск'],
    UA: ['Кіеў'],
    KZ: ['Астана'],
    LT: ['Вільня', 'Вільнюс'],
    US: ['Вашынгтон'],
    DE: ['Бэрлін', 'Берлін'],
    PL: ['Варшава'],
    GE: ['Тбілісі'],
    TR: ['Анкара'],
  },
  institutions: {
    RU: ['Крэмль'],
  },
  languageContext: {
    after: ['мова', 'мовы', 'мове', 'мову', 'мовай', 'мовах', 'мовамі'],
    before: [],
    beforeAtEnd: [],
  },
  currencyWords: ['рубель', 'рубля', 'рублёў', 'рублі', 'долар', 'долара', 'даляр', 'даляра'],
  conjunctions: ['і', 'ды', 'ці'],
  inflect,
  phraseAdjective: { test: /(ая|ае|ыя|ія|скі|ы)$/, forms: beAdjective },
  everyWordDeclines: true,
};
