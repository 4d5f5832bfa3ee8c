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
/** Extra bits: the character is an upper-case / lower-case letter; NFKC may change it. */
const UPPER = 8;
const LOWER = 16;
const NFKC = 32;

let charTable: Uint8Array | null = null;
let foldTable: Map<number, string> | null = null;
/**
 * 1 where `foldTable` has an entry. Most non-ASCII letters (nearly all of Cyrillic) do not fold:
 * a byte test spares them a Map lookup (tagging Russian items took 8% more instructions without).
 */
let foldMask: Uint8Array | null = null;

/** Calls `apply` with the [start, end) of every match (runs of matching characters). */
function markRanges(all: string, pattern: RegExp, apply: (start: number, end: number) => void): void {
  for (const match of all.matchAll(pattern)) apply(match.index, match.index + match[0].length);
}

function buildCharTable(): Uint8Array {
  const table = new Uint8Array(65536);
  // Every BMP code unit except surrogates (0 instead), at its own index, so match offsets are
  // code points. Built in chunks, and marked by ranges: one string and one callback per
  // character made building the tables take a third more instructions.
  const units = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) units[c] = c >= 0xd800 && c <= 0xdfff ? 0 : c;
  const chunks: string[] = [];
  for (let c = 0; c < 65536; c += 4096) chunks.push(String.fromCharCode(...units.subarray(c, c + 4096)));
  const all = chunks.join('');
  markRanges(all, /[\p{L}\p{M}\p{N}]+/gu, (start, end) => table.fill(WORD, start, end));
  markRanges(
    all,
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc\u3005]+/gu,
    (start, end) => {
      for (let c = start; c < end; c++) if (table[c] === WORD || c === 0x30fc || c === 0x3005) table[c] = NOSPACE;
    },
  );
  markRanges(all, /[\p{White_Space}\u200b]+/gu, (start, end) => table.fill(SPACE, start, end));
  for (const ch of "'’‘ʼ`´′ʻ＇") table[ch.charCodeAt(0)] = APOS;
  // The katakana middle dot joins the words of a compound name (カザフスタン・テンゲ) like a hyphen.
  for (const ch of '-‐‑‒–—―−⁃﹣－・') table[ch.charCodeAt(0)] = HYPHEN;
  for (const ch of '!?…:;。！？；：') table[ch.charCodeAt(0)] = STOP;
  table[0x2e] = DOT;
  // Invisible characters inside words (soft hyphen, joiners) keep the word together; folding drops them.
  for (const c of [0x00ad, 0x200c, 0x200d, 0x2060, 0xfeff]) table[c] = WORD;
  const setBits = (bits: number) => (start: number, end: number) => {
    for (let c = start; c < end; c++) table[c] = (table[c] ?? 0) | bits;
  };
  markRanges(all, /[\p{Lu}\p{Lt}]+/gu, setBits(UPPER));
  markRanges(all, /\p{Ll}+/gu, setBits(LOWER));
  // Characters NFKC may change or compose: combining marks, Hangul jamo, and the blocks that
  // hold compatibility characters (ligatures, fullwidth forms, letterlike symbols, modifier
  // letters, Greek variants, CJK compatibility). Text without any is left as it is, which
  // spares the normalisation call on most items.
  markRanges(all, /\p{M}+/gu, setBits(NFKC));
  const compatibility: Array<[number, number]> = [
    [0x00a8, 0x00be], [0x0132, 0x0133], [0x013f, 0x0140], [0x0149, 0x0149], [0x017f, 0x017f], [0x01c4, 0x01cc],
    [0x01f1, 0x01f3], [0x02b0, 0x02ff], [0x0374, 0x0387], [0x03d0, 0x03f9], [0x0587, 0x0587], [0x0675, 0x0678],
    [0x0e33, 0x0e33], [0x0eb3, 0x0eb3], [0x0edc, 0x0edd], [0x0f0c, 0x0f0c], [0x0f77, 0x0f79], [0x10fc, 0x10fc],
    [0x1100, 0x11ff], [0x1d2c, 0x1dbf], [0x1e9a, 0x1e9b], [0x1f00, 0x1fff], [0x2000, 0x2bff], [0x2c7c, 0x2c7d],
    [0x2d6f, 0x2d6f], [0x2e9f, 0x2fdf], [0x3000, 0x33ff], [0xa69c, 0xa69d], [0xa770, 0xa770], [0xa7f2, 0xa7f9],
    [0xab5c, 0xab69], [0xf900, 0xfaff], [0xfb00, 0xfdff], [0xfe10, 0xfe6f], [0xfe70, 0xfeff], [0xff00, 0xffef],
  ];
  for (const [from, to] of compatibility) for (let c = from; c <= to; c++) table[c] = (table[c] ?? 0) | NFKC;
  // Punctuation we classify ourselves is never worth a normalisation call.
  for (const c of [0x2018, 0x2019, 0x201c, 0x201d, 0x2013, 0x2014, 0x2026, 0x00ab, 0x00bb, 0x2022, 0x00b7, 0x2032]) table[c] = (table[c] ?? 0) & ~NFKC;
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
  if (!foldTable) {
    foldTable = buildFoldTable();
    foldMask = new Uint8Array(65536);
    for (const code of foldTable.keys()) foldMask[code] = 1;
  }
  return { chars: charTable, folds: foldTable };
}

