/**
 * Greek: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const inflect: Inflect = (w, kind) => {
  if (w.length < 3) return [w];
  // Accents are folded when matching, so the stress shifts of declension need no rule.
  if (w.endsWith('ος') || w.endsWith('ός')) {
    const stem = w.slice(0, -2);
    return withStem(stem, ['ος', 'ου', 'ο', 'ε', 'οι', 'ων', 'ους', ...(kind === 'name' ? [] : ['η', 'ης', 'α', 'ες', 'ίδα', 'ίδας', 'ίδες'])]);
  }
  if (w.endsWith('ες')) return withStem(w.slice(0, -2), ['ες', 'ων']);
  if (/[αάηή]$/.test(w)) return [w, w + 'ς'];
  if (kind !== 'name' && /[ήό]$/.test(w)) return withStem(w.slice(0, -1), ['ή', 'ής', 'ό', 'ού', 'οί', 'ών', 'ά', 'ές', 'ούς']);
  return [w];
};

export const el: LanguageRules = {
  code: 'el',
  names: {
    US: ['ΗΠΑ', 'Αμερική'],
    GB: ['Βρετανία', 'Αγγλία'],
  },
  adjectives: {
    RU: ['ρωσικός', 'ρώσικος'],
    KZ: ['καζακικός'],
    UA: ['ουκρανικός'],
    US: ['αμερικανικός'],
    GB: ['βρετανικός'],
    GR: ['ελληνικός'],
    TR: ['τουρκικός'],
    DE: ['γερμανικός'],
    FR: ['γαλλικός'],
    CN: ['κινεζικός'],
  },
  demonyms: {
    RU: ['Ρώσος'],
    KZ: ['Καζάκος'],
    US: ['Αμερικανός'],
    UA: ['Ουκρανός'],
    GR: ['Έλληνας'],
    TR: ['Τούρκος'],
    DE: ['Γερμανός'],
    GB: ['Βρετανός'],
  },
  capitals: {
    RU: ['Μόσχα'],
    KZ: ['Αστάνα'],
    UA: ['Κίεβο'],
    US: ['Ουάσιγκτον'],
    GB: ['Λονδίνο'],
    GR: ['Αθήνα'],
    TR: ['Άγκυρα'],
    FR: ['Παρίσι'],
    DE: ['Βερολίνο'],
    CN: ['Πεκίνο'],
  },
  institutions: {
    RU: ['Κρεμλίνο'],
    US: ['Λευκός Οίκος', '=Λευκού Οίκου', '=Λευκό Οίκο'],
  },
  inflect,
};
