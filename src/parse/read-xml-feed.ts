/**
 * XML feed text → the raw record map-xml-feed.ts reads: what rss-parser 3.13's `parseString`
 * returns with our custom fields, without the work rss-parser does that nobody reads. The
 * contract:
 * - the document tree comes from xml2js (the XML parser rss-parser itself uses, over sax), with
 *   the same options, so the same bytes give the same tree, the same syntax errors, and the
 *   same safety: sax expands no DTD entities (no entity bombs, no XXE);
 * - the text is handed to the parser in XML_CHUNK_CHARS pieces with a yield to the event loop
 *   between them, and items are copied out ITEMS_PER_YIELD at a time: a 100,000-item document
 *   never blocks a server for long;
 * - the format is dispatched as rss-parser does (<feed>: Atom; <rss version="2…">, <rdf:RDF>,
 *   <rss version="0.9…">, other <rss> as RSS 2.0), and each item/entry gets the raw fields asked
 *   for (copied as rss-parser's `copyFromXML` with `keepArray` copies them), plus the fields
 *   rss-parser derives that the mapper reads: `content` (an RSS <description>, an Atom <content>,
 *   re-serialised when it holds markup), an Atom entry's `summary` likewise, and `rdf:about`;
 * - skipped, because the mapper reads raw fields only: rss-parser's own field copies, its
 *   snippets (an HTML strip and entity decode per item), its dates and its iTunes block.
 * test/parse/read-xml-feed.test.ts checks that every fixture feed maps to the same entries as
 * through rss-parser.
 */
import xml2js, { type ParserOptions } from 'xml2js';

/** Characters handed to the XML parser between two yields (about a millisecond of work). */
const XML_CHUNK_CHARS = 64 * 1024;
const ITEMS_PER_YIELD = 1000;

type RawRecord = Record<string, unknown>;

export interface ReadXmlOptions {
  /** [element, property] pairs copied from the channel / feed element, as arrays. */
  feedFields: ReadonlyArray<readonly [string, string]>;
  /** [element, property] pairs copied from each item / entry, as arrays. */
  itemFields: ReadonlyArray<readonly [string, string]>;
  /** xml2js options (validator, tag name processors). */
  xml2js: ParserOptions;
}

/** Lets timers and requests run (setTimeout exists on Node and Workers). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Parses the XML into xml2js's tree, a chunk at a time. Errors are xml2js's own (sax's message
 * with "Line:/Column:"), and the first one wins, as in xml2js's parseString.
 */
async function parseTree(xml: string, options: ParserOptions): Promise<RawRecord> {
  const parser = new xml2js.Parser(options);
  let result: unknown = null;
  let ended = false;
  let failure: unknown = undefined;
  parser.on('end', (value: unknown) => {
    result = value;
    ended = true;
  });
  parser.on('error', (error: unknown) => {
    failure ??= error;
  });
  const sax = parser.saxParser;
  try {
    for (let at = 0; at < xml.length && failure === undefined; at += XML_CHUNK_CHARS) {
      if (at > 0) await yieldToEventLoop();
      sax.write(xml.slice(at, at + XML_CHUNK_CHARS));
    }
    if (failure === undefined) sax.close();
  } catch (error) {
    failure ??= error;
  }
  if (failure !== undefined) throw failure;
  if (!ended || typeof result !== 'object' || result === null) throw new Error('Unable to parse XML.');
  return result as RawRecord;
}

/** rss-parser's copyFromXML with `keepArray` on every field. */
function copyFields(from: RawRecord, to: RawRecord, fields: ReadonlyArray<readonly [string, string]>): void {
  for (const [element, property] of fields) {
    const value = from[element];
    if (value !== undefined) to[property] = value;
    const copied = to[property] as { _?: unknown } | undefined;
    if (copied && typeof copied._ === 'string') to[property] = copied._;
  }
}

/** rss-parser's getContent: an element's text, or the element re-serialised when it holds markup. */
function contentOf(node: unknown): unknown {
  if (typeof node === 'object' && node !== null) {
    if (typeof (node as { _?: unknown })._ === 'string') return (node as { _: string })._;
    return new xml2js.Builder({ headless: true, explicitRoot: true, rootName: 'div', renderOpts: { pretty: false } }).buildObject(node);
  }
  return node;
}

const first = (value: unknown): RawRecord | undefined =>
  Array.isArray(value) && typeof value[0] === 'object' && value[0] !== null ? (value[0] as RawRecord) : undefined;

async function mapItems(list: unknown, map: (item: RawRecord) => RawRecord): Promise<RawRecord[]> {
  const source = Array.isArray(list) ? (list as RawRecord[]) : [];
  const items: RawRecord[] = [];
  for (let index = 0; index < source.length; index++) {
    if (index > 0 && index % ITEMS_PER_YIELD === 0) await yieldToEventLoop();
    items.push(map(source[index] as RawRecord));
  }
  return items;
}

export async function readXmlFeed(xml: string, options: ReadXmlOptions): Promise<RawRecord> {
  const tree = await parseTree(xml, options.xml2js);
  const rss = tree.rss as RawRecord | undefined;
  const version = typeof (rss?.$ as RawRecord | undefined)?.version === 'string' ? ((rss?.$ as RawRecord).version as string) : '';

  // Truthiness, as rss-parser tests it: an empty <feed/> or <rss/> is no feed.
  if (tree.feed) {
    const feedElement = (typeof tree.feed === 'object' && tree.feed !== null ? tree.feed : {}) as RawRecord;
    const feed: RawRecord = {};
    copyFields(feedElement, feed, options.feedFields);
    feed.items = await mapItems(feedElement.entry, (entry) => {
      const item: RawRecord = {};
      copyFields(entry, item, options.itemFields);
      // Atom type="xhtml" text constructs are read re-serialised, as rss-parser gives them.
      if (Array.isArray(entry.content) && entry.content.length > 0) item.content = contentOf(entry.content[0]);
      if (Array.isArray(entry.summary) && entry.summary.length > 0) item.summary = contentOf(entry.summary[0]);
      return item;
    });
    return feed;
  }
  let channel: RawRecord | undefined;
  let itemList: unknown;
  if (rss && /^2/.test(version)) {
    channel = first(rss.channel);
    itemList = channel?.item;
  } else if (tree['rdf:RDF'] !== undefined) {
    const rdf = tree['rdf:RDF'] as RawRecord;
    channel = first(rdf.channel);
    itemList = rdf.item;
  } else if (rss) {
    // RSS 0.9x, or <rss> without a version read as 2.0 (rss-parser's defaultRSS: 2): the same reading.
    channel = first(rss.channel);
    itemList = channel?.item;
  } else {
    throw new Error('Feed not recognized as RSS 1 or 2.');
  }
  // rss-parser dereferences channel[0] unchecked; parse-feed.ts turns this into "has no <channel>".
  if (!channel) throw new TypeError("Cannot read properties of undefined (reading 'item')");
  const feed: RawRecord = {};
  copyFields(channel, feed, options.feedFields);
  feed.items = await mapItems(itemList, (xmlItem) => {
    const item: RawRecord = {};
    copyFields(xmlItem, item, options.itemFields);
    const description = xmlItem.description;
    if (Array.isArray(description)) item.content = contentOf(description[0]);
    const attributes = xmlItem.$ as RawRecord | undefined;
    if (attributes && attributes['rdf:about']) item['rdf:about'] = attributes['rdf:about'];
    return item;
  });
  return feed;
}
