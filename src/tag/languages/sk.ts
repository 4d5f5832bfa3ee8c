/**
 * Slovak: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import { csAdjective, csNoun } from './cs';
import type { Inflect, LanguageRules } from './types';

const inflect: Inflect = (w, kind) => (kind === 'name' ? csNoun(w, true) : kind === 'adjective' ? csAdjective(w, true) : csNoun(w, true));

export const sk: LanguageRules = {
  code: 'sk',
  adjectives: {
    RU: ['ruský'],
    KZ: ['kazašský', 'kazachstanský'],
    SK: ['slovenský'],
  },
  capitals: {
    RU: ['Moskva'],
    SK: ['Bratislava'],
  },
  inflect,
  phraseAdjective: { test: /(ý|á|é|í)$/, forms: (w) => csAdjective(w, true) },
  everyWordDeclines: true,
};
