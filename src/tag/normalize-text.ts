/**
 * Text normalisation shared by the catalogue, the matcher and the store (custom-term validation).
 *
 * Contract: a term and a text are compared token by token after the same steps:
 * 1. NFKC (fullwidth forms, ligatures, compatibility spaces); U+0130 (İ) is written I first so
 *    that lower-casing never changes a string's length (offsets stay valid for case checks).
 * 2. Lower-casing (`toLowerCase`, locale-independent; enough for the names we match).
 * 3. Folding of marks that the languages concerned treat as optional: Latin and Greek
 *    diacritics (Türkiye = Turkiye, Côte = Cote, Ρωσία = Ρωσια), Cyrillic ё → е, Arabic-script
 *    harakat and letter variants (ي/ى → ی, ك → ک, أ/إ/آ → ا), Hebrew points, and a few letters
 *    that news in Latin script writes without their mark (ı ł ø đ ß æ œ). Letters whose mark
 *    makes them another letter are kept: Cyrillic й ї ў, the Kazakh letters, Indic and Thai
 *    vowel signs. A form whose mark must not be dropped (Réunion vs "reunion") is a matcher
 *    rule (`exactForm`), not a normalisation.
 * 4. Segmentation: runs of letters, marks and digits are tokens; apostrophes and hyphens split
 *    tokens but may be crossed by a phrase (Côte d'Ivoire, Guinea-Bissau, Türkiye'nin →
 *    türkiye + nin); other punctuation ends a phrase. Dotted abbreviations (U.S., D.C.) are one
 *    token without dots. Scripts written without spaces (Han, Kana, Thai, Lao, Khmer, Myanmar)
 *    are cut with `Intl.Segmenter`, only for those runs, because it is slow for the rest.
 *
 * Speed matters (the matcher reads ~300 characters per item at 100k items/s): characters are
 * classified through a 64 K lookup table built once, and strings are only created per token.
 */

/** Character classes (low 3 bits of the table entry). */
const SEP = 0; // ends a phrase
const WORD = 1; // letter, mark or digit of a spaced script
const NOSPACE = 2; // letter of a script written without spaces
const SPACE = 3; // whitespace: phrases continue across it
const APOS = 4; // apostrophe: splits tokens, phrases continue
const HYPHEN = 5; // hyphen or dash: splits tokens, phrases continue
const STOP = 6; // sentence punctuation: ends a phrase, next token starts a sentence
const DOT = 7; // full stop: STOP, or part of an abbreviation
const CLASS_MASK = 7;
/** Extra bits: the character is an upper-case / lower-case letter. */
const UPPER = 8;
const LOWER = 16;

let charTable: Uint8Array | null = null;
let foldTable: Map<number, string> | null = null;

function markRanges(all: string, pattern: RegExp, apply: (code: number) => void): void {
  for (const match of all.matchAll(pattern)) {
    const start = match.index;
    for (let i = 0; i < match[0].length; i++) apply(start + i);
  }
}

function buildCharTable(): Uint8Array {
  const table = new Uint8Array(65536);
  // Every BMP code unit except surrogates, at its own index, so match offsets are code points.
  const units: string[] = new Array<string>(65536);
  for (let c = 0; c < 65536; c++) units[c] = c >= 0xd800 && c <= 0xdfff ? '\u0000' : String.fromCharCode(c);
  const all = units.join('');
  markRanges(all, /[\p{L}\p{M}\p{N}]+/gu, (c) => (table[c] = WORD));
  markRanges(
    all,
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc\u3005]+/gu,
    (c) => {
      if (table[c] === WORD || c === 0x30fc || c === 0x3005) table[c] = NOSPACE;
    },
  );
  markRanges(all, /[\p{White_Space}\u200b]+/gu, (c) => (table[c] = SPACE));
  for (const ch of "'’‘ʼ`´′ʻ＇") table[ch.charCodeAt(0)] = APOS;
  for (const ch of '-‐‑‒–—―−⁃﹣－') table[ch.charCodeAt(0)] = HYPHEN;
  for (const ch of '!?…:;。！？；：') table[ch.charCodeAt(0)] = STOP;
  table[0x2e] = DOT;
  // Invisible characters inside words (soft hyphen, joiners) keep the word together; folding drops them.
  for (const c of [0x00ad, 0x200c, 0x200d, 0x2060, 0xfeff]) table[c] = WORD;
  markRanges(all, /\p{Lu}|\p{Lt}/gu, (c) => (table[c] = (table[c] ?? 0) | UPPER));
  markRanges(all, /\p{Ll}/gu, (c) => (table[c] = (table[c] ?? 0) | LOWER));
  return table;
}