/** Builds the lookup tables now rather than on the first text (startup of a server or a Worker). */
export function prepareNormalization(): void {
  tables();
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
  const mask = foldMask!;
  let out = '';
  let copiedUpTo = start;
  for (let i = start; i < end; i++) {
    const code = lower.charCodeAt(i);
    if (code < 0x80 || mask[code] === 0) continue;
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
export const TOKEN_CASED = 256; // has letters with case

/**
 * The tokens of one text. Arrays are reused between calls by the same tokenizer, so a stream is
 * valid until the next `tokenize` call on it.
 */
export interface TokenStream {
  count: number;
  /**
   * Normalised tokens (steps 1–3). A plain ASCII word is left null until asked for through
   * `normAt`: most words of a text are never looked at, and not slicing them saves time.
   */
  norms: Array<string | null>;
  /** `hashToken` of each normalised token, computed while reading it (for the matcher's filter). */
  hashes: Int32Array;
  /** `prefixHash` of the first three characters of each normalised token; -1 when it is shorter. */
  prefixes: Int32Array;
  flags: Uint16Array;
  /** Offsets into `source` (the NFKC text), for rules that need the unfolded form. */
  starts: Int32Array;
  ends: Int32Array;
  source: string;
  lower: string;
  /** Tokens whose first letter is upper / lower case (for title-case and all-caps detection). */
  /** Whether a run of a script written without spaces (Han, Kana, Thai…) was cut into words. */
  segmented: boolean;
  capitalisedCount: number;
  lowercaseCount: number;
  upperLetters: number;
  casedLetters: number;
}

export function createTokenStream(capacity = 256): TokenStream {
  return {
    count: 0,
    norms: new Array<string | null>(capacity).fill(null),
    hashes: new Int32Array(capacity),
    prefixes: new Int32Array(capacity),
    flags: new Uint16Array(capacity),
    starts: new Int32Array(capacity),
    ends: new Int32Array(capacity),
    source: '',
    lower: '',
    segmented: false,
    capitalisedCount: 0,
    lowercaseCount: 0,
    upperLetters: 0,
    casedLetters: 0,
  };
}

function grow(stream: TokenStream): number {
  const capacity = stream.flags.length * 2;
  const flags = new Uint16Array(capacity);
  flags.set(stream.flags);
  const starts = new Int32Array(capacity);
  starts.set(stream.starts);
  const ends = new Int32Array(capacity);
  ends.set(stream.ends);
  const hashes = new Int32Array(capacity);
  hashes.set(stream.hashes);
  stream.hashes = hashes;
  const prefixes = new Int32Array(capacity);
  prefixes.set(stream.prefixes);
  stream.prefixes = prefixes;
  stream.flags = flags;
  stream.starts = starts;
  stream.ends = ends;
  return capacity;
}

let segmenter: Intl.Segmenter | null = null;

const asciiLower = new Uint8Array(128).map((_, c) => (c >= 65 && c <= 90 ? c + 32 : c));

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * A 16-bit hash of the first three characters of a normalised token (what `tokenize` stores in
 * `prefixes`), for the matcher's prefix terms.
 */
export function prefixHash(a: number, b: number, c: number): number {
  return (a * 961 + b * 31 + c) & 0xffff;
}

function prefixHashOf(token: string): number {
  return token.length >= 3 ? prefixHash(token.charCodeAt(0), token.charCodeAt(1), token.charCodeAt(2)) : -1;
}

/** FNV-1a hash of a normalised token's UTF-16 code units (what `tokenize` stores in `hashes`). */
export function hashToken(token: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), FNV_PRIME);
  return hash;
}

