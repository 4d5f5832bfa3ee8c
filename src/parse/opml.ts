/**
 * OPML subscription lists (what feed readers export) → the feeds in them.
 *
 * Every <outline> with an xmlUrl is a feed, however deeply nested; the others are folders.
 * category: the nearest enclosing folder's title (its `title`, else `text`), else the outline's
 * own `category` attribute (first entry, leading "/" removed), else null. title: `title`, else
 * `text`. Attribute names are matched case-insensitively (exports write "xmlurl" too). Each
 * xmlUrl is reported once (first occurrence). Throws ParseError when the text is not OPML.
 *
 * A tag scanner rather than an XML parser: outlines are attribute-only elements, and the scanner
 * also copes with the unescaped "&" in URLs that hand-edited lists often contain.
 */
import { ParseError } from '../domain/errors';
import { collapseWhitespace } from './html-to-text';
import { findRootElement, localName, parseAttributes, stripBom } from './markup-scan';

export interface OpmlFeed {
  xmlUrl: string;
  title: string | null;
  htmlUrl: string | null;
  category: string | null;
}

const IGNORED_REGIONS = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g;
const OUTLINE_TAG = /<(\/?)outline\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

export function parseOpml(text: string): OpmlFeed[] {
  const body = stripBom(text).trimStart();
  if (body.trim() === '') throw new ParseError('not OPML: the file is empty');
  const root = findRootElement(body);
  if (root === null || localName(root.name).toLowerCase() !== 'opml') {
    const what = root === null ? 'not XML' : `an XML document with root <${root.name}>`;
    throw new ParseError(`not OPML: the file is ${what}, expected <opml>`);
  }
  if (!/<body[\s>/]/i.test(body)) throw new ParseError('not OPML: the <opml> document has no <body>');

  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  // One entry per open <outline>: the folder title it gives its children (null for a feed).
  const folders: Array<string | null> = [];
  const scanned = body.replace(IGNORED_REGIONS, ' ');
  OUTLINE_TAG.lastIndex = 0;
  for (let m = OUTLINE_TAG.exec(scanned); m; m = OUTLINE_TAG.exec(scanned)) {
    if (m[1] === '/') {
      folders.pop();
      continue;
    }
    const rawAttributes = m[2] ?? '';
    const selfClosing = /\/\s*$/.test(rawAttributes);
    const attributes = parseAttributes(rawAttributes.replace(/\/\s*$/, ''));
    const title = clean(attributes.title) ?? clean(attributes.text);
    const xmlUrl = clean(attributes.xmlurl);
    if (xmlUrl !== null && !seen.has(xmlUrl)) {
      seen.add(xmlUrl);
      feeds.push({
        xmlUrl,
        title,
        htmlUrl: clean(attributes.htmlurl),
        category: nearestFolder(folders) ?? categoryAttribute(attributes.category),
      });
    }
    if (!selfClosing) folders.push(xmlUrl === null ? title : null);
  }
  return feeds;
}

function nearestFolder(folders: Array<string | null>): string | null {
  for (let i = folders.length - 1; i >= 0; i--) {
    const folder = folders[i];
    if (folder !== null && folder !== undefined) return folder;
  }
  return null;
}

/** OPML 2.0 `category`: comma-separated slash-delimited paths ("/Tech/News,/World"). */
function categoryAttribute(value: string | undefined): string | null {
  const firstPath = value?.split(',')[0]?.trim().replace(/^\/+|\/+$/g, '');
  return clean(firstPath);
}

function clean(value: string | undefined): string | null {
  if (value === undefined) return null;
  const text = collapseWhitespace(value);
  return text === '' ? null : text;
}
