/**
 * Portuguese: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { withStem } from './word-forms';

const inflect: Inflect = (w, kind) => {
  if (kind === 'name') return [w];
  if (w.endsWith('o')) return withStem(w.slice(0, -1), ['o', 'a', 'os', 'as']);
  if (w.endsWith('ês')) return [w, w.slice(0, -2) + 'esa', w.slice(0, -2) + 'eses', w.slice(0, -2) + 'esas'];
  if (w.endsWith('e') || w.endsWith('a')) return [w, w + 's'];
  return [w, w + 'a', w + 'as', w + 'es', w + 's'];
};

export const pt: LanguageRules = {
  code: 'pt',
  qualifiersBefore: ['rublo', 'rublos', 'tenge', 'dólar', 'yuan', 'real', 'reais', 'euro', 'libra', 'rupia'],
  blockedPhrases: ['montanha-russa', 'montanha russa', 'roleta-russa', 'roleta russa', 'salada russa', 'Rio Jordão', 'mar do Japão', 'Air Astana'],
  names: {
    US: ['EUA', 'Estados Unidos', 'América'],
    GB: ['Inglaterra', 'Grã-Bretanha'],
    IR: ['Irão', 'Irã'],
  },
  adjectives: {
    RU: ['russo'],
    KZ: ['cazaque'],
    JO: ['jordano'],
    TM: ['turcomeno'],
    US: ['americano', 'norte-americano', 'estadunidense', 'estado-unidense'],
    UA: ['ucraniano'],
    CN: ['chinês'],
    DE: ['alemão', '=alemã', '=alemães'],
    GB: ['britânico', 'inglês'],
    PT: ['português', 'luso'],
    ES: ['espanhol'],
    FR: ['francês'],
    IT: ['italiano'],
    JP: ['japonês'],
    IL: ['israelita', 'israelense', 'israeliano'],
    PS: ['palestiniano', 'palestino'],
    IR: ['iraniano'],
    CA: ['canadiano', 'canadense'],
    BR: ['brasileiro'],
    AO: ['angolano'],
    MZ: ['moçambicano'],
    CV: ['cabo-verdiano'],
    KR: ['sul-coreano'],
    KP: ['norte-coreano'],
    AF: ['afegão', '=afegã', '=afegãos'],
    IN: ['indiano'],
    MX: ['mexicano'],
    VE: ['venezuelano'],
    SY: ['sírio'],
    IQ: ['iraquiano'],
    TR: ['turco'],
    GR: ['grego'],
    NL: ['holandês', 'neerlandês'],
    CH: ['suíço'],
    SE: ['sueco'],
  },
  capitals: {
    RU: ['Moscovo', 'Moscou'],
    UA: ['Kiev', 'Kyiv'],
    CN: ['Pequim'],
    GB: ['Londres'],
    PT: ['Lisboa'],
    DE: ['Berlim'],
    FR: ['Paris'],
    ES: ['Madrid'],
    BE: ['Bruxelas'],
    IT: ['Roma'],
    US: ['Washington'],
    BR: ['Brasília'],
    AO: ['Luanda'],
    MZ: ['Maputo'],
  },
  institutions: {
    BR: ['Planalto', 'Itamaraty'],
    RU: ['Kremlin'],
    US: ['Casa Branca'],
  },
  languageContext: {
    after: ['idioma', 'língua'],
    // «em russo» is the language whatever follows.
    before: ['fala', 'falam', 'falar', 'em'],
    beforeAtEnd: [],
  },
  conjunctions: ['e'],
  inflect,
};
