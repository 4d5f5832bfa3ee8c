/**
 * rss-parser's output (with the raw custom fields asked for in parse-feed.ts) → ParsedFeed.
 *
 * Which element wins, per field:
 * - guid: RSS <guid>, Atom <id>, else RSS 1.0 rdf:about.
 * - url: RSS <link> (text, or href), else <atom:link rel="alternate">; Atom <link rel="alternate">
 *   (type text/html first); else the guid when it is an http(s) permalink. Resolved against
 *   xml:base (entry, then channel/feed, then root) and then the feed's own URL; http(s) only.
 * - title: <title>, else <dc:title>; RSS titles are read as HTML, Atom ones by their `type`.
 * - summary: <description> / <summary>, else <dc:description>, <itunes:summary>, the content.
 * - contentHtml: <content:encoded> / Atom <content>, else the description / summary HTML.
 * - author: <author>, <dc:creator>, <atom:author>, <itunes:author>; Atom entries inherit the
 *   feed's authors (RFC 4287 §4.2.1). "mail@x (Name)" and "Name <mail@x>" give "Name".
 * - publishedAt: <pubDate>, <dc:date>, <published>, <issued>, <created>, else updatedAt.
 * - updatedAt: Atom <updated> / <modified>, <dcterms:modified>.
 * - categories: <category> (Atom: label, else term), <itunes:keywords>, <dc:subject>.
 * - enclosures: <enclosure>, <media:content> (also inside <media:group>), <media:thumbnail>,
 *   Atom <link rel="enclosure">; without a type, typed from `medium` or the file extension.
 * - language: the entry's <dc:language> or xml:lang, else the feed's.
 * - feed hubUrl / selfUrl (WebSub): the feed's first <link rel="hub"> / <link rel="self">
 *   (<atom:link> in RSS).
 */
import { guessMediaType } from '../domain/media-type';
import type { Enclosure, Entry, ParsedFeed } from '../domain/types';
import type { EntryDraft } from './build-entry';
import { buildEntry, normalizeLanguage, parseLengthBytes } from './build-entry';
import { collapseWhitespace, htmlToText, stripTags, textToHtml } from './html-to-text';
import { parseFeedDate } from './parse-feed-date';
import { isWebUrl, resolveUrl, resolveWebUrl } from './resolve-url';
import type { XmlNode } from './xml-node';
import { childNodes, firstText, nodeAttributes, nodeList, nodeText } from './xml-node';

/** Raw fields read from each item/entry: [element name, property rss-parser copies it to]. */
export const ITEM_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['$', 'rawAttributes'],
  ['title', 'rawTitle'],
  ['dc:title', 'rawDcTitle'],
  ['link', 'rawLink'],
  ['atom:link', 'rawAtomLink'],
  ['guid', 'rawGuid'],
  ['id', 'rawId'],
  ['description', 'rawDescription'],
  ['dc:description', 'rawDcDescription'],
  ['summary', 'rawSummary'],
  ['itunes:summary', 'rawItunesSummary'],
  ['content', 'rawContent'],
  ['atom:content', 'rawAtomContent'],
  ['content:encoded', 'rawContentEncoded'],
  ['author', 'rawAuthor'],
  ['dc:creator', 'rawDcCreator'],
  ['dc:author', 'rawDcAuthor'],
  ['atom:author', 'rawAtomAuthor'],
  ['itunes:author', 'rawItunesAuthor'],
  ['pubDate', 'rawPubDate'],
  ['dc:date', 'rawDcDate'],
  ['dcterms:issued', 'rawDctermsIssued'],
  ['dcterms:modified', 'rawDctermsModified'],
  ['tw-link', 'rawRenamedLink'],
  ['tw-published', 'rawPublished'],
  ['tw-updated', 'rawUpdated'],
  ['atom:published', 'rawAtomPublished'],
  ['atom:updated', 'rawAtomUpdated'],
  ['issued', 'rawIssued'],
  ['modified', 'rawModified'],
  ['created', 'rawCreated'],
  ['category', 'rawCategory'],
  ['atom:category', 'rawAtomCategory'],
  ['dc:subject', 'rawDcSubject'],
  ['itunes:keywords', 'rawItunesKeywords'],
  ['enclosure', 'rawEnclosure'],
  ['media:content', 'rawMediaContent'],
  ['media:group', 'rawMediaGroup'],
  ['media:thumbnail', 'rawMediaThumbnail'],
  ['dc:language', 'rawDcLanguage'],
];

