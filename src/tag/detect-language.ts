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
 * The detector is franc's (trigram ranks from the UDHR in 187 languages; Latin and Cyrillic
 * Kazakh, Kyrgyz, Uzbek, Tajik, Turkmen, Azerbaijani, Mongolian among them), limited to the
 * languages a news aggregator for this region meets: a wider list makes short headlines fall
 * into languages nobody writes news in (Scots, Nigerian Pidgin). franc has no Latin Kazakh; the
 * letters only Kazakh Latin uses (ǵ of the 2018 alphabet; ı with ń, ñ or ū) decide it instead.
 *
 * franc's own `franc()` builds the models of all 187 languages when it is imported (100–150 ms
 * here, paid by every process start and cold Worker) and scores about 2,000 items a second. So
 * this module runs franc's algorithm on franc's data and script expressions itself, building the
 * models of the candidate languages of one script on that script's first use; its answers are
 * franc's (test/tag/detect-language.test.ts compares them on every labelled item). One detection
 * per document rather than per item keeps the cost off the tagging step.
 */
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

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

const CANDIDATES: ReadonlySet<string> = new Set(Object.keys(ISO_639_1));

/** Every code `detectLanguage` can return. */
export const DETECTABLE_LANGUAGES: readonly string[] = [...new Set(Object.values(ISO_639_1))].sort();

/** Shorter texts are too often misread (franc's own default is 10). */
const MIN_LETTERS = 10;
/**
 * Text read for one detection. The cost grows with the text (franc's own took about 1.3 ms for
 * the 2,048 characters it reads at most); 400 characters, a headline or two with their summaries,
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
  const code = ISO_639_1[detectIso6393(sample)] ?? null;
  if (code !== null && KAZAKH_LATIN_LOOKALIKES.has(code) && isKazakhLatin(sample)) return 'kk';
  return code;
}

/** franc's answer (an ISO 639-3 code, or "und") among CANDIDATES; see the module header. */
export function detectIso6393(text: string): string {
  if (text === '') return 'und';
  const value = text.length > FRANC_MAX_CHARS ? text.slice(0, FRANC_MAX_CHARS) : text;
  const [script, share] = topScript(value);
  if (script === undefined) return 'und';
  // A script of one language (Georgian, Hangul, kana…) needs no trigrams.
  if (!(script in data)) return share === 0 || !CANDIDATES.has(script) ? 'und' : script;
  const { languages, ranks } = modelFor(script);
  if (languages.length === 0) return 'und';
  const distances = new Float64Array(languages.length);
  for (const [trigram, count] of trigramCounts(value)) {
    const row = ranks.get(trigram);
    for (let column = 0; column < languages.length; column += 1) {
      const rank = row === undefined ? -1 : (row[column] ?? -1);
      distances[column] = (distances[column] ?? 0) + (rank < 0 ? MAX_DIFFERENCE : Math.abs(count - rank - 1));
    }
  }
  // The first smallest distance, in franc's language order (franc sorts stably).
  let best = 0;
  for (let column = 1; column < languages.length; column += 1) {
    if ((distances[column] ?? 0) < (distances[best] ?? 0)) best = column;
  }
  return languages[best] ?? 'und';
}

// franc's constants: it reads at most 2,048 characters, and a trigram a language lacks costs 300.
const FRANC_MAX_CHARS = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptModel {
  /** The candidate languages franc has for the script, in franc's order. */
  languages: string[];
  /** Trigram → its rank in each language's model (0 = most frequent), -1 where absent. */
  ranks: Map<string, Int16Array>;
}

const models = new Map<string, ScriptModel>();

function modelFor(script: string): ScriptModel {
  const built = models.get(script);
  if (built !== undefined) return built;
  const source = data[script] ?? {};
  const languages = Object.keys(source).filter((language) => CANDIDATES.has(language));
  const ranks = new Map<string, Int16Array>();
  languages.forEach((language, column) => {
    const trigrams = (source[language] ?? '').split('|');
    // From the end, so that a trigram listed twice keeps its better (lower) rank, as in franc.
    for (let rank = trigrams.length - 1; rank >= 0; rank -= 1) {
      const trigram = trigrams[rank] ?? '';
      let row = ranks.get(trigram);
      if (row === undefined) {
        row = new Int16Array(languages.length).fill(-1);
        ranks.set(trigram, row);
      }
      row[column] = rank;
    }
  });
  const model = { languages, ranks };
  models.set(script, model);
  return model;
}

/** The script with the largest share of the text's characters (the first one on a tie). */
function topScript(value: string): [script: string | undefined, share: number] {
  let top: string | undefined;
  let topShare = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const share = (value.match(expression)?.length ?? 0) / value.length || 0;
    if (share > topShare) {
      topShare = share;
      top = script;
    }
  }
  return [top, topShare];
}

/** Trigrams of the cleaned, padded text with their counts, fewest first (trigram-utils' asTuples). */
function trigramCounts(value: string): [string, number][] {
  const padded = ` ${value.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i += 1) {
    const trigram = padded.slice(i, i + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[1] - b[1]);
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
