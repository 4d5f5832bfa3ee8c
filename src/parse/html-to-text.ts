/**
 * Plain text out of the HTML fragments feeds put in titles and descriptions.
 *
 * Not an HTML parser: a linear tag scanner that is good enough for text that will be shown
 * as a one-line title or a short summary and matched against topic names. The HTML body
 * itself is kept as given and sanitised later by the publish stage.
 */
import { decodeHTML, escapeText } from 'entities';

// Elements whose content is never visible text.
const INVISIBLE_START = /<(script|style|noscript|template|iframe|object)\b/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
// A start or end tag; quoted attribute values may contain '>'. Unrolled so it stays linear.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/g;
// Tags that separate words visually: replacing them with a space keeps "one<br>two" apart.
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'img', 'li', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Every run of whitespace (including no-break and other Unicode spaces) becomes one space;
 * control characters, which no reader can show, are dropped; trimmed.
 */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[\s\u200b\u2028\u2029]+/g, ' ')
    .trim();
}

/** Decodes HTML character references (named, decimal, hex), as a browser would in text. */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

/**
 * Markup to plain text: comments, scripts and tags removed, entities decoded, whitespace collapsed.
 * `maxInputChars` bounds the work on huge bodies when only the beginning is wanted (a summary).
 */
export function htmlToText(html: string, maxInputChars = Number.POSITIVE_INFINITY): string {
  let input = html;
  if (input.length > maxInputChars) {
    input = input.slice(0, maxInputChars);
    // A tag cut in half would otherwise show up as text.
    const lastOpen = input.lastIndexOf('<');
    if (lastOpen > input.lastIndexOf('>')) input = input.slice(0, lastOpen);
  }
  if (!input.includes('<') && !input.includes('&')) return collapseWhitespace(input);
  const withoutTags = removeInvisibleElements(input.replace(COMMENT, ' ').replace(CDATA, '$1')).replace(
    TAG,
    (_tag, _slash: string, name: string) => (BLOCK_TAGS.has(name.toLowerCase()) ? ' ' : ''),
  );
  return collapseWhitespace(decodeEntities(withoutTags));
}

// A loop rather than one lazy regex: an unclosed <script> must cost one scan, not one per match.
function removeInvisibleElements(html: string): string {
  let out = '';
  let position = 0;
  INVISIBLE_START.lastIndex = 0;
  for (let match = INVISIBLE_START.exec(html); match; match = INVISIBLE_START.exec(html)) {
    const name = (match[1] ?? '').toLowerCase();
    out += `${html.slice(position, match.index)} `;
    const closeTag = new RegExp(`</${name}\\b`, 'gi');
    closeTag.lastIndex = match.index + match[0].length;
    const close = closeTag.exec(html);
    if (!close) return out; // like a browser: the rest is inside the element
    const closeEnd = html.indexOf('>', close.index);
    position = closeEnd === -1 ? html.length : closeEnd + 1;
    INVISIBLE_START.lastIndex = position;
  }
  return out + html.slice(position);
}

/**
 * Markup left in text that is already plain (an Atom type="text" title that spells out a tag,
 * an RSS author in CDATA, a double-escaped title once decoded): tags, comments and scripts
 * removed, entities left as they are (they were decoded once already), whitespace collapsed.
 * Titles, authors and category labels are plain text in every output; a tag in them is never
 * content a reader should see or run.
 */
export function stripTags(text: string): string {
  if (!text.includes('<')) return text;
  const withoutTags = removeInvisibleElements(text.replace(COMMENT, ' ')).replace(
    TAG,
    (_tag, _slash: string, name: string) => (BLOCK_TAGS.has(name.toLowerCase()) ? ' ' : ''),
  );
  return collapseWhitespace(withoutTags);
}

/** Plain text as HTML (for a body that a feed gave as text). */
export function textToHtml(text: string): string {
  return escapeText(text);
}

/**
 * Shortens text to at most `maxChars` characters (plus an ellipsis), cutting at the last word
 * boundary when there is one in the last 40% (scripts without spaces are cut mid-run).
 */
export function truncateAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let cut = text.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  if (lastSpace >= maxChars * 0.6) cut = cut.slice(0, lastSpace);
  // Never leave half of a surrogate pair behind.
  const lastCode = cut.charCodeAt(cut.length - 1);
  if (lastCode >= 0xd800 && lastCode <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}
