/**
 * Armenian (Eastern, reformed spelling). Names come from i18n-iso-countries (hy). Case endings
 * and the article attach to the name (Հայաստանի, Հայաստանում, Ռուսաստանից, Հայաստանն,
 * Բաքուն); a name in -ա or -ո takes -յ- before a vowel (Գերմանիայի, Բաքվի is irregular and
 * listed). Adjectives in -ական / -յան and demonyms decline the same way. Reference: Dum-Tragut,
 * "Armenian: Modern Eastern Armenian" (declension classes).
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const endings = ['եր', 'երը', 'երի', 'երին', 'երից', 'երով', 'երում', 'ի', 'ին', 'ում', 'ից', 'ով', 'ը', 'ն', 'ու', 'ները', 'ներ', 'ների', 'ներին', 'ներից', 'ներով', 'ներում', 'ցի', 'ցիներ', 'ցիները', 'ցիների', 'ցու'];
const vowelEndings = ['յի', 'յին', 'յում', 'յից', 'յով', 'ն', 'ն', 'ները', 'ներ', 'ների', 'ցի', 'ցիներ', 'ցիները'];

const inflect: Inflect = (w) => {
  if (w.length < 2) return [w];
  return [w, ...withStem(w, /[աոէ]$/.test(w) || w.endsWith('ու') ? vowelEndings : endings)];
};

export const hy: LanguageRules = {
  code: 'hy',
  inflect,
  names: {
    RU: ['ՌԴ', 'Ռուսաստանի Դաշնություն'],
    US: ['ԱՄՆ', 'Ամերիկա'],
    GB: ['Մեծ Բրիտանիա', 'Բրիտանիա', 'Անգլիա'],
    TR: ['Թուրքիա'],
    PS: ['Պաղեստին', 'Գազա'],
  },
  adjectives: {
    AM: ['հայկական'],
    RU: ['ռուսական'],
    AZ: ['ադրբեջանական'],
    IR: ['իրանական'],
    TR: ['թուրքական'],
    GE: ['վրացական'],
    US: ['ամերիկյան'],
    CN: ['չինական'],
    KZ: ['ղազախական', 'ղազախստանյան'],
    UA: ['ուկրաինական'],
    FR: ['ֆրանսիական'],
    DE: ['գերմանական'],
  },
  demonyms: {
    AM: ['հայ'],
    RU: ['ռուս'],
    GE: ['վրացի'],
    AZ: ['ադրբեջանցի'],
    TR: ['թուրք'],
    IR: ['իրանցի'],
    KZ: ['ղազախ'],
    UA: ['ուկրաինացի'],
    US: ['ամերիկացի'],
  },
  capitals: {
    AM: ['Երևան'],
    RU: ['Մոսկվա'],
    AZ: ['Բաքու', '=Բաքվի', '=Բաքվում', '=Բաքվից', '=Բաքուն'],
    GE: ['Թբիլիսի'],
    IR: ['Թեհրան'],
    TR: ['Անկարա'],
    US: ['Վաշինգտոն'],
    KZ: ['Աստանա'],
    CN: ['Պեկին'],
    UA: ['Կիև'],
    BY: ['Մինսկ'],
    FR: ['Փարիզ'],
    DE: ['Բեռլին'],
    GB: ['Լոնդոն'],
  },
  institutions: {
    RU: ['Կրեմլ'],
    US: ['Սպիտակ տուն', 'Պենտագոն'],
  },
  currencyWords: ['ռուբլի', 'ռուբլին', 'դրամ', 'դոլար', 'դոլարի'],
  conjunctions: ['և', 'ու', 'եւ'],
  blockedPhrases: ['Ջորջիա նահանգ', 'Ջորջիա նահանգում', 'Ջորջիա նահանգի', 'Գազպրոմ Արմենիա'],
  languageContext: { after: [], before: [], beforeAtEnd: [] },
};
