/**
 * Swedish: terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { LanguageRules } from './types';

export const sv: LanguageRules = {
  code: 'sv',
  adjectives: {
    RU: ['rysk'],
    US: ['amerikansk'],
  },
};
