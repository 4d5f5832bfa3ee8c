/**
 * The language of a text whose feed declares none, so that the matcher applies that language's
 * rules (issue 12). Contract:
 *
 * - `detectLanguage(text)` returns a lower-case ISO 639-1 code from `DETECTABLE_LANGUAGES`, or
 *   null when the text is too short or in a script none of them is written in. It never throws.
 * - `detectDocumentLanguages(entries)` decides a language for every entry of one feed document:
 *   a declared language wins; the entries that declare none share one detection made on their
 *   pooled text (a feed is almost always written in one language, and a headline alone is often
 *   too short to tell Turkish from Azerbaijani), except an entry whose own script differs from
 *   that language's, which is detected on its own (a Latin item in a Cyrillic feed).
 *
 * The detector is franc (trigram ranks from the UDHR in 187 languages; Latin and Cyrillic
 * Kazakh, Kyrgyz, Uzbek, Tajik, Turkmen, Azerbaijani, Mongolian among them), limited to the
 * languages a news aggregator for this region meets: a wider list makes short headlines fall
 * into languages nobody writes news in (Scots, Nigerian Pidgin). franc has no Latin Kazakh; the
 * letters only Kazakh Latin uses (ǵ of the 2018 alphabet; ı with ń, ñ or ū) decide it instead.
 * A franc call costs about half a millisecond, hence one call per document rather than per item.
 */
import { franc } from 'franc';

/** ISO 639-3 (franc) → ISO 639-1 (what feeds declare and the matcher reads). */
const ISO_639_1: Readonly<Record<string, string>> = {
  // Central Asia and its neighbours
  kaz: 'kk', kir: 'ky', uzn: 'uz', tgk: 'tg', tuk: 'tk', azj: 'az', khk: 'mn', tur: 'tr',
  rus: 'ru', ukr: 'uk', bel: 'be', kat: 'ka', hye: 'hy', arb: 'ar', pes: 'fa', urd: 'ur',
  cmn: 'zh', hin: 'hi', jpn: 'ja', kor: 'ko',
  // The big news languages of Europe (more of them make Czech read as Croatian, Turkish as
  // Indonesian: a neighbour's rules are the smaller harm)
  eng: 'en', fra: 'fr', deu: 'de', spa: 'es', ita: 'it', por: 'pt', pol: 'pl', ces: 'cs', nld: 'nl',
  // Scripts of one language each, which franc recognises without trigrams
  ell: 'el', heb: 'he', tha: 'th',
};

const CANDIDATES = Object.keys(ISO_639_1);

/** Every code `detectLanguage` can return. */
export const DETECTABLE_LANGUAGES: readonly string[] = [...new Set(Object.values(ISO_639_1))].sort();

/** Shorter texts are too often misread (franc's own default is 10). */
const MIN_LETTERS = 10;
/**
 * Text read for one detection. franc's cost grows with the text (about 1.3 ms for the 2,048
 * characters it reads at most); 400 characters, a headline or two with their summaries,
 * already decide the language of nearly every feed (see docs/language-detection.md).
 */
const MAX_SAMPLE_CHARS = 400;
const POOLED_SAMPLE_CHARS = MAX_SAMPLE_CHARS;

const KAZAKH_2018 = /ǵ/u;
const KAZAKH_LATIN_WITH_DOTLESS_I = /[ńñū]/u;
/** What franc answers for Kazakh written in Latin letters. */
const KAZAKH_LATIN_LOOKALIKES: ReadonlySet<string> = new Set(['tk', 'tr', 'az', 'uz', 'pl']);

export function detectLanguage(text: string): string | null {
  const sample = text.length > MAX_SAMPLE_CHARS ? text.slice(0, MAX_SAMPLE_CHARS) : text;
  if (!hasLetters(sample, MIN_LETTERS)) return null;
  const code = ISO_639_1[franc(sample, { only: CANDIDATES, minLength: 1 })] ?? null;
  if (code !== null && KAZAKH_LATIN_LOOKALIKES.has(code) && isKazakhLatin(sample)) return 'kk';
  return code;
}

function isKazakhLatin(text: string): boolean {
  const lower = text.toLowerCase();
  return KAZAKH_2018.test(lower) || (lower.includes('ı') && KAZAKH_LATIN_WITH_DOTLESS_I.test(lower));
}

const LETTER = /\p{L}/u;

function hasLetters(text: string, wanted: number): boolean {
  let letters = 0;
  for (const char of text) if (LETTER.test(char) && ++letters >= wanted) return true;
  return false;
}

/**
 * The scripts that matter for deciding whether an item may share its document's language: the
 * ones several candidate languages share. Every other script counts as one ("other"): a
 * Japanese item in a Chinese feed takes the feed's language.
 */
type Script = 'latin' | 'cyrillic' | 'arabic' | 'other';

/** Letters enough to know a text's script: a headline's worth. */
const SCRIPT_SAMPLE_LETTERS = 48;

/** The script most letters of the text are in (Latin, Cyrillic, Arabic, or anything else). */
export function dominantScript(text: string): Script {
  let latin = 0;
  let cyrillic = 0;
  let arabic = 0;
  let other = 0;
  for (let i = 0; i < text.length && latin + cyrillic + arabic + other < SCRIPT_SAMPLE_LETTERS; i += 1) {
    const code = text.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) latin += 1;
    else if (code >= 0x400 && code <= 0x52f) cyrillic += 1;
    else if ((code >= 0x600 && code <= 0x6ff) || (code >= 0x750 && code <= 0x77f) || (code >= 0xfb50 && code <= 0xfeff)) arabic += 1;
    else if (code > 0x2af && !(code >= 0x2000 && code <= 0x2bff) && !(code >= 0x3000 && code <= 0x303f)) other += 1;
  }
  const max = Math.max(latin, cyrillic, arabic, other);
  if (max === 0) return 'other';
  if (max === latin) return 'latin';
  if (max === cyrillic) return 'cyrillic';
  if (max === arabic) return 'arabic';
  return 'other';
}

export interface LanguageInput {
  title: string;
  summary: string | null;
  /** As declared by the entry or its feed; null when neither says. */
  language: string | null;
}

/** One language (declared or detected, or null) per entry, in order. */
export function detectDocumentLanguages(entries: readonly LanguageInput[]): (string | null)[] {
  let pooled = '';
  for (const entry of entries) {
    if (entry.language !== null) continue;
    if (pooled.length >= POOLED_SAMPLE_CHARS) break;
    pooled += `${entry.title}\n${entry.summary ?? ''}\n`;
  }
  if (pooled === '') return entries.map((entry) => entry.language);
  const documentLanguage = detectLanguage(pooled);
  const documentScript = dominantScript(pooled);
  return entries.map((entry) => {
    if (entry.language !== null) return entry.language;
    const text = `${entry.title}\n${entry.summary ?? ''}`;
    const sameScript = documentLanguage !== null && dominantScript(text) === documentScript;
    // A Kazakh Latin item in a feed read as Turkish (or Turkmen…) gets its own look.
    if (sameScript && !(KAZAKH_LATIN_LOOKALIKES.has(documentLanguage) && isKazakhLatin(text))) return documentLanguage;
    return detectLanguage(text);
  });
}
