/**
 * The built-in country topics: every ISO 3166-1 entry of `world-countries` (250, Kosovo
 * included), with their names in many languages, and the terms the matcher looks for
 * (names, adjectives, demonyms, capitals, state institutions) in each language.
 *
 * Where each piece comes from (see README.md beside this file for the full table):
 * - `world-countries`: the list itself, slugs (from `name.common`), ISO codes, English common
 *   and official names, native names, altSpellings, English capitals, English and French
 *   demonyms, and names in 23 languages (`translations`).
 * - `i18n-iso-countries`: names in the locales registered below (one JSON import each, so a
 *   Worker bundle carries only these), including the short and official variants it lists.
 * - `languages/<code>.ts`: what neither has, per language (adjectives and demonyms beyond
 *   English and French, capitals in other languages, state institutions, historic names);
 *   `data/country-supplement.ts`: what belongs to no one language (terms left out, homonyms).
 */
import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import az from 'i18n-iso-countries/langs/az.json';
import be from 'i18n-iso-countries/langs/be.json';
import cs from 'i18n-iso-countries/langs/cs.json';
import de from 'i18n-iso-countries/langs/de.json';
import el from 'i18n-iso-countries/langs/el.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fa from 'i18n-iso-countries/langs/fa.json';
import fi from 'i18n-iso-countries/langs/fi.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import he from 'i18n-iso-countries/langs/he.json';
import hi from 'i18n-iso-countries/langs/hi.json';
import hu from 'i18n-iso-countries/langs/hu.json';
import hy from 'i18n-iso-countries/langs/hy.json';
import it from 'i18n-iso-countries/langs/it.json';
import ja from 'i18n-iso-countries/langs/ja.json';
import ka from 'i18n-iso-countries/langs/ka.json';
import kk from 'i18n-iso-countries/langs/kk.json';
import ko from 'i18n-iso-countries/langs/ko.json';
import ky from 'i18n-iso-countries/langs/ky.json';
import mn from 'i18n-iso-countries/langs/mn.json';
import nl from 'i18n-iso-countries/langs/nl.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import pt from 'i18n-iso-countries/langs/pt.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import sk from 'i18n-iso-countries/langs/sk.json';
import sv from 'i18n-iso-countries/langs/sv.json';
import tg from 'i18n-iso-countries/langs/tg.json';
import th from 'i18n-iso-countries/langs/th.json';
import tk from 'i18n-iso-countries/langs/tk.json';
import tr from 'i18n-iso-countries/langs/tr.json';
import uk from 'i18n-iso-countries/langs/uk.json';
import ur from 'i18n-iso-countries/langs/ur.json';
import uz from 'i18n-iso-countries/langs/uz.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import worldCountries from 'world-countries';
import { droppedTerms, extraCapitalsEnglish } from './data/country-supplement';
import { languages, termsOfKind, type CountryTermKind } from './languages';
import { foldWord } from './normalize-text';

export interface CountryTopic {
  /** slugify(world-countries name.common), e.g. kazakhstan, united-states, dr-congo, turkiye. */
  slug: string;
  /** Other slugs that resolve to this one in topic expressions (turkey → turkiye). */
  slugAliases: string[];
  /** English common name. */
  name: string;
  /** Upper case; XK for Kosovo. */
  iso2: string;
  iso3: string;
  /** Display names per language code (en, ru, kk, de…), for the API's `aliases`. */
  names: Record<string, string[]>;
}

export type { CountryTermKind } from './languages';

/** One dictionary form the matcher looks for, before inflection. */
export interface CountryTerm {
  iso2: string;
  text: string;
  /** BCP 47 primary language (two letters where one exists); 'und' when the source does not say. */
  lang: string;
  kind: CountryTermKind;
  /** Curated forms outweigh package forms when two countries share a surface form. */
  source: 'package' | 'supplement';
}

/** The locales registered with i18n-iso-countries: news languages, and every inflected one we have rules for. */
const registeredLocales = [
  ar, be, cs, de, el, en, es, fa, fi, fr, he, hi, hu, it, ja, kk, ko, nl, pl, pt, ru, sk, sv, th, tr, uk, ur, zh,
  // Central Asia and the Caucasus (issue 12).
  az, hy, ka, ky, mn, tg, tk, uz,
];

