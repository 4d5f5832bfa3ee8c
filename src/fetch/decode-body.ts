/**
 * Bytes → text, before any parser sees them (rss-parser ignores the XML encoding declaration).
 *
 * Which charset decodes the body, first match wins:
 *  1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE). It beats the HTTP header because a BOM
 *     cannot be there by accident, and decoding it as Latin-1 would put "ï»¿" before the root
 *     element; the WHATWG Encoding standard and Go's x/net/html/charset (miniflux) agree.
 *  2. the `charset` parameter of the HTTP Content-Type (the header beats the document), except
 *     that a single-byte label (iso-8859-x, windows-125x, koi8-…) on bytes that are valid UTF-8
 *     with multi-byte sequences in them loses to UTF-8: servers often send a default
 *     `charset=iso-8859-1` over UTF-8 files, and valid multi-byte UTF-8 almost never happens by
 *     chance in a single-byte text (it would take pairs like "Ã©" all through), while
 *     decoding UTF-8 Cyrillic as Latin-1 turns every letter into mojibake.
 *  3. UTF-16 without a BOM, recognised by `<?` as two-byte units (XML 1.0 Appendix F).
 *  4. the XML declaration's `encoding`, read as ASCII from the first bytes. A UTF-16 label
 *     there is read as UTF-8, since bytes we could read as ASCII are not UTF-16. A legacy
 *     label on bytes that are valid UTF-8 with non-ASCII in them is a wrong prolog: UTF-8 wins
 *     (miniflux's "incorrect prolog" cases).
 *  5. for HTML, `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes.
 *  6. UTF-8, or windows-1252 when the bytes are not valid UTF-8 (an undeclared Latin-1 feed
 *     reads right that way instead of as U+FFFD).
 * A label TextDecoder does not know is skipped, as if absent. A source that names UTF-8 on
 * bytes that are not UTF-8 is still obeyed: invalid sequences become U+FFFD.
 * The returned `charset` is TextDecoder's canonical name (ISO-8859-1 is "windows-1252").
 */

const ASCII_PREFIX_BYTES = 1024;

/**
 * The WHATWG Encoding standard's single-byte encodings (TextDecoder's canonical names). Multi-byte
 * legacy encodings (Shift_JIS, GB18030, EUC-KR, Big5…) are left out: their text is made of
 * byte pairs, so a short one can pass a UTF-8 check while meaning something else.
 */
const SINGLE_BYTE_ENCODINGS: ReadonlySet<string> = new Set([
  'ibm866', 'iso-8859-2', 'iso-8859-3', 'iso-8859-4', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7',
  'iso-8859-8', 'iso-8859-8-i', 'iso-8859-10', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15',
  'iso-8859-16', 'koi8-r', 'koi8-u', 'macintosh', 'windows-874', 'windows-1250', 'windows-1251',
  'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257',
  'windows-1258', 'x-mac-cyrillic',
]);

export function decodeBody(
  bytes: Uint8Array,
  contentType: string | null,
): { text: string; charset: string } {
  const bomDecoder = detectBom(bytes);
  if (bomDecoder) return decodeWith(bytes, bomDecoder);

  const headerDecoder = createDecoder(readCharsetParameter(contentType));
  if (headerDecoder) {
    if (SINGLE_BYTE_ENCODINGS.has(headerDecoder.encoding) && hasNonAscii(bytes)) {
      const utf8 = tryDecodeUtf8(bytes);
      if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
    }
    return decodeWith(bytes, headerDecoder);
  }

  const utf16Decoder = detectBomlessUtf16(bytes);
  if (utf16Decoder) return decodeWith(bytes, utf16Decoder);

  const head = readAsciiPrefix(bytes);
  const declared = readXmlDeclarationEncoding(head) ?? readMetaCharset(head);
  const declaredDecoder = createDecoder(declared);
  if (declaredDecoder) {
    const encoding = declaredDecoder.encoding;
    if (encoding === 'utf-16le' || encoding === 'utf-16be') return decodeFallback(bytes);
    if (encoding !== 'utf-8' && hasNonAscii(bytes)) {
      const utf8 = tryDecodeUtf8(bytes);
      if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
    }
    return decodeWith(bytes, declaredDecoder);
  }
  return decodeFallback(bytes);
}

/** Creates a decoder for a label, or null when the label is missing or unknown. */
function createDecoder(label: string | null): TextDecoder | null {
  if (label === null) return null;
  try {
    return new TextDecoder(label.trim());
  } catch {
    // RangeError for labels outside the WHATWG list, and for the "replacement" ones.
    return null;
  }
}

function decodeWith(bytes: Uint8Array, decoder: TextDecoder): { text: string; charset: string } {
  const text = decoder.decode(bytes);
  if (decoder.encoding !== 'windows-1252') return { text, charset: decoder.encoding };
  return { text: repairWindows1252(text), charset: decoder.encoding };
}

/**
 * WHATWG windows-1252 for bytes 0x80–0x9F (index = byte - 0x80). Node 20.18.3+ and workerd
 * decode this label (and iso-8859-1, latin1, ascii, which alias it) as ISO-8859-1, turning
 * "€" and curly quotes into C1 controls (nodejs/node#60888, cloudflare/workerd#6027). On a
 * runtime that decodes correctly no C1 character is left to map, so this is a no-op there.
 */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

function repairWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c1) =>
    String.fromCharCode(WINDOWS_1252_C1[c1.charCodeAt(0) - 0x80] ?? c1.charCodeAt(0)),
  );
}

function decodeFallback(bytes: Uint8Array): { text: string; charset: string } {
  const utf8 = tryDecodeUtf8(bytes);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  return decodeWith(bytes, new TextDecoder('windows-1252'));
}

function tryDecodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte > 0x7f) return true;
  return false;
}

function detectBom(bytes: Uint8Array): TextDecoder | null {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return new TextDecoder('utf-8');
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le');
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be');
  return null;
}

function detectBomlessUtf16(bytes: Uint8Array): TextDecoder | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00) return new TextDecoder('utf-16le');
  if (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f) return new TextDecoder('utf-16be');
  return null;
}

/** The first bytes with everything outside ASCII blanked, so only ASCII syntax can match. */
function readAsciiPrefix(bytes: Uint8Array): string {
  const end = Math.min(bytes.length, ASCII_PREFIX_BYTES);
  let head = '';
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] ?? 0;
    head += byte < 0x80 ? String.fromCharCode(byte) : ' ';
  }
  return head;
}

/** The `charset` parameter of a Content-Type value (quoted or not), or null. */
function readCharsetParameter(contentType: string | null): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const label = match?.[1] ?? match?.[2];
  return label ? label : null;
}

function readXmlDeclarationEncoding(head: string): string | null {
  const declaration = /^\s*<\?xml\s[^>]*?\?>/.exec(head);
  if (!declaration) return null;
  const encoding = /\sencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(declaration[0]);
  return encoding?.[1] ?? encoding?.[2] ?? null;
}

/** Covers `<meta charset=x>` and the `content="text/html; charset=x"` form alike. */
function readMetaCharset(head: string): string | null {
  // Only for HTML: in a feed a literal <meta> near the top would be markup of an entry.
  if (!/<html[\s>]|<!doctype\s+html/i.test(head)) return null;
  for (const meta of head.matchAll(/<meta\s[^>]*>/gi)) {
    const charset = /[\s;"']charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(meta[0]);
    if (charset?.[1]) return charset[1];
  }
  return null;
}
