/**
 * Republishes stored items as RSS 2.0, Atom 1.0 or JSON Feed 1.1. Contract:
 * - the three formats carry the same items, in the order given, with the same ids
 *   (`itemGuid`), links, titles, dates, topics (as categories/tags), sources and enclosures;
 * - every string is cleaned of characters XML cannot carry, every URL is absolute http(s),
 *   and item HTML is sanitised, so any input yields a well-formed, safe document;
 * - an entry names the sources that carried the story: in a "via …" footer of its content, and
 *   in RSS `<source>`, Atom `<source>`/`<contributor>`, and the JSON Feed extension object
 *   `_topicwire.sources`; its author is its own or none (a source is never passed off as one);
 * - titles, authors, topic labels and source names are plain text; HTML only in content.
 */
import { prepareFeed } from './prepare-feed';
import { renderJsonFeed } from './render-json-feed';
import { renderAtom, renderRss } from './render-xml-feed';

export { itemGuid } from './item-guid';

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedMeta {
  title: string;
  description: string;
  /** Absolute URL of this very feed as requested, query included (rel=self). */
  selfUrl: string;
  /** Absolute URL of the human page (/topics/{expr}). */
  siteUrl: string;
  /** The same feed in each format (Atom `<link rel="alternate">`, JSON Feed `feed_url`). */
  feedUrls: Record<FeedFormat, string>;
  /** Newest item's time, or now when empty. */
  updatedAt: Date;
  language?: string | null;
  generator?: string;
  /** A WebSub hub readers can subscribe to for this feed (`rel="hub"`; JSON Feed `hubs`). */
  hubUrl?: string | null;
}

export interface PublishedItem {
  /** Stable database id. */
  id: number;
  /** Canonical link to the original article. */
  url: string | null;
  title: string;
  /** Plain text. */
  summary: string | null;
  /** Untrusted HTML from the source feed; sanitised here. */
  contentHtml: string | null;
  author: string | null;
  /** Never null here: the store falls back to the first-seen time. */
  publishedAt: Date;
  updatedAt: Date | null;
  language: string | null;
  /** Every source that carried the story, the original first. */
  sources: Array<{ id: number; title: string; siteUrl: string | null; feedUrl: string; firstSeenAt?: Date }>;
  topics: Array<{ slug: string; name: string }>;
  enclosures: Array<{ url: string; type: string | null; lengthBytes: number | null }>;
  /** Its story cluster; `alsoReportedBy` names the outlets of the cluster's other items when a feed lists the story once. */
  cluster?: { id: number; size: number; alsoReportedBy: Array<{ title: string; siteUrl: string | null }> };
}

export const FEED_CONTENT_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export function renderFeed(
  meta: FeedMeta,
  items: PublishedItem[],
  format: FeedFormat,
): { body: string; contentType: string } {
  const feed = prepareFeed(meta, items);
  const body =
    format === 'rss'
      ? renderRss(feed)
      : format === 'atom'
        ? renderAtom(feed)
        : renderJsonFeed(feed);
  return { body, contentType: FEED_CONTENT_TYPES[format] };
}
