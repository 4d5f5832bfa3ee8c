/**
 * Urdu: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';

const inflect: Inflect = (w) => {
  // The adjective/demonym suffix -ی: پاکستان → پاکستانی, امریکہ → امریکی.
  if (w.endsWith('ہ') || w.endsWith('ه')) return [w, w.slice(0, -1) + 'ی'];
  if (w.endsWith('ی') || w.endsWith('ا')) return [w];
  return [w, w + 'ی'];
};

export const ur: LanguageRules = {
  code: 'ur',
  names: {
    US: ['امریکہ'],
    IN: ['بھارت', 'ہندوستان'],
    GB: ['برطانیہ'],
  },
  adjectives: {
    GB: ['برطانوی'],
    IN: ['بھارتی', 'انڈین'],
    AF: ['افغان'],
  },
  capitals: {
    RU: ['ماسکو'],
    US: ['واشنگٹن'],
    GB: ['لندن'],
    PK: ['اسلام آباد'],
    AF: ['کابل'],
    IN: ['نئی دہلی'],
    IR: ['تہران'],
    CN: ['بیجنگ'],
    IL: ['یروشلم'],
  },
  institutions: {
    RU: ['کریملن'],
    US: ['وائٹ ہاؤس', 'پینٹاگون'],
  },
  currencyWords: ['روپے', 'روپیہ', 'ڈالر'],
  inflect,
};
