/**
 * Azerbaijani (Latin). Names come from i18n-iso-countries (az); capitals and institutions below
 * are the forms of Azerbaijani outlets (APA, Report.az, Azadlıq), checked against the
 * Azerbaijani Wikipedia. Suffixes follow vowel harmony: two-way a/ə, four-way ı/i/u/ü, with the
 * buffer consonants n and y after a vowel (Rusiyanın, Azərbaycana).
 */
import type { Inflect, LanguageRules } from './types';
import { turkicAdjective } from './word-forms';

const harmony: Array<[vowels: string, low: string, high: string]> = [
  ['aı', 'a', 'ı'],
  ['ou', 'a', 'u'],
  ['eəi', 'ə', 'i'],
  ['öü', 'ə', 'ü'],
];

// A = a/ə, I = ı/i/u/ü; (n)/(y) buffers are taken in both variants.
const templates = [
  'In', 'nIn', // genitive
  'A', 'yA', // dative
  'I', 'nI', // accusative
  'dA', 'dAn', 'ndA', 'ndAn', 'dAkI', // locative, ablative
  'lA', 'ylA', // instrumental
  'lI', 'lIlAr', 'lIlArIn', 'lIlArA', 'lIlArI', 'lIlArdAn', // -lı: "Azerbaijani" (people)
  'lAr', 'lArIn', 'lArA', 'lArI', 'lArdA', 'lArdAn', // plural
  'sI', 'sInIn', 'sInA', 'sIndA', 'sInI', // possessive
  'dAn', 'yA',
];

const vowelLetters = 'aıoueəiöü';

function classOf(w: string): [string, string] {
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i] ?? '';
    for (const [vowels, low, high] of harmony) if (vowels.includes(ch)) return [low, high];
  }
  return ['a', 'ı'];
}

/** Adjectives and demonyms (azərbaycanlı, rus): the plural of people and a few cases. */
const adjectiveTemplates = ['lAr', 'lArIn', 'lArA', 'lArI', 'lArdA', 'lArdAn', 'In', 'nIn', 'A', 'yA', 'dA'];

const inflect: Inflect = (w, kind) => {
  if (w.length < 3) return [w];
  const [low, high] = classOf(w);
  const endsVowel = vowelLetters.includes(w.slice(-1));
  const forms = new Set([w]);
  for (const t of kind === 'name' ? templates : adjectiveTemplates) {
    const suffix = t.replace(/A/g, low).replace(/I/g, high);
    // After a vowel a vowel-initial case suffix takes its buffer (Rusiya-nın, not Rusiya-ın).
    if (endsVowel && vowelLetters.includes(suffix[0] ?? '')) continue;
    forms.add(w + suffix);
  }
  return [...forms];
};

/** Azərbaycan → azərbaycanlı, Rusiya → rusiyalı. */
function azerbaijaniAdjective(name: string): string {
  return turkicAdjective(name, (_d, vowel) => `l${harmony.find(([vowels]) => vowels.includes(vowel))?.[2] ?? 'ı'}`, false);
}

export const az: LanguageRules = {
  code: 'az',
  inflect,
  names: {
    US: ['ABŞ', 'Amerika'],
    RU: ['Rusiya Federasiyası', 'RF'],
    GB: ['Britaniya', 'Böyük Britaniya', 'İngiltərə'],
    TR: ['Türkiyə'],
    KR: ['Cənubi Koreya'],
    PS: ['Fələstin', 'Qəzza'],
  },
  adjectives: {
    RU: ['rus'],
    TR: ['türkiyəli'],
    AZ: ['azərbaycanlı'],
  },
  capitals: {
    AZ: ['Bakı'],
    RU: ['Moskva'],
    KZ: ['Astana'],
    TR: ['Ankara'],
    GE: ['Tbilisi'],
    AM: ['İrəvan'],
    IR: ['Tehran'],
    UZ: ['Daşkənd'],
    TJ: ['Düşənbə'],
    KG: ['Bişkek'],
    TM: ['Aşqabad'],
    UA: ['Kiyev'],
    BY: ['Minsk'],
    CN: ['Pekin'],
    US: ['Vaşinqton'],
    GB: ['London'],
    DE: ['Berlin'],
    FR: ['Paris'],
    AF: ['Kabil'],
    IL: ['Təl-Əviv'],
    PK: ['İslamabad'],
  },
  institutions: {
    RU: ['Kreml'],
    US: ['Ağ Ev', 'Dövlət Departamenti', 'Pentaqon'],
  },
  languageContext: {
    after: ['dili', 'dilində', 'dilindəki', 'dilini', 'dilinin', 'dilinə', 'dilli', 'dilləri', 'dillərində'],
    before: [],
    beforeAtEnd: [],
  },
  currencyWords: ['rublu', 'rubl', 'dolları', 'dollar', 'manatı', 'manat', 'tengesi'],
  // "Azərbaycan dili" is the name of the language.
  nameQualifiers: ['dili', 'dilində', 'dilindəki', 'dilini', 'dilinin', 'dilinə'],
  conjunctions: ['və', 'ilə'],
  blockedPhrases: ['Türk Dövlətləri Təşkilatı', 'Türk Dövlətləri Təşkilatının', 'türk dünyası', 'Azərbaycan Hava Yolları', 'Azerbaijan Airlines'],
  derive: { from: 'az', terms: (text, kind) => (kind === 'name' && !/\p{Lu}{2}/u.test(text) ? [{ text: azerbaijaniAdjective(text), kind: 'adjective' }] : []) },
};
