/**
 * Chinese: terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { LanguageRules } from './types';

export const zh: LanguageRules = {
  code: 'zh',
  names: {
    US: ['美国'],
    KR: ['南韩'],
    KP: ['北韩'],
  },
  capitals: {
    RU: ['莫斯科'],
    KZ: ['阿斯塔纳'],
    UA: ['基辅'],
    US: ['华盛顿'],
    CN: ['北京'],
    GB: ['伦敦'],
    JP: ['东京'],
  },
  institutions: {
    RU: ['克里姆林宫'],
    US: ['白宫', '五角大楼'],
  },
};
