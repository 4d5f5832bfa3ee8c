/**
 * Urdu: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';

/** The adjective/demonym suffix -ی: پاکستان → پاکستانی, امریکہ → امریکی. */
function withYe(w: string): string[] {
  if (w.endsWith('ہ') || w.endsWith('ه')) return [w.slice(0, -1) + 'ی'];
  if (w.endsWith('ی') || w.endsWith('ا')) return [];
  return [w + 'ی'];
}

const inflect: Inflect = (w, kind) => (kind === 'name' ? [w] : [w, ...withYe(w)]);

export const ur: LanguageRules = {
  code: 'ur',
  // The -ی form of a name is an adjective: it names a language before زبان (روسی زبان میں).
  derive: {
    from: 'ur',
    terms: (text, kind) => (kind === 'name' && !text.includes(' ') ? withYe(text).map((adjective) => ({ text: adjective, kind: 'adjective' as const })) : []),
  },
  languageContext: { after: ['زبان', 'زبانوں', 'زبانیں'], before: [], beforeAtEnd: [] },
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
  demonyms: { KZ: ['قازق'], KG: ['کرغز'], TJ: ['تاجک'], UZ: ['ازبک'] },
  blockedPhrases: ['ریاست جارجیا', 'بحیرہ جاپان', 'بحیرہ عرب', 'خلیج فارس', 'دریائے اردن'],
  inflect,
};