const asciiOnly = /^[\x00-\x7f]*$/;

/**
 * Splits `text` into normalised tokens. `stream` is filled in place (and returned) so that the
 * matcher allocates nothing but the token strings per item. This is the matcher's hot loop:
 * one table lookup per character, one string per token.
 */
export function tokenize(text: string, stream: TokenStream = createTokenStream()): TokenStream {
  // Most texts need no normalisation: read them as they are, and start again on the NFKC form
  // at the first character that NFKC could change.
  if (!scan(text, stream, false)) scan(text.normalize('NFKC'), stream, true);
  return stream;
}

/**
 * Cuts a run of a script written without spaces with Intl.Segmenter and appends its words.
 * Kept out of `scan` so that the iterator protocol does not weigh on the hot loop's code.
 */
function segmentRun(stream: TokenStream, lower: string, start: number, end: number, count: number, gap: number, folds: Map<number, string>): number {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  stream.segmented = true;
  let flags = count === 0 ? gap & ~(TOKEN_JOINED | TOKEN_SPACED) : gap;
  for (const part of segmenter.segment(lower.slice(start, end))) {
    const s = start + part.index;
    if (count === stream.flags.length) grow(stream);
    const norm = foldLower(lower, s, s + part.segment.length, folds);
    stream.norms[count] = norm;
    stream.hashes[count] = hashToken(norm);
    stream.prefixes[count] = prefixHashOf(norm);
    stream.starts[count] = s;
    stream.ends[count] = s + part.segment.length;
    stream.flags[count] = flags;
    count++;
    flags = TOKEN_JOINED | TOKEN_SPACED;
  }
  return count;
}

/** End of a dotted abbreviation starting with the letter before `dot` (U.S.), or `dot` if none. */
function readAbbreviation(source: string, dot: number): number {
  const chars = charTable!;
  let k = dot;
  let letters = 1;
  while (
    k + 1 < source.length &&
    source.charCodeAt(k) === 0x2e &&
    ((chars[source.charCodeAt(k + 1)] ?? 0) & CLASS_MASK) === WORD &&
    (k + 2 >= source.length || ((chars[source.charCodeAt(k + 2)] ?? 0) & CLASS_MASK) !== WORD)
  ) {
    letters++;
    k += 2;
  }
  if (letters < 2) return dot;
  return k < source.length && source.charCodeAt(k) === 0x2e ? k + 1 : k;
}

/** The letters of an abbreviation without its dots. */
function abbreviationLetters(lower: string, start: number, end: number): string {
  let letters = '';
  for (let k = start; k < end; k++) if (lower.charCodeAt(k) !== 0x2e) letters += lower[k];
  return letters;
}

/** Capital letters at the start of a word (its length when the word is in capitals). */
function countLeadingCapitals(source: string, start: number, end: number, chars: Uint8Array): number {
  let upper = 0;
  for (let k = start; k < end; k++) {
    if (((chars[source.charCodeAt(k)] ?? 0) & UPPER) === 0) break;
    upper++;
  }
  return upper;
}

