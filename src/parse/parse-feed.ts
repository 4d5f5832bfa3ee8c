/**
 * Feed text → ParsedFeed. The contract:
 * - input is already decoded text (the fetch stage handles charsets); a leading BOM and an XML
 *   declaration naming another encoding are harmless;
 * - JSON (first non-blank character "{") is read as JSON Feed 1.0/1.1, anything else as XML
 *   (RSS 0.9x, RSS 1.0/RDF, RSS 2.0, Atom 0.3/1.0) into what rss-parser would return, by
 *   read-xml-feed.ts (xml2js, in chunks that yield to the event loop);
 * - XML that fails a strict parse is repaired once for the usual breakage (bare "&", HTML
 *   entities, junk after the root) and parsed again;
 * - every field is read raw (rss-parser's customFields) and mapped here, which also steps
 *   around rss-parser's own mapping and its crashes (an unparseable Atom date, an Atom <link>
 *   without attributes, a text-only <entry>);
 * - every failure is a ParseError whose message an operator can act on
 *   ("parse: not a feed: looks like an HTML page"), with the parser's error as `cause`.
 * Entry normalisation rules are in map-xml-feed.ts and build-entry.ts.
 */
import { ParseError } from '../domain/errors';
import type { ParsedFeed } from '../domain/types';
import { parseJsonFeed } from './json-feed';
import { ATOM_RENAMED_ELEMENTS, FEED_FIELDS, ITEM_FIELDS, mapXmlFeed } from './map-xml-feed';
import { findRootElement, localName, stripBom } from './markup-scan';
import type { ParserOptions } from 'xml2js';
import { readXmlFeed } from './read-xml-feed';
import { repairXml } from './repair-xml';

export type XmlFormat = 'rss' | 'atom' | 'rdf';

const CONTAINER_PATH = /\/(?:item|entry|channel)$/;

export async function parseFeed(text: string, options: { baseUrl: string }): Promise<ParsedFeed> {
  const body = stripBom(text).trimStart();
  if (body.trim() === '') throw new ParseError('not a feed: the body is empty');
  if (body.startsWith('{') || body.startsWith('[')) return parseJsonFeed(body, options);

  const root = findRootElement(body);
  if (root === null) throw new ParseError(`not a feed: ${describeNonMarkup(body)}`);
  const format = formatOfRoot(root.name);
  if (format === null) throw new ParseError(`not a feed: ${describeOtherRoot(root.name)}`);

  const xml = format === 'atom' ? escapeInlineXhtml(body) : body;
  let output: Record<string, unknown>;
  try {
    output = await readXml(xml, format);
  } catch (error) {
    const repaired = isXmlSyntaxError(error) ? repairXml(xml, root.name) : xml;
    if (repaired === xml) throw toParseError(error, format, body);
    try {
      output = await readXml(repaired, format);
    } catch {
      throw toParseError(error, format, body); // the first error describes the document as served
    }
  }
  try {
    return await mapXmlFeed(output, { format, baseUrl: options.baseUrl, rootAttributes: root.attributes });
  } catch (error) {
    // A shape no mapper rule foresaw: still a readable, per-source failure rather than a crash.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParseError(`could not read the ${format === 'atom' ? 'Atom' : 'RSS'} feed: ${reason}`, { cause: error });
  }
}