function buildFoldTable(): Map<number, string> {
  const fold = new Map<number, string>();
  const keepCyrillic = new Set(['й', 'ї', 'ў', 'Й', 'Ї', 'Ў']);
  const ranges: Array<[number, number]> = [
    [0x00c0, 0x024f], // Latin-1 Supplement, Latin Extended-A/B
    [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
    [0x0370, 0x03ff], // Greek
    [0x1f00, 0x1fff], // Greek Extended
    [0x0400, 0x04ff], // Cyrillic
  ];
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      if (keepCyrillic.has(ch)) continue;
      const stripped = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (stripped !== ch && stripped.length > 0) fold.set(c, stripped.toLowerCase());
    }
  }
  for (let c = 0x0300; c <= 0x036f; c++) fold.set(c, '');
  const extra: Record<string, string> = {
    ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ς: 'σ', ħ: 'h',
    ي: 'ی', ى: 'ی', ك: 'ک', أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ۀ: 'ه', ہ: 'ه', ە: 'ه', ۃ: 'ة',
  };
  for (const [from, to] of Object.entries(extra)) fold.set(from.charCodeAt(0), to);
  // Arabic harakat, superscript alef, tatweel; Hebrew points and cantillation.
  for (let c = 0x064b; c <= 0x065f; c++) fold.set(c, '');
  for (const c of [0x0670, 0x0640]) fold.set(c, '');
  for (let c = 0x0591; c <= 0x05c7; c++) if (c !== 0x05be && c !== 0x05c0 && c !== 0x05c3 && c !== 0x05c6) fold.set(c, '');
  for (const c of [0x00ad, 0x200c, 0x200d, 0x2060, 0xfeff]) fold.set(c, '');
  return fold;
}

function tables(): { chars: Uint8Array; folds: Map<number, string> } {
  charTable ??= buildCharTable();
  foldTable ??= buildFoldTable();
  return { chars: charTable, folds: foldTable };
}

/** Classifies a code point outside the BMP (rare: CJK extensions, emoji, maths letters). */
function classifyAstral(codePoint: number): number {
  const ch = String.fromCodePoint(codePoint);
  if (/\p{Script=Han}/u.test(ch)) return NOSPACE;
  if (/[\p{L}\p{M}\p{N}]/u.test(ch)) return WORD;
  return SEP;
}

/** Lower-cases without changing the length (the one length-changing case is U+0130). */
function lowerSameLength(text: string): string {
  return (text.includes('\u0130') ? text.replace(/\u0130/g, 'I') : text).toLowerCase();
}

/** Folds a lower-case string character by character (step 3 of the contract). */
function foldLower(lower: string, start: number, end: number, folds: Map<number, string>): string {
  let out = '';
  let copiedUpTo = start;
  for (let i = start; i < end; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0x80) continue;
    const replacement = folds.get(code);
    if (replacement === undefined) continue;
    out += lower.slice(copiedUpTo, i) + replacement;
    copiedUpTo = i + 1;
  }
  if (copiedUpTo === start) return lower.slice(start, end);
  return out + lower.slice(copiedUpTo, end);
}

/** Token flags. */
export const TOKEN_CAPITAL = 1; // first letter upper case
export const TOKEN_ALL_CAPS = 2; // two or more letters, all upper case
export const TOKEN_SENTENCE_START = 4; // first token of the text or after . ! ? : ;
export const TOKEN_JOINED = 8; // only spaces, apostrophes or hyphens since the previous token
export const TOKEN_SPACED = 16; // only spaces since the previous token (a name may continue)
export const TOKEN_AFTER_APOSTROPHE = 32; // an apostrophe right before the token
export const TOKEN_AFTER_HYPHEN = 64; // a hyphen right before the token
export const TOKEN_AFTER_COMMA = 128; // a comma (and spaces) since the previous token

/**
 * The tokens of one text. Arrays are reused between calls by the same tokenizer, so a stream is
 * valid until the next `tokenize` call on it.
 */
