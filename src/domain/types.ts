/**
 * Types shared by every stage. This module imports nothing, so any stage may depend on it
 * without learning about another stage.
 */

/** A media file attached to an entry (podcast audio, a lead image). */
export interface Enclosure {
  url: string;
  type: string | null;
  lengthBytes: number | null;
}

/** One entry of a feed after parsing, whatever the source format (RSS 0.9x/1.0/2.0, Atom, JSON Feed). */
export interface Entry {
  /** The feed's own identifier for the entry (RSS guid, Atom id, JSON Feed id), if any. */
  guid: string | null;
  /** Absolute link to the article, resolved against the feed's base URL. */
  url: string | null;
  title: string;
  /** Plain text, whitespace collapsed, no markup. */
  summary: string | null;
  /** The entry's HTML body as the feed gave it (sanitised later, when published). */
  contentHtml: string | null;
  author: string | null;
  publishedAt: Date | null;
  updatedAt: Date | null;
  categories: string[];
  enclosures: Enclosure[];
  /** BCP 47 language tag (lower case) from the entry or the feed, if declared. */
  language: string | null;
}

/** A whole feed after parsing. */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  siteUrl: string | null;
  description: string | null;
  language: string | null;
  /** WebSub: the hub the feed advertises (`rel="hub"`), and its own URL (`rel="self"`). */
  hubUrl?: string | null;
  selfUrl?: string | null;
  entries: Entry[];
}

/** What the fetch stage hands on: either a new body, or "not modified". */
export type FetchResult = (
  | {
      kind: 'ok';
      /** The URL after redirects. */
      url: string;
      httpStatus: number;
      /** The body decoded to text (charset from header, BOM, XML declaration, else UTF-8). */
      text: string;
      /** Size of the body as received (after any Content-Encoding was undone). */
      bodyBytes: number;
      contentType: string | null;
      /** The charset label that was used to decode the body. */
      charset: string;
      etag: string | null;
      lastModified: string | null;
      /** Seconds the server asked us to wait (Cache-Control max-age / Retry-After), if any. */
      retryAfterSeconds: number | null;
      /** WebSub discovery from the HTTP `Link` header (`rel="hub"`, `rel="self"`), absolute URLs. */
      headerLinks: { hubUrl: string | null; selfUrl: string | null };
    }
  | {
      kind: 'not-modified';
      url: string;
      httpStatus: 304;
      etag: string | null;
      lastModified: string | null;
      retryAfterSeconds: number | null;
    }
) & {
  /** Where the feed moved for good (the end of the unbroken 301/308 run from the requested URL), else null. */
  movedTo: string | null;
};

/** A topic as the matcher sees it. */
export interface TopicDefinition {
  slug: string;
  name: string;
  kind: 'country' | 'custom';
  iso2?: string | null;
  /** Words or phrases; a trailing `*` makes a prefix term. */
  include: string[];
  exclude: string[];
  /** Which fields of an item the topic is matched against. */
  fields?: Array<'title' | 'summary'>;
}

/** The text of an item the matcher reads. */
export interface TaggableText {
  title: string;
  summary: string | null;
  language?: string | null;
}

/**
 * A parsed topic expression: an OR of AND-groups, each a list of slugs that must
 * (or, when `negated`, must not) be present.
 */
export interface TopicTerm {
  slug: string;
  negated: boolean;
}
export type TopicExpression = TopicTerm[][];
