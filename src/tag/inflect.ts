/**
 * Declension and suffix rules: from a dictionary form (a country name, an adjective, a demonym)
 * to the finite set of surface forms a text may use, so that matching stays an exact lookup.
 *
 * Contract: `inflectWord(word, lang, kind)` takes one lower-case word (NFC, with its diacritics:
 * vowel harmony needs them) and returns the word itself plus the forms that the language's
 * declension class for that ending allows. Nothing here is a prefix match: "Иран" yields
 * Ирана/Ирану/Ираном/Иране, never Ирандык; "Indien" yields Indiens, never Indianer. Forms that do
 * not exist in the language may be produced (the rules take the union of near classes rather
 * than guess a noun's gender); they cost a map entry and match nothing. Languages without rules
 * here (English names, French, Spanish, Chinese…) return the word, plus plural/gender forms for
 * adjectives and demonyms where the language marks them.
 *
 * The rules follow the standard grammars of each language (the declension tables of Wiktionary
 * are a convenient reference). They cover the endings country names, demonyms and adjectives
 * actually have; they are not a general morphological analyser.
 */

export type WordKind = 'name' | 'adjective' | 'demonym';

/** Languages that have rules here (others are matched in their dictionary form). */
export const inflectedLanguages = [
  'ru', 'uk', 'be', 'kk', 'pl', 'cs', 'sk', 'de', 'tr', 'fi', 'hu', 'el', 'en', 'fr', 'es', 'pt', 'it', 'ko', 'ur',
] as const;

type Rule = (word: string, kind: WordKind) => string[];

function withStem(stem: string, endings: readonly string[]): string[] {
  return endings.map((ending) => stem + ending);
}

function endsWithAny(word: string, endings: readonly string[]): string | null {
  for (const ending of endings) if (word.endsWith(ending)) return ending;
  return null;
}

// ---------------------------------------------------------------- Russian

const ruAdjectiveEndings = [
  'ий', 'ый', 'ой', 'ая', 'яя', 'ое', 'ее', 'ие', 'ые', 'ого', 'его', 'ому', 'ему', 'им', 'ым', 'ом', 'ем', 'ей',
  'ую', 'юю', 'их', 'ых', 'ими', 'ыми', 'ою', 'ею',
];

function ruNoun(w: string): string[] {
  if (w.length < 3) return [w];
  if (w.endsWith('ия')) return withStem(w.slice(0, -2), ['ия', 'ии', 'ию', 'ией', 'иею']);
  if (w.endsWith('я')) return withStem(w.slice(0, -1), ['я', 'и', 'е', 'ю', 'ей', 'ею']);
  if (w.endsWith('а')) {
    const stem = w.slice(0, -1);
    const soft = /[гкхжшщч]$/.test(stem);
    return withStem(stem, ['а', soft ? 'и' : 'ы', 'е', 'у', 'ой', 'ою', ...(/[жшщчц]$/.test(stem) ? ['ей', 'ею'] : [])]);
  }
  if (w.endsWith('ы')) return withStem(w.slice(0, -1), ['ы', 'ов', 'ам', 'ами', 'ах']);
  if (w.endsWith('ь')) return withStem(w.slice(0, -1), ['ь', 'я', 'ю', 'ем', 'ём', 'е', 'и']);
  if (w.endsWith('й')) return withStem(w.slice(0, -1), ['й', 'я', 'ю', 'ем', 'ём', 'е']);
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(w)) return withStem(w, ['', 'а', 'у', 'ом', 'е', ...(/[жшщчц]$/.test(w) ? ['ем'] : [])]);
  return [w];
}

/**
 * The first element of a compound adjective (российско-казахстанские, українсько-польський,
 * американо-китайские): the stem with the linking vowel -о, and for -ск- stems also the short
 * form without -ск- (американо-, британо-, ирано-), which only exists as a first element.
 * The short form needs a stem of four letters or more: чад-ск-ий would give "чадо" (a child).
 */
function compoundStems(stem: string): string[] {
  const forms = [`${stem}о`];
  const short = stem.replace(/ськ$|ск$/, '');
  if (short !== stem && short.length >= 4) forms.push(`${short}о`);
  return forms;
}

