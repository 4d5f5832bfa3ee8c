/**
 * The topic matcher: which topics an item's title and summary are about.
 *
 * Contract:
 * - `compileMatcher` matches every term of every topic through token tries: each country's
 *   names, adjectives, demonyms, capitals and institutions in all their inflected forms (see
 *   inflect.ts) in one trie, the operators' extra terms and the custom topics' terms in another.
 *   Tagging an item is one pass over its tokens with a map lookup per candidate token, whatever
 *   the number of topics.
 * - The country trie does not depend on the operators' rules: it is built once per catalogue
 *   (array) and shared by every matcher compiled from it, and built per script on first use (the
 *   Cyrillic forms when a text first has a Cyrillic word, and so on), since most of its ~100,000
 *   forms are never looked up by a process that only reads a few scripts. Which forms exist
 *   does not depend on what was read before: a text of any (or no) declared language matches
 *   the same forms.
 * - Country terms are matched leftmost-longest: "South Sudan" consumes "Sudan", "Papua New
 *   Guinea" consumes "Guinea", and a blocked phrase ("New Mexico", "Indian Ocean", "Russian
 *   roulette") consumes its words and tags nothing.
 * - Each country term carries the rules that make it safe (see README.md, "decisions"): names
 *   written in a cased script must be capitalised (turkey the bird, china the porcelain);
 *   acronyms must be in capitals (US vs us); some forms keep their diacritics (Réunion vs
 *   reunion); adjectives are not the country in a language or currency context ("in Russian",
 *   "Russian-speaking", "Pakistani rupees"); person homonyms yield to an adjacent capitalised
 *   name (Michael Jordan, Chad Daybell); capitals yield to "…, Idaho"; homonyms and ambiguous
 *   words need cue words elsewhere in the item (Georgia, Congo, Korea).
 * - Operator terms (`TopicRules`) are matched anywhere, case-insensitively, with the same
 *   normalisation and the inflection rules of the term's script: they do not take part in the
 *   leftmost-longest competition, so adding "Almaty" to kazakhstan or defining a custom topic
 *   never hides a country. An exclude term vetoes its topic for the item.
 * - No user input becomes a regular expression.
 */
import type { TaggableText } from '../domain/types';
import { loadCountryTerms, type CountryTerm, type CountryTopic } from './country-catalogue';
import {
  ambiguousTerms,
  blockedPhrases,
  cueSets,
  diacriticsRequired,
  elsewhereRegions,
  foodWords,
  homonyms,
  multiCountryTerms,
  notPersonNames,
  phraseEndWords,
} from './data/country-supplement';
import { contextWords, languages } from './languages';
import { inflectPhrase, phraseWordForms, type WordKind } from './inflect';
import {
  createTokenStream,
  foldWord,
  hashToken,
  normAt,
  prefixHash,
  tokenize,
  TOKEN_AFTER_COMMA,
  TOKEN_ALL_CAPS,
  TOKEN_CAPITAL,
  TOKEN_CASED,
  TOKEN_JOINED,
  TOKEN_SENTENCE_START,
  TOKEN_SPACED,
  type TokenStream,
} from './normalize-text';

export interface TopicRules {
  slug: string;
  include: string[];
  exclude: string[];
  fields?: Array<'title' | 'summary'>;
}

export interface Matcher {
  /** Slugs of every topic the text is about, sorted, no duplicates. */
  tag(text: TaggableText): string[];
}

const FIELD_TITLE = 1;
const FIELD_SUMMARY = 2;

// Token-level rules of a country hit.
const RULE_CAPITAL = 1;
const RULE_ALL_CAPS = 2;
const RULE_NOT_INITIAL = 4;
const RULE_EXACT = 8;
const RULE_PERSON_BEFORE = 16;
const RULE_PERSON_AFTER = 32;
const RULE_LANGUAGE = 64;
const RULE_PRODUCT = 128;
const RULE_ELSEWHERE = 256;
const RULE_LOWER_WORD = 512;
const RULE_FOREIGN = 1024;
const RULE_NOT_RUSSIAN = 2048;

interface HitRule {
  flags: number;
  /** Item-level cue bits: at least one of `needCues` (when non-zero), none of `vetoCues`. */
  needCues: number;
  vetoCues: number;
  /** With RULE_EXACT: the lower-case words with their diacritics. */
  exact: string[] | null;
}

const HIT_COUNTRY = 0;
const HIT_BLOCK = 1;
const HIT_INCLUDE = 2;
const HIT_EXCLUDE = 3;

interface Hit {
  kind: number;
  topic: number;
  rule: HitRule;
  /** For operator terms: the fields they apply to. */
  fields: number;
}

interface PrefixNode {
  children: Map<number, PrefixNode>;
  hits: Hit[] | null;
}

interface TrieNode {
  /** Country and blocking hits ending here (leftmost-longest); only in the country trie. */
  countryHits: Hit[] | null;
  /** Operator hits ending here (all count); only in an operator trie. */
  operatorHits: Hit[] | null;
  /** Longer terms; null at a leaf (88,000 of the 102,000 country nodes: an empty Map each took 17 MB). */
  next: Map<string, TrieNode> | null;
  /** Operator prefix terms whose last word starts at the token after this node. */
  prefixes: PrefixNode | null;
  /** The country that owns this surface form, how strongly, and rivals if any (see Ownership). */
  owner: number;
  ownerWeight: number;
  rivals: Map<number, number> | null;
}

const noRule: HitRule = { flags: 0, needCues: 0, vetoCues: 0, exact: null };

function newNode(): TrieNode {
  return { countryHits: null, operatorHits: null, next: null, prefixes: null, owner: -1, ownerWeight: 0, rivals: null };
}

/**
 * A one-hash Bloom filter over tokens (their `hashToken`, which the tokenizer computes): most
 * tokens of a text are none of the keys, and a bit test is much cheaper than a Map lookup of a
 * fresh string.
 */
interface TokenFilter {
  bits: Uint32Array;
  mask: number;
}

function createFilter(bitCount: number): TokenFilter {
  return { bits: new Uint32Array(1 << (bitCount - 5)), mask: (1 << bitCount) - 1 };
}

function addToFilter(filter: TokenFilter, token: string): void {
  const bit = hashToken(token) & filter.mask;
  filter.bits[bit >>> 5] = (filter.bits[bit >>> 5] ?? 0) | (1 << (bit & 31));
}

