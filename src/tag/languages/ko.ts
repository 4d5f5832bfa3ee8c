/**
 * Korean: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const koParticles = ['서', '과의', '와의', '산', '인들', '측', '에서의', '에게', '은', '는', '이', '가', '을', '를', '의', '에', '에서', '와', '과', '로', '으로', '도', '군', '인'];

const inflect: Inflect = (w) => [w, ...withStem(w, koParticles)];

export const ko: LanguageRules = {
  code: 'ko',
  // States as one-syllable abbreviations (한러, 러우, 중러, 대러; «러 외무부»): Yonhap's style.
  // 한 (one, a certain) and 중 (during) alone are ordinary words: they count only in compounds.
  abbreviations: {
    compounds: {
      한러: ['KR', 'RU'], 북러: ['KP', 'RU'], 러우: ['RU', 'UA'], 한미: ['KR', 'US'], 한중: ['KR', 'CN'], 한일: ['KR', 'JP'],
      미중: ['US', 'CN'], 중러: ['CN', 'RU'], 북미: ['KP', 'US'], 한미일: ['KR', 'US', 'JP'], 미러: ['US', 'RU'], 북중: ['KP', 'CN'],
      남북: ['KR', 'KP'], 한카자흐: ['KR', 'KZ'], 한우: [],
    },
    singles: { 러: 'RU', 미: 'US', 북: 'KP', 우: 'UA' },
    heads: ['외무부', '외무장관', '대통령', '정부', '군', '측', '관계', '정상회담', '대사', '국방부', '국방장관', '당국'],
    bound: { 러: { iso2: 'RU', after: ['대'] }, 북: { iso2: 'KP', after: ['대'] }, 미: { iso2: 'US', after: ['대', '방'] }, 중: { iso2: 'CN', after: ['대', '방'] } },
  },
  blockedPhrases: ['조지아주', '요르단강', '동해'],
  currencyWords: ['텡게', '루블', '달러', '위안', '엔'],
  nameQualifiers: ['어'],
  names: {
    RU: ['러시아'],
    KZ: ['카자흐스탄', '카자흐'],
    GE: ['조지아'],
    TR: ['튀르키예', '터키'],
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