function ruAdjective(w: string, restricted: boolean): string[] {
  const ending = endsWithAny(w, ['ий', 'ый', 'ой', 'ая', 'яя', 'ое', 'ее', 'ие', 'ые']);
  if (!ending) return [w];
  const stem = w.slice(0, -2);
  if (!restricted) return [...withStem(stem, ruAdjectiveEndings), ...compoundStems(stem)];
  // In a phrase the adjective agrees with its noun: keep the forms of its gender and number.
  if (ending === 'ая') return withStem(stem, ['ая', 'ой', 'ую', 'ою']);
  if (ending === 'яя') return withStem(stem, ['яя', 'ей', 'юю', 'ею']);
  if (ending === 'ие' || ending === 'ые') return withStem(stem, ['ие', 'ые', 'их', 'ых', 'им', 'ым', 'ими', 'ыми']);
  return withStem(stem, [ending, 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ом', 'ем']);
}

function ruDemonym(w: string): string[] {
  if (w.endsWith('анин') || w.endsWith('янин')) {
    const base = w.slice(0, -2);
    return [
      ...withStem(base, ['ин', 'ина', 'ину', 'ином', 'ине', 'е', '', 'ам', 'ами', 'ах']),
      ...withStem(base, ['ка', 'ки', 'ке', 'ку', 'кой', 'кою', 'ок', 'кам', 'ками', 'ках']),
    ];
  }
  if (w.endsWith('ец')) {
    const stem = w.slice(0, -2);
    const vowelStem = /[аеёиоуыэюя]$/.test(stem);
    return [
      w,
      ...withStem(stem + (vowelStem ? 'йц' : 'ц'), ['а', 'у', 'ем', 'е', 'ы', 'ев', 'ам', 'ами', 'ах']),
      // The feminine in -ка follows consonant stems only (украинка; китаец → китаянка is irregular).
      ...(vowelStem ? [] : withStem(stem, ['ка', 'ки', 'ке', 'ку', 'кой', 'ок', 'кам', 'ками', 'ках'])),
    ];
  }
  if (w.endsWith('ка')) return ruNoun(w).concat(withStem(w.slice(0, -2), ['ок']));
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(w)) {
    return withStem(w, ['', 'а', 'у', 'ом', 'е', 'ы', 'и', 'ов', 'ам', 'ами', 'ах']);
  }
  return ruNoun(w);
}

const ru: Rule = (w, kind) => (kind === 'adjective' ? ruAdjective(w, false) : kind === 'demonym' ? ruDemonym(w) : ruNoun(w));

// ---------------------------------------------------------------- Ukrainian

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

const uk: Rule = (w, kind) => (kind === 'adjective' ? ukAdjective(w, false) : kind === 'demonym' ? ukDemonym(w) : ukNoun(w));

// ---------------------------------------------------------------- Belarusian

function beNoun(w: string): string[] {
  if (w.length < 3) return [w];
  if (w.endsWith('ія')) return withStem(w.slice(0, -2), ['ія', 'іі', 'ію', 'іяй', 'іяю']);
  if (w.endsWith('я')) return withStem(w.slice(0, -1), ['я', 'і', 'ю', 'яй', 'яю', 'е']);
  if (w.endsWith('а')) return withStem(w.slice(0, -1), ['а', 'ы', 'і', 'е', 'у', 'ай', 'аю', 'ой', 'ою']);
  if (w.endsWith('ь') || w.endsWith('й')) return withStem(w.slice(0, -1), [w.slice(-1), 'я', 'ю', 'ем', 'і']);
  if (/[бвгджзклмнпрстўфхцчш]$/.test(w)) return withStem(w, ['', 'а', 'у', 'ам', 'е', 'ы', 'і']);
  return [w];
}

function beAdjective(w: string): string[] {
  const ending = endsWithAny(w, ['і', 'ы', 'ая', 'ае']);
  if (!ending) return [w];
  return withStem(w.slice(0, -ending.length), ['і', 'ы', 'ая', 'ое', 'ае', 'ія', 'ыя', 'ага', 'аму', 'ім', 'ым', 'ую', 'ай', 'іх', 'ых', 'імі', 'ымі']);
}

const be: Rule = (w, kind) => (kind === 'name' ? beNoun(w) : beAdjective(w));

// ---------------------------------------------------------------- Kazakh

const kkVowels = 'аәеёиоөуұүыіэюя';

function kkCaseForms(w: string): string[] {
  let back = true;
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i] ?? '';
    if ('аоұыяё'.includes(ch)) break;
    if ('әеөүіэи'.includes(ch)) {
      back = false;
      break;
    }
  }
  const A = back ? 'а' : 'е';
  const Y = back ? 'ы' : 'і';
  const G = back ? 'ғ' : 'г';
  const Q = back ? 'қ' : 'к';
  const endsVowel = kkVowels.includes(w.slice(-1));
  // The initial consonant of a suffix assimilates to the stem's last sound; taking the union of
  // the variants is safe (the stem carries the meaning) and spares a table of exceptions.
  const suffixes = [
    `н${Y}ң`, `д${Y}ң`, `т${Y}ң`, // genitive
    `${G}${A}`, `${Q}${A}`, // dative
    `н${Y}`, `д${Y}`, `т${Y}`, // accusative
    `д${A}`, `т${A}`, // locative
    `д${A}н`, `т${A}н`, `н${A}н`, // ablative
    'мен', 'бен', 'пен', // instrumental
    `д${A}${G}${Y}`, `т${A}${G}${Y}`, // locative + attributive -ғы ("in Kazakhstan's")
    `л${Y}${Q}`, `д${Y}${Q}`, `т${Y}${Q}`, // -лық: "of Kazakhstan", "Kazakhstani"
    `л${Y}${Q}т${A}р`, `д${Y}${Q}т${A}р`, `т${Y}${Q}т${A}р`,
    `л${A}р`, `д${A}р`, `т${A}р`, // plural
  ];
  if (endsVowel) {
    // Possessive third person (Республикасы) takes -н- before case endings.
    suffixes.push(`н${A}`, 'н', `нд${A}`, `н${A}н`, `нд${A}${G}${Y}`, `${Y}`);
  } else {
    suffixes.push(`${Y}`, `${Y}н${A}`, `${Y}нд${A}`, `${Y}н${A}н`, `${Y}н${Y}ң`);
  }
  return [w, ...withStem(w, suffixes)];
}

