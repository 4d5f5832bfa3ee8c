/**
 * German: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { endsWithAny, withStem } from './word-forms';

const inflect: Inflect = (w, kind) => {
  if (kind === 'adjective') {
    const stem = endsWithAny(w, ['e']) && w.length > 4 ? w.slice(0, -1) : w;
    return withStem(stem, ['', 'e', 'en', 'er', 'es', 'em']);
  }
  if (kind === 'demonym') {
    if (w.endsWith('er')) return withStem(w, ['', 'n', 'in', 'innen', 's']);
    if (w.endsWith('e')) return withStem(w.slice(0, -1), ['e', 'en', 'in', 'innen']);
    return withStem(w, ['', 'en', 'in', 'innen', 'e', 's']);
  }
  if (/[sxzß]$/.test(w)) return [w];
  return withStem(w, ['', 's', 'es', 'n']);
};

export const de: LanguageRules = {
  code: 'de',
  compoundsWithNames: true,
  // The people and things of a capital: Berliner, Moskauer, Pekinger (a demonym, capitalised).
  derive: {
    from: 'de',
    terms: (text, kind) => (kind === 'capital' && !/[\s-]/.test(text) && !/[aeiou]$/.test(text) ? [{ text: `${text}er`, kind: 'demonym' }] : []),
  },
  names: {
    US: ['USA', 'Amerika'],
    GB: ['England', 'UK'],
    DE: ['BRD'],
    CZ: ['Tschechien'],
    PS: ['Gaza', 'Gazastreifen', 'Westjordanland'],
  },
  adjectives: {
    RU: ['russisch'],
    KZ: ['kasachisch'],
    UA: ['ukrainisch'],
    US: ['amerikanisch', 'US-amerikanisch'],
    GB: ['britisch', 'englisch'],
    CN: ['chinesisch'],
    DE: ['deutsch'],
    FR: ['französisch'],
    TR: ['türkisch'],
    PL: ['polnisch'],
    JP: ['japanisch'],
    IN: ['indisch'],
    IR: ['iranisch'],
    IL: ['israelisch'],
    IT: ['italienisch'],
    ES: ['spanisch'],
    SE: ['schwedisch'],
    NO: ['norwegisch'],
    DK: ['dänisch'],
    FI: ['finnisch'],
    NL: ['niederländisch'],
    BE: ['belgisch'],
    AT: ['österreichisch'],
    CH: ['schweizerisch'],
    KR: ['südkoreanisch'],
    KP: ['nordkoreanisch'],
    CZ: ['tschechisch'],
    HU: ['ungarisch'],
    GR: ['griechisch'],
    AU: ['australisch'],
    CA: ['kanadisch'],
    BR: ['brasilianisch'],
    IE: ['irisch'],
    BY: ['belarussisch', 'weißrussisch'],
  },
  demonyms: {
    RU: ['Russe'],
    KZ: ['Kasache'],
    UA: ['Ukrainer'],
    US: ['Amerikaner', 'US-Amerikaner'],
    GB: ['Brite', 'Engländer'],
    CN: ['Chinese'],
    FR: ['Franzose'],
    TR: ['Türke'],
    PL: ['Pole'],
    JP: ['Japaner'],
    IT: ['Italiener'],
    ES: ['Spanier'],
    AT: ['Österreicher'],
    CH: ['Schweizer'],
    IL: ['Israeli'],
  },
  capitals: {
    RU: ['Moskau'],
    KZ: ['Astana'],
    UA: ['Kiew'],
    US: ['Washington'],
    CN: ['Peking'],
    GB: ['London'],
    FR: ['Paris'],
    DE: ['Berlin'],
    PL: ['Warschau'],
    IT: ['Rom'],
    AT: ['Wien'],
    CZ: ['Prag'],
    GR: ['Athen'],
    BE: ['Brüssel'],
    DK: ['Kopenhagen'],
    PT: ['Lissabon'],
  },
  institutions: {
    RU: ['Kreml'],
    US: ['Weißes Haus', '=Weißen Haus', '=Weiße Haus', 'Pentagon'],
    DE: ['Bundestag', 'Bundesregierung', 'Kanzleramt', 'Bundeskanzleramt', 'Bundeskanzler', 'Bundeskanzlerin', 'Bundeswehr', 'Bundesnetzagentur', 'Bundesinnenminister', 'Bundesinnenministerium', 'Bundesverfassungsgericht', 'Bundesamt'],
  },
  languageContext: {
    after: ['Sprache', 'sprachig', 'sprachige', 'sprachigen', 'sprachiger', 'Unterricht'],
    before: ['spricht', 'sprechen', 'sprach'],
    beforeAtEnd: ['auf'],
  },
  currencyWords: ['Dollar', 'Franken', 'Pfund', 'Rubel', 'Tenge', 'Yuan'],
  blockedPhrases: ['Wiener Schnitzel', 'Wiener Würstchen', 'Berliner Pfannkuchen', 'Air Astana', 'Japanische Meer', 'Japanischen Meer', 'Kaspische Meer', 'Kaspischen Meer'],
  conjunctions: ['und', 'oder'],
  inflect,
  phraseAdjective: { test: /(e|es|er)$/, forms: (w) => inflect(w.replace(/(es|er)$/, 'e'), 'adjective') },
  everyWordDeclines: true,
};
