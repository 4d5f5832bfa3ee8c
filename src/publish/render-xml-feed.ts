/**
 * RSS 2.0 and Atom 1.0 through the `feed` package, with its XML writer's (xml-js) gaps closed:
 * - text nodes: xml-js turns "&amp;" back into "&" before escaping, so a literal "&amp;" would
 *   come out as "&"; we double it first (`xmlJsText`);
 * - CDATA: xml-js splits only the first "]]>", so a second one would end the section early and
 *   inject markup; we split every later one ourselves (`xmlJsCdata`);
 * - attributes: xml-js escapes only `"`, so attribute values we hand it are escaped by us;
 * - what `feed` cannot say at all (Atom categories with labels that may contain "<", enclosures
 *   with their real MIME type, `<source>`, alternate links, xml:lang) is written by us and put in
 *   place of a placeholder element whose text contains U+FFFF, a character `cleanText` removes
 *   from every input, so no item can forge or collide with a placeholder.
 * Inputs come from `prepareFeed`: cleaned text, absolute http(s) URLs, sanitised HTML.
 */
import { Feed } from 'feed';
import { AppError } from '../domain/errors';
import type { Author, Extension, FeedOptions, Item } from 'feed';
import { escapeHtml, escapeXml } from './clean-text';
import type { PreparedFeed, PreparedItem } from './prepare-feed';

const OCTET_STREAM = 'application/octet-stream';
const ATOM_ROOT = '<feed xmlns="http://www.w3.org/2005/Atom">';
const ALTERNATE_TYPES = { rss: 'application/rss+xml', json: 'application/feed+json' } as const;

export function renderRss(feed: PreparedFeed): string {
  const { meta } = feed;
  const writer = new Feed({ ...commonOptions(feed), feed: meta.selfUrl });
  for (const item of feed.items) writer.addItem(rssItem(item));
  return writer.rss2();
}

export function renderAtom(feed: PreparedFeed): string {
  const { meta } = feed;
  const splices = new Splices();
  const alternates = (['rss', 'json'] as const).map((format) =>
    xmlElement('link', {
      rel: 'alternate',
      type: ALTERNATE_TYPES[format],
      href: meta.feedUrls[format],
    }),
  );
  const writer = new Feed({
    ...commonOptions(feed),
    // The feed's id stays the same whatever ?limit= a reader asked for.
    id: xmlJsText(meta.feedUrls.atom.split('?')[0] ?? meta.feedUrls.atom),
    feed: meta.selfUrl,
    author: { name: xmlJsText(meta.generator), link: meta.siteUrl },
    copyright: splices.add(alternates),
  });
  for (const item of feed.items) writer.addItem(atomItem(item, meta.siteUrl, splices));
  let xml = splices.apply(writer.atom1());
  if (meta.language !== null) {
    xml = replaceOnce(
      xml,
      ATOM_ROOT,
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(meta.language)}">`,
    );
  }
  return xml;
}

function commonOptions(feed: PreparedFeed): FeedOptions {
  const { meta } = feed;
  return {
    title: xmlJsText(meta.title),
    description: xmlJsText(meta.description),
    link: meta.siteUrl,
    updated: meta.updatedAt,
    generator: xmlJsText(meta.generator),
    ...(meta.language === null ? {} : { language: meta.language }),
    // RSS <atom:link rel="hub">, Atom <link rel="hub">: WebSub discovery (§4).
    ...(meta.hubUrl === null ? {} : { hub: meta.hubUrl }),
  };
}

function rssItem(item: PreparedItem): Item {
  const extensions: Extension[] = [];
  const original = item.sources[0];
  if (original !== undefined && original.feedUrl !== null) {
    // RSS 2.0 <source>: the channel the item came from; readers show it as the origin.
    extensions.push({
      name: 'source',
      objects: {
        _attributes: { url: escapeXml(original.feedUrl) },
        _text: xmlJsText(original.title),
      },
    });
  }
  // dc:creator rather than <author>, which RSS 2.0 reserves for an e-mail address.
  // (feed declares xmlns:dc whenever an item has content, which prepareFeed guarantees.)
  if (item.author !== null)
    extensions.push({ name: 'dc:creator', objects: { _text: xmlJsText(item.author) } });
  if (item.language !== null)
    extensions.push({ name: 'dc:language', objects: { _text: item.language } });
  const enclosure = item.enclosures[0];
  return {
    title: xmlJsCdata(item.title),
    id: item.guid,
    // feed leaves out <link> for an empty string; a relative fallback would be worse than none.
    link: item.url ?? '',
    date: item.updatedAt ?? item.publishedAt,
    published: item.publishedAt,
    description: xmlJsCdata(
      item.summary === null ? item.contentHtml : `<p>${escapeHtml(item.summary)}</p>`,
    ),
    content: xmlJsCdata(item.contentHtml),
    category: item.topics.map((topic) => ({ name: xmlJsText(topic.name) })),
    ...(enclosure === undefined
      ? {}
      : {
          enclosure: {
            url: enclosure.url,
            type: enclosure.type ?? OCTET_STREAM,
            // RSS requires a length; 0 is the convention for "unknown".
            length: enclosure.lengthBytes ?? 0,
          },
        }),
    extensions,
  };
}

