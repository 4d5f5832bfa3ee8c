/**
 * Kazakh in the Latin script. Two official alphabets are in use: the 2018 one with acute accents
 * and digraphs (Qazaqstanǵa, Reseıdiń, Máskeý, Shymkent) and the 2021 one (Qazaqstanğa,
 * Reseidıñ, Mäskeu, Şymkent); feeds still declare `kk`. Nothing is listed here: every Kazakh
 * (Cyrillic) term is spelt in both alphabets by the official letter tables (presidential decrees
 * of 19 February 2018 and the 2021 revision), and declined by the Kazakh suffix rules (kk.ts)
 * with each suffix spelt the same way.
 */
import { kkAdjectiveSuffixes, kkSuffixes } from './kk';
import { foldWord } from '../normalize-text';
import type { CountryTermKind, Inflect, LanguageRules } from './types';

const letters2018: Record<string, string> = {
  а: 'a', ә: 'á', б: 'b', в: 'v', г: 'g', ғ: 'ǵ', д: 'd', е: 'e', ё: 'ıo', ж: 'j', з: 'z', и: 'ı', й: 'ı', к: 'k', қ: 'q',
  л: 'l', м: 'm', н: 'n', ң: 'ń', о: 'o', ө: 'ó', п: 'p', р: 'r', с: 's', т: 't', у: 'ý', ұ: 'u', ү: 'ú', ф: 'f', х: 'h',
  һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', і: 'i', ь: '', э: 'e', ю: 'ıý', я: 'ıa',
};
const letters2021: Record<string, string> = {
  ...letters2018,
  ә: 'ä', ғ: 'ğ', ё: 'io', и: 'i', й: 'i', ң: 'ñ', ө: 'ö', у: 'u', ұ: 'ū', ү: 'ü', ч: 'ç', ш: 'ş', щ: 'şş', і: 'ı', ю: 'iu',
  я: 'ia',
};

function spell(text: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = table[lower];
    if (latin === undefined) out += ch;
    else out += lower === ch ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  // 2018: и + я is written ııa (Rossııa); 2021: ия is written ia (Germania, Aziia → Azia).
  return table === letters2021 ? out.replace(/iia/g, 'ia').replace(/Iia/g, 'Ia') : out;
}

/** A Kazakh Cyrillic text in the 2018 and 2021 Latin alphabets (one spelling when they agree). */
export function kazakhLatin(text: string): string[] {
  const a = spell(text, letters2018);
  const b = spell(text, letters2021);
  return a === b ? [a] : [a, b];
}

const suffixCache = new Map<string, string[]>();

/** A Cyrillic suffix in both alphabets, folded (the word it joins keeps its own spelling). */
function latinSuffixes(suffix: string): string[] {
  let spellings = suffixCache.get(suffix);
  if (!spellings) {
    spellings = [...new Set([spell(suffix, letters2018), spell(suffix, letters2021)].map((s) => foldWord(s)))];
    suffixCache.set(suffix, spellings);
  }
  return spellings;
}

const backVowels = 'aoyū';
const frontVowels = 'áäeóöúüiı';
const vowels = 'aáäeéioóöuúüyıūý';

/** Kazakh suffixes spelt in Latin, by the harmony of the word's last vowel (both when unclear). */
const inflect: Inflect = (w, kind) => {
  if (w.length < 3) return [w];
  let harmonies: boolean[] = [true, false];
  for (let i = w.length - 1; i >= 0; i--) {
    const ch = w[i] ?? '';
    if (backVowels.includes(ch)) {
      harmonies = [true];
      break;
    }
    if (frontVowels.includes(ch)) {
      harmonies = [false];
      break;
    }
    // u is ұ (back) in 2018 and у (neutral) in 2021: keep looking, but allow back.
    if (ch === 'u') {
      harmonies = [true, false];
      break;
    }
  }
  const endsVowel = vowels.includes(w.slice(-1));
  const forms = new Set<string>([w]);
  for (const back of harmonies) {
    const suffixes = kind === 'name' ? kkSuffixes(back, endsVowel) : kkAdjectiveSuffixes(back);
    for (const suffix of suffixes) for (const latin of latinSuffixes(suffix)) forms.add(w + latin);
  }
  return [...forms];
};

export const kkLatn: LanguageRules = {
  code: 'kk-Latn',
  inflect,
  derive: {
    from: 'kk',
    // Most spellings differ only by diacritics, which matching folds anyway (ǵ ğ → g): one term then.
    terms: (text: string, kind: CountryTermKind) => {
      const spellings = kazakhLatin(text);
      const distinct = spellings.length === 2 && foldWord(spellings[0] ?? '') === foldWord(spellings[1] ?? '') ? spellings.slice(0, 1) : spellings;
      return distinct.map((latin) => ({ text: latin, kind }));
    },
  },
  languageContext: {
    after: ['tili', 'tilinde', 'tilindegi', 'tiline', 'tilin', 'tilinen', 'tilinin', 'tilderine', 'tilderinde', 'tilderi', 'tılı', 'tılınde', 'tılındegı', 'tılıne', 'tılın', 'tılderıne'],
    before: [],
    beforeAtEnd: [],
  },
  currencyWords: ['teńge', 'teñge', 'tenge', 'rubl', 'dollar'],
};