const kk: Rule = (w) => (w.length < 3 ? [w] : kkCaseForms(w));

// ---------------------------------------------------------------- Polish

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
  if (!restricted) return withStem(stem, all);
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

const pl: Rule = (w, kind) => (kind === 'adjective' ? plAdjective(w, false) : kind === 'demonym' ? plDemonym(w) : plNoun(w));

// ---------------------------------------------------------------- Czech and Slovak

function csNoun(w: string, slovak: boolean): string[] {
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

function csAdjective(w: string, slovak: boolean): string[] {
  const ending = endsWithAny(w, ['ý', 'á', 'é', 'í', 'y', 'a']);
  if (!ending) return [w];
  const endings = slovak
    ? ['ý', 'á', 'é', 'ého', 'ému', 'om', 'ým', 'ou', 'ej', 'ú', 'ých', 'ými', 'í']
    : ['ý', 'á', 'é', 'ého', 'ému', 'ém', 'ým', 'ou', 'ých', 'ými', 'í'];
  return withStem(w.slice(0, -1), endings);
}

const cs: Rule = (w, kind) => (kind === 'name' ? csNoun(w, false) : kind === 'adjective' ? csAdjective(w, false) : csNoun(w, false));
const sk: Rule = (w, kind) => (kind === 'name' ? csNoun(w, true) : kind === 'adjective' ? csAdjective(w, true) : csNoun(w, true));

// ---------------------------------------------------------------- German

const de: Rule = (w, kind) => {
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

// ---------------------------------------------------------------- Turkish

function trHarmony(w: string): { two: string; four: string } {
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i] ?? '';
    if ('aı'.includes(ch)) return { two: 'a', four: 'ı' };
    if ('ou'.includes(ch)) return { two: 'a', four: 'u' };
    if ('ei'.includes(ch)) return { two: 'e', four: 'i' };
    if ('öü'.includes(ch)) return { two: 'e', four: 'ü' };
  }
  return { two: 'a', four: 'ı' };
}

