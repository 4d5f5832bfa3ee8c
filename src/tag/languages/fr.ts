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
    PS: ['Gaza', 'Cisjordanie'],
    KG: ['Kirghizstan', 'Kirghizie'],
  },
  // Adjectives are written in lower case (the capitalised demonyms come from world-countries);
  // the -o forms are first elements of compounds: franco-kazakh, russo-ukrainienne, sino-russe.
  // Source: Le Robert, and the usage of Le Monde, AFP and RFI.
  adjectives: {
    FR: ['français', 'franco'],
    RU: ['russe', 'russo'],
    KZ: ['kazakh', 'kazakhstanais', 'kazakho'],
    UA: ['ukrainien', 'ukraino'],
    CN: ['chinois', 'sino'],
    US: ['américain', 'américano', 'états-unien'],
    TR: ['turc', 'turque', 'turco'],
    IR: ['iranien', 'irano'],
    KG: ['kirghiz', 'kirghize'],
    UZ: ['ouzbek', 'ouzbèke'],
    TJ: ['tadjik'],
    TM: ['turkmène'],
    AZ: ['azerbaïdjanais', 'azéri'],
    AM: ['arménien', 'arméno'],
    GE: ['géorgien', 'géorgiano'],
    DE: ['allemand', 'germano'],
    GB: ['britannique', 'anglais', 'britannico'],
    JP: ['japonais', 'nippo', 'nippon'],
    IN: ['indien'],
    PK: ['pakistanais', 'pakistano'],
    AF: ['afghan', 'afghano'],
    PL: ['polonais', 'polono'],
    BY: ['biélorusse', 'bélarusse'],
    MN: ['mongol'],
    IL: ['israélien', 'israélo'],
    PS: ['palestinien'],
    SY: ['syrien', 'syro'],
    IT: ['italien', 'italo'],
    ES: ['espagnol', 'hispano'],
    KR: ['sud-coréen'],
    KP: ['nord-coréen'],
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
    KZ: ['Astana'],
    UZ: ['Tachkent'],
    KG: ['Bichkek'],
    TJ: ['Douchanbé'],
    TM: ['Achgabat', 'Achkhabad'],
    AZ: ['Bakou'],
    AM: ['Erevan'],
    GE: ['Tbilissi'],
    IR: ['Téhéran'],
    AF: ['Kaboul'],
    MN: ['Oulan-Bator'],
    DE: ['Berlin'],
    TR: ['Ankara'],
    EG: ['Le Caire'],
    SY: ['Damas'],
    LB: ['Beyrouth'],
    IN: ['New Delhi'],
    JP: ['Tokyo'],
    KR: ['Séoul'],
    US: ['Washington'],
  },
  institutions: {
    RU: ['Kremlin', 'Douma'],
    US: ['Maison-Blanche', 'Maison Blanche', 'Pentagone', 'Département d’État'],
    FR: ['Élysée', 'Matignon', 'Quai d’Orsay'],
  },
  languageContext: {
    after: ['langue'],
    // «en russe» is the language whatever follows (en Russie is the country, a name).
    before: ['parle', 'parlent', 'parler', 'en', 'traduit', 'traduits'],
    beforeAtEnd: [],
  },
  conjunctions: ['et', 'ou'],
  currencyWords: ['euro', 'euros'],
  // «le tenge kazakh», «le rouble russe»: the currency comes first.
  qualifiersBefore: ['tenge', 'rouble', 'roubles', 'dollar', 'dollars', 'yuan', 'yen', 'won', 'franc', 'francs', 'livre', 'roupie', 'roupies', 'lari', 'dram', 'manat', 'som', 'hryvnia', 'rial', 'real'],
  blockedPhrases: ['Air Astana', 'Air France', 'Paris Saint-Germain', 'Asie centrale', "l'État américain de Géorgie", 'État américain de Géorgie', 'mer Caspienne', 'mer du Japon', 'golfe Persique', 'mer de Chine méridionale'],
  inflect,
};