/** world-countries' ISO 639-3 keys (translations, native names, demonyms) → two-letter codes. */
const languageCodes: Record<string, string> = {
  ara: 'ar', bel: 'be', bre: 'br', ces: 'cs', cym: 'cy', dan: 'da', deu: 'de', ell: 'el', eng: 'en', est: 'et', fas: 'fa',
  per: 'fa', fin: 'fi', fra: 'fr', heb: 'he', hin: 'hi', hrv: 'hr', hun: 'hu', hye: 'hy', ita: 'it', jpn: 'ja', kat: 'ka',
  kaz: 'kk', kir: 'ky', kor: 'ko', lav: 'lv', lit: 'lt', nld: 'nl', nor: 'no', nob: 'nb', nno: 'nn', pol: 'pl', por: 'pt',
  ron: 'ro', rus: 'ru', slk: 'sk', slv: 'sl', spa: 'es', srp: 'sr', swe: 'sv', tha: 'th', tur: 'tr', ukr: 'uk', urd: 'ur',
  uzb: 'uz', vie: 'vi', zho: 'zh', aze: 'az', tgk: 'tg', tuk: 'tk', bul: 'bg', mkd: 'mk', sqi: 'sq', bos: 'bs', isl: 'is',
  mon: 'mn', msa: 'ms', ind: 'id', ben: 'bn', nep: 'ne', sin: 'si', tam: 'ta', amh: 'am', som: 'so', swa: 'sw', mlt: 'mt',
  gle: 'ga', lao: 'lo', khm: 'km', mya: 'my', pus: 'ps', dzo: 'dz', div: 'dv', fil: 'tl', tgl: 'tl', hat: 'ht', cat: 'ca',
  ltz: 'lb', ron_md: 'ro', glg: 'gl', eus: 'eu', fao: 'fo', kal: 'kl', mri: 'mi', smo: 'sm', ton: 'to', fij: 'fj',
};

/** Short, obvious alternative slugs; only where the old or usual name differs from world-countries'. */
const slugAliasesByIso2: Record<string, string[]> = {
  TR: ['turkey'],
  US: ['usa', 'us'],
  GB: ['uk', 'britain', 'great-britain'],
  MM: ['burma'],
  CI: ['cote-d-ivoire'],
  CD: ['drc'],
  VA: ['vatican', 'holy-see'],
  CZ: ['czech-republic'],
  TL: ['east-timor'],
  SZ: ['swaziland'],
  CV: ['cabo-verde'],
  MK: ['macedonia'],
  NL: ['holland'],
  KG: ['kirghizia'],
  AE: ['uae'],
};

/** slugify as the brief and the labelled set define it. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

let registered = false;
function registerLocales(): void {
  if (registered) return;
  for (const locale of registeredLocales) countries.registerLocale(locale);
  registered = true;
}

/** Names that only name a part of the inverted form ("Korea, Republic of") or a bracketed note. */
function cleanName(name: string): string | null {
  const withoutNote = name.replace(/\s*[(（][^)）]*[)）]\s*/g, ' ').trim();
  if (withoutNote.length === 0 || withoutNote.includes(',')) return null;
  return withoutNote;
}

function addName(target: Record<string, string[]>, lang: string, name: string): void {
  const cleaned = cleanName(name);
  if (!cleaned) return;
  const list = (target[lang] ??= []);
  if (!list.includes(cleaned)) list.push(cleaned);
}

const extraNames = termsOfKind('names');

let catalogue: CountryTopic[] | null = null;

/** Every ISO 3166-1 entry in world-countries (250, includes Kosovo); memoised. */
export function loadCountryCatalogue(): CountryTopic[] {
  if (catalogue) return catalogue;
  registerLocales();
  const registeredLanguages = registeredLocales.map((locale) => locale.locale);
  catalogue = worldCountries.map((country) => {
    const iso2 = country.cca2.toUpperCase();
    const names: Record<string, string[]> = {};
    addName(names, 'en', country.name.common);
    addName(names, 'en', country.name.official);
    for (const [code, translation] of Object.entries(country.translations)) {
      const lang = languageCodes[code] ?? code;
      addName(names, lang, translation.common);
      addName(names, lang, translation.official);
    }
    for (const [code, native] of Object.entries(country.name.native)) {
      const lang = languageCodes[code] ?? code;
      addName(names, lang, native.common);
      addName(names, lang, native.official);
    }
    for (const lang of registeredLanguages) {
      const localised = countries.getName(iso2, lang, { select: 'all' });
      for (const name of localised ?? []) addName(names, lang, name);
    }
    for (const [lang, byCountry] of Object.entries(extraNames)) {
      for (const name of byCountry[iso2] ?? []) if (!name.startsWith('=')) addName(names, lang, name);
    }
    return {
      slug: slugify(country.name.common),
      slugAliases: slugAliasesByIso2[iso2] ?? [],
      name: country.name.common,
      iso2,
      iso3: country.cca3.toUpperCase(),
      names,
    };
  });
  return catalogue;
}


