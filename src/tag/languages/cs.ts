/**
 * Czech: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { endsWithAny, withStem } from './word-forms';

export function csNoun(w: string, slovak: boolean): string[] {
  if (w.length < 3) return [w];
  const extra = slovak ? ['om', 'ou', 'ách', 'ov'] : [];
  if (w.endsWith('ie')) return withStem(w.slice(0, -2), ['ie', 'ii', 'ií', 'iou', ...(slovak ? ['iu'] : [])]);
  if (w.endsWith('ko')) return withStem(w.slice(0, -2), ['ko', 'ka', 'ku', 'kem', 'kom', 'ce']);
  if (w.endsWith('o')) return withStem(w.slice(0, -1), ['o', 'a', 'u', 'em', 'om', 'ě', 'e']);
  if (w.endsWith('ka')) return withStem(w.slice(0, -2), ['ka', 'ky', 'ce', 'ku', 'kou', 'ke']);
  if (w.endsWith('a')) return withStem(w.slice(0, -1), ['a', 'y', 'e', 'ě', 'u', 'ou', 'i', ...extra]);
  if (w.endsWith('y')) return withStem(w.slice(0, -1), ['y', '', 'ám', 'ách', 'ami', 'ů', 'ům', 'ech', ...extra]);
  if (/[bcčdďfghjklmnňpqrřsštťvwxzž]$/.test(w)) return withStem(w, ['', 'u', 'a', 'em', 'e', 'ě', 'ovi', 'i', ...extra]);
  return [w];
}

/** Masculine animate plural of an adjective in -ský/-cký: český → čeští, ruský → ruští. */
function csAnimatePlural(stem: string): string[] {
  if (stem.endsWith('sk')) return [`${stem.slice(0, -2)}šť${'í'}`];
  if (stem.endsWith('ck')) return [`${stem.slice(0, -2)}čt${'í'}`];
  return [];
}

export function csAdjective(w: string, slovak: boolean): string[] {
  const ending = endsWithAny(w, ['ý', 'á', 'é', 'í', 'y', 'a']);
  if (!ending) return [w];
  const endings = slovak
    ? ['ý', 'á', 'é', 'ého', 'ému', 'om', 'ým', 'ou', 'ej', 'ú', 'ých', 'ými', 'í']
    : ['ý', 'á', 'é', 'ého', 'ému', 'ém', 'ým', 'ou', 'ých', 'ými', 'í'];
  const stem = w.slice(0, -1);
  // The first element of a compound adjective (česko-kazašský, čínsko-ruský) ends in -o.
  return [...withStem(stem, endings), ...(slovak ? [] : csAnimatePlural(stem)), `${stem}o`];
}

const inflect: Inflect = (w, kind) => (kind === 'name' ? csNoun(w, false) : kind === 'adjective' ? csAdjective(w, false) : csNoun(w, false));

export const cs: LanguageRules = {
  code: 'cs',
  demonyms: { RU: ['Rus', '=Rusové', '=Rusů', '=Rusy'], CZ: ['Čech', '=Češi', '=Čechů'], TJ: ['Tádžik', '=Tádžikové'], KG: ['Kyrgyz', '=Kyrgyzové'], KZ: ['Kazach', '=Kazaši'], UZ: ['Uzbek', '=Uzbekové'], US: ['Američan'], UA: ['Ukrajinec'] },
  languageContext: { after: ['jazyk', 'jazyce', 'jazyka', 'jazykem', 'jazyky'], before: ['ruštině', 'v'], beforeAtEnd: [] },
  blockedPhrases: ['ruská ruleta', 'ruskou ruletu', 'ruské rulety', 'vlašský salát', 'řeka Jordán', 'Kaspické moře'],
  names: {
    US: ['USA', 'Amerika'],
    GB: ['Británie', 'Anglie'],
    CZ: ['Česko', 'ČR'],
  },
  adjectives: {
    RU: ['ruský'],
    KZ: ['kazašský', 'kazachstánský'],
    UA: ['ukrajinský'],
    IT: ['italský'],
    TM: ['turkmenský'],
    US: ['americký'],
    DE: ['německý'],
    CZ: ['český'],
    CN: ['čínský'],
  },
  capitals: {
    RU: ['Moskva'],
    KZ: ['Astana'],
    UA: ['Kyjev'],
    CZ: ['Praha', '=Praze'],
  },
  institutions: {
    CZ: ['Strakova akademie', 'Pražský hrad'],
    RU: ['Kreml'],
    US: ['Bílý dům', '=Bílého domu', '=Bílém domě'],
  },
  inflect,
  phraseAdjective: { test: /(ý|á|é|í)$/, forms: (w) => csAdjective(w, false) },
  everyWordDeclines: true,
};