/** Raw fields read from the channel / feed element. */
export const FEED_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['$', 'rawAttributes'],
  ['title', 'rawTitle'],
  ['dc:title', 'rawDcTitle'],
  ['link', 'rawLink'],
  ['atom:link', 'rawAtomLink'],
  ['tw-link', 'rawRenamedLink'],
  ['description', 'rawDescription'],
  ['dc:description', 'rawDcDescription'],
  ['itunes:summary', 'rawItunesSummary'],
  ['subtitle', 'rawSubtitle'],
  ['tagline', 'rawTagline'],
  ['language', 'rawLanguage'],
  ['dc:language', 'rawDcLanguage'],
  ['author', 'rawAuthor'],
];

/**
 * Atom elements renamed before rss-parser sees them, and read raw instead: its own Atom mapping
 * throws on an unparseable <published>/<updated> and on a <link> without attributes.
 */
export const ATOM_RENAMED_ELEMENTS: Readonly<Record<string, string>> = {
  published: 'tw-published',
  updated: 'tw-updated',
  link: 'tw-link',
};

type RawRecord = Record<string, unknown>;

export interface XmlFeedContext {
  format: 'rss' | 'atom' | 'rdf';
  /** The URL the feed was fetched from. */
  baseUrl: string;
  /** Attributes of the document's root element (xml:base, xml:lang on <rss> or <rdf:RDF>). */
  rootAttributes: Record<string, string>;
}

interface Scope {
  base: string | null;
  language: string | null;
  authors: string[];
}

/** Entries mapped between two yields to the event loop: a huge document never blocks it long. */
const ENTRIES_PER_YIELD = 1000;

