/**
 * Spanish: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const inflect: Inflect = (w, kind) => {
  if (kind === 'name') return [w];
  if (w.endsWith('o')) return withStem(w.slice(0, -1), ['o', 'a', 'os', 'as']);
  if (w.endsWith('e') || w.endsWith('a')) return [w, w + 's'];
  return [w, w + 'a', w + 'as', w + 'es'];
};

export const es: LanguageRules = {
  code: 'es',
  names: {
    US: ['EEUU', 'EE. UU.', 'Estados Unidos'],
    GB: ['Inglaterra', 'Gran Bretaña'],
    AE: ['Emiratos', 'Emiratos Árabes'],
    PS: ['Gaza', 'Cisjordania'],
  },
  adjectives: {
    RU: ['ruso'],
    KZ: ['kazajo'],
    US: ['estadounidense', 'norteamericano'],
    UA: ['ucraniano'],
    CN: ['chino'],
    DE: ['alemán'],
    GB: ['británico', 'inglés'],
    ES: ['español', 'hispano'],
    IL: ['israelí'],
    JO: ['jordano'],
    IR: ['iraní'],
    TR: ['turco'],
    FR: ['francés'],
    IT: ['italiano', 'italo'],
    UZ: ['uzbeko'],
    KG: ['kirguís'],
    TJ: ['tayiko'],
    TM: ['turkmeno'],
    AZ: ['azerbaiyano'],
    AM: ['armenio'],
    GE: ['georgiano'],
    JP: ['japonés'],
    PL: ['polaco'],
    BY: ['bielorruso'],
    MN: ['mongol'],
    IN: ['indio'],
    PK: ['paquistaní', 'pakistaní'],
    AF: ['afgano'],
    PS: ['palestino'],
  },
  capitals: {
    RU: ['Moscú'],
    UA: ['Kiev'],
    CN: ['Pekín'],
    GB: ['Londres'],
    PT: ['Lisboa'],
    DE: ['Berlín'],
    FR: ['París'],
    KZ: ['Astaná', 'Astana'],
    UZ: ['Taskent', 'Tashkent'],
    KG: ['Biskek', 'Bishkek'],
    TJ: ['Dusambé', 'Dushanbe'],
    GE: ['Tiflis'],
    IR: ['Teherán'],
    AZ: ['Bakú'],
    AM: ['Ereván'],
    TR: ['Ankara'],
    JP: ['Tokio'],
    US: ['Washington'],
  },
  institutions: {
    RU: ['Kremlin'],
    US: ['Casa Blanca', 'Pentágono'],
    ES: ['La Moncloa', 'Moncloa'],
  },
  languageContext: {
    after: ['idioma', 'lengua'],
    before: ['habla', 'hablan', 'hablar'],
    beforeAtEnd: [],
  },
  currencyWords: ['dólar', 'dólares'],
  // «el rublo ruso», «el tenge kazajo»: the currency comes first.
  qualifiersBefore: ['rublo', 'rublos', 'tenge', 'peso', 'pesos', 'dólar', 'yuan', 'yen', 'real', 'euro', 'libra', 'rupia', 'som', 'lari', 'manat'],
  blockedPhrases: ['montaña rusa', 'ensalada rusa', 'ruleta rusa', 'gripe española', 'tortilla española', 'mar de Japón', 'río Jordán', 'estado estadounidense de Georgia', 'Air Astana'],
  conjunctions: ['y'],
  inflect,
};
