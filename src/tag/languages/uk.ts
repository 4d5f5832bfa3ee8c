/**
 * Ukrainian: inflection rules, terms the data packages lack, context words.
 * Rules follow the language's standard grammar (Wiktionary's declension tables are a convenient
 * reference); terms are the standard forms in the language's dictionaries; see ../README.md.
 */
import type { Inflect, LanguageRules } from './types';
import { compoundStems, endsWithAny, withStem } from './word-forms';

const ukAdjectiveEndings = [
  'ий', 'ій', 'а', 'я', 'е', 'є', 'і', 'ї', 'ого', 'ього', 'ому', 'ьому', 'им', 'ім', 'ої', 'ьої', 'у', 'ю', 'ою',
  'ьою', 'их', 'іх', 'ими', 'іми',
];

function ukNoun(w: string): string[] {
  if (w.length < 3) return [w];
  if (w.endsWith('ія')) return withStem(w.slice(0, -2), ['ія', 'ії', 'ію', 'ією', 'іє']);
  if (w.endsWith('я')) return withStem(w.slice(0, -1), ['я', 'ї', 'і', 'ю', 'єю', 'ею', 'є', 'е']);
  if (w.endsWith('а')) {
    const stem = w.slice(0, -1);
    const forms = withStem(stem, ['а', 'и', 'і', 'у', 'ою', 'о']);
    // Velars alternate before -і: Америка → Америці, Прага → Празі.
    const velar = /[кгх]$/.exec(stem);
    if (velar) forms.push(stem.slice(0, -1) + ({ к: 'ці', г: 'зі', х: 'сі' }[velar[0]] ?? ''));
    return forms;
  }
  if (w.endsWith('и')) return withStem(w.slice(0, -1), ['и', 'ів', 'ам', 'ами', 'ах']);
  if (w.endsWith('ь')) return withStem(w.slice(0, -1), ['ь', 'я', 'ю', 'ем', 'і', 'ею']);
  if (w.endsWith('й')) return withStem(w.slice(0, -1), ['й', 'ю', 'я', 'єм', 'ї']);
  if (/[бвгґджзклмнпрстфхцчшщ]$/.test(w)) {
    return withStem(w, ['', 'у', 'а', 'ові', 'ом', 'і', 'е', ...(/[жшщчц]$/.test(w) ? ['ем', 'еві'] : [])]);
  }
  return [w];
}

function ukAdjective(w: string, restricted: boolean): string[] {
  const ending = endsWithAny(w, ['ий', 'ій', 'а', 'я', 'е', 'є', 'і']);
  if (!ending) return [w];
  const stem = w.slice(0, -ending.length);
  if (!restricted) return [...withStem(stem, ukAdjectiveEndings), ...compoundStems(stem)];
  if (ending === 'а') return withStem(stem, ['а', 'ої', 'ій', 'у', 'ою']);
  if (ending === 'я') return withStem(stem, ['я', 'ьої', 'ій', 'ю', 'ьою']);
  if (ending === 'і') return withStem(stem, ['і', 'их', 'им', 'ими']);
  return withStem(stem, [ending, 'ого', 'ому', 'им', 'ім', 'ього', 'ьому']);
}

function ukDemonym(w: string): string[] {
  if (w.endsWith('анин') || w.endsWith('янин')) {
    const base = w.slice(0, -2);
    return [
      ...withStem(base, ['ин', 'ина', 'ину', 'ином', 'инові', 'ині', 'и', '', 'ам', 'ами', 'ах']),
      ...withStem(base, ['ка', 'ки', 'ці', 'ку', 'кою', 'ок', 'кам', 'ками', 'ках']),
    ];
  }
  if (w.endsWith('ець')) {
    const stem = w.slice(0, -3);
    const c = /[аеєиіїоуюя]$/.test(stem) ? 'йц' : 'ц';
    return [
      w,
      ...withStem(stem + c, ['я', 'ю', 'ем', 'еві', 'і', 'ів', 'ям', 'ями', 'ях']),
      ...withStem(stem, ['ка', 'ки', 'ці', 'ку', 'кою', 'ок', 'кам', 'ками', 'ках']),
    ];
  }
  if (/[бвгґджзклмнпрстфхцчшщ]$/.test(w)) return withStem(w, ['', 'а', 'у', 'ом', 'и', 'і', 'ів', 'ам', 'ами', 'ах']);
  return ukNoun(w);
}

const inflect: Inflect = (w, kind) => (kind === 'adjective' ? ukAdjective(w, false) : kind === 'demonym' ? ukDemonym(w) : ukNoun(w));

export const uk: LanguageRules = {
  code: 'uk',
  names: {
    RU: ['РФ'],
    US: ['Америка', 'США'],
    GB: ['Британія', 'Англія'],
    DE: ['ФРН'],
    CN: ['КНР'],
    KP: ['КНДР', 'Північна Корея'],
    KR: ['Південна Корея'],
    BY: ['Білорусь'],
    PS: ['Газа', 'сектор Гази'],
    AE: ['ОАЕ'],
  },
  adjectives: {
    RU: ['російський'],
    KZ: ['казахстанський', 'казахський'],
    UA: ['український'],
    US: ['американський'],
    GB: ['британський', 'англійський'],
    CN: ['китайський'],
    DE: ['німецький'],
    FR: ['французький'],
    TR: ['турецький'],
    BY: ['білоруський'],
    PL: ['польський'],
    JP: ['японський'],
    IN: ['індійський'],
    IR: ['іранський'],
    IL: ['ізраїльський'],
    GE: ['грузинський'],
    AM: ['вірменський'],
    AZ: ['азербайджанський'],
    MD: ['молдовський'],
    KP: ['північнокорейський'],
    KR: ['південнокорейський'],
    IT: ['італійський'],
    HU: ['угорський'],
    RO: ['румунський'],
    SK: ['словацький'],
    CZ: ['чеський'],
    LT: ['литовський'],
    LV: ['латвійський'],
    EE: ['естонський'],
    FI: ['фінський'],
    SE: ['шведський'],
    CA: ['канадський'],
  },
  demonyms: {
    RU: ['росіянин'],
    KZ: ['казахстанець', 'казах'],
    UA: ['українець'],
    US: ['американець'],
    GB: ['британець'],
    DE: ['німець'],
    BY: ['білорус'],
    PL: ['поляк'],
  },
  capitals: {
    RU: ['Москва'],
    KZ: ['Астана'],
    UA: ['Київ'],
    BY: ['Мінськ'],
    US: ['Вашингтон'],
    CN: ['Пекін'],
    GB: ['Лондон'],
    FR: ['Париж'],
    DE: ['Берлін'],
    TR: ['Анкара'],
    PL: ['Варшава'],
    MD: ['Кишинів'],
    GE: ['Тбілісі'],
    IR: ['Тегеран'],
  },
  institutions: {
    RU: ['Кремль', 'Держдума'],
    US: ['Білий дім', '=Білого дому', '=Білому домі', 'Пентагон', 'Держдеп', 'Держдепартамент'],
    UA: ['Верховна Рада'],
  },
  languageContext: {
    after: ['мова', 'мови', 'мові', 'мову', 'мовою', 'мов'],
    before: [],
    beforeAtEnd: [],
  },
  currencyWords: ['долар', 'долара', 'доларів'],
  conjunctions: ['та', 'і'],
  inflect,
  phraseAdjective: { test: /(ий|ій|на|ка|ла|ра|та|не|ні|ке|кі|ле|лі)$/, forms: (w) => ukAdjective(w, true) },
  everyWordDeclines: true,
};
