/**
 * Small, linear scanners for the few places where a full XML/HTML parse is not worth it:
 * finding a document's root element (format sniffing) and reading a tag's attributes
 * (feed autodiscovery, OPML outlines).
 */
import { decodeHTMLAttribute } from 'entities';

export interface RootElement {
  /** Qualified name as written, e.g. "rss", "feed", "rdf:RDF", "html". */
  name: string;
  /** Attributes with lower-cased names, values entity-decoded. */
  attributes: Record<string, string>;
  /** Offset of the root's '<' in the text. */
  offset: number;
}

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Attributes of a start tag's attribute text (`href="a" rel=alternate`), names lower-cased. */
export function parseAttributes(attributeText: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(attributeText); m; m = ATTRIBUTE.exec(attributeText)) {
    const name = (m[1] ?? '').toLowerCase();
    if (name === '' || name in attributes) continue; // first one wins, as in HTML
    attributes[name] = decodeHTMLAttribute(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attributes;
}

/** Removes a leading byte-order mark (U+FEFF), which decoders sometimes leave in place. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The first element of a markup document, skipping the XML declaration, processing
 * instructions, comments and a DOCTYPE (with its internal subset). Null when the text does not
 * start like markup at all.
 */
export function findRootElement(text: string): RootElement | null {
  let i = 0;
  const length = text.length;
  for (;;) {
    while (i < length && isSpace(text.charCodeAt(i))) i++;
    if (text[i] !== '<') return null;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end === -1) return null;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end === -1) return null;
      i = end + 3;
    } else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
      i = skipDoctype(text, i);
      if (i === -1) return null;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)\/?>/.exec(text.slice(i, i + 8192));
      if (!m) return null;
      return { name: m[1] ?? '', attributes: parseAttributes((m[2] ?? '').replace(/\/$/, '')), offset: i };
    }
  }
}

/** "rdf:RDF" → "RDF". */
export function localName(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(':');
  return colon === -1 ? qualifiedName : qualifiedName.slice(colon + 1);
}

function skipDoctype(text: string, start: number): number {
  let i = start + 9;
  let inSubset = false;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '[') inSubset = true;
    else if (c === ']') inSubset = false;
    else if (c === '>' && !inSubset) return i + 1;
    else if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) return -1;
      i = close;
    }
  }
  return -1;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
