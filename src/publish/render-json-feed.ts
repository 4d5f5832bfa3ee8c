/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1), written directly: feed's `json1()` emits
 * version 1 (a single `author`, no `language`, no attachments), and patching its output would
 * touch nearly every field. Item-level `_topicwire` is a JSON Feed extension object (keys that
 * start with "_" are reserved for them; readers ignore what they do not know).
 */
import type { PreparedFeed, PreparedItem } from './prepare-feed';

const OCTET_STREAM = 'application/octet-stream';

interface JsonFeedAuthor {
  name: string;
  url?: string;
}

export function renderJsonFeed(feed: PreparedFeed): string {
  const { meta } = feed;
  const document = {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: meta.siteUrl,
    feed_url: meta.feedUrls.json,
    ...(meta.description === '' ? {} : { description: meta.description }),
    authors: [{ name: meta.generator, url: meta.siteUrl }],
    ...(meta.language === null ? {} : { language: meta.language }),
    ...(meta.hubUrl === null ? {} : { hubs: [{ type: 'WebSub', url: meta.hubUrl }] }),
    items: feed.items.map(jsonFeedItem),
  };
  return JSON.stringify(document, null, 2);
}

function jsonFeedItem(item: PreparedItem) {
  const authors: JsonFeedAuthor[] = item.author === null ? [] : [{ name: item.author }];
  return {
    id: item.guid,
    ...(item.url === null ? {} : { url: item.url }),
    ...(item.title === '' ? {} : { title: item.title }),
    content_html: item.contentHtml,
    ...(item.summary === null ? {} : { summary: item.summary }),
    date_published: item.publishedAt.toISOString(),
    ...(item.updatedAt === null ? {} : { date_modified: item.updatedAt.toISOString() }),
    ...(authors.length === 0 ? {} : { authors }),
    ...(item.topics.length === 0 ? {} : { tags: item.topics.map((topic) => topic.name) }),
    ...(item.language === null ? {} : { language: item.language }),
    ...(item.enclosures.length === 0
      ? {}
      : {
          attachments: item.enclosures.map((enclosure) => ({
            url: enclosure.url,
            mime_type: enclosure.type ?? OCTET_STREAM,
            ...(enclosure.lengthBytes === null ? {} : { size_in_bytes: enclosure.lengthBytes }),
          })),
        }),
    _topicwire: {
      sources: item.sources.map((source) => ({
        id: source.id,
        title: source.title,
        ...(source.siteUrl === null ? {} : { home_page_url: source.siteUrl }),
        ...(source.feedUrl === null ? {} : { feed_url: source.feedUrl }),
      })),
      topics: item.topics,
      ...(item.cluster === null
        ? {}
        : {
            cluster: {
              id: item.cluster.id,
              size: item.cluster.size,
              also_reported_by: item.cluster.alsoReportedBy.map((source) => ({
                title: source.title,
                ...(source.siteUrl === null ? {} : { home_page_url: source.siteUrl }),
              })),
            },
          }),
    },
  };
}
