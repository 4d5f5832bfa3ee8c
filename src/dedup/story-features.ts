/**
 * What the story clusterer compares: an item's title and summary reduced to sets of word stems,
 * through the tag stage's normaliser (case, diacritics and scripts folded the same way).
 *
 * - `terms`: stems of the title's and summary's content words. Words of one or two letters,
 *   common function words (English, and the most frequent Russian, French, German and Spanish
 *   ones), weekday names and the words wire copy adds around a story ("live", "update",
 *   "breaking", "watch", agency credits such as Reuters, AP, AFP) are left out: they say nothing
 *   about which story an item tells, and a prefix or credit line must not make two stories alike.
 * - `titleTerms`: the same, from the title alone.
 * - `names`: stems of capitalised words that do not start a sentence (proper nouns: people,
 *   places, organisations), read only from text written in sentence case: a headline in Title
 *   Case or ALL CAPS capitalises every word, so its capitals say nothing.
 * - `titleNumbers`: the numbers in the title ("day 1,455", "February 17"), which tell the
 *   entries of one outlet's recurring headline apart.
 *
 * A stem is the normalised word with a plain English inflection removed (-ing, -ed, -es, -s)
 * and cut to 7 characters; that is enough to meet "dies"/"died"'s neighbours, "impeach"/
 * "impeached", and costs nothing for other languages, whose words are only cut.
 */
import { hashToken, normAt, tokenize, createTokenStream, TOKEN_CAPITAL, TOKEN_SENTENCE_START, type TokenStream } from '../tag/normalize-text';

export interface StoryFeatures {
  terms: Set<string>;
  titleTerms: Set<string>;
  names: Set<string>;
  titleNumbers: Set<string>;
}

const STOPWORDS = new Set(
  (
    // English
    'the and for with after over says said from that this into amid about have has had was were will would its their they them ' +
    'more than new who what why how when where been are not but his her him she also which out off all can may one two three ' +
    'first last year years week day days our your you just could should there here then some other such any being did does ' +
    'under while since before during against between because most many much very only own same both each few now still ' +
    'reports report according people including least set told made make like get got per via back amid upon onto ' +
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight ' +
    // wire copy around a story
    'live update updates breaking watch video photo photos reuters afp associated press read editing reporting ' +
    // Russian, French, German, Spanish: the most frequent short words of 3+ letters
    'что как это для его она они был была были при или так все уже также после его ' +
    'les des une est pas pour par sur dans avec qui que aux ses ces son ' +
    'der die das und den dem des ein eine ist mit von für auf nicht sich ' +
    'los las del una por con que para sus'
  ).split(/\s+/),
);

const tokens: TokenStream = createTokenStream();

function stem(word: string): string {
  let w = word;
  if (/^[a-z]+$/.test(w)) {
    if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
    else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
    else if (w.length > 4 && w.endsWith('es')) w = w.slice(0, -2);
    else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  }
  return w.length > 7 ? w.slice(0, 7) : w;
}

const DIGITS = /^[0-9]+$/;

/** Adds the text's content stems to `terms` (and its numbers, proper nouns when asked). */
function read(text: string, terms: Set<string>, names: Set<string> | null, numbers: Set<string> | null): void {
  const stream = tokenize(text, tokens);
  // Title Case or ALL CAPS: capitals mark nothing (more capitalised words than lower-case ones).
  const sentenceCase = stream.lowercaseCount >= stream.capitalisedCount;
  for (let i = 0; i < stream.count; i++) {
    const word = normAt(stream, i);
    if (DIGITS.test(word)) {
      numbers?.add(word);
      continue;
    }
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    const s = stem(word);
    terms.add(s);
    const flags = stream.flags[i] ?? 0;
    if (names && sentenceCase && flags & TOKEN_CAPITAL && !(flags & TOKEN_SENTENCE_START)) names.add(s);
  }
}

export function storyFeatures(title: string, summary: string | null): StoryFeatures {
  const terms = new Set<string>();
  const titleTerms = new Set<string>();
  const names = new Set<string>();
  const titleNumbers = new Set<string>();
  read(title, titleTerms, names, titleNumbers);
  for (const term of titleTerms) terms.add(term);
  if (summary) read(summary, terms, names, null);
  return { terms, titleTerms, names, titleNumbers };
}

/** 32-bit hashes of a feature set's members (what MinHash permutes). */
export function hashTerms(terms: ReadonlySet<string>): Int32Array {
  const out = new Int32Array(terms.size);
  let i = 0;
  for (const term of terms) out[i++] = hashToken(term);
  return out;
}
