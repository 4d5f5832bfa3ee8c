/**
 * The topic matcher: which topics an item's title and summary are about.
 *
 * Contract:
 * - `compileMatcher` builds, once, one token trie for every term of every topic: each country's
 *   names, adjectives, demonyms, capitals and institutions in all their inflected forms (see
 *   inflect.ts), the operators' extra terms, and the custom topics' terms. Tagging an item is
 *   then one pass over its tokens with one map lookup per token, whatever the number of topics.
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
  currencyWords,
  diacriticsRequired,
  elsewhereRegions,
  foodWords,
  homonyms,
  multiCountryTerms,
  notPersonNames,
  phraseEndWords,
  qualifierContext,
} from './data/country-supplement';
import { inflectPhrase, type WordKind } from './inflect';
import {
  createTokenStream,
  foldWord,
  hashToken,
  normAt,
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
  /** Country and blocking hits ending here (leftmost-longest). */
  countryHits: Hit[] | null;
  /** Operator hits ending here (all count). */
  operatorHits: Hit[] | null;
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

/** Builder state shared by the compile steps. */
/** Single-word prefix terms, indexed by their first two characters (one for one-letter prefixes). */
interface PrefixEntry {
  prefix: string;
  hits: Hit[];
}

interface Build {
  root: Map<string, TrieNode>;
  rootPrefixes: PrefixNode;
  prefixIndex: Map<number, PrefixEntry[]>;
  /** Cue words → bits of the cue sets they belong to. */
  cueWords: Map<string, number>;
  ruleCache: Map<string, HitRule>;
  ruleIds: Map<HitRule, number>;
  hitCache: Map<string, Hit>;
  singleHits: Map<Hit, Hit[]>;
  folded: Map<string, string>;
}

function internRule(build: Build, rule: HitRule): HitRule {
  const key = `${rule.flags}|${rule.needCues}|${rule.vetoCues}|${rule.exact?.join(' ') ?? ''}`;
  const existing = build.ruleCache.get(key);
  if (existing) return existing;
  build.ruleCache.set(key, rule);
  build.ruleIds.set(rule, build.ruleIds.size + 1);
  return rule;
}

function foldCached(build: Build, word: string): string {
  let folded = build.folded.get(word);
  if (folded === undefined) {
    folded = foldWord(word);
    build.folded.set(word, folded);
  }
  return folded;
}

function nodeFor(build: Build, tokens: string[]): TrieNode {
  let node: TrieNode | undefined;
  let map = build.root;
  for (const token of tokens) {
    node = map.get(token);
    if (!node) {
      node = newNode();
      map.set(token, node);
    }
    map = node.next ??= new Map();
  }
  if (!node) throw new Error('tag: empty term');
  return node;
}

