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

const inflect: Inflect = (w, kind) => (kind === 'name' ? beNoun(w) : beAdjective(w));

export const be: LanguageRules = {
  code: 'be',
  adjectives: {
    RU: ['расійскі'],
    BY: ['беларускі'],
    UA: ['украінскі'],
    KZ: ['казахстанскі'],
  },
  capitals: {
    RU: ['Масква'],
    BY: ['Мінск'],
    UA: ['Кіеў'],
    KZ: ['Астана'],
  },
  institutions: {
    RU: ['Крэмль'],
  },
  languageContext: {
    after: ['мова', 'мовы', 'мове', 'мову', 'мовай'],
    before: [],
    beforeAtEnd: [],
  },
  inflect,
  phraseAdjective: { test: /(ая|ае|ыя|ія|скі|ы)$/, forms: beAdjective },
  everyWordDeclines: true,
};