const tr: Rule = (w, kind) => {
  // Case endings of proper names follow an apostrophe, which the tokenizer splits off
  // (Türkiye'nin → türkiye + nin). What remains are derivations written without one.
  const { two, four } = trHarmony(w);
  const plural = `l${two}r`;
  const pluralHarmony = two === 'a' ? 'ı' : 'i';
  const pluralCases = ['', `${pluralHarmony}n`, `${pluralHarmony}`, `${two}`, `l${two}`, `d${two}`, `d${two}n`, `${pluralHarmony}n${pluralHarmony}`];
  if (kind === 'name') {
    const li = `${w}l${four}`;
    const liHarmony = trHarmony(li);
    const liPlural = `l${liHarmony.two}r`;
    return [w, li, ...pluralCases.map((c) => li + liPlural + c), li + 'y' + liHarmony.four];
  }
  // Demonyms and adjectives (Rus, Kazak): plural and case endings without an apostrophe.
  return [w, ...pluralCases.map((c) => w + plural + c)];
};

// ---------------------------------------------------------------- Finnish

function fiForms(w: string, kind: WordKind): string[] {
  let back = true;
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i] ?? '';
    if ('aou'.includes(ch)) break;
    if ('äöy'.includes(ch)) {
      back = false;
      break;
    }
  }
  const a = back ? 'a' : 'ä';
  if (kind !== 'name' && w.endsWith('inen')) {
    const stem = w.slice(0, -4);
    return withStem(stem, [
      'inen', 'isen', 'iset', 'isten', `ist${a}`, `isi${a}`, 'isiin', 'iseen', `isess${a}`, `isest${a}`, 'iselle',
      `isell${a}`, `iselt${a}`, `isen${a}`, 'iseksi', `isiss${a}`, `isist${a}`, 'isille', `isill${a}`, `isilt${a}`, `isin${a}`,
    ]);
  }
  // Consonant-final loan names take a linking -i- (Kazakstan → Kazakstanin, Iran → Iranissa).
  const stems = /[aeiouyäö]$/.test(w) ? [w] : [w + 'i'];
  const strong = stems[0] ?? w;
  // Consonant gradation in the weak grade: Turkki → Turkin, Ranska keeps its stem.
  const gradation = /(kk|pp|tt)([aeiouyäö])$/.exec(strong);
  if (gradation) stems.push(strong.slice(0, -3) + (gradation[1] ?? '').slice(1) + (gradation[2] ?? ''));
  const forms = new Set<string>([w]);
  const last = strong.slice(-1);
  for (const stem of stems) {
    for (const ending of ['n', `ss${a}`, `st${a}`, `ll${a}`, `lt${a}`, 'lle', `n${a}`, 'ksi', 't', `${a}`, `t${a}`]) forms.add(stem + ending);
  }
  forms.add(strong + last + 'n'); // illative: Venäjään, Kiinaan, Kazakstaniin
  forms.add(strong + 'h' + last + 'n');
  return [...forms];
}

const fi: Rule = (w, kind) => (w.length < 3 ? [w] : fiForms(w, kind));

// ---------------------------------------------------------------- Hungarian

const hu: Rule = (w, kind) => {
  if (w.length < 3) return [w];
  let back = true;
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i] ?? '';
    if ('aáoóuú'.includes(ch)) break;
    if ('eéiíöőüű'.includes(ch)) {
      back = false;
      break;
    }
  }
  // Final a/e lengthen before a suffix: Kína → Kínában.
  const stem = w.endsWith('a') ? w.slice(0, -1) + 'á' : w.endsWith('e') ? w.slice(0, -1) + 'é' : w;
  const vowelFinal = /[aáeéiíoóöőuúüű]$/.test(stem);
  const last = stem.slice(-1);
  const pairs = back
    ? ['ban', 'ba', 'ból', 'ról', 'ra', 'nak', 'hoz', 'tól', 'on', 'n', 't', 'ot', 'at', 'ért', 'ig', 'i', 'ként', 'ok', 'okat', 'ul']
    : ['ben', 'be', 'ből', 'ről', 're', 'nek', 'hez', 'höz', 'től', 'en', 'ön', 'n', 't', 'et', 'öt', 'ért', 'ig', 'i', 'ként', 'ek', 'eket', 'ül'];
  const comitative = vowelFinal ? (back ? 'val' : 'vel') : last + (back ? 'al' : 'el');
  const forms = [w, ...withStem(stem, pairs), stem + comitative];
  if (kind === 'name') forms.push(...withStem(stem + 'i', ['', 'ak', 'akat', 'ek', 'eket']));
  return forms;
};

