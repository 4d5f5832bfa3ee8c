/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) → ParsedFeed; rss-parser reads XML only.
 *
 * - guid: `id` (a number is accepted and written as a string).
 * - url: `url`, else `external_url`, else `id` when it is an http(s) URL; resolved against the
 *   feed's URL.
 * - title: `title` (entities decoded, tags stripped: publishers put HTML in it despite the spec).
 * - summary: `summary`, else `content_text`, else the text of `content_html`.
 * - contentHtml: `content_html`, else `content_text` escaped.
 * - author: 1.1 `authors`, else 1.0 `author`; an item without one inherits the feed's (per spec).
 * - dates: `date_published`, `date_modified` (RFC 3339).
 * - categories: `tags`; enclosures: `attachments`, then `image` and `banner_image`.
 * - language: the item's `language` (1.1), else the feed's.
 * A feed without an `items` array, or with a `version` that is not a jsonfeed.org URL or a
 * bare "1"/"1.0"/"1.1", is refused.
 */
import { ParseError } from '../domain/errors';
import type { Enclosure, Entry, ParsedFeed } from '../domain/types';
import { buildEntry, normalizeLanguage, parseLengthBytes } from './build-entry';
import { htmlToText, textToHtml } from './html-to-text';
import { stripBom } from './markup-scan';
import { parseFeedDate } from './parse-feed-date';
import { isWebUrl, resolveWebUrl } from './resolve-url';

type JsonObject = Record<string, unknown>;

const SUMMARY_INPUT_MAX_CHARS = 20_000;

export function parseJsonFeed(text: string, options: { baseUrl: string }): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(stripBom(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParseError(`not a feed: invalid JSON (${reason})`, { cause: error });
  }
  if (!isObject(document)) throw new ParseError('not a feed: JSON, but not a JSON Feed object');
  const version = document.version;
  if (version !== undefined && !isJsonFeedVersion(version)) {
    throw new ParseError(`not a feed: JSON with version ${JSON.stringify(version)}, not a JSON Feed`);
  }
  if (!Array.isArray(document.items)) throw new ParseError('not a feed: JSON without an "items" array');

  // The URL the feed was fetched from, not `feed_url`, which may be stale.
  const base = options.baseUrl;
  const feedLanguage = normalizeLanguage(string(document.language));
  const feedAuthors = authorNames(document);
  const entries: Entry[] = [];
  for (const item of document.items) {
    if (!isObject(item)) continue;
    const entry = mapItem(item, base, feedAuthors, feedLanguage);
    if (entry !== null) entries.push(entry);
  }
  return {
    format: 'json',
    title: nonEmpty(htmlToText(string(document.title) ?? '')),
    siteUrl: resolveWebUrl(string(document.home_page_url), base),
    description: nonEmpty(htmlToText(string(document.description) ?? '')),
    language: feedLanguage,
    entries,
  };
}

/** "https://jsonfeed.org/version/1.1", and the bare numbers some generators write. */
export function isJsonFeedVersion(version: unknown): boolean {
  if (typeof version !== 'string') return false;
  return /^https?:\/\/(?:www\.)?jsonfeed\.org\/version\/\d/i.test(version.trim()) || /^1(?:\.[01])?$/.test(version.trim());
}

function mapItem(item: JsonObject, base: string, feedAuthors: string[], feedLanguage: string | null): Entry | null {
  const id = typeof item.id === 'number' && Number.isFinite(item.id) ? String(item.id) : string(item.id);
  const contentHtml = nonEmpty(string(item.content_html));
  const contentText = nonEmpty(string(item.content_text));
  const ownAuthors = authorNames(item);
  return buildEntry({
    guid: nonEmpty(id),
    url:
      resolveWebUrl(string(item.url), base) ??
      resolveWebUrl(string(item.external_url), base) ??
      (isWebUrl(id) ? resolveWebUrl(id, base) : null),
    title: nonEmpty(htmlToText(string(item.title) ?? '')),
    summary:
      nonEmpty(htmlToText(string(item.summary) ?? '', SUMMARY_INPUT_MAX_CHARS)) ??
      (contentText !== null ? contentText.slice(0, SUMMARY_INPUT_MAX_CHARS) : null) ??
      nonEmpty(htmlToText(contentHtml ?? '', SUMMARY_INPUT_MAX_CHARS)),
    contentHtml: contentHtml ?? (contentText === null ? null : textToHtml(contentText)),
    author: joinNames(ownAuthors.length > 0 ? ownAuthors : feedAuthors),
    publishedAt: parseFeedDate(string(item.date_published)),
    updatedAt: parseFeedDate(string(item.date_modified)),
    categories: Array.isArray(item.tags) ? item.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    enclosures: enclosures(item, base),
    language: normalizeLanguage(string(item.language)) ?? feedLanguage,
  });
}

function enclosures(item: JsonObject, base: string): Enclosure[] {
  const result: Enclosure[] = [];
  if (Array.isArray(item.attachments)) {
    for (const attachment of item.attachments) {
      if (!isObject(attachment)) continue;
      const url = resolveWebUrl(string(attachment.url), base);
      if (url === null) continue;
      result.push({
        url,
        type: nonEmpty(string(attachment.mime_type))?.toLowerCase() ?? null,
        lengthBytes: parseLengthBytes(attachment.size_in_bytes),
      });
    }
  }
  for (const key of ['image', 'banner_image']) {
    const url = resolveWebUrl(string(item[key]), base);
    if (url !== null) result.push({ url, type: null, lengthBytes: null });
  }
  return result;
}

/** 1.1 `authors` (array), else 1.0 `author` (object); name, else url. */
function authorNames(holder: JsonObject): string[] {
  const list = Array.isArray(holder.authors) ? holder.authors : isObject(holder.author) ? [holder.author] : [];
  return list.flatMap((author) => {
    if (!isObject(author)) return [];
    const name = nonEmpty(string(author.name)) ?? nonEmpty(string(author.url));
    return name === null ? [] : [name];
  });
}

function joinNames(names: string[]): string | null {
  return names.length === 0 ? null : [...new Set(names)].join(', ');
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function string(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function nonEmpty(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}
