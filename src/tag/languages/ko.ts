/**
 * Korean: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const koParticles = ['은', '는', '이', '가', '을', '를', '의', '에', '에서', '와', '과', '로', '으로', '도', '군', '인'];

const inflect: Inflect = (w) => [w, ...withStem(w, koParticles)];

export const ko: LanguageRules = {
  code: 'ko',
  names: {
    RU: ['러시아'],
    KZ: ['카자흐스탄'],
    US: ['미국'],
    KR: ['한국'],
    KP: ['북한'],
    IN: ['인도'],
  },
  capitals: {
    RU: ['모스크바'],
    KZ: ['아스타나'],
    UA: ['키이우', '키예프'],
    US: ['워싱턴'],
    KR: ['서울'],
    KP: ['평양'],
  },
  institutions: {
    RU: ['크렘린'],
    US: ['백악관'],
  },
  inflect,
};