// ---------------------------------------------------------------- Greek

const el: Rule = (w, kind) => {
  if (w.length < 3) return [w];
  // Accents are folded when matching, so the stress shifts of declension need no rule.
  if (w.endsWith('ος') || w.endsWith('ός')) {
    const stem = w.slice(0, -2);
    return withStem(stem, ['ος', 'ου', 'ο', 'ε', 'οι', 'ων', 'ους', ...(kind === 'name' ? [] : ['η', 'ης', 'α', 'ες', 'ίδα', 'ίδας', 'ίδες'])]);
  }
  if (w.endsWith('ες')) return withStem(w.slice(0, -2), ['ες', 'ων']);
  if (/[αάηή]$/.test(w)) return [w, w + 'ς'];
  if (kind !== 'name' && /[ήό]$/.test(w)) return withStem(w.slice(0, -1), ['ή', 'ής', 'ό', 'ού', 'οί', 'ών', 'ά', 'ές', 'ούς']);
  return [w];
};

// ---------------------------------------------------------------- English, Romance

const en: Rule = (w, kind) => {
  if (kind === 'name') return [w];
  if (/(s|sh|ch|x|z|ese)$/.test(w)) return [w];
  if (w.endsWith('man')) return [w, w.slice(0, -3) + 'men'];
  return [w, w + 's'];
};

const fr: Rule = (w, kind) => {
  if (kind === 'name') return [w];
  if (w.endsWith('e')) return [w, w + 's'];
  const doubled = /(n|l|t)$/.test(w) ? [w + w.slice(-1) + 'e', w + w.slice(-1) + 'es'] : [];
  return [w, w + 's', w + 'e', w + 'es', ...doubled];
};

const es: Rule = (w, kind) => {
  if (kind === 'name') return [w];
  if (w.endsWith('o')) return withStem(w.slice(0, -1), ['o', 'a', 'os', 'as']);
  if (w.endsWith('e') || w.endsWith('a')) return [w, w + 's'];
  return [w, w + 'a', w + 'as', w + 'es'];
};

const pt: Rule = (w, kind) => {
  if (kind === 'name') return [w];
  if (w.endsWith('o')) return withStem(w.slice(0, -1), ['o', 'a', 'os', 'as']);
  if (w.endsWith('ês')) return [w, w.slice(0, -2) + 'esa', w.slice(0, -2) + 'eses', w.slice(0, -2) + 'esas'];
  if (w.endsWith('e') || w.endsWith('a')) return [w, w + 's'];
  return [w, w + 'a', w + 'as', w + 'es', w + 's'];
};

const it: Rule = (w, kind) => {
  if (kind === 'name') return [w];
  if (w.endsWith('o')) return withStem(w.slice(0, -1), ['o', 'a', 'i', 'e']);
  if (w.endsWith('e')) return withStem(w.slice(0, -1), ['e', 'i']);
  return [w];
};

// ---------------------------------------------------------------- Korean, Urdu

const koParticles = ['은', '는', '이', '가', '을', '를', '의', '에', '에서', '와', '과', '로', '으로', '도', '군', '인'];

const ko: Rule = (w) => [w, ...withStem(w, koParticles)];

const ur: Rule = (w) => {
  // The adjective/demonym suffix -ی: پاکستان → پاکستانی, امریکہ → امریکی.
  if (w.endsWith('ہ') || w.endsWith('ه')) return [w, w.slice(0, -1) + 'ی'];
  if (w.endsWith('ی') || w.endsWith('ا')) return [w];
  return [w, w + 'ی'];
};

const rules: Record<string, Rule> = { ru, uk, be, kk, pl, cs, sk, de, tr, fi, hu, el, en, fr, es, pt, it, ko, ur };

/** The surface forms of one lower-case word (including the word itself). */
export function inflectWord(word: string, lang: string, kind: WordKind): string[] {
  const rule = rules[lang];
  if (!rule || word.length === 0) return [word];
  return [...new Set(rule(word, kind))];
}

