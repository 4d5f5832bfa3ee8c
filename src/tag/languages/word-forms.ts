/** Small helpers the languages' inflection rules share. */

export function withStem(stem: string, endings: readonly string[]): string[] {
  return endings.map((ending) => stem + ending);
}

export function endsWithAny(word: string, endings: readonly string[]): string | null {
  for (const ending of endings) if (word.endsWith(ending)) return ending;
  return null;
}

/**
 * The first element of a compound adjective (российско-казахстанские, українсько-польський,
 * американо-китайские): the stem with the linking vowel -о, and for -ск- stems also the short
 * form without -ск- (американо-, британо-, ирано-), which only exists as a first element.
 * The short form needs a stem of four letters or more: чад-ск-ий would give "чадо" (a child).
 */
export function compoundStems(stem: string): string[] {
  const forms = [`${stem}о`];
  const short = stem.replace(/ськ$|ск$/, '');
  if (short !== stem && short.length >= 4) forms.push(`${short}о`);
  return forms;
}

/**
 * The civic adjective of a Turkic name (Қазақстан → қазақстандық, Кыргызстан → кыргызстандык,
 * Azərbaycan → azərbaycanlı): lower case, the suffix's consonant chosen by the stem's last sound
 * (l after a vowel, й/y, р/r; d after a voiced consonant; t after a voiceless one) when
 * `assimilates`, its vowel by the stem's harmony.
 */
export function turkicAdjective(name: string, suffix: (d: 'l' | 'd' | 't', lastVowel: string) => string, assimilates: boolean): string {
  const word = name.toLowerCase();
  let lastVowel = '';
  for (let i = word.length - 1; i >= 0 && !lastVowel; i--) if (/[aeiouyäöüáóúıəūаәеёиоөуұүыіэюяӯ]/.test(word[i] ?? '')) lastVowel = word[i] ?? '';
  const last = word.slice(-1);
  const kind: 'l' | 'd' | 't' = !assimilates || /[aeiouyäöüáóúıəūаәеёиоөуұүыіэюяйрr]/.test(last) ? 'l' : /[лмнңзжlmnñńzj]/.test(last) ? 'd' : 't';
  return word + suffix(kind, lastVowel);
}
