/**
 * Japanese: terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { LanguageRules } from './types';

export const ja: LanguageRules = {
  code: 'ja',
  names: {
    US: ['米国', 'アメリカ'],
    GB: ['英国'],
    KR: ['韓国'],
    KP: ['北朝鮮'],
    RU: ['ロシア'],
  },
  capitals: {
    RU: ['モスクワ'],
    KZ: ['アスタナ'],
    UA: ['キーウ', 'キエフ'],
    US: ['ワシントン'],
    JP: ['東京'],
    CN: ['北京'],
  },
  institutions: {
    RU: ['クレムリン'],
    US: ['ホワイトハウス'],
  },
};