function mayContain(filter: TokenFilter, hash: number): boolean {
  const bit = hash & filter.mask;
  return ((filter.bits[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
}

/** A token trie, with a filter over its first tokens. */
interface Trie {
  root: Map<string, TrieNode>;
  filter: TokenFilter;
}

function rootNode(trie: Trie, token: string): TrieNode {
  let node = trie.root.get(token);
  if (!node) {
    node = newNode();
    trie.root.set(token, node);
    addToFilter(trie.filter, token);
  }
  return node;
}

function childNode(node: TrieNode, token: string): TrieNode {
  const map = (node.next ??= new Map());
  let child = map.get(token);
  if (!child) {
    child = newNode();
    map.set(token, child);
  }
  return child;
}

function nodeFor(trie: Trie, tokens: string[]): TrieNode {
  const first = tokens[0];
  if (first === undefined) throw new Error('tag: empty term');
  let node = rootNode(trie, first);
  for (let k = 1; k < tokens.length; k++) node = childNode(node, tokens[k] ?? '');
  return node;
}

/** Lower-case words of a term with their diacritics (inflection needs them), and their folded tokens. */
const compileStream = createTokenStream(32);

/**
 * Words made only of letters and digits of spaced scripts, separated by spaces, apostrophes or
 * hyphens: `tokenize` would cut them at exactly those separators.
 */
// The apostrophes are those the tokenizer splits at (ʻ is a letter to \p{L}: Uzbek Oʻzbekiston).
const simpleTerm = /^[\p{L}\p{N}]+(?:[\s'’‘ʼʻ`´′＇\-‐‑–—]+[\p{L}\p{N}]+)*$/u;
const simpleSeparators = /[\s'’‘ʼʻ`´′＇\-‐‑–—]+/u;
const noSpaceScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function splitWords(text: string, fold: (word: string) => string = foldWord): { words: string[]; tokens: string[] } {
  // Most terms are simple; splitting them here keeps the thousands of short compile-time
  // inputs away from the tokenizer, whose optimised code is then shaped by real texts only.
  if (simpleTerm.test(text) && !noSpaceScript.test(text)) {
    const words = text.split(simpleSeparators).map((word) => word.normalize('NFC').replace(/\u0130/g, 'I').toLowerCase());
    return { words, tokens: words.map((word) => fold(word)) };
  }
  const stream = tokenize(text, compileStream);
  const words: string[] = [];
  const tokens: string[] = [];
  for (let i = 0; i < stream.count; i++) {
    const word = stream.lower.slice(stream.starts[i], stream.ends[i]).replace(/\./g, '');
    words.push(word.normalize('NFC'));
    tokens.push(normAt(stream, i));
  }
  return { words, tokens };
}

// ---------------------------------------------------------------- Scripts

/*
 * The country trie is built per script: the forms whose first token starts with a letter of
 * that script. A text token can only equal a form that starts with its own first character,
 * so the forms of a script are needed once a token of that script is read, not before.
 *
 * The script a term's forms start in is known before any form exists: that of the first
 * letter or digit of its text. NFKC and folding keep a letter in its script (é → e, ё → е);
 * inflection changes the ends of words, and when it replaces a whole first word, the word was
 * one of the rule's endings, in the rule's script. A term whose text starts otherwise (a
 * combining mark, a letter of no particular script, a character NFKC changes) has its forms
 * built with every script, and each build keeps those of its own script.
 */
const SCRIPT_LATIN = 0;
const SCRIPT_GREEK = 1;
const SCRIPT_CYRILLIC = 2;
const SCRIPT_ARABIC = 3;
const SCRIPT_HEBREW = 4;
const SCRIPT_HANGUL = 5;
const SCRIPT_CJK = 6;
/** The letters and digits of every other script (Devanagari, Thai, Armenian…). */
const SCRIPT_OTHER = 7;
const SCRIPT_COUNT = 8;
const ALL_SCRIPTS = (1 << SCRIPT_COUNT) - 1;
/** A character that is not, and does not become, part of a token (ASCII punctuation, ’, –). */
const NO_SCRIPT = 8;
/** A token character of no single script, or one NFKC changes: its term goes to every build. */
const ANY_SCRIPT = 9;

const scriptPatterns: Array<[number, RegExp]> = [
  [SCRIPT_LATIN, /\p{Script=Latin}/u],
  [SCRIPT_GREEK, /\p{Script=Greek}/u],
  [SCRIPT_CYRILLIC, /\p{Script=Cyrillic}/u],
  [SCRIPT_ARABIC, /\p{Script=Arabic}/u],
  [SCRIPT_HEBREW, /\p{Script=Hebrew}/u],
  [SCRIPT_HANGUL, /\p{Script=Hangul}/u],
  [SCRIPT_CJK, /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
];
const tokenCharacter = /[\p{L}\p{M}\p{N}\u00ad\u200c\u200d\u2060\ufeff]/u;
const letterOrDigit = /[\p{L}\p{N}]/u;
const noParticularScript = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** Script + 1 per BMP code unit; 0 until first asked. */
const scriptCache = new Uint8Array(65536);

function scriptOf(code: number): number {
  const cached = scriptCache[code] ?? 0;
  if (cached !== 0) return cached - 1;
  let script = ANY_SCRIPT;
  if (code < 0x80) {
    const alphanumeric = (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    script = alphanumeric ? SCRIPT_LATIN : NO_SCRIPT;
  } else if (code < 0xd800 || code > 0xdfff) {
    const ch = String.fromCharCode(code);
    const stable = ch.normalize('NFKC') === ch;
    if (stable && !tokenCharacter.test(ch)) script = NO_SCRIPT;
    else if (stable && letterOrDigit.test(ch) && !noParticularScript.test(ch)) {
      script = scriptPatterns.find(([, pattern]) => pattern.test(ch))?.[0] ?? SCRIPT_OTHER;
    }
  }
  scriptCache[code] = script + 1;
  return script;
}

/**
 * The build that holds the forms starting with this (normalised) token: any first character of
 * no script listed above is SCRIPT_OTHER's, whose build also has the terms built with every script.
 */
function scriptOfToken(token: string): number {
  const script = token.length > 0 ? scriptOf(token.charCodeAt(0)) : ANY_SCRIPT;
  return script < SCRIPT_COUNT ? script : SCRIPT_OTHER;
}

/** The builds (bits) that must see this term's text (see above). */
function scriptsOfTerm(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const script = scriptOf(text.charCodeAt(i));
    if (script === NO_SCRIPT) continue;
    return script === ANY_SCRIPT ? ALL_SCRIPTS : 1 << script;
  }
  // No token at all.
  return 0;
}

// ---------------------------------------------------------------- Rules of country terms

const latinScript = /\p{Script=Latin}/u;
const hanText = /\p{Script=Han}/u;
const kanaText = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

function isHangulCode(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}

function isAbbreviationCode(code: number): boolean {
  return isHanCode(code) || isHangulCode(code);
}

function isHanCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x2ffff);
}
const notInRussianText = new Set(languages.filter((language) => language.notInRussianText).map((language) => language.code));
const casedScript = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}]/u;
const uncasedOnly = /^[^\p{Lu}\p{Ll}]*$/u;

function isAcronym(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters.length <= 5 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Languages whose adjectives and demonyms are capitalised like names. */
const capitalisedAdjectives = new Set(['en', 'nl', 'tr']);
const capitalisedDemonyms = new Set(['en', 'nl', 'tr', 'de', 'pl', 'cs', 'sk', 'el', 'fr', 'es', 'it', 'pt']);

function termKey(iso2: string, text: string): string {
  return `${iso2}\u0000${splitWords(text).tokens.join(' ')}`;
}

/** What the supplement's rules become: the same for every matcher, so built once per process. */
interface CountryRules {
  cueBits: Map<string, number>;
  /** Cue words → bits of the cue sets they belong to, and a Bloom filter over them. */
  cueWords: Map<string, number>;
  cueFilter: TokenFilter;
  englishCues: number;
  russianCues: number;
  homonymRules: Map<string, { flags: number; needCues: number; vetoCues: number }>;
  exactForms: Map<string, boolean>;
  qualifierAfter: Set<string>;
  qualifierBefore: Set<string>;
  qualifierBeforeAtEnd: Set<string>;
  products: Set<string>;
  /** Words before a country word that make it a currency or language («Рубли Русия», «دلار آمریکا»). */
  productsBefore: Set<string>;
  conjunctions: Set<string>;
  phraseEnds: Set<string>;
  notNames: Set<string>;
  elsewhere: Set<string>;
}

function cueMask(rules: CountryRules, names: string[] | undefined): number {
  let mask = 0;
  for (const name of names ?? []) mask |= rules.cueBits.get(name) ?? 0;
  return mask;
}

function toTokenSet(words: string[]): Set<string> {
  const set = new Set<string>();
  for (const word of words) for (const token of splitWords(word).tokens) set.add(token);
  return set;
}

let countryRules: CountryRules | null = null;

function loadCountryRules(): CountryRules {
  if (countryRules) return countryRules;
  const cueBits = new Map<string, number>();
  const cueWords = new Map<string, number>();
  // The cue filter only ever holds a few hundred words: 64 K bits keep its false positives rare.
  const cueFilter = createFilter(16);
  let bit = 1;
  for (const [name, words] of Object.entries(cueSets)) {
    cueBits.set(name, bit);
    for (const word of words) {
      const { tokens } = splitWords(word);
      const token = tokens[0];
      if (tokens.length !== 1 || token === undefined) continue;
      cueWords.set(token, (cueWords.get(token) ?? 0) | bit);
      addToFilter(cueFilter, token);
    }
    bit <<= 1;
  }
  const qualifierAfter = new Set<string>();
  const qualifierBefore = new Set<string>();
  const qualifierBeforeAtEnd = new Set<string>();
  for (const t of toTokenSet(contextWords((language) => language.languageContext?.after))) qualifierAfter.add(t);
  for (const t of toTokenSet(contextWords((language) => language.languageContext?.before))) qualifierBefore.add(t);
  for (const t of toTokenSet(contextWords((language) => language.languageContext?.beforeAtEnd))) qualifierBeforeAtEnd.add(t);
  const rules: CountryRules = {
    cueBits,
    cueWords,
    cueFilter,
    englishCues: cueBits.get('english') ?? 0,
    russianCues: cueBits.get('russian') ?? 0,
    homonymRules: new Map(),
    exactForms: new Map(),
    qualifierAfter,
    qualifierBefore,
    qualifierBeforeAtEnd,
    // Currencies and foods follow names too ("US dollar", "Thailand curry"); languages follow adjectives only.
    products: toTokenSet([
      ...contextWords((language) => language.currencyWords),
      ...contextWords((language) => language.nameQualifiers),
      ...foodWords,
    ]),
    productsBefore: toTokenSet(contextWords((language) => language.qualifiersBefore)),
    conjunctions: toTokenSet(contextWords((language) => language.conjunctions)),
    phraseEnds: toTokenSet(phraseEndWords),
    notNames: toTokenSet(notPersonNames),
    elsewhere: new Set(elsewhereRegions),
  };
  for (const rule of homonyms) {
    let flags = 0;
    if (rule.person) flags |= RULE_PERSON_BEFORE;
    // Capitals stay capitals in "Paris Agreement" or "London Marathon"; only country names
    // that are also first names yield to a following surname.
    if (rule.person && (rule.iso2 === 'JO' || rule.iso2 === 'TD')) flags |= RULE_PERSON_AFTER;
    if (rule.notSentenceInitial) flags |= RULE_NOT_INITIAL;
    const entry = { flags, needCues: cueMask(rules, rule.needCues), vetoCues: cueMask(rules, rule.vetoCues) };
    for (const term of rule.terms) {
      // Two rules folding to one key (Géorgie, Geórgia → georgia) would silently replace each other.
      const key = termKey(rule.iso2, term);
      if (rules.homonymRules.has(key)) throw new Error(`tag: two homonym rules for ${rule.iso2} "${term}"`);
      rules.homonymRules.set(key, entry);
    }
  }
  for (const { iso2, terms } of diacriticsRequired) for (const term of terms) rules.exactForms.set(termKey(iso2, term), true);
  countryRules = rules;
  return rules;
}

function inflectionKind(kind: CountryTerm['kind']): WordKind {
  return kind === 'adjective' ? 'adjective' : kind === 'demonym' ? 'demonym' : 'name';
}

function ruleForTerm(rules: CountryRules, term: CountryTerm, words: string[], key: string): HitRule {
  let flags = 0;
  const cased = casedScript.test(term.text) && !uncasedOnly.test(term.text);
  if (isAcronym(term.text)) {
    flags |= RULE_ALL_CAPS;
  } else if (cased) {
    // The first letter as the term is written decides ("country of Georgia" starts in lower case).
    const firstLetter = /\p{L}/u.exec(term.text)?.[0] ?? '';
    const needsCapital =
      term.kind === 'name' || term.kind === 'capital' || term.kind === 'institution'
        ? firstLetter !== firstLetter.toLowerCase()
        : term.kind === 'adjective'
          ? capitalisedAdjectives.has(term.lang)
          : capitalisedDemonyms.has(term.lang) && term.text !== term.text.toLowerCase();
    if (needsCapital) flags |= RULE_CAPITAL;
  }
  if (term.kind === 'adjective' || term.kind === 'demonym') flags |= RULE_LANGUAGE | RULE_PRODUCT;
  // A word the language writes in lower case, capitalised inside a sentence, is a name
  // (Portuguese "indiana" vs Indiana, the US state).
  if (cased && !(flags & RULE_CAPITAL) && term.text === term.text.toLowerCase() && term.kind !== 'name') flags |= RULE_LOWER_WORD;
  if (term.kind === 'name') flags |= RULE_PRODUCT;
  if (term.kind === 'capital') flags |= RULE_ELSEWHERE;
  // A Latin-script term of another language is often an ordinary English word or name
  // (German Island = Iceland, Hungarian Man, Portuguese francês → "Frances"): it does not
  // count in an English text.
  if (term.lang !== 'en' && latinScript.test(term.text)) flags |= RULE_FOREIGN;
  if (notInRussianText.has(term.lang)) flags |= RULE_NOT_RUSSIAN;
  const homonym = rules.homonymRules.get(key);
  let exact: string[] | null = null;
  if (rules.exactForms.has(key)) {
    flags |= RULE_EXACT;
    exact = words;
  }
  return {
    flags: flags | (homonym?.flags ?? 0),
    needCues: homonym?.needCues ?? 0,
    vetoCues: homonym?.vetoCues ?? 0,
    exact,
  };
}

// ---------------------------------------------------------------- The country trie

/** What one script's build adds, in the order a single full build would add it. */
interface ScriptWork {
  terms: Array<{ term: CountryTerm; topic: number }>;
  /** Forms computed up front (a few dozen): ambiguous and multi-country terms, blocked phrases. */
  ambiguous: Array<{ tokens: string[]; hit: Hit }>;
  multi: Array<{ tokens: string[]; hit: Hit }>;
  blocked: string[][];
}

/** The built-in country topics of one catalogue, shared by every matcher compiled from it. */
interface CountryTrie extends Trie {
  slugs: string[];
  topicBySlug: Map<string, number>;
  /** Bits of the scripts whose forms are not in the trie yet; 0 once complete. */
  pending: number;
  /** Adds the forms of one script (see "Scripts"). */
  buildScript(script: number): void;
  /** One-character abbreviations of states (Chinese, Japanese), by language code. */
  abbreviations: Map<string, AbbreviationTable>;
  /** Folded names of the languages whose nouns compound with them (German), by language code. */
  compoundNames: Map<string, Map<string, number>>;
}

/** A language's `abbreviations` with topics for ISO2 codes (see LanguageRules). */
interface AbbreviationTable {
  compounds: Map<string, number[]>;
  singles: Map<string, number>;
  heads: Set<string>;
  bound: Map<string, { topic: number; after: Set<string> }>;
}

function compoundNameTables(termsByIso2: Map<string, CountryTerm[]>, topicByIso2: Map<string, number>): Map<string, Map<string, number>> {
  const tables = new Map<string, Map<string, number>>();
  for (const language of languages) {
    if (!language.compoundsWithNames) continue;
    const names = new Map<string, number>();
    for (const [iso2, terms] of termsByIso2) {
      const topic = topicByIso2.get(iso2);
      if (topic === undefined) continue;
      for (const term of terms) {
        if (term.lang !== language.code || term.kind !== 'name' || /[\s-]/.test(term.text) || term.text.length < 4) continue;
        const folded = foldWord(term.text);
        // A name two countries share (none in practice) names neither.
        names.set(folded, names.has(folded) && names.get(folded) !== topic ? -1 : topic);
      }
    }
    tables.set(language.code, names);
  }
  return tables;
}

function abbreviationTables(topicByIso2: Map<string, number>): Map<string, AbbreviationTable> {
  const tables = new Map<string, AbbreviationTable>();
  const topicOf = (iso2: string): number[] => {
    const topic = topicByIso2.get(iso2);
    return topic === undefined ? [] : [topic];
  };
  for (const language of languages) {
    const source = language.abbreviations;
    if (!source) continue;
    const bound = new Map<string, { topic: number; after: Set<string> }>();
    for (const [letter, { iso2, after }] of Object.entries(source.bound ?? {})) {
      for (const topic of topicOf(iso2)) bound.set(letter, { topic, after: new Set(after) });
    }
    tables.set(language.code, {
      compounds: new Map(Object.entries(source.compounds).map(([text, codes]) => [text, codes.flatMap(topicOf)])),
      singles: new Map(Object.entries(source.singles).flatMap(([text, iso2]) => topicOf(iso2).map((topic): [string, number] => [text, topic]))),
      heads: new Set(source.heads),
      bound,
    });
  }
  return tables;
}

/** Builder state of a country trie. */
interface CountryBuild extends Trie {
  ruleCache: Map<string, HitRule>;
  ruleIds: Map<HitRule, number>;
  hitCache: Map<string, Hit>;
  singleHits: Map<Hit, Hit[]>;
  /**
   * `foldWord` with the words folded so far in the current script's build: names share their
   * words ("republika"); the Latin forms fold 26,000 words 75,000 times.
   */
  fold: (word: string) => string;
}

function internRule(build: CountryBuild, rule: HitRule): HitRule {
  const key = `${rule.flags}|${rule.needCues}|${rule.vetoCues}|${rule.exact?.join(' ') ?? ''}`;
  const existing = build.ruleCache.get(key);
  if (existing) return existing;
  build.ruleCache.set(key, rule);
  build.ruleIds.set(rule, build.ruleIds.size + 1);
  return rule;
}

function internHit(build: CountryBuild, topic: number, rule: HitRule): Hit {
  const key = `${topic}|${build.ruleIds.get(rule) ?? 0}`;
  let hit = build.hitCache.get(key);
  if (!hit) {
    hit = { kind: HIT_COUNTRY, topic, rule, fields: FIELD_TITLE | FIELD_SUMMARY };
    build.hitCache.set(key, hit);
  }
  return hit;
}

function addCountryHit(build: CountryBuild, node: TrieNode, hit: Hit): TrieNode {
  const hits = node.countryHits;
  if (!hits) {
    // Most nodes carry one hit, and many carry the same one: share a frozen one-element array.
    let shared = build.singleHits.get(hit);
    if (!shared) {
      shared = Object.freeze([hit]) as Hit[];
      build.singleHits.set(hit, shared);
    }
    node.countryHits = shared;
    return node;
  }
  if (!hits.some((h) => h.topic === hit.topic && h.rule === hit.rule && h.kind === hit.kind)) node.countryHits = [...hits, hit];
  return node;
}

/**
 * Who owns a surface form, and how strongly: a dictionary form weighs more than an inflected
 * one, a curated (supplement) form more than a package one. Used to settle forms that two
 * countries produce (the Finnish partitive of Niger is "Nigeria").
 */
function addOwnership(node: TrieNode, topic: number, weight: number): void {
  if (node.owner === -1 || node.owner === topic) {
    node.owner = topic;
    node.ownerWeight += weight;
    return;
  }
  const rivals = (node.rivals ??= new Map());
  rivals.set(topic, (rivals.get(topic) ?? 0) + weight);
}

function hasSpace(words: string[]): boolean {
  return words.some((word) => word.includes(' '));
}

function addCountryForm(build: CountryBuild, node: TrieNode, hit: Hit, weight: number, contested: Set<TrieNode>): void {
  addCountryHit(build, node, hit);
  addOwnership(node, hit.topic, weight);
  if (node.rivals) contested.add(node);
}

/** Adds the surface forms of a country term that start in `script`. */
function addCountryTerm(build: CountryBuild, rules: CountryRules, term: CountryTerm, topic: number, contested: Set<TrieNode>, script: number): void {
  const literal = term.text.startsWith('=');
  const raw = literal ? term.text.slice(1) : term.text;
  const { words, tokens } = splitWords(raw, build.fold);
  if (tokens.length === 0) return;
  const baseKey = tokens.join(' ');
  const rule = internRule(build, ruleForTerm(rules, literal ? { ...term, text: raw } : term, words, `${term.iso2}\u0000${baseKey}`));
  const hit = internHit(build, topic, rule);
  const baseWeight = term.source === 'supplement' ? 10 : 1;
  const product = literal || rule.flags & RULE_EXACT ? null : phraseWordForms(words, term.lang, inflectionKind(term.kind));
  if (!product) {
    // The term as written: its dictionary form only.
    const surface = words.map(build.fold).filter((token) => token.length > 0);
    const first = surface[0];
    if (first !== undefined && scriptOfToken(first) === script) addCountryForm(build, nodeFor(build, surface), hit, baseWeight, contested);
    return;
  }
  // Every phrase of the product (see inflectPhrase), in its order, each word form folded once.
  const options = product.options.map((forms) => forms.map(build.fold));
  if (options.some((forms) => forms.length === 0)) return;
  const last = options.length - 1;
  // A form is the dictionary form when it reads the same as the term's tokens, words joined by
  // a space; without spaces inside words, that is word for word.
  const wordForWord = !hasSpace(tokens) && !options.some(hasSpace);
  const phrase = options.map(() => '');
  let produced = 0;
  // Word k of each phrase, after words 0…k-1 led to `node` (null before the first token) with
  // `count` tokens (-1 when the first is of another script: no nodes then) that are the first
  // words of the dictionary form if `same`. The phrases sharing words 0…k-1 share their nodes,
  // which spares most of the root lookups of names of several words.
  const visit = (k: number, node: TrieNode | null, count: number, same: boolean): void => {
    for (const token of options[k] ?? []) {
      if (produced >= product.cap) return;
      phrase[k] = token;
      let next = node;
      let nextCount = count;
      let nextSame = same;
      // Words that fold to nothing are left out of the form.
      if (count >= 0 && token.length > 0) {
        if (count === 0 && scriptOfToken(token) !== script) {
          nextCount = -1;
        } else {
          next = node === null ? rootNode(build, token) : childNode(node, token);
          nextSame = same && tokens[count] === token;
          nextCount = count + 1;
        }
      }
      if (k < last) {
        visit(k + 1, next, nextCount, nextSame);
        continue;
      }
      produced++;
      if (next === null || nextCount <= 0) continue;
      const dictionary = wordForWord ? nextSame && nextCount === tokens.length : phraseText(phrase) === baseKey;
      addCountryForm(build, next, hit, dictionary ? baseWeight : baseWeight / 10, contested);
    }
  };
  visit(0, null, 0, true);
}

/** The surface form of one phrase of the product, words joined by a space (empty ones left out). */
function phraseText(phrase: string[]): string {
  return phrase.filter((token) => token.length > 0).join(' ');
}

/**
 * A surface form two countries share names neither on its own (Congo, Guinée…) unless one owns
 * it far more strongly (a dictionary form in many languages against a stray inflection).
 */
function settleContested(contested: Set<TrieNode>): void {
  for (const node of contested) {
    const weights = [...(node.rivals ?? []), [node.owner, node.ownerWeight] as [number, number]].sort((a, b) => b[1] - a[1]);
    const [top, second] = weights;
    const keep = top && second && top[1] >= 3 * second[1] ? top[0] : -1;
    node.countryHits = node.countryHits?.filter((hit) => hit.kind !== HIT_COUNTRY || hit.topic === keep) ?? null;
  }
}

function createCountryTrie(countries: CountryTopic[]): CountryTrie {
  const rules = loadCountryRules();
  const folded = new Map<string, string>();
  const build: CountryBuild = {
    root: new Map(),
    // 4 M bits (512 KB): the ~130,000 first tokens of the country forms (41,000 before the
    // languages of issue 12) set about 3% of them, so few tokens of a text miss the filter.
    filter: createFilter(22),
    ruleCache: new Map(),
    ruleIds: new Map(),
    hitCache: new Map(),
    singleHits: new Map(),
    fold: (word: string) => foldWord(word, folded),
  };
  const slugs: string[] = [];
  const topicBySlug = new Map<string, number>();
  const topicByIso2 = new Map<string, number>();
  for (const country of countries) {
    const index = slugs.length;
    slugs.push(country.slug);
    topicBySlug.set(country.slug, index);
    for (const alias of country.slugAliases) if (!topicBySlug.has(alias)) topicBySlug.set(alias, index);
    topicByIso2.set(country.iso2.toUpperCase(), index);
  }

  // Sort the work by script now; generate the forms when a script is first read.
  const work: Array<ScriptWork | null> = [];
  for (let script = 0; script < SCRIPT_COUNT; script++) work.push({ terms: [], ambiguous: [], multi: [], blocked: [] });
  const workOf = (script: number): ScriptWork => {
    const entry = work[script];
    if (!entry) throw new Error(`tag: script ${script} is already built`);
    return entry;
  };
  const termsByIso2 = loadCountryTerms();
  for (const country of countries) {
    const topic = topicByIso2.get(country.iso2.toUpperCase()) ?? -1;
    const known = termsByIso2.get(country.iso2.toUpperCase());
    const terms: CountryTerm[] =
      known ??
      Object.entries(country.names).flatMap(([lang, names]) =>
        names.map((text) => ({ iso2: country.iso2, text, lang, kind: 'name' as const, source: 'package' as const })),
      );
    for (const term of terms) {
      const scripts = scriptsOfTerm(term.text);
      for (let script = 0; script < SCRIPT_COUNT; script++) if (scripts & (1 << script)) workOf(script).terms.push({ term, topic });
    }
  }
  for (const entry of ambiguousTerms) {
    for (const candidate of entry.candidates) {
      const topic = topicByIso2.get(candidate.iso2);
      if (topic === undefined) continue;
      for (const text of entry.terms) {
        const term: CountryTerm = { iso2: candidate.iso2, text, lang: entry.lang, kind: entry.kind, source: 'supplement' };
        const { words, tokens } = splitWords(text);
        const base = ruleForTerm(rules, term, words, `${term.iso2}\u0000${tokens.join(' ')}`);
        const rule = internRule(build, { ...base, needCues: base.needCues | cueMask(rules, [candidate.needCues]) });
        const hit: Hit = { kind: HIT_COUNTRY, topic, rule, fields: FIELD_TITLE | FIELD_SUMMARY };
        for (const phrase of inflectPhrase(words, entry.lang, inflectionKind(entry.kind))) {
          const formTokens = phrase.map((w) => foldWord(w));
          workOf(scriptOfToken(formTokens[0] ?? '')).ambiguous.push({ tokens: formTokens, hit });
        }
      }
    }
  }
  for (const entry of multiCountryTerms) {
    for (const iso2 of entry.iso2) {
      const topic = topicByIso2.get(iso2);
      if (topic === undefined) continue;
      for (const text of entry.terms) {
        const { tokens } = splitWords(text);
        if (tokens.length === 0) throw new Error('tag: empty term');
        const hit: Hit = { kind: HIT_COUNTRY, topic, rule: internRule(build, { ...noRule, flags: RULE_LANGUAGE }), fields: 3 };
        workOf(scriptOfToken(tokens[0] ?? '')).multi.push({ tokens, hit });
      }
    }
  }
  for (const phrase of [...blockedPhrases, ...contextWords((language) => language.blockedPhrases)]) {
    const { tokens } = splitWords(phrase);
    if (tokens.length === 0) continue;
    workOf(scriptOfToken(tokens[0] ?? '')).blocked.push(tokens);
  }

  const trie: CountryTrie = {
    root: build.root,
    filter: build.filter,
    slugs,
    topicBySlug,
    abbreviations: abbreviationTables(topicByIso2),
    compoundNames: compoundNameTables(termsByIso2, topicByIso2),
    pending: 0,
    buildScript(script: number): void {
      const todo = work[script];
      if (!todo) return;
      work[script] = null;
      trie.pending &= ~(1 << script);
      // The steps of one full build, in its order, restricted to this script's forms (each
      // form belongs to one script, so the result is the same).
      const contested = new Set<TrieNode>();
      for (const { term, topic } of todo.terms) addCountryTerm(build, rules, term, topic, contested, script);
      settleContested(contested);
      for (const { tokens, hit } of todo.ambiguous) addCountryHit(build, nodeFor(build, tokens), hit);
      for (const { tokens, hit } of todo.multi) addCountryHit(build, nodeFor(build, tokens), hit);
      // A blocked phrase wins over a term of the same length.
      for (const tokens of todo.blocked) nodeFor(build, tokens).countryHits = [{ kind: HIT_BLOCK, topic: -1, rule: noRule, fields: 3 }];
      folded.clear();
    },
  };
  for (let script = 0; script < SCRIPT_COUNT; script++) {
    const todo = work[script];
    if (todo && todo.terms.length + todo.ambiguous.length + todo.multi.length + todo.blocked.length > 0) trie.pending |= 1 << script;
    else work[script] = null;
  }
  return trie;
}

/** Keyed by the catalogue array (loadCountryCatalogue memoises it); treated as immutable. */
const countryTries = new WeakMap<CountryTopic[], CountryTrie>();

function countryTrieFor(countries: CountryTopic[]): CountryTrie {
  let trie = countryTries.get(countries);
  if (!trie) {
    trie = createCountryTrie(countries);
    countryTries.set(countries, trie);
  }
  return trie;
}

// ---------------------------------------------------------------- Operator terms

/** A single-word prefix term. */
interface PrefixEntry {
  prefix: string;
  hits: Hit[];
}

interface OperatorTrie extends Trie {
  /** Prefixes of three characters or more, by `prefixHash` of their first three (as in TokenStream.prefixes). */
  prefixIndex: Map<number, PrefixEntry[]>;
  /** Prefixes of one or two characters (rare). */
  shortPrefixes: PrefixEntry[];
}

function addOperatorHit(ops: OperatorTrie, tokens: string[], hit: Hit, prefix: boolean): void {
  if (!prefix) {
    const node = nodeFor(ops, tokens);
    const hits = (node.operatorHits ??= []);
    if (!hits.some((h) => h.topic === hit.topic && h.kind === hit.kind && h.fields === hit.fields)) hits.push(hit);
    return;
  }
  const head = tokens.slice(0, -1);
  const last = tokens[tokens.length - 1] ?? '';
  if (head.length === 0) {
    const key = last.length >= 3 ? prefixHash(last.charCodeAt(0), last.charCodeAt(1), last.charCodeAt(2)) : -1;
    const entries = key >= 0 ? (ops.prefixIndex.get(key) ?? []) : ops.shortPrefixes;
    const entry = entries.find((e) => e.prefix === last);
    if (entry) entry.hits.push(hit);
    else entries.push({ prefix: last, hits: [hit] });
    if (key >= 0) ops.prefixIndex.set(key, entries);
    return;
  }
  const node = nodeFor(ops, head);
  let current = (node.prefixes ??= { children: new Map(), hits: null });
  for (let i = 0; i < last.length; i++) {
    const code = last.charCodeAt(i);
    let child = current.children.get(code);
    if (!child) {
      child = { children: new Map(), hits: null };
      current.children.set(code, child);
    }
    current = child;
  }
  (current.hits ??= []).push(hit);
}

/** Script-based guess of the inflection rules for an operator's term. */
function languagesForTerm(term: string): string[] {
  if (/[әғқңөұүһі]/iu.test(term) && /[\p{Script=Cyrillic}]/u.test(term)) return ['kk'];
  if (/[їєґ]/iu.test(term)) return ['uk'];
  if (/ў/iu.test(term)) return ['be'];
  if (/\p{Script=Cyrillic}/u.test(term)) return ['ru', 'uk'];
  if (/\p{Script=Greek}/u.test(term)) return ['el'];
  if (/\p{Script=Hangul}/u.test(term)) return ['ko'];
  if (/[ąćęłńśźż]/iu.test(term)) return ['pl'];
  if (/[ěřů]/iu.test(term)) return ['cs'];
  if (/[ğış]/iu.test(term)) return ['tr'];
  if (/[őű]/iu.test(term)) return ['hu'];
  if (/[äöüß]/iu.test(term)) return ['de'];
  return ['en'];
}

function addOperatorTerm(ops: OperatorTrie, term: string, hit: Hit): void {
  const trimmed = term.trim();
  const prefix = trimmed.endsWith('*');
  const body = prefix ? trimmed.slice(0, -1) : trimmed;
  const { words, tokens } = splitWords(body);
  if (tokens.length === 0) return;
  if (prefix) {
    addOperatorHit(ops, tokens, hit, true);
    return;
  }
  const forms = new Set<string>();
  for (const lang of languagesForTerm(body)) {
    // Short words and words with digits are codes or acronyms: they are not declined.
    const last = words[words.length - 1] ?? '';
    if (last.length < 4 || /\d/.test(last)) {
      forms.add(tokens.join(' '));
      continue;
    }
    for (const phrase of inflectPhrase(words, lang, 'name')) forms.add(phrase.map((w) => foldWord(w)).join(' '));
  }
  forms.add(tokens.join(' '));
  for (const form of forms) addOperatorHit(ops, form.split(' ').filter((t) => t.length > 0), hit, false);
}

function toFieldMask(fields: Array<'title' | 'summary'> | undefined): number {
  if (!fields || fields.length === 0) return FIELD_TITLE | FIELD_SUMMARY;
  let mask = 0;
  if (fields.includes('title')) mask |= FIELD_TITLE;
  if (fields.includes('summary')) mask |= FIELD_SUMMARY;
  return mask || FIELD_TITLE | FIELD_SUMMARY;
}

/** Per-call scratch state, reused so that tagging allocates almost nothing. */
interface Scratch {
  titleStream: TokenStream;
  summaryStream: TokenStream;
  positive: Uint8Array;
  vetoed: Uint8Array;
  touched: number[];
  deferredTopic: number[];
  deferredRule: HitRule[];
  deferredDateline: boolean[];
  cues: number;
}

export function compileMatcher(options: { countries: CountryTopic[]; rules: TopicRules[] }): Matcher {
  const rules = loadCountryRules();
  const countries = countryTrieFor(options.countries);
  const root = countries.root;
  const filter = countries.filter.bits;
  const filterMask = countries.filter.mask;

  // Operator rules: extensions of countries, or custom topics.
  // A few hundred or thousand first tokens: 64 K bits.
  const ops: OperatorTrie = { root: new Map(), filter: createFilter(16), prefixIndex: new Map(), shortPrefixes: [] };
  const slugs = [...countries.slugs];
  const customBySlug = new Map<string, number>();
  for (const topicRules of options.rules) {
    const existing = countries.topicBySlug.get(topicRules.slug) ?? customBySlug.get(topicRules.slug);
    const isCountry = existing !== undefined && existing < options.countries.length;
    let topic = existing;
    if (topic === undefined) {
      topic = slugs.length;
      slugs.push(topicRules.slug);
      customBySlug.set(topicRules.slug, topic);
    }
    const fields = toFieldMask(topicRules.fields);
    for (const term of topicRules.include) addOperatorTerm(ops, term, { kind: HIT_INCLUDE, topic, rule: noRule, fields });
    for (const term of topicRules.exclude) addOperatorTerm(ops, term, { kind: HIT_EXCLUDE, topic, rule: noRule, fields: isCountry ? 3 : fields });
  }
  const opsRoot = ops.root.size > 0 ? ops.root : null;

  const { qualifierAfter, qualifierBefore, qualifierBeforeAtEnd, products, productsBefore, conjunctions, phraseEnds, notNames, elsewhere, cueWords, cueFilter, englishCues, russianCues } = rules;
  const elsewhereSecond: Record<string, string[]> = {
    new: ['hampshire', 'jersey', 'mexico', 'york', 'brunswick'],
    north: ['carolina', 'dakota'],
    south: ['carolina', 'dakota'],
    west: ['virginia'],
    rhode: ['island'],
  };

  // The keys of the prefix index as a bit set (8 KB), to skip it for most tokens.
  const prefixFilter = new Uint32Array(65536 >>> 5);
  for (const key of ops.prefixIndex.keys()) prefixFilter[key >>> 5] = (prefixFilter[key >>> 5] ?? 0) | (1 << (key & 31));
  const prefixIndex = ops.prefixIndex.size > 0 ? ops.prefixIndex : null;
  const shortPrefixes = ops.shortPrefixes.length > 0 ? ops.shortPrefixes : null;
  const topicCount = slugs.length;
  const scratch: Scratch = {
    titleStream: createTokenStream(),
    summaryStream: createTokenStream(),
    positive: new Uint8Array(topicCount),
    vetoed: new Uint8Array(topicCount),
    touched: [],
    deferredTopic: [],
    deferredRule: [],
    deferredDateline: [],
    cues: 0,
  };

  const maxCandidates = 16;
  const candidateEnds = new Int32Array(maxCandidates);
  const candidateHits: Array<Hit[] | null> = new Array<Hit[] | null>(maxCandidates).fill(null);

  /** Builds the country forms of the script of `norm` if no text has needed them yet. */
  function ensureScript(norm: string): void {
    const script = scriptOfToken(norm);
    if (countries.pending & (1 << script)) countries.buildScript(script);
  }

  function isPlaceToken(norm: string): boolean {
    if (countries.pending !== 0) ensureScript(norm);
    const node = root.get(norm);
    return node !== undefined && node.countryHits !== null && node.countryHits.length > 0;
  }

  /** Token-level checks of a country hit on tokens [start, end) of the current field. */
  function passes(rule: HitRule, s: TokenStream, start: number, end: number, casing: number): boolean {
    const flags = rule.flags;
    if (flags === 0) return true;
    const tokenFlags = s.flags;
    const first = tokenFlags[start] ?? 0;
    // A field in capitals or in lower case says nothing through case; an uncased token passes.
    if (flags & RULE_CAPITAL && !(first & TOKEN_CAPITAL) && first & TOKEN_CASED && casing !== CASING_ALL_CAPS && casing !== CASING_ALL_LOWER) {
      return false;
    }
    if (flags & RULE_ALL_CAPS) {
      if (casing === CASING_ALL_CAPS) return false;
      for (let k = start; k < end; k++) if (!((tokenFlags[k] ?? 0) & TOKEN_ALL_CAPS)) return false;
    }
    if (flags & RULE_NOT_INITIAL && first & TOKEN_SENTENCE_START) return false;
    if (flags & RULE_LOWER_WORD && first & TOKEN_CAPITAL && !(first & TOKEN_SENTENCE_START) && casing === CASING_NORMAL) return false;
    if (flags & RULE_EXACT && rule.exact) {
      for (let k = start; k < end; k++) {
        if (s.lower.slice(s.starts[k], s.ends[k]).normalize('NFC') !== rule.exact[k - start]) return false;
      }
    }
    const prev = start - 1;
    const next = end;
    const hasNext = next < s.count;
    if (flags & RULE_PERSON_BEFORE && prev >= 0 && casing !== CASING_ALL_CAPS) {
      const prevFlags = tokenFlags[prev] ?? 0;
      const prevNorm = normAt(s, prev);
      if (first & TOKEN_SPACED && prevFlags & TOKEN_CAPITAL && !notNames.has(prevNorm) && !isPlaceToken(prevNorm)) return false;
    }
    if (flags & RULE_PERSON_AFTER && hasNext && casing === CASING_NORMAL) {
      const nextFlags = tokenFlags[next] ?? 0;
      const nextNorm = normAt(s, next);
      if (nextFlags & TOKEN_SPACED && nextFlags & TOKEN_CAPITAL && !(nextFlags & TOKEN_SENTENCE_START) && !notNames.has(nextNorm) && !isPlaceToken(nextNorm)) {
        return false;
      }
    }
    if (flags & (RULE_LANGUAGE | RULE_PRODUCT) && hasNext && (tokenFlags[next] ?? 0) & TOKEN_JOINED) {
      const nextNorm = normAt(s, next);
      if (flags & RULE_PRODUCT && products.has(nextNorm)) return false;
      if (flags & RULE_LANGUAGE && qualifierAfter.has(nextNorm)) return false;
      if (flags & RULE_LANGUAGE && conjunctions.has(nextNorm)) {
        // "қазақ және орыс тілдерінде", «орыс және ағылшын тілдеріне»: step over each conjunction
        // and the adjective it brings, which may name a language of no country (English).
        let after = next;
        for (let steps = 0; steps < 3 && after + 2 < s.count && conjunctions.has(normAt(s, after)); steps++) after += 2;
        if (after > next && qualifierAfter.has(normAt(s, after))) return false;
      }
    }
    if (flags & RULE_PRODUCT && prev >= 0 && first & TOKEN_JOINED && productsBefore.size > 0 && productsBefore.has(normAt(s, prev))) return false;
    if (flags & RULE_LANGUAGE && prev >= 0 && first & TOKEN_JOINED) {
      // "in Russian", and "in Kazakh and Russian": step back over coordinated adjectives.
      let before = prev;
      for (let steps = 0; steps < 4 && before > 0 && (conjunctions.has(normAt(s, before)) || isPlaceToken(normAt(s, before))); steps++) before--;
      const prevNorm = normAt(s, prev);
      if (qualifierBefore.has(prevNorm) || (before < prev && qualifierBefore.has(normAt(s, before)))) return false;
      // «забонҳои англисӣ ва русӣ»: back over a conjunction and the adjective before it, whatever it is.
      if (conjunctions.has(prevNorm) && prev >= 2 && qualifierBefore.has(normAt(s, prev - 2))) return false;
      if (qualifierBeforeAtEnd.has(normAt(s, before))) {
        const nextFlags = hasNext ? (tokenFlags[next] ?? 0) : 0;
        if (!hasNext || !(nextFlags & TOKEN_SPACED) || phraseEnds.has(normAt(s, next))) return false;
      }
    }
    if (flags & RULE_ELSEWHERE && hasNext && (tokenFlags[next] ?? 0) & TOKEN_AFTER_COMMA) {
      const nextNorm = normAt(s, next);
      if (elsewhere.has(nextNorm)) {
        const second = elsewhereSecond[nextNorm];
        if (!second) return false;
        if (next + 1 < s.count && second.includes(normAt(s, next + 1))) return false;
      }
    }
    return true;
  }

  function mark(topic: number, field: number, veto: boolean): void {
    const target = veto ? scratch.vetoed : scratch.positive;
    if (scratch.positive[topic] === 0 && scratch.vetoed[topic] === 0) scratch.touched.push(topic);
    target[topic] = (target[topic] ?? 0) | field;
  }

  function applyOperatorHits(hits: Hit[], field: number): void {
    for (const hit of hits) {
      if (!(hit.fields & field)) continue;
      mark(hit.topic, field, hit.kind === HIT_EXCLUDE);
    }
  }

  function collectPrefixHits(prefixRoot: PrefixNode, token: string, field: number): void {
    let node: PrefixNode | undefined = prefixRoot;
    for (let c = 0; c < token.length && node; c++) {
      node = node.children.get(token.charCodeAt(c));
      if (node?.hits) applyOperatorHits(node.hits, field);
    }
  }

  /** Prefix terms of three characters or more that `text` [start, end) starts with (`key`: its prefixHash). */
  function matchPrefixes(index: Map<number, PrefixEntry[]>, key: number, text: string, start: number, end: number, field: number): void {
    const entries = index.get(key);
    if (!entries) return;
    for (const entry of entries) {
      const prefix = entry.prefix;
      if (prefix.length > end - start) continue;
      let k = 0;
      while (k < prefix.length && prefix.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === prefix.length) applyOperatorHits(entry.hits, field);
    }
  }

  /** Operator terms starting at token i: every one along the phrase counts. */
  function walkOperators(first: TrieNode, s: TokenStream, i: number, field: number): void {
    let node = first;
    for (let end = i + 1; ; end++) {
      if (node.operatorHits) applyOperatorHits(node.operatorHits, field);
      if (end >= s.count || !((s.flags[end] ?? 0) & TOKEN_JOINED)) return;
      if (node.prefixes) collectPrefixHits(node.prefixes, normAt(s, end), field);
      const next = node.next?.get(normAt(s, end));
      if (!next) return;
      node = next;
    }
  }

  /** Scans one field: operator hits everywhere, country hits leftmost-longest. */
  function scanField(text: string, field: number, stream: TokenStream): void {
    const s = tokenize(text, stream);
    const count = s.count;
    const tokenFlags = s.flags;
    const casing = casingOf(s);
    let countryFrom = 0;
    const hashes = s.hashes;
    const prefixes = s.prefixes;
    for (let i = 0; i < count; i++) {
      if (prefixIndex) {
        const key = prefixes[i] ?? -1;
        if (key >= 0 && (prefixFilter[key >>> 5] ?? 0) & (1 << (key & 31))) {
          // The token's text without slicing it: its normal form, or its span of the lower-cased field.
          const norm = s.norms[i];
          if (norm) matchPrefixes(prefixIndex, key, norm, 0, norm.length, field);
          else matchPrefixes(prefixIndex, key, s.lower, s.starts[i] ?? 0, s.ends[i] ?? 0, field);
        }
      }
      if (shortPrefixes) {
        const token = normAt(s, i);
        for (const entry of shortPrefixes) if (token.startsWith(entry.prefix)) applyOperatorHits(entry.hits, field);
      }
      const hash = hashes[i] ?? 0;
      if (opsRoot && mayContain(ops.filter, hash)) {
        const first = opsRoot.get(normAt(s, i));
        if (first) walkOperators(first, s, i, field);
      }
      // Tokens inside a country term already matched start no other.
      if (i < countryFrom) continue;
      if (countries.pending !== 0) {
        // A null norm is a plain ASCII word (see TokenStream.norms): Latin script.
        const norm = s.norms[i];
        if (norm === null || norm === undefined) {
          if (countries.pending & (1 << SCRIPT_LATIN)) countries.buildScript(SCRIPT_LATIN);
        } else {
          ensureScript(norm);
        }
      }
      const bit = hash & filterMask;
      if (((filter[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) continue;
      const first = root.get(normAt(s, i));
      if (!first) continue;
      // Walk the country trie from token i, remembering every node with hits.
      let candidates = 0;
      let node: TrieNode | undefined = first;
      let end = i + 1;
      while (node) {
        if (node.countryHits && candidates < maxCandidates) {
          candidateEnds[candidates] = end;
          candidateHits[candidates] = node.countryHits;
          candidates++;
        }
        if (end >= count || !((tokenFlags[end] ?? 0) & TOKEN_JOINED)) break;
        if (!node.next) break;
        node = node.next.get(normAt(s, end));
        end++;
      }
      // Longest first; a candidate whose hits all fail their token rules gives way to a shorter one.
      for (let c = candidates - 1; c >= 0; c--) {
        const hits = candidateHits[c];
        const candidateEnd = candidateEnds[c] ?? i + 1;
        if (!hits) continue;
        let accepted = false;
        for (const hit of hits) {
          if (hit.kind === HIT_BLOCK) {
            accepted = true;
            break;
          }
          if (!passes(hit.rule, s, i, candidateEnd, casing)) continue;
          accepted = true;
          if (hit.rule.needCues !== 0 || hit.rule.vetoCues !== 0 || hit.rule.flags & (RULE_FOREIGN | RULE_NOT_RUSSIAN)) {
            scratch.deferredTopic.push(hit.topic);
            scratch.deferredRule.push(hit.rule);
            // A dateline ("BRUSSELS:") names the place whatever else the item is about.
            scratch.deferredDateline.push(i === 0 && ((tokenFlags[0] ?? 0) & TOKEN_ALL_CAPS) !== 0);
          } else {
            mark(hit.topic, field, false);
          }
        }
        if (accepted) {
          countryFrom = candidateEnd;
          break;
        }
      }
    }
  }

  const hanTables = countries.abbreviations.size > 0 ? countries.abbreviations : null;

  /** Russlandpolitik, Chinareise: a capitalised word that starts with a name (see LanguageRules). */
  function scanCompounds(s: TokenStream, field: number, names: Map<string, number>): void {
    for (let i = 0; i < s.count; i++) {
      if (!((s.flags[i] ?? 0) & TOKEN_CAPITAL)) continue;
      const token = normAt(s, i);
      if (token.length < 8) continue;
      // The longest name first: Nigeriareise is Nigeria, not Niger.
      for (let k = token.length - 4; k >= 4; k--) {
        const topic = names.get(token.slice(0, k));
        if (topic === undefined || topic < 0) continue;
        const rest = token.length - k - (token.charAt(k) === 's' ? 1 : 0);
        if (rest >= 4) mark(topic, field, false);
        break;
      }
    }
  }
  const zhTable = hanTables?.get('zh') ?? null;
  const jaTable = hanTables?.get('ja') ?? null;
  const koTable = hanTables?.get('ko') ?? null;

  /** Whether a field has a Hangul word (non-ASCII tokens carry their normal form already). */
  function hasHangul(s: TokenStream): boolean {
    for (let i = 0; i < s.count; i++) {
      const norm = s.norms[i];
      if (norm !== null && norm !== undefined && isHangulCode(norm.charCodeAt(0))) return true;
    }
    return false;
  }

  /**
   * States as one-character abbreviations (中俄, 俄乌, 俄军, 对华; 中露, 米軍): runs of up to four
   * Han tokens read as one string, which must be a compound, a compound or single before a head
   * noun, or a bound letter after its word, ending at a token boundary of the segmenter's cut.
   */
  function scanAbbreviations(s: TokenStream, field: number, table: AbbreviationTable): void {
    for (let i = 0; i < s.count; i++) {
      const first = normAt(s, i);
      if (!isAbbreviationCode(first.charCodeAt(0))) continue;
      let text = '';
      for (let j = i; j < s.count && j < i + 4; j++) {
        if (j > i && !((s.flags[j] ?? 0) & TOKEN_JOINED)) break;
        const token = normAt(s, j);
        if (!isAbbreviationCode(token.charCodeAt(0))) break;
        text += token;
        const compound = table.compounds.get(text);
        if (compound) for (const topic of compound) mark(topic, field, false);
        for (let k = 1; k < text.length; k++) {
          if (!table.heads.has(text.slice(k))) continue;
          const prefix = text.slice(0, k);
          const headed = table.compounds.get(prefix);
          if (headed) for (const topic of headed) mark(topic, field, false);
          const single = table.singles.get(prefix);
          if (single !== undefined) mark(single, field, false);
        }
        if (text.length === 2 && j <= i + 1) {
          const bound = table.bound.get(text.charAt(1));
          if (bound?.after.has(text.charAt(0))) mark(bound.topic, field, false);
        }
      }
    }
  }

  function cuesOf(stream: TokenStream): number {
    let cues = 0;
    for (let i = 0; i < stream.count; i++) {
      if (!mayContain(cueFilter, stream.hashes[i] ?? 0)) continue;
      cues |= cueWords.get(normAt(stream, i)) ?? 0;
    }
    return cues;
  }

  /**
   * Hits that depend on the whole item (cue words, the text's language) are settled here, after
   * both fields; cue words are only looked up when such a hit occurred, which is rare.
   */
  function resolveDeferred(language: string): void {
    scratch.cues = cuesOf(scratch.titleStream) | cuesOf(scratch.summaryStream);
    const english = language ? /^en(?:-|$)/i.test(language) : (scratch.cues & englishCues) !== 0;
    const russian = language ? /^ru(?:-|$)/i.test(language) : (scratch.cues & russianCues) !== 0;
    for (let d = 0; d < scratch.deferredTopic.length; d++) {
      const rule = scratch.deferredRule[d] ?? noRule;
      const topic = scratch.deferredTopic[d] ?? -1;
      if (rule.flags & RULE_FOREIGN && english) continue;
      if (rule.flags & RULE_NOT_RUSSIAN && russian) continue;
      if (rule.vetoCues & scratch.cues && !scratch.deferredDateline[d]) continue;
      if (rule.needCues !== 0 && !(rule.needCues & scratch.cues)) continue;
      mark(topic, FIELD_TITLE, false);
    }
  }

  function tag(text: TaggableText): string[] {
    scratch.cues = 0;
    scratch.touched.length = 0;
    scratch.deferredTopic.length = 0;
    scratch.deferredRule.length = 0;
    scratch.deferredDateline.length = 0;
    scratch.titleStream.count = 0;
    scratch.summaryStream.count = 0;
    if (text.title) scanField(text.title, FIELD_TITLE, scratch.titleStream);
    if (text.summary) scanField(text.summary, FIELD_SUMMARY, scratch.summaryStream);
    const compoundNames = text.language && countries.compoundNames.size > 0 ? countries.compoundNames.get(text.language.slice(0, 2).toLowerCase()) : undefined;
    if (compoundNames) {
      if (text.title) scanCompounds(scratch.titleStream, FIELD_TITLE, compoundNames);
      if (text.summary) scanCompounds(scratch.summaryStream, FIELD_SUMMARY, compoundNames);
    }
    if (hanTables) {
      for (const [value, field, stream] of [[text.title, FIELD_TITLE, scratch.titleStream], [text.summary, FIELD_SUMMARY, scratch.summaryStream]] as const) {
        if (!value) continue;
        if (stream.segmented && hanText.test(value)) {
          const table = kanaText.test(value) ? jaTable : zhTable;
          if (table) scanAbbreviations(stream, field, table);
        } else if (koTable && hasHangul(stream)) {
          scanAbbreviations(stream, field, koTable);
        }
      }
    }
    if (scratch.deferredTopic.length > 0) resolveDeferred(text.language ?? '');
    const result: string[] = [];
    for (const topic of scratch.touched) {
      if (scratch.positive[topic] !== 0 && scratch.vetoed[topic] === 0) result.push(slugs[topic] ?? '');
      scratch.positive[topic] = 0;
      scratch.vetoed[topic] = 0;
    }
    if (result.length > 1) sortSlugs(result);
    return result;
  }

  return { tag };
}

/**
 * `slugs.sort()` for the few slugs of an item: an insertion sort with `<`, which orders strings
 * by UTF-16 code units as the default sort does, without its per-call set-up (5% of tag time).
 */
function sortSlugs(slugs: string[]): void {
  for (let i = 1; i < slugs.length; i++) {
    const slug = slugs[i] ?? '';
    let j = i - 1;
    for (; j >= 0 && (slugs[j] ?? '') > slug; j--) slugs[j + 1] = slugs[j] ?? '';
    slugs[j + 1] = slug;
  }
}

const CASING_NORMAL = 0;
const CASING_ALL_CAPS = 1;
const CASING_ALL_LOWER = 2;
const CASING_TITLE = 3;

/** How a field is cased, which decides what capital letters can tell. */
function casingOf(s: TokenStream): number {
  if (s.casedLetters >= 8 && s.upperLetters >= 0.8 * s.casedLetters) return CASING_ALL_CAPS;
  const words = s.capitalisedCount + s.lowercaseCount;
  if (s.capitalisedCount === 0 && s.lowercaseCount >= 8) return CASING_ALL_LOWER;
  if (words >= 4 && s.capitalisedCount >= 0.6 * words) return CASING_TITLE;
  return CASING_NORMAL;
}