const phraseAdjective: Record<string, { test: RegExp; forms: (w: string) => string[] }> = {
  ru: { test: /(ая|яя|ый|ий|ой|ое|ее|ые|ие)$/, forms: (w) => ruAdjective(w, true) },
  uk: { test: /(ий|ій|на|ка|ла|ра|та|не|ні|ке|кі|ле|лі)$/, forms: (w) => ukAdjective(w, true) },
  be: { test: /(ая|ае|ыя|ія|скі|ы)$/, forms: beAdjective },
  pl: { test: /(ski|ska|skie|cki|cka|ckie|one|ona|ony|owa|owe|owy|lka|lki|lkie)$/, forms: (w) => plAdjective(w, true) },
  de: { test: /(e|es|er)$/, forms: (w) => de(w.replace(/(es|er)$/, 'e'), 'adjective') },
  cs: { test: /(ý|á|é|í)$/, forms: (w) => csAdjective(w, false) },
  sk: { test: /(ý|á|é|í)$/, forms: (w) => csAdjective(w, true) },
};

/** Languages where every word of a name declines (adjectives agree), not just the last. */
const everyWordDeclines = new Set(['ru', 'uk', 'be', 'pl', 'cs', 'sk', 'de']);

const shortFunctionWords = new Set(['и', 'і', 'та', 'й', 'i', 'a', 'und', 've', 'ja', 'és', 'και', 'et', 'y', 'e', 'and']);

/** Most phrase forms generated for one name: the cross product of word forms grows fast. */
const maxPhraseForms = 96;

/**
 * The forms of each word of a name (already split into lower-case words), of which the name's
 * surface forms are the cross product in order (last word fastest), capped at `cap` phrases.
 * In languages where every word declines, each word takes its own forms (adjectives restricted
 * to their gender and number) and the product is capped; elsewhere only the last word declines
 * (agglutinative and Greek names, English phrases). Null when the name is only used as written.
 * The matcher walks the product itself, so that each word form is folded once rather than once
 * per phrase.
 */
export function phraseWordForms(words: string[], lang: string, kind: WordKind): { options: string[][]; cap: number } | null {
  if (words.length === 1) return { options: [inflectWord(words[0] ?? '', lang, kind)], cap: Infinity };
  // Long official names ("Spojené království Velké Británie a Severního Irska") are quoted in
  // full, not declined word by word, in news; their short names carry the declensions.
  if (words.length > 3) return null;
  if (!everyWordDeclines.has(lang)) {
    const options = words.map((word) => [word]);
    options[options.length - 1] = inflectWord(words[words.length - 1] ?? '', lang, kind);
    return { options, cap: Infinity };
  }
  const adjective = phraseAdjective[lang];
  // Leading adjectives agree with the head noun; words after the head are complements already
  // in their case (Штаты Америки, Republika Korei) unless a conjunction joins a second head
  // (Босния и Герцеговина).
  let headSeen = false;
  let afterConjunction = false;
  const options = words.map((word, index) => {
    if (shortFunctionWords.has(word)) {
      afterConjunction = true;
      return [word];
    }
    const joined = afterConjunction;
    afterConjunction = false;
    if (word.length <= 3) return [word];
    // Polish puts adjectives on either side (Wielka Brytania, Stany Zjednoczone) and declines
    // complements too (Korea Północna → Korei Północnej): every word takes its own forms.
    if (lang === 'pl') return adjective?.test.test(word) ? adjective.forms(word) : inflectWord(word, lang, kind);
    if (!headSeen && adjective && index < words.length - 1 && adjective.test.test(word)) return adjective.forms(word);
    if (headSeen && !joined) return [word];
    headSeen = true;
    return inflectWord(word, lang, kind);
  });
  return { options, cap: maxPhraseForms };
}

/**
 * The surface forms of a name of several words (already split into lower-case words): the
 * cross product of `phraseWordForms`, its first `cap` phrases.
 */
export function inflectPhrase(words: string[], lang: string, kind: WordKind): string[][] {
  if (words.length === 0) return [];
  const product = phraseWordForms(words, lang, kind);
  if (!product) return [words];
  const { options, cap } = product;
  let phrases: string[][] = [[]];
  for (const choices of options) {
    const next: string[][] = [];
    for (const phrase of phrases) {
      for (const choice of choices) {
        next.push([...phrase, choice]);
        if (next.length >= cap) break;
      }
      if (next.length >= cap) break;
    }
    phrases = next;
  }
  return phrases;
}