function scan(source: string, stream: TokenStream, normalized: boolean): boolean {
  const chars = charTable ?? tables().chars;
  const folds = foldTable ?? tables().folds;
  const lower = source.includes('\u0130') ? lowerSameLength(source) : source.toLowerCase();
  stream.source = source;
  stream.lower = lower;
  stream.segmented = false;
  let count = 0;
  let capitalised = 0;
  let lowercase = 0;
  let upperLetters = 0;
  let casedLetters = 0;
  let capacity = stream.flags.length;
  const norms = stream.norms;
  // What lies between the previous token and the next one, as TOKEN_* bits.
  let gap = TOKEN_SENTENCE_START | TOKEN_JOINED | TOKEN_SPACED;
  const length = source.length;
  let i = 0;
  while (i < length) {
    let code = source.charCodeAt(i);
    if (code === 0x20) {
      i++;
      continue;
    }
    let entry = chars[code]!;
    let cls = entry & CLASS_MASK;
    if (entry & NFKC && !normalized) return false;
    if (cls !== WORD) {
      if (cls === NOSPACE) {
        const start = i;
        while (i < length && ((chars[source.charCodeAt(i)] ?? 0) & CLASS_MASK) === NOSPACE) i++;
        count = segmentRun(stream, lower, start, i, count, gap, folds);
        capacity = stream.flags.length;
        gap = TOKEN_JOINED | TOKEN_SPACED;
        continue;
      }
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < length) {
        if (!normalized) return false;
        // Outside the BMP: letters of CJK extensions glue into words, anything else (emoji) separates.
        cls = classifyAstral(source.codePointAt(i) ?? code);
        if (cls === SEP) {
          gap = (gap & ~(TOKEN_JOINED | TOKEN_SPACED | TOKEN_AFTER_APOSTROPHE | TOKEN_AFTER_HYPHEN)) | 0;
          i += 2;
          continue;
        }
        entry = cls;
      } else {
        switch (cls) {
          case SPACE:
            break;
          case APOS:
            gap = (gap & ~TOKEN_SPACED) | TOKEN_AFTER_APOSTROPHE;
            break;
          case HYPHEN:
            gap = (gap & ~TOKEN_SPACED) | TOKEN_AFTER_HYPHEN;
            break;
          case DOT:
            // A dot between letters with no space (US.Dollar, example.com) joins like a hyphen.
            if (count > 0 && i + 1 < length && i > 0 && ((chars[source.charCodeAt(i - 1)] ?? 0) & CLASS_MASK) === WORD && ((chars[source.charCodeAt(i + 1)] ?? 0) & CLASS_MASK) === WORD) {
              gap = (gap & ~TOKEN_SPACED) | TOKEN_AFTER_HYPHEN;
              break;
            }
            gap = (gap & ~(TOKEN_JOINED | TOKEN_SPACED)) | TOKEN_SENTENCE_START;
            break;
          case STOP:
            gap = (gap & ~(TOKEN_JOINED | TOKEN_SPACED)) | TOKEN_SENTENCE_START;
            break;
          default:
            // Commas, quotes and brackets end a phrase but not a sentence.
            gap &= ~(TOKEN_JOINED | TOKEN_SPACED);
            if (code === 0x2c || code === 0x60c || code === 0x3001 || code === 0xff0c) gap |= TOKEN_AFTER_COMMA;
        }
        i++;
        continue;
      }
    }
    // A word of a spaced script.
    const start = i;
    const first = entry;
    let nonAscii = false;
    // FNV-1a over the lower-case characters, and `prefixHash` of the first three; only valid for
    // ASCII words (others are hashed after folding).
    let hash = FNV_OFFSET;
    let prefix = 0;
    let prefixLength = 0;
    for (;;) {
      if (code < 0x80) {
        const lowerCode = asciiLower[code]!;
        hash = Math.imul(hash ^ lowerCode, FNV_PRIME);
        // prefixHash(a, b, c) by Horner's rule, here where the characters are at hand: reading
        // them back for every token cost the matcher 15% more instructions per item.
        if (prefixLength < 3) {
          prefix = prefix * 31 + lowerCode;
          prefixLength++;
        }
      } else {
        nonAscii = true;
        if (entry & NFKC && !normalized) return false;
      }
      if (++i >= length) break;
      code = source.charCodeAt(i);
      entry = chars[code]!;
      if ((entry & CLASS_MASK) !== WORD) {
        if (code < 0xd800 || code > 0xdbff || i + 1 >= length) break;
        if (!normalized) return false;
        if (classifyAstral(source.codePointAt(i) ?? code) !== WORD) break;
        // Take the surrogate pair whole; the hash is recomputed for non-ASCII words.
        i++;
        nonAscii = true;
        code = source.charCodeAt(i);
        entry = WORD;
      }
    }
    let end = i;
    let norm: string | null = null;
    let abbreviation = false;
    // Dotted abbreviation: single letters each followed by a dot (U.S., U.K., D.C.).
    if (end - start === 1 && end + 1 < length && source.charCodeAt(end) === 0x2e && ((chars[source.charCodeAt(end + 1)] ?? 0) & CLASS_MASK) === WORD) {
      const abbreviationEnd = readAbbreviation(source, end);
      if (abbreviationEnd > end) {
        const letters = abbreviationLetters(lower, start, abbreviationEnd);
        norm = foldLower(letters, 0, letters.length, folds);
        hash = hashToken(norm);
        abbreviation = true;
        end = abbreviationEnd;
        i = abbreviationEnd;
      }
    }
    if (norm === null && nonAscii) {
      norm = foldLower(lower, start, end, folds);
      hash = hashToken(norm);
    }
    let flags = count === 0 ? gap & ~(TOKEN_JOINED | TOKEN_SPACED) : gap;
    if (first & (UPPER | LOWER)) {
      flags |= TOKEN_CASED;
      if (first & UPPER) {
        flags |= TOKEN_CAPITAL;
        capitalised++;
        // Only a capitalised word can be in capitals: count its leading capitals.
        const upper = abbreviation ? end - start : countLeadingCapitals(source, start, end, chars);
        const cased = abbreviation || upper === end - start ? upper : upper + 1;
        if ((upper >= 2 || abbreviation) && upper === cased) flags |= TOKEN_ALL_CAPS;
        upperLetters += upper;
        casedLetters += cased;
      } else {
        lowercase++;
        casedLetters++;
      }
    }
    if (count === capacity) capacity = grow(stream);
    norms[count] = norm;
    stream.hashes[count] = hash;
    stream.prefixes[count] = norm !== null ? prefixHashOf(norm) : prefixLength === 3 ? prefix & 0xffff : -1;
    stream.starts[count] = start;
    stream.ends[count] = end;
    stream.flags[count] = flags;
    count++;
    gap = TOKEN_JOINED | TOKEN_SPACED;
  }
  stream.count = count;
  stream.capitalisedCount = capitalised;
  stream.lowercaseCount = lowercase;
  stream.upperLetters = upperLetters;
  stream.casedLetters = casedLetters;
  return true;
}

