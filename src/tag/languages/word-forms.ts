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