export interface TokenStream {
  count: number;
  /** Normalised tokens (steps 1–3). */
  norms: string[];
  flags: Uint16Array;
  /** Offsets into `source` (the NFKC text), for rules that need the unfolded form. */
  starts: Int32Array;
  ends: Int32Array;
  source: string;
  lower: string;
  /** Tokens whose first letter is upper / lower case (for title-case and all-caps detection). */
  capitalisedCount: number;
  lowercaseCount: number;
  upperLetters: number;
  casedLetters: number;
}

export function createTokenStream(capacity = 256): TokenStream {
  return {
    count: 0,
    norms: new Array<string>(capacity).fill(''),
    flags: new Uint16Array(capacity),
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    source: '',
    lower: '',
    capitalisedCount: 0,
    lowercaseCount: 0,
    upperLetters: 0,
    casedLetters: 0,
  };
}

function grow(stream: TokenStream): void {
  const capacity = stream.flags.length * 2;
  const flags = new Uint16Array(capacity);
  flags.set(stream.flags);
  const starts = new Int32Array(capacity);
  starts.set(stream.starts);
  const ends = new Int32Array(capacity);
  ends.set(stream.ends);
  stream.flags = flags;
  stream.starts = starts;
  stream.ends = ends;
}

let segmenter: Intl.Segmenter | null = null;

const asciiOnly = /^[\x00-\x7f]*$/;

/**
 * Splits `text` into normalised tokens. `stream` is filled in place (and returned) so that the
 * matcher allocates nothing but the token strings per item.
 */
export function tokenize(text: string, stream: TokenStream = createTokenStream()): TokenStream {
  const { chars, folds } = tables();
  const source = asciiOnly.test(text) ? text : text.normalize('NFKC');
  const lower = lowerSameLength(source);
  stream.source = source;
  stream.lower = lower;
  stream.count = 0;
  stream.capitalisedCount = 0;
  stream.lowercaseCount = 0;
  stream.upperLetters = 0;
  stream.casedLetters = 0;

  const length = source.length;
  const gap: Gap = { joinable: true, spacesOnly: true, apostrophe: false, hyphen: false, comma: false, sentenceStart: true };
  let i = 0;
  while (i < length) {
    const code = source.charCodeAt(i);
    const isHigh = code >= 0xd800 && code <= 0xdbff && i + 1 < length;
    const cls = isHigh ? classifyAstral(source.codePointAt(i) ?? code) : (chars[code] ?? 0) & CLASS_MASK;
    if (cls !== WORD && cls !== NOSPACE) {
      noteSeparator(gap, cls, code);
      i += isHigh ? 2 : 1;
      continue;
    }
    // A run of one kind: a spaced-script word, or a run of a script written without spaces.
    const start = i;
    let nonAscii = false;
    let upper = 0;
    let cased = 0;
    let j = i;
    while (j < length) {
      const c = source.charCodeAt(j);
      const high = c >= 0xd800 && c <= 0xdbff && j + 1 < length;
      let k: number;
      if (high) {
        k = classifyAstral(source.codePointAt(j) ?? c);
      } else {
        const entry = chars[c] ?? 0;
        k = entry & CLASS_MASK;
        if (k === cls) {
          if (entry & UPPER) upper++;
          if (entry & (UPPER | LOWER)) cased++;
        }
      }
      if (k !== cls) break;
      if (c >= 0x80) nonAscii = true;
      j += high ? 2 : 1;
    }
    if (cls === NOSPACE) {
      segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
      for (const part of segmenter.segment(lower.slice(start, j))) {
        const s = start + part.index;
        pushToken(stream, foldLower(lower, s, s + part.segment.length, folds), s, s + part.segment.length, 0, 0, false, gap);
        resetGap(gap);
      }
      i = j;
      continue;
    }
    // Dotted abbreviation: single letters each followed by a dot (U.S., U.K., D.C.).
    if (j - start === 1 && source.charCodeAt(j) === 0x2e) {
      let letters = lower[start] ?? '';
      let k = j;
      while (
        source.charCodeAt(k) === 0x2e &&
        k + 1 < length &&
        ((chars[source.charCodeAt(k + 1)] ?? 0) & CLASS_MASK) === WORD &&
        (k + 2 >= length || ((chars[source.charCodeAt(k + 2)] ?? 0) & CLASS_MASK) !== WORD)
      ) {
        const entry = chars[source.charCodeAt(k + 1)] ?? 0;
        if (entry & UPPER) upper++;
        if (entry & (UPPER | LOWER)) cased++;
        letters += lower[k + 1] ?? '';
        k += 2;
      }
      if (letters.length >= 2) {
        if (source.charCodeAt(k) === 0x2e) k++;
        pushToken(stream, foldLower(letters, 0, letters.length, folds), start, k, upper, cased, true, gap);
        resetGap(gap);
        i = k;
        continue;
      }
    }
    pushToken(stream, nonAscii ? foldLower(lower, start, j, folds) : lower.slice(start, j), start, j, upper, cased, false, gap);
    resetGap(gap);
    i = j;
  }
  return stream;
}

