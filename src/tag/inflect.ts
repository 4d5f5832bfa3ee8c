/**
 * Declension and suffix rules: from a dictionary form (a country name, an adjective, a demonym)
 * to the finite set of surface forms a text may use, so that matching stays an exact lookup.
 *
 * Contract: `inflectWord(word, lang, kind)` takes one lower-case word (NFC, with its diacritics:
 * vowel harmony needs them) and returns the word itself plus the forms that the language's
 * rules allow (languages/<code>.ts, `inflect`). Nothing here is a prefix match: "Иран" yields
 * Ирана/Ирану/Ираном/Иране, never Ирандык; "Indien" yields Indiens, never Indianer. Forms that do
 * not exist in the language may be produced (the rules take the union of near classes rather
 * than guess a noun's gender); they cost a map entry and match nothing. Languages without rules
 * return the word.
 *
 * This file is the mechanism shared by all languages (a word, a phrase of several words); the
 * rules of each language are in its own file under languages/.
 */
import { languageByCode, languages, type WordKind } from './languages';

export type { WordKind } from './languages';

/** Languages that have rules (others are matched in their dictionary form). */
export const inflectedLanguages: readonly string[] = languages.filter((language) => language.inflect).map((language) => language.code);

/** The surface forms of one lower-case word (including the word itself). */
export function inflectWord(word: string, lang: string, kind: WordKind): string[] {
  const rule = languageByCode.get(lang)?.inflect;
  if (!rule || word.length === 0) return [word];
  return [...new Set(rule(word, kind))];
}

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
  const language = languageByCode.get(lang);
  if (!language?.everyWordDeclines) {
    const options = words.map((word) => [word]);
    const affixed = language?.affixedWord === 'first' ? 0 : words.length - 1;
    options[affixed] = inflectWord(words[affixed] ?? '', lang, kind);
    return { options, cap: Infinity };
  }
  const adjective = language.phraseAdjective;
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
    if (language.adjectivesEitherSide) return adjective?.test.test(word) ? adjective.forms(word) : inflectWord(word, lang, kind);
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
