/**
 * Every language the country matcher has rules or terms for: one file each, listed here.
 * Adding a language is adding its file (see types.ts for what it may hold), listing it below,
 * and adding its tests.
 */
import { ar } from './ar';
import { az } from './az';
import { be } from './be';
import { cs } from './cs';
import { de } from './de';
import { el } from './el';
import { en } from './en';
import { es } from './es';
import { fa } from './fa';
import { fi } from './fi';
import { fr } from './fr';
import { hi } from './hi';
import { hu } from './hu';
import { hy } from './hy';
import { it } from './it';
import { ja } from './ja';
import { ka } from './ka';
import { kk } from './kk';
import { kkLatn } from './kk-Latn';
import { ko } from './ko';
import { ky } from './ky';
import { mn } from './mn';
import { nl } from './nl';
import { pl } from './pl';
import { pt } from './pt';
import { ru } from './ru';
import { sk } from './sk';
import { sv } from './sv';
import { tg } from './tg';
import { tk } from './tk';
import { tr } from './tr';
import { uk } from './uk';
import { ur } from './ur';
import { uz } from './uz';
import { uzCyrl } from './uz-Cyrl';
import { zh, zhHant } from './zh';
import type { Forms, LanguageRules } from './types';

export type { CountryTermKind, Forms, Inflect, LanguageRules, WordKind } from './types';

export const languages: readonly LanguageRules[] = [
  en, ru, uk, be, kk, de, pl, cs, sk, tr, fi, hu, el, fr, es, pt, it, nl, sv, ur, zh, ja, ko,
  kkLatn, ky, uz, uzCyrl, az, tk, tg, mn, ka, hy, ar, fa, zhHant, hi,
];

export const languageByCode: ReadonlyMap<string, LanguageRules> = new Map(languages.map((language) => [language.code, language]));

/** One kind of term of every language: language → ISO2 → terms (the shape the catalogue reads). */
export function termsOfKind(kind: 'names' | 'adjectives' | 'demonyms' | 'capitals' | 'institutions'): Record<string, Forms> {
  const byLanguage: Record<string, Forms> = {};
  for (const language of languages) {
    const forms = language[kind];
    if (forms) byLanguage[language.code] = forms;
  }
  return byLanguage;
}

/** Every language's words of one context list, merged. */
export function contextWords(pick: (language: LanguageRules) => readonly string[] | undefined): string[] {
  return languages.flatMap((language) => pick(language) ?? []);
}