function noteSeparator(gap: Gap, cls: number, code: number): void {
  switch (cls) {
    case SPACE:
      return;
    case APOS:
      gap.spacesOnly = false;
      gap.apostrophe = true;
      return;
    case HYPHEN:
      gap.spacesOnly = false;
      gap.hyphen = true;
      return;
    case STOP:
    case DOT:
      gap.joinable = false;
      gap.spacesOnly = false;
      gap.sentenceStart = true;
      return;
    default:
      // Commas, quotes and brackets end a phrase but not a sentence.
      if (code === 0x2c || code === 0x60c || code === 0x3001 || code === 0xff0c) gap.comma = true;
      gap.joinable = false;
      gap.spacesOnly = false;
  }
}

function resetGap(gap: Gap): void {
  gap.joinable = true;
  gap.spacesOnly = true;
  gap.apostrophe = false;
  gap.hyphen = false;
  gap.comma = false;
  gap.sentenceStart = false;
}

interface Gap {
  joinable: boolean;
  spacesOnly: boolean;
  apostrophe: boolean;
  hyphen: boolean;
  comma: boolean;
  sentenceStart: boolean;
}

function pushToken(
  stream: TokenStream,
  norm: string,
  start: number,
  end: number,
  upper: number,
  cased: number,
  abbreviation: boolean,
  gap: Gap,
): void {
  if (stream.count === stream.flags.length) grow(stream);
  const index = stream.count++;
  stream.norms[index] = norm;
  stream.starts[index] = start;
  stream.ends[index] = end;
  let flags = 0;
  if (cased > 0) {
    const first = stream.source.charCodeAt(start);
    const capital = first !== stream.lower.charCodeAt(start);
    if (capital) {
      flags |= TOKEN_CAPITAL;
      stream.capitalisedCount++;
    } else {
      stream.lowercaseCount++;
    }
    if ((upper >= 2 || abbreviation) && upper === cased) flags |= TOKEN_ALL_CAPS;
    stream.upperLetters += upper;
    stream.casedLetters += cased;
  }
  if (gap.sentenceStart) flags |= TOKEN_SENTENCE_START;
  if (index > 0 && gap.joinable) flags |= TOKEN_JOINED;
  if (index > 0 && gap.spacesOnly) flags |= TOKEN_SPACED;
  if (gap.apostrophe) flags |= TOKEN_AFTER_APOSTROPHE;
  if (gap.hyphen) flags |= TOKEN_AFTER_HYPHEN;
  if (gap.comma) flags |= TOKEN_AFTER_COMMA;
  stream.flags[index] = flags;
}

/** The normalised tokens of a term or name, as `tokenize` would produce them in a text. */
export function tokenizeTerm(term: string): string[] {
  const stream = tokenize(term);
  return stream.norms.slice(0, stream.count);
}

/**
 * The canonical form of a user's term: the normalised tokens joined by one space, with a
 * trailing `*` kept for prefix terms. Empty when the term has no letters or digits.
 */
export function normalizeTerm(term: string): string {
  const trimmed = term.trim();
  const prefix = trimmed.endsWith('*');
  const tokens = tokenizeTerm(prefix ? trimmed.slice(0, -1) : trimmed);
  if (tokens.length === 0) return '';
  return tokens.join(' ') + (prefix ? '*' : '');
}

/** Lower-cases and folds one word (no segmentation): what the inflection rules' output goes through. */
export function foldWord(word: string): string {
  const { folds } = tables();
  const nfkc = asciiOnly.test(word) ? word : word.normalize('NFKC');
  const lower = lowerSameLength(nfkc);
  return foldLower(lower, 0, lower.length, folds);
}