/** The normalised token at `index` (see `TokenStream.norms`). */
export function normAt(stream: TokenStream, index: number): string {
  const norm = stream.norms[index];
  if (norm !== null && norm !== undefined) return norm;
  const sliced = stream.lower.slice(stream.starts[index] ?? 0, stream.ends[index] ?? 0);
  stream.norms[index] = sliced;
  return sliced;
}

/** The normalised tokens of a term or name, as `tokenize` would produce them in a text. */
export function tokenizeTerm(term: string): string[] {
  const stream = tokenize(term);
  const tokens: string[] = [];
  for (let i = 0; i < stream.count; i++) tokens.push(normAt(stream, i));
  return tokens;
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

/**
 * Lower-cases and folds one word (no segmentation): what the inflection rules' output goes through.
 * `cache` keeps the non-ASCII words folded so far (a compiler folds the same words many times).
 */
export function foldWord(word: string, cache?: Map<string, string>): string {
  const { folds } = tables();
  if (asciiOnly.test(word)) return lowerSameLength(word);
  let folded = cache?.get(word);
  if (folded === undefined) {
    const lower = lowerSameLength(word.normalize('NFKC'));
    folded = foldLower(lower, 0, lower.length, folds);
    cache?.set(word, folded);
  }
  return folded;
}
