/**
 * Italian: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const inflect: Inflect = (w, kind) => {
  if (kind === 'name') return [w];
  if (w.endsWith('o')) return withStem(w.slice(0, -1), ['o', 'a', 'i', 'e']);
  if (w.endsWith('e')) return withStem(w.slice(0, -1), ['e', 'i']);
  return [w];
};

export const it: LanguageRules = {
  code: 'it',
  qualifiersBefore: ['rublo', 'rubli', 'tenge', 'dollaro', 'yuan', 'euro', 'sterlina', 'rupia'],
  blockedPhrases: ['montagne russe', 'insalata russa', 'roulette russa', 'bagno turco', 'fiume Giordano', 'mar del Giappone', 'Air Astana', 'stato americano della Georgia'],
  names: {
    GB: ['Inghilterra', 'Gran Bretagna'],
  },
  adjectives: {
    RU: ['russo'],
    KZ: ['kazako', 'kazako', 'kazakistano'],
    TM: ['turkmeno'],
    IL: ['israeliano'],
    FR: ['francese'],
    IT: ['italiano', 'italo'],
    TR: ['turco'],
    IR: ['iraniano'],
    UZ: ['uzbeko'],
    KG: ['kirghiso'],
    TJ: ['tagiko'],
    GE: ['georgiano'],
    JP: ['giapponese'],
    PL: ['polacco'],
    ES: ['spagnolo'],
    GB: ['britannico', 'inglese'],
    US: ['statunitense', 'americano'],
    UA: ['ucraino'],
    CN: ['cinese'],
    DE: ['tedesco'],
  },
  capitals: {
    RU: ['Mosca'],
    UA: ['Kiev'],
    CN: ['Pechino'],
    GB: ['Londra'],
    IT: ['Roma'],
    DE: ['Berlino'],
    FR: ['Parigi'],
  },
  institutions: {
    IT: ['Palazzo Chigi', 'Farnesina', 'Quirinale'],
    RU: ['Cremlino'],
    US: ['Casa Bianca'],
  },
  inflect,
};
