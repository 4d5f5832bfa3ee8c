/**
 * Georgian (Mkhedruli; no letter case). Names come from i18n-iso-countries (ka). A noun drops its
 * nominative -ი before case endings (რუსეთი → რუსეთის, რუსეთში, რუსეთმა, რუსეთთან), a name in
 * -ო/-ა keeps its vowel (საქართველოს, ამერიკაში); adjectives (-ული, -ური) and demonyms (-ელი,
 * -ი) decline the same way, also in the plural -ებ-. Reference: the declension tables of
 * Georgian grammars (Hewitt, "Georgian: A Structural Reference Grammar").
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const caseEndings = ['ის', 'ს', 'ში', 'თან', 'მა', 'ით', 'ად', 'იდან', 'ისთვის', 'ზე', 'ისკენ', 'ისგან', 'ისა', 'ზეც', 'შიც', 'საც', 'მაც'];
const vowelCaseEndings = ['ს', 'ში', 'თან', 'მ', 'მა', 'თი', 'დ', 'დან', 'სთვის', 'ზე', 'სკენ', 'სგან', 'სა', 'შიც', 'საც'];
const plural = ['ები', 'ებმა', 'ების', 'ებს', 'ებთან', 'ებში', 'ებით', 'ებისთვის', 'ებზე', 'ებიც'];

const inflect: Inflect = (w, kind) => {
  if (w.length < 3) return [w];
  if (w.endsWith('ი')) {
    const stem = w.slice(0, -1);
    // An adjective before a noun in the dative or adverbial case is the bare stem (რუსულ ენაზე).
    return [w, ...withStem(stem, caseEndings), ...(kind === 'name' ? [] : [stem, ...withStem(stem, plural)])];
  }
  if (/[ოაეუ]$/.test(w)) return [w, ...withStem(w, vowelCaseEndings)];
  // Consonant-final loans (ბაქო is vowel-final; ასტანა too): rare, taken as written plus -ი forms.
  return [w, ...withStem(w, ['ი', ...caseEndings])];
};

export const ka: LanguageRules = {
  code: 'ka',
  inflect,
  names: {
    US: ['აშშ', 'ამერიკა'],
    RU: ['რფ'],
    GB: ['ბრიტანეთი', 'დიდი ბრიტანეთი', 'ინგლისი'],
    TR: ['თურქეთი'],
    PS: ['პალესტინა', 'ღაზა'],
  },
  adjectives: {
    GE: ['ქართული'],
    RU: ['რუსული'],
    US: ['ამერიკული'],
    KZ: ['ყაზახური'],
    AM: ['სომხური'],
    AZ: ['აზერბაიჯანული'],
    TR: ['თურქული'],
    UA: ['უკრაინული'],
    CN: ['ჩინური'],
    IR: ['ირანული'],
    DE: ['გერმანული'],
  },
  demonyms: {
    GE: ['ქართველი'],
    RU: ['რუსი'],
    US: ['ამერიკელი'],
    KZ: ['ყაზახი'],
    AM: ['სომეხი'],
    AZ: ['აზერბაიჯანელი'],
    TR: ['თურქი'],
    UA: ['უკრაინელი'],
    CN: ['ჩინელი'],
    DE: ['გერმანელი'],
  },
  capitals: {
    GE: ['თბილისი'],
    RU: ['მოსკოვი'],
    UA: ['კიევი'],
    US: ['ვაშინგტონი'],
    AZ: ['ბაქო'],
    AM: ['ერევანი'],
    TR: ['ანკარა'],
    KZ: ['ასტანა'],
    CN: ['პეკინი'],
    IR: ['თეირანი'],
    GB: ['ლონდონი'],
    DE: ['ბერლინი'],
    FR: ['პარიზი'],
    BY: ['მინსკი'],
  },
  institutions: {
    RU: ['კრემლი'],
    US: ['თეთრი სახლი'],
  },
  languageContext: {
    after: ['ენა', 'ენაზე', 'ენის', 'ენაში', 'ენას', 'ენები', 'ენოვანი', 'ენაზეც', 'ენებზე', 'ენებზეც', 'ენებს', 'ენების'],
    before: [],
    beforeAtEnd: [],
  },
  currencyWords: ['რუბლი', 'რუბლის', 'ლარი', 'ლარის', 'დოლარი', 'დოლარის'],
  conjunctions: ['და', 'ან'],
  // Georgian Dream is a party; the US state is ჯორჯია.
  blockedPhrases: ['ქართული ოცნება', 'ქართული ოცნების', 'ქართულმა ოცნებამ', 'ქართულ ოცნებას', 'ქართული ოცნებით', 'Georgian Airways', 'ჯორჯიის შტატი', 'ჯორჯიის შტატში'],
};
