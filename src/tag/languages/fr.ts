/**
 * French: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';

const inflect: Inflect = (w, kind) => {
  if (kind === 'name') return [w];
  if (w.endsWith('e')) return [w, w + 's'];
  const doubled = /(n|l|t)$/.test(w) ? [w + w.slice(-1) + 'e', w + w.slice(-1) + 'es'] : [];
  return [w, w + 's', w + 'e', w + 'es', ...doubled];
};

export const fr: LanguageRules = {
  code: 'fr',
  names: {
    US: ['Amérique'],
    GB: ['Angleterre', 'Grande-Bretagne'],
  },
  capitals: {
    RU: ['Moscou'],
    UA: ['Kiev'],
    CN: ['Pékin'],
    GB: ['Londres'],
    PT: ['Lisbonne'],
    PL: ['Varsovie'],
    BE: ['Bruxelles'],
    AT: ['Vienne'],
  },
  institutions: {
    RU: ['Kremlin'],
    US: ['Maison-Blanche', 'Maison Blanche'],
    FR: ['Élysée'],
  },
  languageContext: {
    after: ['langue'],
    before: ['parle', 'parlent', 'parler'],
    beforeAtEnd: ['en'],
  },
  conjunctions: ['et', 'ou'],
  inflect,
};
