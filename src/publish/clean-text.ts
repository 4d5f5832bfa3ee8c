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

// A start or end tag, comment or declaration; quoted attribute values may contain '>'.
const TAG = /<(?:!--[\s\S]*?-->|[/!?]?[a-zA-Z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>)/g;
// What an HTML parser would take as the start of a tag: "<" then a letter, "/", "!" or "?".
const TAG_OPEN = /<(?=[a-zA-Z/!?])/g;

/**
 * `cleanLine` for fields that every format treats as plain text (titles, authors, category
 * labels, source names): markup a source left in them is removed, and a "<" that could still
 * open a tag is followed by a space, so a reader that renders the text as HTML (many render RSS
 * titles so) shows it and runs nothing. Entities are not decoded: the parse stage decoded them
 * once, and the writer escapes what it writes.
 */
export function plainLine(text: string): string {
  const line = cleanLine(text);
  if (!line.includes('<')) return line;
  return line.replace(TAG, ' ').replace(TAG_OPEN, '< ').replace(/\s+/g, ' ').trim();
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
