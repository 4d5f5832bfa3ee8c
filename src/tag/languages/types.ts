/**
 * What one language contributes to country matching. Each file in this folder exports one
 * `LanguageRules`; `index.ts` lists them. The matcher's mechanism (tokens, tries, cue words,
 * leftmost-longest) lives in ../matcher.ts and knows no language; a language brings:
 * - `inflect`: from a dictionary form (lower case, NFC) to the finite set of surface forms its
 *   grammar allows (declension, case suffixes, clitics, plural/gender of adjectives). Nothing is
 *   a prefix match: "Иран" yields Ирана/Ирану…, never Ирандык.
 * - `phraseAdjective`, `everyWordDeclines`, `adjectivesEitherSide`: how the words of a name of
 *   several words agree (Южная Корея → Южной Кореи).
 * - Terms the data packages lack (`names`, `adjectives`, `demonyms`, `capitals`,
 *   `institutions`: ISO2 → dictionary forms; a form starting with `=` is taken as written).
 * - Context words: `languageContext` (an adjective next to them names a language: "in Russian",
 *   «на русском языке»), `currencyWords` (a country word before them names a currency),
 *   `conjunctions` ("in Kazakh and Russian").
 */
export type WordKind = 'name' | 'adjective' | 'demonym';

/** ISO 3166-1 alpha-2 code (XK for Kosovo) → terms. */
export type Forms = Record<string, string[]>;

export type Inflect = (word: string, kind: WordKind) => string[];

export type CountryTermKind = 'name' | 'adjective' | 'demonym' | 'capital' | 'institution';

export interface LanguageRules {
  /** BCP 47 primary language, or language-script where the script changes the rules (uz-Cyrl). */
  code: string;
  inflect?: Inflect;
  /** A leading adjective of a name of several words, and its forms in agreement with the noun. */
  phraseAdjective?: { test: RegExp; forms: (word: string) => string[] };
  /** Every word of a name declines (adjectives agree), not only the last. */
  everyWordDeclines?: boolean;
  /** Adjectives stand on either side of the noun and complements decline too (Polish). */
  adjectivesEitherSide?: boolean;
  /**
   * Which word of a name of several words takes the language's affixes when the words do not
   * all decline: the last (suffixes: "Оңтүстік Кореяға") by default, the first for proclitics
   * (Arabic "وكوريا الجنوبية").
   */
  affixedWord?: 'first' | 'last';
  /**
   * Terms derived by rule from every term of language `from` (the same country, kind and
   * source): Kazakh Latin spellings of the Kazakh Cyrillic terms, Arabic nisba adjectives of
   * Arabic names.
   */
  derive?: { from: string; terms: (text: string, kind: CountryTermKind) => Array<{ text: string; kind: CountryTermKind }> };
  names?: Forms;
  adjectives?: Forms;
  demonyms?: Forms;
  capitals?: Forms;
  institutions?: Forms;
  /**
   * Words that make an adjective a language: `after` it ("Russian-language", «тілінде»),
   * `before` it ("speaks Russian"), `beforeAtEnd` only when nothing continues the noun phrase
   * ("in Russian." vs "in Russian custody").
   */
  languageContext?: { after: string[]; before: string[]; beforeAtEnd: string[] };
  currencyWords?: string[];
  /**
   * Words that, following a country NAME, make it a language or a product, not the country
   * ("Azərbaycan dili", «Монгол хэл»); currencyWords do so for every kind of term.
   */
  nameQualifiers?: string[];
  /**
   * Words that, preceding a country word, make it a currency or a language in languages that put
   * the qualifier first («Рубли Русия», «دلار آمریکا», «le rouble russe», «باللغة الروسية»).
   */
  qualifiersBefore?: string[];
  conjunctions?: string[];
  /**
   * Phrases that contain a country word but are not about the country (firms, parties, seas, the
   * US state, a river): they consume their words and tag nothing. Written as they appear.
   */
  blockedPhrases?: string[];
  /**
   * A Cyrillic language whose forms are not Russian words: they do not count in a Russian text
   * (declared `ru`, or undeclared with Russian function words), where a derived form can be an
   * ordinary Russian word (Kyrgyz ирандык "Iranian" is also the Ирандык ridge in the Urals).
   */
  notInRussianText?: boolean;
  /**
   * States written as one-character abbreviations (Chinese 中俄, 俄乌, 俄军; Japanese 中露, 米軍):
   * `compounds` of several states count as whole words of the segmenter's cut, alone or before a
   * `heads` noun; one state's `singles` only before a `heads` noun; `bound` letters after one of
   * their words (对华 "towards China").
   */
  /**
   * Nouns compound with a country name as their first part, written as one word (German
   * Russlandpolitik, Chinareise, Ukrainekrieg): in a text declared in this language, a
   * capitalised word that starts with one of its names (four letters or more) and goes on for
   * four letters or more, optionally after a linking s, names the country.
   */
  compoundsWithNames?: boolean;
  abbreviations?: {
    compounds: Record<string, string[]>;
    singles: Record<string, string>;
    heads: string[];
    bound?: Record<string, { iso2: string; after: string[] }>;
  };
}