function addCountryHit(build: Build, tokens: string[], hit: Hit): TrieNode {
  const node = nodeFor(build, tokens);
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

function internHit(build: Build, topic: number, rule: HitRule): Hit {
  const key = `${topic}|${build.ruleIds.get(rule) ?? 0}`;
  let hit = build.hitCache.get(key);
  if (!hit) {
    hit = { kind: HIT_COUNTRY, topic, rule, fields: FIELD_TITLE | FIELD_SUMMARY };
    build.hitCache.set(key, hit);
  }
  return hit;
}

function addOperatorHit(build: Build, tokens: string[], hit: Hit, prefix: boolean): void {
  if (!prefix) {
    const node = nodeFor(build, tokens);
    const hits = (node.operatorHits ??= []);
    if (!hits.some((h) => h.topic === hit.topic && h.kind === hit.kind && h.fields === hit.fields)) hits.push(hit);
    return;
  }
  const head = tokens.slice(0, -1);
  const last = tokens[tokens.length - 1] ?? '';
  let prefixRoot: PrefixNode;
  if (head.length === 0) {
    const key = prefixKey(last);
    const entries = build.prefixIndex.get(key) ?? [];
    const entry = entries.find((e) => e.prefix === last);
    if (entry) entry.hits.push(hit);
    else entries.push({ prefix: last, hits: [hit] });
    build.prefixIndex.set(key, entries);
    return;
  } else {
    const node = nodeFor(build, head);
    prefixRoot = node.prefixes ??= { children: new Map(), hits: null };
  }
  let current = prefixRoot;
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

/** A hash of a word's first three characters, for the prefix filter. */
function prefixTriple(a: number, b: number, c: number): number {
  return (a * 961 + b * 31 + c) & 0xffff;
}

/** Index key of a prefix term: its first three characters (or all of a shorter prefix). */
function prefixKey(token: string, length = Math.min(3, token.length)): number {
  if (length >= 3) return token.charCodeAt(0) * 4294967296 + token.charCodeAt(1) * 65536 + token.charCodeAt(2);
  return length === 2 ? token.charCodeAt(0) * 65536 + token.charCodeAt(1) : token.charCodeAt(0);
}

/** Lower-case words of a term with their diacritics (inflection needs them), and their folded tokens. */
const compileStream = createTokenStream(32);

/**
 * Words made only of letters and digits of spaced scripts, separated by spaces, apostrophes or
 * hyphens: `tokenize` would cut them at exactly those separators.
 */
const simpleTerm = /^[\p{L}\p{N}]+(?:[\s'’‘ʼ\-‐‑–—]+[\p{L}\p{N}]+)*$/u;
const simpleSeparators = /[\s'’‘ʼ\-‐‑–—]+/u;
const noSpaceScript = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function splitWords(text: string): { words: string[]; tokens: string[] } {
  // Most terms are simple; splitting them here keeps the thousands of short compile-time
  // inputs away from the tokenizer, whose optimised code is then shaped by real texts only.
  if (simpleTerm.test(text) && !noSpaceScript.test(text)) {
    const words = text.split(simpleSeparators).map((word) => word.normalize('NFC').replace(/\u0130/g, 'I').toLowerCase());
    return { words, tokens: words.map((word) => foldWord(word)) };
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

const latinScript = /\p{Script=Latin}/u;
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

interface CompileContext {
  cueBits: Map<string, number>;
  homonymRules: Map<string, { flags: number; needCues: number; vetoCues: number }>;
  exactForms: Map<string, boolean>;
}

function cueMask(context: CompileContext, names: string[] | undefined): number {
  let mask = 0;
  for (const name of names ?? []) mask |= context.cueBits.get(name) ?? 0;
  return mask;
}

function buildContext(build: Build): CompileContext {
  const cueBits = new Map<string, number>();
  let bit = 1;
  for (const [name, words] of Object.entries(cueSets)) {
    cueBits.set(name, bit);
    for (const word of words) {
      const { tokens } = splitWords(word);
      const token = tokens[0];
      if (tokens.length !== 1 || token === undefined) continue;
      build.cueWords.set(token, (build.cueWords.get(token) ?? 0) | bit);
    }
    bit <<= 1;
  }
  const context: CompileContext = { cueBits, homonymRules: new Map(), exactForms: new Map() };
  for (const rule of homonyms) {
    let flags = 0;
    if (rule.person) flags |= RULE_PERSON_BEFORE;
    // Capitals stay capitals in "Paris Agreement" or "London Marathon"; only country names
    // that are also first names yield to a following surname.
    if (rule.person && (rule.iso2 === 'JO' || rule.iso2 === 'TD')) flags |= RULE_PERSON_AFTER;
    if (rule.notSentenceInitial) flags |= RULE_NOT_INITIAL;
    const entry = { flags, needCues: cueMask(context, rule.needCues), vetoCues: cueMask(context, rule.vetoCues) };
    for (const term of rule.terms) context.homonymRules.set(termKey(rule.iso2, term), entry);
  }
  for (const { iso2, terms } of diacriticsRequired) for (const term of terms) context.exactForms.set(termKey(iso2, term), true);
  return context;
}

function inflectionKind(kind: CountryTerm['kind']): WordKind {
  return kind === 'adjective' ? 'adjective' : kind === 'demonym' ? 'demonym' : 'name';
}

function ruleForTerm(context: CompileContext, term: CountryTerm, words: string[], key: string): HitRule {
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
  const homonym = context.homonymRules.get(key);
  let exact: string[] | null = null;
  if (context.exactForms.has(key)) {
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

/** Adds every surface form of a country term. */
function addCountryTerm(build: Build, context: CompileContext, term: CountryTerm, topic: number, contested: Set<TrieNode>): void {
  const literal = term.text.startsWith('=');
  const raw = literal ? term.text.slice(1) : term.text;
  const { words, tokens } = splitWords(raw);
  if (tokens.length === 0) return;
  const baseKey = tokens.join(' ');
  const rule = internRule(build, ruleForTerm(context, { ...term, text: raw }, words, `${term.iso2}\u0000${baseKey}`));
  const hit = internHit(build, topic, rule);
  const phrases = literal || rule.flags & RULE_EXACT ? [words] : inflectPhrase(words, term.lang, inflectionKind(term.kind));
  const baseWeight = term.source === 'supplement' ? 10 : 1;
  for (const phrase of phrases) {
    const surface: string[] = [];
    for (const word of phrase) {
      const folded = foldCached(build, word);
      if (folded.length > 0) surface.push(folded);
    }
    if (surface.length === 0) continue;
    const node = addCountryHit(build, surface, hit);
    addOwnership(node, topic, phrase === words || surface.join(' ') === baseKey ? baseWeight : baseWeight / 10);
    if (node.rivals) contested.add(node);
  }
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

function addOperatorTerm(build: Build, term: string, hit: Hit): void {
  const trimmed = term.trim();
  const prefix = trimmed.endsWith('*');
  const body = prefix ? trimmed.slice(0, -1) : trimmed;
  const { words, tokens } = splitWords(body);
  if (tokens.length === 0) return;
  if (prefix) {
    addOperatorHit(build, tokens, hit, true);
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
  for (const form of forms) addOperatorHit(build, form.split(' ').filter((t) => t.length > 0), hit, false);
}

function toFieldMask(fields: Array<'title' | 'summary'> | undefined): number {
  if (!fields || fields.length === 0) return FIELD_TITLE | FIELD_SUMMARY;
  let mask = 0;
  if (fields.includes('title')) mask |= FIELD_TITLE;
  if (fields.includes('summary')) mask |= FIELD_SUMMARY;
  return mask || FIELD_TITLE | FIELD_SUMMARY;
}

function toTokenSet(words: string[]): Set<string> {
  const set = new Set<string>();
  for (const word of words) for (const token of splitWords(word).tokens) set.add(token);
  return set;
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
  const build: Build = {
    root: new Map(),
    rootPrefixes: { children: new Map(), hits: null },
    prefixIndex: new Map(),
    cueWords: new Map(),
    ruleCache: new Map(),
    ruleIds: new Map(),
    hitCache: new Map(),
    singleHits: new Map(),
    folded: new Map(),
  };
  const context = buildContext(build);
  const slugs: string[] = [];
  const topicBySlug = new Map<string, number>();
  const topicByIso2 = new Map<string, number>();
  for (const country of options.countries) {
    const index = slugs.length;
    slugs.push(country.slug);
    topicBySlug.set(country.slug, index);
    for (const alias of country.slugAliases) if (!topicBySlug.has(alias)) topicBySlug.set(alias, index);
    topicByIso2.set(country.iso2.toUpperCase(), index);
  }

  // Country terms, with the surface forms each country owns, to find forms two countries share.
  const termsByIso2 = loadCountryTerms();
  const contested = new Set<TrieNode>();
  for (const country of options.countries) {
    const topic = topicByIso2.get(country.iso2.toUpperCase()) ?? -1;
    const known = termsByIso2.get(country.iso2.toUpperCase());
    const terms: CountryTerm[] =
      known ??
      Object.entries(country.names).flatMap(([lang, names]) =>
        names.map((text) => ({ iso2: country.iso2, text, lang, kind: 'name' as const, source: 'package' as const })),
      );
    for (const term of terms) addCountryTerm(build, context, term, topic, contested);
  }
  // A surface form two countries share names neither on its own (Congo, Guinée…) unless one
  // owns it far more strongly (a dictionary form in many languages against a stray inflection).
  for (const node of contested) {
    const weights = [...(node.rivals ?? []), [node.owner, node.ownerWeight] as [number, number]].sort((a, b) => b[1] - a[1]);
    const [top, second] = weights;
    const keep = top && second && top[1] >= 3 * second[1] ? top[0] : -1;
    node.countryHits = node.countryHits?.filter((hit) => hit.kind !== HIT_COUNTRY || hit.topic === keep) ?? null;
  }
  for (const entry of ambiguousTerms) {
    for (const candidate of entry.candidates) {
      const topic = topicByIso2.get(candidate.iso2);
      if (topic === undefined) continue;
      for (const text of entry.terms) {
        const term: CountryTerm = { iso2: candidate.iso2, text, lang: entry.lang, kind: entry.kind, source: 'supplement' };
        const { words, tokens } = splitWords(text);
        const base = ruleForTerm(context, term, words, `${term.iso2}\u0000${tokens.join(' ')}`);
        const rule = internRule(build, { ...base, needCues: base.needCues | cueMask(context, [candidate.needCues]) });
        for (const phrase of inflectPhrase(words, entry.lang, inflectionKind(entry.kind))) {
          addCountryHit(build, phrase.map((w) => foldWord(w)), { kind: HIT_COUNTRY, topic, rule, fields: FIELD_TITLE | FIELD_SUMMARY });
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
        addCountryHit(build, tokens, { kind: HIT_COUNTRY, topic, rule: internRule(build, { ...noRule, flags: RULE_LANGUAGE }), fields: 3 });
      }
    }
  }
  for (const phrase of blockedPhrases) {
    const { tokens } = splitWords(phrase);
    if (tokens.length === 0) continue;
    const node = nodeFor(build, tokens);
    // A blocked phrase wins over a term of the same length.
    node.countryHits = [{ kind: HIT_BLOCK, topic: -1, rule: noRule, fields: 3 }];
  }

  // Operator rules: extensions of countries, or custom topics.
  for (const rules of options.rules) {
    const existing = topicBySlug.get(rules.slug);
    const isCountry = existing !== undefined && existing < options.countries.length;
    let topic = existing;
    if (topic === undefined) {
      topic = slugs.length;
      slugs.push(rules.slug);
      topicBySlug.set(rules.slug, topic);
    }
    const fields = toFieldMask(rules.fields);
    for (const term of rules.include) addOperatorTerm(build, term, { kind: HIT_INCLUDE, topic, rule: noRule, fields });
    for (const term of rules.exclude) addOperatorTerm(build, term, { kind: HIT_EXCLUDE, topic, rule: noRule, fields: isCountry ? 3 : fields });
  }

  const qualifierAfter = new Set<string>();
  const qualifierBefore = new Set<string>();
  const qualifierBeforeAtEnd = new Set<string>();
  for (const lists of Object.values(qualifierContext)) {
    for (const t of toTokenSet(lists.after)) qualifierAfter.add(t);
    for (const t of toTokenSet(lists.before)) qualifierBefore.add(t);
    for (const t of toTokenSet(lists.beforeAtEnd)) qualifierBeforeAtEnd.add(t);
  }
  // Currencies and foods follow names too ("US dollar", "Thailand curry"); languages follow adjectives only.
  const products = toTokenSet([...currencyWords, ...foodWords]);
  const conjunctions = toTokenSet(['and', 'or', 'и', 'или', 'та', 'і', 'und', 'oder', 'et', 'ou', 'y', 'e', 'i']);
  const phraseEnds = toTokenSet(phraseEndWords);
  const notNames = toTokenSet(notPersonNames);
  const elsewhere = new Set(elsewhereRegions);
  const elsewhereSecond: Record<string, string[]> = {
    new: ['hampshire', 'jersey', 'mexico', 'york', 'brunswick'],
    north: ['carolina', 'dakota'],
    south: ['carolina', 'dakota'],
    west: ['virginia'],
    rhode: ['island'],
  };

  const root = build.root;
  // A one-hash Bloom filter over the first tokens of every term and the cue words: most tokens
  // of a text are none of them, and a bit test in a 256 KB table is much cheaper than a Map
  // lookup of a fresh string.
  const filterBits = 21;
  const filterMask = (1 << filterBits) - 1;
  const filter = new Uint32Array(1 << (filterBits - 5));
  for (const key of root.keys()) {
    const bit = hashToken(key) & filterMask;
    filter[bit >>> 5] = (filter[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }
  const cueWords = build.cueWords;
  const cueFilter = new Uint32Array(1 << (filterBits - 5));
  for (const key of cueWords.keys()) {
    const bit = hashToken(key) & filterMask;
    cueFilter[bit >>> 5] = (cueFilter[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }
  // First three characters of the single-word prefix terms, to skip the index for most tokens.
  const prefixTriples = new Uint8Array(65536);
  let hasShortPrefixes = false;
  for (const entries of build.prefixIndex.values()) {
    for (const entry of entries) {
      const p = entry.prefix;
      if (p.length >= 3) prefixTriples[prefixTriple(p.charCodeAt(0), p.charCodeAt(1), p.charCodeAt(2))] = 1;
      else hasShortPrefixes = true;
    }
  }
  const prefixIndex = build.prefixIndex.size > 0 ? build.prefixIndex : null;
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
  const englishCues = context.cueBits.get('english') ?? 0;

  const maxCandidates = 16;
  const candidateEnds = new Int32Array(maxCandidates);
  const candidateHits: Array<Hit[] | null> = new Array<Hit[] | null>(maxCandidates).fill(null);

  function isPlaceToken(norm: string): boolean {
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
    }
    if (flags & RULE_LANGUAGE && prev >= 0 && first & TOKEN_JOINED) {
      // "in Russian", and "in Kazakh and Russian": step back over coordinated adjectives.
      let before = prev;
      for (let steps = 0; steps < 4 && before > 0 && (conjunctions.has(normAt(s, before)) || isPlaceToken(normAt(s, before))); steps++) before--;
      const prevNorm = normAt(s, prev);
      if (qualifierBefore.has(prevNorm)) return false;
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

  function matchPrefixes(index: Map<number, PrefixEntry[]>, token: string, field: number, short: boolean): void {
    if (token.length === 0) return;
    const lengths = short ? [1, 2, 3] : [3];
    for (const length of lengths) {
      if (token.length < length) break;
      const entries = index.get(prefixKey(token, length));
      if (entries) for (const entry of entries) if (token.startsWith(entry.prefix)) applyOperatorHits(entry.hits, field);
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
    for (let i = 0; i < count; i++) {
      if (prefixIndex) {
        const start = s.starts[i] ?? 0;
        const norm = s.norms[i];
        let candidate = hasShortPrefixes;
        if (!candidate && (norm ? norm.length >= 3 : (s.ends[i] ?? 0) - start >= 3)) {
          const text = norm ?? s.lower;
          const at = norm ? 0 : start;
          candidate = prefixTriples[prefixTriple(text.charCodeAt(at), text.charCodeAt(at + 1), text.charCodeAt(at + 2))] === 1;
        }
        if (candidate) matchPrefixes(prefixIndex, normAt(s, i), field, hasShortPrefixes);
      }
      const bit = (hashes[i] ?? 0) & filterMask;
      if (((filter[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) continue;
      const first = root.get(normAt(s, i));
      if (!first) continue;
      // Walk the phrase trie from token i, remembering every node with country hits.
      let candidates = 0;
      let node: TrieNode | undefined = first;
      let end = i + 1;
      while (node) {
        if (node.operatorHits) applyOperatorHits(node.operatorHits, field);
        if (node.countryHits && i >= countryFrom && candidates < maxCandidates) {
          candidateEnds[candidates] = end;
          candidateHits[candidates] = node.countryHits;
          candidates++;
        }
        if (end >= count || !((tokenFlags[end] ?? 0) & TOKEN_JOINED)) break;
        if (node.prefixes) collectPrefixHits(node.prefixes, normAt(s, end), field);
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
          if (hit.rule.needCues !== 0 || hit.rule.vetoCues !== 0 || hit.rule.flags & RULE_FOREIGN) {
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

  /**
   * Hits that depend on the whole item (cue words, the text's language) are settled here, after
   * both fields; cue words are only looked up when such a hit occurred, which is rare.
   */
  function resolveDeferred(language: string): void {
    let cues = 0;
    for (const stream of [scratch.titleStream, scratch.summaryStream]) {
      for (let i = 0; i < stream.count; i++) {
        const bit = (stream.hashes[i] ?? 0) & filterMask;
        if (((cueFilter[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) continue;
        cues |= cueWords.get(normAt(stream, i)) ?? 0;
      }
    }
    scratch.cues = cues;
    const english = language ? /^en(?:-|$)/i.test(language) : (cues & englishCues) !== 0;
    for (let d = 0; d < scratch.deferredTopic.length; d++) {
      const rule = scratch.deferredRule[d] ?? noRule;
      const topic = scratch.deferredTopic[d] ?? -1;
      if (rule.flags & RULE_FOREIGN && english) continue;
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
    if (scratch.deferredTopic.length > 0) resolveDeferred(text.language ?? '');
    const result: string[] = [];
    for (const topic of scratch.touched) {
      if (scratch.positive[topic] !== 0 && scratch.vetoed[topic] === 0) result.push(slugs[topic] ?? '');
      scratch.positive[topic] = 0;
      scratch.vetoed[topic] = 0;
    }
    if (result.length > 1) result.sort();
    return result;
  }

  return { tag };
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
