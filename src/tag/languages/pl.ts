/**
 * Polish: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { endsWithAny, withStem } from './word-forms';

function plNoun(w: string): string[] {
  if (w.length < 3) return [w];
  if (w.endsWith('ja')) return withStem(w.slice(0, -2), ['ja', 'ji', 'ję', 'ją', 'jo']);
  if (w.endsWith('ia')) return withStem(w.slice(0, -2), ['ia', 'ii', 'ię', 'ią']);
  if (w.endsWith('ie')) return withStem(w.slice(0, -2), ['ie', 'ii', 'iom', 'iami', 'iach']);
  if (w.endsWith('a')) {
    const stem = w.slice(0, -1);
    const locative: Record<string, string> = {
      k: 'ce', g: 'dze', ch: 'sze', r: 'rze', t: 'cie', d: 'dzie', n: 'nie', ł: 'le', w: 'wie', m: 'mie', b: 'bie',
      p: 'pie', s: 'sie', z: 'zie', f: 'fie', l: 'li',
    };
    const last = stem.endsWith('ch') ? 'ch' : stem.slice(-1);
    const softened = locative[last];
    const forms = withStem(stem, ['a', 'y', 'i', 'ę', 'ą', 'o', 'e']);
    if (softened) forms.push(stem.slice(0, -last.length) + softened);
    return forms;
  }
  if (w.endsWith('o')) return withStem(w.slice(0, -1), ['o', 'a', 'u', 'em', 'ie', 'zie']);
  // Plural names end in -y (Chiny, Węgry, Stany); names in -i (Mali, Malawi) do not decline.
  if (w.endsWith('y')) return withStem(w.slice(0, -1), ['y', '', 'ów', 'om', 'ami', 'ach']);
  if (/[bcćdfghjklłmnńprsśtwzźż]$/.test(w)) {
    const forms = withStem(w, ['', 'u', 'a', 'owi', 'em', 'ie', 'e']);
    if (/[kg]$/.test(w)) forms.push(w + 'iem');
    if (w.endsWith('t')) forms.push(w.slice(0, -1) + 'cie');
    if (w.endsWith('d')) forms.push(w.slice(0, -1) + 'dzie');
    if (w.endsWith('r')) forms.push(w + 'ze');
    return forms;
  }
  return [w];
}

function plAdjective(w: string, restricted: boolean): string[] {
  const ending = endsWithAny(w, ['i', 'y', 'a', 'e']);
  if (!ending) return [w];
  const stem = w.slice(0, -1);
  const soft = /[kg]$/.test(stem);
  const all = soft
    ? ['i', 'a', 'ie', 'iego', 'iemu', 'im', 'ą', 'ej', 'ich', 'imi']
    : ['y', 'a', 'e', 'ego', 'emu', 'ym', 'ą', 'ej', 'ych', 'ymi'];
  // Masculine personal plural (polski → polscy, niemiecki → niemieccy) and the first element of
  // a compound adjective (rosyjsko-kazachska, polsko-kazachskie).
  const personal = stem.endsWith('sk') ? [`${stem.slice(0, -2)}scy`] : stem.endsWith('ck') ? [`${stem.slice(0, -2)}ccy`] : [];
  if (!restricted) return [...withStem(stem, all), ...personal, `${stem}o`];
  if (ending === 'a') return withStem(stem, ['a', 'ej', 'ą']);
  if (ending === 'e') return withStem(stem, soft ? ['ie', 'ich', 'im', 'imi'] : ['e', 'ych', 'ym', 'ymi']);
  return withStem(stem, all);
}

function plDemonym(w: string): string[] {
  if (w.endsWith('anin')) {
    const base = w.slice(0, -2);
    return [
      ...withStem(base, ['in', 'ina', 'inowi', 'inem', 'inie', 'ie', '', 'om', 'ami', 'ach']),
      ...withStem(base, ['ka', 'ki', 'ce', 'kę', 'ką', 'ek', 'kom', 'kami', 'kach']),
    ];
  }
  if (w.endsWith('iec')) {
    const stem = w.slice(0, -3);
    return [w, ...withStem(stem, ['ca', 'cowi', 'cem', 'cu', 'cy', 'ców', 'com', 'cami', 'cach', 'ka', 'ki', 'ce', 'kę', 'ką'])];
  }
  if (w.endsWith('ka')) return plNoun(w);
  return withStem(w, ['', 'a', 'owi', 'em', 'ie', 'owie', 'ów', 'om', 'ami', 'ach', 'i', 'y']);
}

const inflect: Inflect = (w, kind) => (kind === 'adjective' ? plAdjective(w, false) : kind === 'demonym' ? plDemonym(w) : plNoun(w));

export const pl: LanguageRules = {
  code: 'pl',
  languageContext: { after: ['język', 'języku', 'języka', 'językiem'], before: ['języku', 'język', 'językiem', 'po'], beforeAtEnd: [] },
  blockedPhrases: ['rosyjska ruletka', 'rosyjską ruletkę', 'rosyjskiej ruletki', 'rzeka Jordan', 'Morze Kaspijskie', 'stan Georgia'],
  names: {
    US: ['USA', 'Ameryka'],
    GB: ['Anglia'],
    CZ: ['Czechy'],
    DE: ['=Niemiec', '=Niemcom', '=Niemczech'],
  },
  adjectives: {
    RU: ['rosyjski'],
    KZ: ['kazachski', 'kazachstański'],
    UA: ['ukraiński'],
    US: ['amerykański'],
    GB: ['brytyjski', 'angielski'],
    DE: ['niemiecki'],
    CN: ['chiński'],
    FR: ['francuski'],
    PL: ['polski'],
    BY: ['białoruski'],
    TR: ['turecki'],
  },
  demonyms: {
    TJ: ['Tadżyk', '=Tadżycy'],
    KG: ['Kirgiz', '=Kirgizi'],
    PL: ['=Polacy', '=Polaków'],
    RU: ['Rosjanin'],
    KZ: ['Kazach'],
    UA: ['Ukrainiec'],
    US: ['Amerykanin'],
    DE: ['=Niemiec', '=Niemcy', '=Niemców'],
    GB: ['Brytyjczyk'],
  },
  capitals: {
    RU: ['Moskwa'],
    KZ: ['Astana'],
    UA: ['Kijów', '=Kijowa', '=Kijowie', '=Kijowem'],
    US: ['Waszyngton'],
    CN: ['Pekin'],
    GB: ['Londyn'],
    PL: ['Warszawa'],
    DE: ['Berlin'],
    BY: ['Mińsk'],
  },
  institutions: {
    RU: ['Kreml', '=Kremla', '=Kremlowi', '=Kremlem', '=Kremlu'],
    US: ['Biały Dom', '=Białego Domu', '=Białym Domu'],
  },
  conjunctions: ['i'],
  inflect,
  phraseAdjective: { test: /(ski|ska|skie|cki|cka|ckie|one|ona|ony|owa|owe|owy|lka|lki|lkie)$/, forms: (w) => plAdjective(w, true) },
  everyWordDeclines: true,
  adjectivesEitherSide: true,
};
