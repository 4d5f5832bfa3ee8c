/**
 * Reads our own feeds back the way consumers do (rss-parser for RSS and Atom, JSON.parse plus
 * the JSON Feed 1.1 schema for JSON), into one shape so the three formats can be compared.
 */
import Parser from 'rss-parser';
import { visibleText } from './html-safety';
import { jsonFeedSchema } from './json-feed-schema';
import type { JsonFeed } from './json-feed-schema';

export interface ReadItem {
  id: string;
  link: string | null;
  title: string;
  published: string;
  topics: string[];
  /** The original source (RSS <source>, atom:source, the first of JSON's _topicwire.sources). */
  originalSource: string | null;
  /** The "via …" line that ends the content, naming every source. */
  via: string;
  enclosures: string[];
  /** Every HTML-valued field of the entry (content, description/summary, Atom's html title). */
  html: string[];
}

type XmlNode = { $?: Record<string, string>; _?: string; [key: string]: unknown };

interface RssItem {
  guid?: string;
  link?: string;
  title?: string;
  isoDate?: string;
  categories?: string[];
  enclosure?: { url: string; type?: string; length?: string };
  content?: string;
  'content:encoded'?: string;
  creator?: string;
  language?: string;
  sources?: XmlNode[];
}

interface AtomItem {
  id?: string;
  link?: string;
  title?: string;
  isoDate?: string;
  updated?: string;
  content?: string;
  summary?: string;
  author?: string;
  categories?: XmlNode[];
  links?: XmlNode[];
  contributors?: Array<{ name?: string[]; uri?: string[] }>;
  sourceFeed?: { title?: string[]; link?: XmlNode[] };
}

export async function readRss(xml: string) {
  const parser = new Parser<Record<string, unknown>, RssItem>({
    customFields: {
      item: [
        ['source', 'sources', { keepArray: true }],
        ['dc:language', 'language'],
      ],
    },
  });
  const feed = await parser.parseString(xml);
  const items: ReadItem[] = feed.items.map((item) => ({
    id: item.guid ?? '',
    link: item.link ?? null,
    title: item.title ?? '',
    published: item.isoDate ?? '',
    topics: item.categories ?? [],
    originalSource: item.sources?.[0]?._ ?? null,
    via: viaLine(item['content:encoded']),
    enclosures: item.enclosure === undefined ? [] : [item.enclosure.url],
    html: [item.content ?? '', item['content:encoded'] ?? ''],
  }));
  return { feed, items };
}

export async function readAtom(xml: string) {
  const parser = new Parser<Record<string, unknown>, AtomItem>({
    customFields: {
      item: [
        ['category', 'categories', { keepArray: true }],
        ['link', 'links', { keepArray: true }],
        ['contributor', 'contributors', { keepArray: true }],
        ['source', 'sourceFeed'],
        'updated',
      ],
    },
  });
  const feed = await parser.parseString(xml);
  const items: ReadItem[] = feed.items.map((item) => ({
    id: item.id ?? '',
    link: item.link ?? null,
    // type="html": the title is HTML, so what readers show is its text.
    title: visibleText(item.title ?? ''),
    published: item.isoDate ?? '',
    topics: (item.categories ?? []).map((category) => category.$?.label ?? ''),
    originalSource: item.sourceFeed?.title?.[0] ?? null,
    via: viaLine(item.content),
    enclosures: (item.links ?? [])
      .filter((link) => link.$?.rel === 'enclosure')
      .map((link) => link.$?.href ?? ''),
    html: [item.content ?? '', item.summary ?? '', item.title ?? ''],
  }));
  return { feed, items };
}

export function readJson(body: string): { feed: JsonFeed; items: ReadItem[] } {
  const feed = jsonFeedSchema.parse(JSON.parse(body));
  const items: ReadItem[] = feed.items.map((item) => {
    const extension = item._topicwire as { sources: Array<{ title: string }> };
    return {
      id: item.id,
      link: item.url ?? null,
      title: item.title ?? '',
      published: item.date_published ?? '',
      topics: item.tags ?? [],
      originalSource: extension.sources[0]?.title ?? null,
      via: viaLine(item.content_html),
      enclosures: (item.attachments ?? []).map((attachment) => attachment.url),
      html: [item.content_html ?? ''],
    };
  });
  return { feed, items };
}

function viaLine(html: string | undefined): string {
  return /via [^\n]*$/.exec(visibleText(html ?? ''))?.[0] ?? '';
}