let terms: Map<string, CountryTerm[]> | null = null;

const derivingLanguages = languages.filter((language) => language.derive);

/**
 * Every term of every country, keyed by ISO2: the names above, English altSpellings (ISO codes
 * and the like left out), capitals, demonyms and the supplement. Memoised.
 */
export function loadCountryTerms(): Map<string, CountryTerm[]> {
  if (terms) return terms;
  const dropped = new Map<string, Set<string>>();
  for (const { iso2, terms: list } of droppedTerms) {
    const set = dropped.get(iso2) ?? new Set<string>();
    for (const term of list) set.add(foldWord(term));
    dropped.set(iso2, set);
  }
  const isDropped = (iso2: string, text: string): boolean => {
    // foldWord, not normalizeTerm: thousands of short names would shape the tokenizer's JIT code.
    const key = foldWord(text);
    return (dropped.get(iso2)?.has(key) ?? false) || (dropped.get('*')?.has(key) ?? false);
  };

  // The supplement's groups by country, in the order the loop below used to read them (group,
  // then language, then text): one pass over them instead of one per country.
  const groups: Array<[Record<string, Record<string, string[]>>, CountryTermKind]> = [
    [extraNames, 'name'],
    [termsOfKind('adjectives'), 'adjective'],
    [termsOfKind('demonyms'), 'demonym'],
    [termsOfKind('capitals'), 'capital'],
    [termsOfKind('institutions'), 'institution'],
  ];
  const supplementByIso2 = new Map<string, Array<[text: string, lang: string, kind: CountryTermKind]>>();
  for (const [group, kind] of groups) {
    for (const [lang, byIso2] of Object.entries(group)) {
      for (const [iso2, texts] of Object.entries(byIso2)) {
        let list = supplementByIso2.get(iso2);
        if (!list) supplementByIso2.set(iso2, (list = []));
        for (const text of texts) list.push([text, lang, kind]);
      }
    }
  }

  const byCountry = new Map<string, CountryTerm[]>();
  const rawByIso2 = new Map(worldCountries.map((country) => [country.cca2.toUpperCase(), country]));
  for (const topic of loadCountryCatalogue()) {
    const list: CountryTerm[] = [];
    const seen = new Set<string>();
    const add = (text: string, lang: string, kind: CountryTermKind, source: CountryTerm['source'] = 'package'): void => {
      if (text.length === 0 || isDropped(topic.iso2, text)) return;
      const key = `${lang}\u0000${kind}\u0000${text}`;
      if (seen.has(key)) return;
      seen.add(key);
      list.push({ iso2: topic.iso2, text, lang, kind, source });
    };
    for (const [lang, names] of Object.entries(topic.names)) for (const name of names) add(name, lang, 'name');
    const raw = rawByIso2.get(topic.iso2);
    if (raw) {
      for (const spelling of raw.altSpellings) {
        // Two- and three-letter codes (IN, IT, AM, ME…) are ordinary words; curated acronyms are in the supplement.
        if (spelling.length <= 3) continue;
        const cleaned = cleanName(spelling);
        // Their language is not given (Island, Sakartvelo, Hayastan…); the English ones we need are in the supplement.
        if (cleaned) add(cleaned, 'und', 'name');
      }
      for (const capital of raw.capital) add(capital, 'en', 'capital');
      for (const [code, demonym] of Object.entries(raw.demonyms ?? {})) {
        const lang = languageCodes[code] ?? code;
        add(demonym.m, lang, 'demonym');
        add(demonym.f, lang, 'demonym');
      }
    }
    for (const capital of extraCapitalsEnglish[topic.iso2] ?? []) add(capital, 'en', 'capital', 'supplement');
    for (const [text, lang, kind] of supplementByIso2.get(topic.iso2) ?? []) add(text, lang, kind, 'supplement');
    // Terms a language derives by rule from another's (or its own): Latin Kazakh, nisbas.
    for (const language of derivingLanguages) {
      const derive = language.derive;
      if (!derive) continue;
      for (const term of list.filter((t) => t.lang === derive.from)) {
        for (const derived of derive.terms(term.text, term.kind)) add(derived.text, language.code, derived.kind, term.source);
      }
    }
    byCountry.set(topic.iso2, list);
  }
  terms = byCountry;
  return terms;
}