function atomItem(item: PreparedItem, siteUrl: string, splices: Splices): Item {
  const original = item.sources[0];
  const extras = [
    ...item.topics.map((topic) => xmlElement('category', { term: topic.slug, label: topic.name })),
    ...item.enclosures.map((enclosure) =>
      xmlElement('link', {
        rel: 'enclosure',
        href: enclosure.url,
        type: enclosure.type,
        length: enclosure.lengthBytes === null ? null : String(enclosure.lengthBytes),
      }),
    ),
  ];
  if (original !== undefined) extras.push(atomSource(original));
  // No author of its own: the feed-level author (RFC 4287 §4.1.1) covers the entry; the
  // sources are named as contributors and in <source>, never as its author.
  const author: Author[] = item.author === null ? [] : [{ name: xmlJsText(item.author) }];
  return {
    // type="html": the title is HTML-escaped text, or "<" in a title would be read as a tag.
    title: xmlJsCdata(escapeHtml(item.title)),
    id: item.guid,
    // Atom wants an alternate link; without an article URL the original site is the best page.
    link: item.url ?? original?.siteUrl ?? siteUrl,
    date: item.updatedAt ?? item.publishedAt,
    published: item.publishedAt,
    ...(item.summary === null ? {} : { description: xmlJsCdata(escapeHtml(item.summary)) }),
    content: xmlJsCdata(item.contentHtml),
    author,
    contributor: item.sources.map((source) => ({
      name: xmlJsText(source.title),
      ...(source.siteUrl === null ? {} : { link: source.siteUrl }),
    })),
    copyright: splices.add(extras),
  };
}

/**
 * RFC 4287 §4.2.11: the feed the entry was copied from, with its id, title and updated time
 * (§4.2.11 says they SHOULD be there). We do not keep the source's own atom:id, so the id is its
 * feed URL (an IRI that names it); updated is when we first saw the entry in it.
 */
function atomSource(source: PreparedItem['sources'][number]): string {
  const children = [];
  if (source.feedUrl !== null) children.push(`<id>${escapeXml(source.feedUrl)}</id>`);
  children.push(`<title>${escapeXml(source.title)}</title>`);
  if (source.seenAt !== null) children.push(`<updated>${source.seenAt.toISOString()}</updated>`);
  if (source.feedUrl !== null)
    children.push(xmlElement('link', { rel: 'self', href: source.feedUrl }));
  if (source.siteUrl !== null)
    children.push(xmlElement('link', { rel: 'alternate', href: source.siteUrl }));
  return `<source>${children.join('')}</source>`;
}

/** An empty element; attributes whose value is null are left out. */
function xmlElement(name: string, attributes: Record<string, string | null>): string {
  const rendered = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return `<${name}${rendered}/>`;
}

/**
 * Placeholders feed writes as `<rights>…</rights>` on a line of their own, and that we then
 * replace with our own fragments, one per line at the placeholder's indentation (or with
 * nothing, line included). All in one pass: a 500-entry feed has 500 of them.
 */
class Splices {
  private readonly fragments: string[][] = [];

  add(fragments: string[]): string {
    this.fragments.push(fragments);
    return `\uFFFF${this.fragments.length - 1}\uFFFF`;
  }

  apply(xml: string): string {
    const used = new Set<number>();
    const out = xml.replace(
      /(\n[ \t]*)<rights>\uFFFF(\d+)\uFFFF<\/rights>/g,
      (_match, lead: string, index: string) => {
        const number = Number(index);
        const fragments = this.fragments[number];
        if (fragments === undefined || used.has(number)) throw spliceError();
        used.add(number);
        return fragments.length === 0 ? '' : lead + fragments.join(lead);
      },
    );
    if (used.size !== this.fragments.length) throw spliceError();
    return out;
  }
}

function spliceError(): AppError {
  return feedPackageChanged('feed output does not match its placeholders');
}

function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at === -1) throw feedPackageChanged(`"${search}" not found in feed output`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

// Only a different `feed`/xml-js than the one pinned can get here; fail loudly, never emit garbage.
function feedPackageChanged(message: string): AppError {
  return new AppError(500, 'publish_failed', `publish: ${message}; has the feed package changed?`);
}

/** Text for an xml-js text node: xml-js decodes "&amp;" before escaping, so double it first. */
function xmlJsText(text: string): string {
  return text.replace(/&amp;/g, '&amp;amp;');
}

/**
 * Text for an xml-js CDATA section. xml-js splits the first "]]>" into two sections itself;
 * we split every later one, so the section never ends early.
 */
function xmlJsCdata(text: string): string {
  const first = text.indexOf(']]>');
  if (first === -1) return text;
  const head = text.slice(0, first + 3);
  return head + text.slice(first + 3).replaceAll(']]>', ']]]]><![CDATA[>');
}
