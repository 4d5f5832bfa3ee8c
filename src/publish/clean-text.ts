/**
 * Text hygiene for everything we republish. XML 1.0 forbids most C0 control characters,
 * U+FFFE/U+FFFF and unpaired surrogates; a single one makes a whole feed unreadable in strict
 * parsers, so every string taken from a source passes through `cleanText` before it reaches
 * an XML or JSON writer.
 */

// C0 controls other than TAB, LF, CR; the two non-characters XML excludes.
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters XML cannot carry and replaces unpaired surrogates with U+FFFD. */
export function cleanText(text: string): string {
  return text.replace(ILLEGAL_XML_CHARS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** `cleanText`, then every run of whitespace (line breaks included) as one space, trimmed: for titles and names. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/** Escapes for XML text and double- or single-quoted attribute values alike. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Escapes for HTML text and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