export async function mapXmlFeed(output: RawRecord, context: XmlFeedContext): Promise<ParsedFeed> {
  const feedAttributes = attributesOf(output);
  // In Atom the root is the <feed> element itself, whose attributes come back as rawAttributes.
  const rootBase =
    context.format === 'atom'
      ? context.baseUrl
      : (resolveUrl(context.rootAttributes['xml:base'], context.baseUrl) ?? context.baseUrl);
  const base = resolveUrl(feedAttributes['xml:base'], rootBase) ?? rootBase;
  const language = normalizeLanguage(
    firstText(output.rawLanguage, output.rawDcLanguage) ??
      feedAttributes['xml:lang'] ??
      context.rootAttributes['xml:lang'],
  );
  const items = Array.isArray(output.items) ? (output.items as unknown[]) : [];
  const isAtom = context.format === 'atom';
  const scope: Scope = { base, language, authors: isAtom ? authorNames(output.rawAuthor) : [] };

  const entries: Entry[] = [];
  for (let index = 0; index < items.length; index++) {
    if (index > 0 && index % ENTRIES_PER_YIELD === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    const item = items[index];
    if (typeof item !== 'object' || item === null) continue;
    const draft = isAtom ? mapAtomEntry(item as RawRecord, scope) : mapRssItem(item as RawRecord, scope);
    const entry = buildEntry(draft);
    if (entry !== null) entries.push(entry);
  }

  return {
    format: context.format,
    title: nonEmpty(
      // A source's name is plain text in every output, like an entry's title.
      stripTags(isAtom ? atomText(first(output.rawTitle)) : htmlToText(firstText(output.rawTitle, output.rawDcTitle) ?? '')),
    ),
    siteUrl: isAtom ? alternateLink(output.rawRenamedLink, base) : rssLink(output, base),
    description: nonEmpty(
      isAtom
        ? atomText(first(output.rawSubtitle) ?? first(output.rawTagline))
        : htmlToText(firstText(output.rawDescription, output.rawDcDescription, output.rawItunesSummary) ?? ''),
    ),
    language,
    ...webSubLinks(isAtom ? output.rawRenamedLink : [...nodeList(output.rawAtomLink), ...nodeList(output.rawLink)], base),
    entries,
  };
}

/** WebSub discovery (§4): the first `rel="hub"` and `rel="self"` links of the feed. */
function webSubLinks(links: unknown, base: string | null): { hubUrl: string | null; selfUrl: string | null } {
  let hubUrl: string | null = null;
  let selfUrl: string | null = null;
  for (const node of nodeList(links)) {
    const a = nodeAttributes(node);
    const rels = (a.rel ?? '').trim().toLowerCase().split(/\s+/);
    const href = a.href === undefined ? null : resolveWebUrl(a.href, base);
    if (href === null) continue;
    if (rels.includes('hub')) hubUrl ??= href;
    if (rels.includes('self')) selfUrl ??= href;
  }
  return { hubUrl, selfUrl };
}

function mapRssItem(item: RawRecord, scope: Scope): EntryDraft {
  const attributes = attributesOf(item);
  const base = resolveUrl(attributes['xml:base'], scope.base) ?? scope.base;
  const guidNode = first(item.rawGuid);
  const guidText = guidNode === undefined ? null : nonEmpty(nodeText(guidNode));
  const rdfAbout = typeof item['rdf:about'] === 'string' ? nonEmpty(item['rdf:about']) : null;
  const guid = guidText ?? rdfAbout;
  const guidIsPermalink = guidText !== null && nodeAttributes(guidNode).ispermalink?.trim().toLowerCase() !== 'false';

  const descriptionHtml = rssDescriptionHtml(item);
  const contentEncoded = firstText(item.rawContentEncoded);
  const atomContentNode = first(item.rawAtomContent);

  const draft = emptyDraft();
  draft.guid = guid;
  draft.url =
    rssLink(item, base) ??
    (guidIsPermalink && isWebUrl(guidText) ? resolveWebUrl(guidText, base) : null) ??
    (rdfAbout !== null && isWebUrl(rdfAbout) ? resolveWebUrl(rdfAbout, base) : null);
  draft.title = nonEmpty(htmlToText(firstText(item.rawTitle, item.rawDcTitle) ?? '', TITLE_INPUT_MAX_CHARS));
  draft.summary =
    nonEmpty(htmlToText(descriptionHtml ?? '', SUMMARY_INPUT_MAX_CHARS)) ??
    nonEmpty(htmlToText(firstText(item.rawDcDescription, item.rawItunesSummary) ?? '', SUMMARY_INPUT_MAX_CHARS)) ??
    nonEmpty(htmlToText(contentEncoded ?? '', SUMMARY_INPUT_MAX_CHARS)) ??
    nonEmpty(atomText(atomContentNode, SUMMARY_INPUT_MAX_CHARS));
  draft.contentHtml = contentEncoded ?? atomHtml(atomContentNode, null) ?? descriptionHtml;
  const authors = [
    ...nodeList(item.rawAuthor).map((node) => formatAuthor(nodeText(node))),
    ...nodeList(item.rawDcCreator).map((node) => formatAuthor(nodeText(node))),
    ...nodeList(item.rawDcAuthor).map((node) => formatAuthor(nodeText(node))),
    ...authorNames(item.rawAtomAuthor),
    ...nodeList(item.rawItunesAuthor).map((node) => formatAuthor(nodeText(node))),
  ];
  draft.author = joinAuthors(authors);
  draft.publishedAt = firstDate(item.rawPubDate, item.rawDcDate, item.rawAtomPublished, item.rawDctermsIssued);
  draft.updatedAt = firstDate(item.rawAtomUpdated, item.rawDctermsModified);
  draft.categories = [
    ...nodeList(item.rawCategory).map((node) => categoryText(node)),
    ...nodeList(item.rawItunesKeywords).flatMap((node) => nodeText(node).split(',')),
    ...nodeList(item.rawDcSubject).map((node) => nodeText(node)),
    ...nodeList(item.rawAtomCategory).map((node) => categoryText(node)),
  ].map((category) => htmlToText(category));
  draft.enclosures = [
    ...nodeList(item.rawEnclosure).flatMap((node) => {
      const a = nodeAttributes(node);
      return enclosure(a.url, a.type, a.length, base);
    }),
    ...mediaEnclosures(item, base),
    ...linkEnclosures(item.rawAtomLink, base),
  ];
  draft.language = normalizeLanguage(firstText(item.rawDcLanguage) ?? attributes['xml:lang']) ?? scope.language;
  return draft;
}

function mapAtomEntry(entry: RawRecord, scope: Scope): EntryDraft {
  const attributes = attributesOf(entry);
  const base = resolveUrl(attributes['xml:base'], scope.base) ?? scope.base;
  const guid = firstText(entry.rawId);
  const titleNode = first(entry.rawTitle);
  const summaryNode = first(entry.rawSummary);
  const contentNode = first(entry.rawContent);

  const draft = emptyDraft();
  draft.guid = guid;
  draft.url = alternateLink(entry.rawRenamedLink, base) ?? (isWebUrl(guid) ? resolveWebUrl(guid, base) : null);
  draft.title = nonEmpty(atomText(titleNode, TITLE_INPUT_MAX_CHARS));
  draft.summary =
    nonEmpty(atomText(summaryNode, SUMMARY_INPUT_MAX_CHARS)) ??
    nonEmpty(htmlToText(firstText(entry.rawDcDescription, entry.rawItunesSummary) ?? '', SUMMARY_INPUT_MAX_CHARS)) ??
    nonEmpty(atomText(contentNode, SUMMARY_INPUT_MAX_CHARS));
  draft.contentHtml =
    atomHtml(contentNode, stringOrNull(entry.content)) ?? atomHtml(summaryNode, stringOrNull(entry.summary));
  const ownAuthors = [
    ...authorNames(entry.rawAuthor),
    ...nodeList(entry.rawDcCreator).map((node) => formatAuthor(nodeText(node))),
  ];
  draft.author = joinAuthors(ownAuthors.length > 0 ? ownAuthors : scope.authors);
  const updatedAt = firstDate(entry.rawUpdated, entry.rawModified);
  draft.publishedAt = firstDate(entry.rawPublished, entry.rawIssued, entry.rawCreated, entry.rawDcDate);
  draft.updatedAt = updatedAt;
  draft.categories = [
    ...nodeList(entry.rawCategory).map((node) => categoryText(node)),
    ...nodeList(entry.rawDcSubject).map((node) => nodeText(node)),
  ].map((category) => collapseWhitespace(category));
  draft.enclosures = [...linkEnclosures(entry.rawRenamedLink, base), ...mediaEnclosures(entry, base)];
  draft.language = normalizeLanguage(firstText(entry.rawDcLanguage) ?? attributes['xml:lang']) ?? scope.language;
  return draft;
}

// Only the start of a long body is needed for a 1000-character summary; bounding the input
// keeps the tag scanner's work small on 100 KB articles.
const SUMMARY_INPUT_MAX_CHARS = 20_000;
const TITLE_INPUT_MAX_CHARS = 10_000;

function emptyDraft(): EntryDraft {
  return {
    guid: null,
    url: null,
    title: null,
    summary: null,
    contentHtml: null,
    author: null,
    publishedAt: null,
    updatedAt: null,
    categories: [],
    enclosures: [],
    language: null,
  };
}

function rssDescriptionHtml(item: RawRecord): string | null {
  const node = first(item.rawDescription);
  if (node === undefined) return null;
  // Unescaped markup inside <description> arrives as child elements; rss-parser re-serialises it.
  if (typeof node !== 'string' && typeof node._ !== 'string' && typeof item.content === 'string') {
    return nonEmpty(item.content);
  }
  return nonEmpty(nodeText(node));
}

/** An RSS <link>: the first with text or href, else an <atom:link rel="alternate">. */
function rssLink(record: RawRecord, base: string | null): string | null {
  for (const node of nodeList(record.rawLink)) {
    const href = nodeAttributes(node).href ?? nodeText(node);
    const url = resolveWebUrl(href, base);
    if (url !== null) return url;
  }
  return alternateLink(record.rawAtomLink, base);
}

/** The Atom alternate link: rel="alternate" (or no rel), text/html preferred. */
function alternateLink(links: unknown, base: string | null): string | null {
  let fallback: string | null = null;
  for (const node of nodeList(links)) {
    const a = nodeAttributes(node);
    const rel = (a.rel ?? 'alternate').trim().toLowerCase();
    if (rel !== 'alternate') continue;
    const linkBase = resolveUrl(a['xml:base'], base) ?? base;
    const url = resolveWebUrl(a.href ?? nodeText(node), linkBase);
    if (url === null) continue;
    const type = (a.type ?? 'text/html').toLowerCase();
    if (type === 'text/html' || type === 'application/xhtml+xml') return url;
    fallback ??= url;
  }
  return fallback;
}

function linkEnclosures(links: unknown, base: string | null): Enclosure[] {
  return nodeList(links).flatMap((node) => {
    const a = nodeAttributes(node);
    if ((a.rel ?? '').trim().toLowerCase() !== 'enclosure') return [];
    return enclosure(a.href ?? nodeText(node), a.type, a.length, resolveUrl(a['xml:base'], base) ?? base);
  });
}

function mediaEnclosures(item: RawRecord, base: string | null): Enclosure[] {
  const contents = [
    ...nodeList(item.rawMediaContent),
    ...nodeList(item.rawMediaGroup).flatMap((group) => childNodes(group, 'media:content')),
  ];
  const thumbnails = [
    ...nodeList(item.rawMediaThumbnail),
    ...nodeList(item.rawMediaGroup).flatMap((group) => childNodes(group, 'media:thumbnail')),
  ];
  return [
    ...contents.flatMap((node) => {
      const a = nodeAttributes(node);
      return enclosure(a.url, a.type, a.filesize, base, a.medium);
    }),
    // A thumbnail is an image by definition.
    ...thumbnails.flatMap((node) => enclosure(nodeAttributes(node).url, undefined, undefined, base, 'image')),
  ];
}

function enclosure(
  url: string | undefined,
  type: string | undefined,
  length: string | undefined,
  base: string | null,
  medium?: string,
): Enclosure[] {
  const resolved = resolveWebUrl(url, base);
  if (resolved === null) return [];
  // Untyped media (92 of 144 in one feed) is typed from Media RSS `medium` or the extension.
  const mimeType = type?.trim().toLowerCase() || guessMediaType(resolved, medium);
  return [{ url: resolved, type: mimeType ? mimeType : null, lengthBytes: parseLengthBytes(length) }];
}

/**
 * An Atom text construct (RFC 4287 §3.1, and Atom 0.3's MIME types and mode="base64") as
 * plain text. type="text" is literal: "<blink>" in it is text, not a tag.
 */
function atomText(node: XmlNode | undefined, maxInputChars = Number.POSITIVE_INFINITY): string {
  if (node === undefined) return '';
  const { kind, text } = atomPayload(node);
  if (kind === 'html') return htmlToText(text, maxInputChars);
  return collapseWhitespace(text.length > maxInputChars ? text.slice(0, maxInputChars) : text);
}

/** An Atom text construct as HTML; `serialised` is rss-parser's rendering of inline XHTML. */
function atomHtml(node: XmlNode | undefined, serialised: string | null): string | null {
  if (node === undefined) return null;
  if (nodeAttributes(node).src !== undefined) return null; // out-of-line content: nothing to show
  const { kind, text } = atomPayload(node);
  if (kind === 'html') return nonEmpty(text);
  if (kind === 'xhtml') return nonEmpty(text) === null ? null : nonEmpty(serialised ?? textToHtml(text));
  return nonEmpty(text) === null ? null : textToHtml(text.trim());
}

function atomPayload(node: XmlNode): { kind: 'text' | 'html' | 'xhtml'; text: string } {
  const a = nodeAttributes(node);
  const type = (a.type ?? '').trim().toLowerCase() || 'text';
  const mode = (a.mode ?? '').trim().toLowerCase();
  // RFC 4287 §4.1.3.3: a MIME type that is neither text/* nor XML means base64 content.
  const isXmlType = type.endsWith('+xml') || type.endsWith('/xml');
  const isBase64 = mode === 'base64' || (type.includes('/') && !type.startsWith('text/') && !isXmlType);
  const raw = nodeText(node);
  const text = isBase64 ? (decodeBase64(raw) ?? '') : raw;
  if (type === 'html' || type === 'text/html') return { kind: 'html', text };
  if (type === 'xhtml' || type === 'application/xhtml+xml') return { kind: 'xhtml', text };
  if (isBase64 && /<[a-z][^>]*>/i.test(text)) return { kind: 'html', text };
  return { kind: 'text', text };
}

function decodeBase64(text: string): string | null {
  try {
    const binary = atob(text.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return null;
  }
}

/** Names of Atom <author> elements (name, else email), or plain-text authors. */
function authorNames(value: unknown): string[] {
  return nodeList(value).map((node) => {
    if (typeof node === 'string') return formatAuthor(node);
    const name = firstText(node.name, node['atom:name']);
    if (name !== null) return name;
    const email = firstText(node.email, node['atom:email']);
    return email ?? formatAuthor(nodeText(node));
  });
}

/** "mail@example.org (Jane Doe)", "Jane Doe (mail@…)" and "Jane Doe <mail@…>" → "Jane Doe". */
export function formatAuthor(raw: string): string {
  const text = collapseWhitespace(raw);
  const emailThenName = /^(?:mailto:)?[^\s()<>@]+@[^\s()<>@]+\s*\((.+)\)$/.exec(text);
  if (emailThenName?.[1]) return emailThenName[1].trim();
  const nameThenEmail = /^(.+?)\s*[(<](?:mailto:)?[^\s()<>@]+@[^\s()<>@]+[)>]$/.exec(text);
  if (nameThenEmail?.[1]) return nameThenEmail[1].trim();
  return text;
}

function joinAuthors(authors: string[]): string | null {
  const unique = [...new Set(authors.map((author) => author.trim()).filter((author) => author !== ''))];
  return unique.length === 0 ? null : unique.join(', ');
}

function categoryText(node: XmlNode): string {
  const a = nodeAttributes(node);
  return a.label?.trim() || a.term?.trim() || nodeText(node);
}

function firstDate(...lists: unknown[]): Date | null {
  for (const list of lists) {
    for (const node of nodeList(list)) {
      const date = parseFeedDate(nodeText(node));
      if (date !== null) return date;
    }
  }
  return null;
}

function attributesOf(record: RawRecord): Record<string, string> {
  const raw = record.rawAttributes;
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? nodeAttributes({ $: raw }) : {};
}

function first(value: unknown): XmlNode | undefined {
  return nodeList(value)[0];
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function nonEmpty(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
