/**
 * Spanish: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const inflect: Inflect = (w, kind) => {
  if (kind === 'name') return [w];
  if (w.endsWith('o')) return withStem(w.slice(0, -1), ['o', 'a', 'os', 'as']);
  if (w.endsWith('e') || w.endsWith('a')) return [w, w + 's'];
  return [w, w + 'a', w + 'as', w + 'es'];
};

export const es: LanguageRules = {
  code: 'es',
  names: {
    US: ['EEUU', 'EE. UU.', 'Estados Unidos'],
    GB: ['Inglaterra', 'Gran Bretaña'],
  },
  adjectives: {
    RU: ['ruso'],
    KZ: ['kazajo'],
    US: ['estadounidense', 'norteamericano'],
    UA: ['ucraniano'],
    CN: ['chino'],
    DE: ['alemán'],
    GB: ['británico', 'inglés'],
    ES: ['español'],
  },
  capitals: {
    RU: ['Moscú'],
    UA: ['Kiev'],
    CN: ['Pekín'],
    GB: ['Londres'],
    PT: ['Lisboa'],
    DE: ['Berlín'],
    FR: ['París'],
  },
  institutions: {
    RU: ['Kremlin'],
    US: ['Casa Blanca'],
  },
  languageContext: {
    after: ['idioma', 'lengua'],
    before: ['habla', 'hablan', 'hablar'],
    beforeAtEnd: ['en'],
  },
  currencyWords: ['dólar', 'dólares'],
  conjunctions: ['y'],
  inflect,
};