const INLINE_XHTML =
  /<(title|subtitle|tagline|summary|content|rights)(\s[^>]*?\btype\s*=\s*["'](?:xhtml|application\/xhtml\+xml)["'][^>]*)(?<!\/)>([\s\S]*?)<\/\1\s*>/g;

/**
 * Atom type="xhtml" text constructs, rewritten as type="html" with the markup escaped, before
 * parsing: xml2js does not keep the order of mixed content ("Talks in <a>Astana</a> resumed"
 * would come back as "Talks in resumed" + "Astana"). The xhtml:div wrapper is dropped, as
 * RFC 4287 §3.1.1.3 says it is not part of the content.
 */
function escapeInlineXhtml(xml: string): string {
  if (!xml.includes('xhtml')) return xml;
  return xml.replace(INLINE_XHTML, (_element, name: string, attributes: string, inner: string) => {
    const unwrapped = /^\s*<div\b[^>]*>([\s\S]*)<\/div>\s*$/.exec(inner)?.[1] ?? inner;
    const escaped = unwrapped.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const htmlAttributes = attributes.replace(/\btype\s*=\s*["'][^"']*["']/, 'type="html"');
    return `<${name}${htmlAttributes}>${escaped}</${name}>`;
  });
}

export function formatOfRoot(name: string): XmlFormat | null {
  const local = localName(name);
  if (name === 'rss') return 'rss';
  if (name === 'feed') return 'atom';
  if (local === 'RDF') return 'rdf';
  return null;
}

/** The xml2js options for a document of `format` (also what rss-parser is given, in the equivalence test). */
export function xml2jsOptions(format: XmlFormat): ParserOptions {
  return {
    // An <item>/<entry> with only text or whitespace would come back as a string, and
    // rss-parser then read String.prototype.link as the item's links and threw.
    validator: (xpath: string, _previous: unknown, value: unknown) =>
      typeof value === 'string' && CONTAINER_PATH.test(xpath) ? {} : value,
    ...(format === 'atom' ? { tagNameProcessors: [(name: string) => ATOM_RENAMED_ELEMENTS[name] ?? name] } : {}),
  };
}

/** A new parser per document (readXmlFeed makes one): xml2js keeps state between calls and is left broken by an error. */
function readXml(xml: string, format: XmlFormat): Promise<Record<string, unknown>> {
  return readXmlFeed(xml, { feedFields: FEED_FIELDS, itemFields: ITEM_FIELDS, xml2js: xml2jsOptions(format) });
}

function isXmlSyntaxError(error: unknown): boolean {
  return error instanceof Error && /\nLine: \d+/.test(error.message);
}

function toParseError(error: unknown, format: XmlFormat, body: string): ParseError {
  const message = error instanceof Error ? error.message : String(error);
  const syntax = /^([^\n]*)\nLine: (\d+)\nColumn: (\d+)/.exec(message);
  if (syntax) {
    const reason = (syntax[1] ?? '').replace(/\.$/, '');
    const truncated = /unclosed root tag|unexpected end/i.test(reason) ? ' (the document looks truncated)' : '';
    return new ParseError(
      `broken XML: ${reason.charAt(0).toLowerCase()}${reason.slice(1)} at line ${Number(syntax[2]) + 1}, column ${syntax[3]}${truncated}`,
      { cause: error },
    );
  }
  // rss-parser dereferences channel[0] unchecked; say what is actually wrong with the document.
  if (error instanceof TypeError && format !== 'atom' && !/<channel[\s>/]/.test(body)) {
    return new ParseError(`not a feed: the ${format === 'rdf' ? 'RDF' : '<rss>'} document has no <channel>`, {
      cause: error,
    });
  }
  return new ParseError(`could not read the ${format === 'atom' ? 'Atom' : 'RSS'} feed: ${message}`, { cause: error });
}

function describeNonMarkup(body: string): string {
  if (/^<!doctype\s+html|^<html[\s>]/i.test(body)) return 'looks like an HTML page';
  if (body.startsWith('<')) return 'the body is not well-formed XML';
  const preview = body.slice(0, 40).replace(/\s+/g, ' ');
  return `the body is neither XML nor JSON (it starts with "${preview}${body.length > 40 ? '…' : ''}")`;
}

function describeOtherRoot(name: string): string {
  const local = localName(name).toLowerCase();
  if (['html', 'head', 'body'].includes(local)) return 'looks like an HTML page';
  if (local === 'opml') return 'this is an OPML subscription list, not a feed (import it as sources instead)';
  return `the XML root element is <${name}>, expected <rss>, <feed> or <rdf:RDF>`;
}
