/**
 * Turns feed metadata and stored items into one format-neutral, already-safe view that every
 * writer renders from, so RSS, Atom and JSON Feed cannot disagree about an item. After this step
 * every string is free of characters XML forbids, every URL is absolute http(s) or null, and
 * `contentHtml` is sanitised HTML that is never empty. Titles, authors, topic names and source
 * names are plain text (`plainLine`: no markup, whatever was stored); HTML lives only in
 * `contentHtml`, sanitised.
 */
import { AppError } from '../domain/errors';
import { guessMediaType } from '../domain/media-type';
import { cleanLine, cleanText, escapeHtml, plainLine } from './clean-text';
import { itemGuid } from './item-guid';
import type { FeedFormat, FeedMeta, PublishedItem } from './render-feed';
import { resolveHttpUrl } from './resolve-http-url';
import { sanitizeHtml } from './sanitize-html';

export interface PreparedMeta {
  title: string;
  description: string;
  selfUrl: string;
  siteUrl: string;
  feedUrls: Record<FeedFormat, string>;
  updatedAt: Date;
  language: string | null;
  generator: string;
  hubUrl: string | null;
}

export interface PreparedSource {
  id: number;
  title: string;
  siteUrl: string | null;
  feedUrl: string | null;
  /** When we first saw the item in this source's feed (Atom `<source><updated>`). */
  seenAt: Date | null;
}

export interface PreparedEnclosure {
  url: string;
  /** A syntactically valid MIME type, or null when the source gave none we trust. */
  type: string | null;
  lengthBytes: number | null;
}

export interface PreparedItem {
  guid: string;
  url: string | null;
  title: string;
  summary: string | null;
  /** Sanitised body (or the escaped summary), then the "via …" footer. */
  contentHtml: string;
  /** The item's own author, or null: a source's name is never passed off as a person's. */
  author: string | null;
  publishedAt: Date;
  updatedAt: Date | null;
  language: string | null;
  sources: PreparedSource[];
  topics: Array<{ slug: string; name: string }>;
  enclosures: PreparedEnclosure[];
  /** The story cluster; `alsoReportedBy` is empty unless the feed lists each story once. */
  cluster: { id: number; size: number; alsoReportedBy: Array<{ title: string; siteUrl: string | null }> } | null;
}

export interface PreparedFeed {
  meta: PreparedMeta;
  items: PreparedItem[];
}

const DEFAULT_GENERATOR = 'topicwire';
// The same as sanitizeHtml gives the source's own links.
const LINK_ATTRIBUTES = 'rel="noopener noreferrer" target="_blank"';
// RFC 6838 restricted-name characters, minus the few that would need escaping in XML.
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$^_.+-]{0,126}$/i;
const MEDIA_ELEMENT = /<(img|video|audio|iframe|picture)\b/i;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

export function prepareFeed(meta: FeedMeta, items: PublishedItem[]): PreparedFeed {
  const preparedMeta = prepareMeta(meta);
  return { meta: preparedMeta, items: items.map((item) => prepareItem(item, preparedMeta)) };
}

function prepareMeta(meta: FeedMeta): PreparedMeta {
  if (!isValidDate(meta.updatedAt)) throw invalidMeta('updatedAt is not a valid date');
  return {
    title: plainLine(meta.title),
    description: plainLine(meta.description),
    selfUrl: requireHttpUrl(meta.selfUrl, 'selfUrl'),
    siteUrl: requireHttpUrl(meta.siteUrl, 'siteUrl'),
    feedUrls: {
      rss: requireHttpUrl(meta.feedUrls.rss, 'feedUrls.rss'),
      atom: requireHttpUrl(meta.feedUrls.atom, 'feedUrls.atom'),
      json: requireHttpUrl(meta.feedUrls.json, 'feedUrls.json'),
    },
    updatedAt: meta.updatedAt,
    language: cleanLanguage(meta.language ?? null),
    generator: plainLine(meta.generator ?? '') || DEFAULT_GENERATOR,
    hubUrl: meta.hubUrl ? requireHttpUrl(meta.hubUrl, 'hubUrl') : null,
  };
}

function prepareItem(item: PublishedItem, meta: PreparedMeta): PreparedItem {
  const url = resolveHttpUrl(item.url);
  const title = plainLine(item.title);
  // A summary that only repeats the title (many feeds copy it) is not shown twice.
  const summary = repeatsTitle(item.summary, title) ? null : nonEmpty(cleanText(item.summary ?? '').trim());
  const sources = prepareSources(item.sources);
  const author = nonEmpty(plainLine(item.author ?? ''));
  const alsoReportedBy = (item.cluster?.alsoReportedBy ?? []).map((source) => {
    const siteUrl = resolveHttpUrl(source.siteUrl);
    return { title: plainLine(source.title) || hostName(siteUrl) || 'unknown source', siteUrl };
  });
  return {
    guid: itemGuid(item.id),
    url,
    title,
    summary,
    contentHtml: buildContentHtml({ html: item.contentHtml, summary, title, url, sources, alsoReportedBy }),
    author,
    publishedAt: isValidDate(item.publishedAt) ? item.publishedAt : meta.updatedAt,
    updatedAt: item.updatedAt !== null && isValidDate(item.updatedAt) ? item.updatedAt : null,
    language: cleanLanguage(item.language),
    sources,
    topics: prepareTopics(item.topics),
    enclosures: prepareEnclosures(item.enclosures, url),
    cluster: item.cluster ? { id: item.cluster.id, size: item.cluster.size, alsoReportedBy } : null,
  };
}

function buildContentHtml(input: {
  html: string | null;
  summary: string | null;
  title: string;
  url: string | null;
  sources: PreparedSource[];
  alsoReportedBy: Array<{ title: string; siteUrl: string | null }>;
}): string {
  const sanitized =
    input.html === null ? '' : sanitizeHtml(input.html, { baseUrl: input.url }).trim();
  // A body that sanitising emptied (a bare script, an iframe) says nothing; the summary still
  // does. A body that only repeats the title (a description copied from it) is not shown twice.
  const onlyTitle = !MEDIA_ELEMENT.test(sanitized) && repeatsTitle(visibleText(sanitized), input.title);
  const body = hasVisibleContent(sanitized) && !onlyTitle
    ? sanitized
    : input.summary !== null
      ? `<p>${escapeHtml(input.summary)}</p>`
      : '';
  const footer = renderViaFooter(input.sources) + renderAlsoReportedBy(input.alsoReportedBy);
  const content = [body, footer].filter((part) => part !== '').join('\n');
  if (content !== '') return content;
  // Readers show an empty entry as broken; the title (linked when we can) is the least we can say.
  const title = escapeHtml(input.title);
  return input.url === null
    ? `<p>${title}</p>`
    : `<p><a href="${escapeHtml(input.url)}" ${LINK_ATTRIBUTES}>${title}</a></p>`;
}

function hasVisibleContent(html: string): boolean {
  return (
    MEDIA_ELEMENT.test(html) || html.replace(/<[^>]*>/g, '').trim() !== ''
  );
}

function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&[a-z0-9#]+;/gi, ' ');
}

function renderViaFooter(sources: PreparedSource[]): string {
  if (sources.length === 0) return '';
  const names = sources.map((source) => {
    const name = escapeHtml(source.title);
    return source.siteUrl === null
      ? name
      : `<a href="${escapeHtml(source.siteUrl)}" ${LINK_ATTRIBUTES}>${name}</a>`;
  });
  return `<p>via ${names.join(', ')}</p>`;
}

/** The outlets of a collapsed story's other reports: "Also reported by: DW, Al Jazeera". */
function renderAlsoReportedBy(sources: Array<{ title: string; siteUrl: string | null }>): string {
  if (sources.length === 0) return '';
  const names = sources.map((source) => {
    const name = escapeHtml(source.title);
    return source.siteUrl === null ? name : `<a href="${escapeHtml(source.siteUrl)}" ${LINK_ATTRIBUTES}>${name}</a>`;
  });
  return `\n<p>Also reported by: ${names.join(', ')}</p>`;
}

function prepareSources(sources: PublishedItem['sources']): PreparedSource[] {
  return sources.map((source) => {
    const siteUrl = resolveHttpUrl(source.siteUrl);
    const feedUrl = resolveHttpUrl(source.feedUrl);
    const fallbackName = hostName(siteUrl ?? feedUrl) ?? 'unknown source';
    const seenAt = source.firstSeenAt !== undefined && isValidDate(source.firstSeenAt) ? source.firstSeenAt : null;
    return { id: source.id, title: plainLine(source.title) || fallbackName, siteUrl, feedUrl, seenAt };
  });
}

function prepareTopics(topics: PublishedItem['topics']): Array<{ slug: string; name: string }> {
  const seen = new Set<string>();
  const out: Array<{ slug: string; name: string }> = [];
  for (const topic of topics) {
    const slug = cleanLine(topic.slug);
    if (slug === '' || seen.has(slug)) continue;
    seen.add(slug);
    out.push({ slug, name: plainLine(topic.name) || slug });
  }
  return out;
}

function prepareEnclosures(
  enclosures: PublishedItem['enclosures'],
  itemUrl: string | null,
): PreparedEnclosure[] {
  const seen = new Set<string>();
  const out: PreparedEnclosure[] = [];
  for (const enclosure of enclosures) {
    const url = resolveHttpUrl(enclosure.url, itemUrl);
    if (url === null || seen.has(url)) continue;
    seen.add(url);
    // Rows stored before the parse stage typed media get a type from the extension here.
    const type = enclosure.type?.split(';')[0]?.trim().toLowerCase() || guessMediaType(url) || '';
    const length = enclosure.lengthBytes;
    out.push({
      url,
      type: MIME_TYPE.test(type) ? type : null,
      lengthBytes: length !== null && Number.isSafeInteger(length) && length >= 0 ? length : null,
    });
  }
  return out;
}

function cleanLanguage(language: string | null): string | null {
  const tag = language?.trim() ?? '';
  return LANGUAGE_TAG.test(tag) ? tag : null;
}

function requireHttpUrl(value: string, field: string): string {
  const url = resolveHttpUrl(value);
  if (url === null) throw invalidMeta(`${field} is not an absolute http(s) URL`);
  return url;
}

function invalidMeta(message: string): AppError {
  return new AppError(500, 'invalid_feed_meta', `publish: ${message}`);
}

function isValidDate(date: Date): boolean {
  return date instanceof Date && !Number.isNaN(date.getTime());
}

/** Whether a summary says nothing but the title (compared as words, case and punctuation aside). */
function repeatsTitle(summary: string | null, title: string): boolean {
  if (summary === null) return false;
  const words = (text: string) => text.toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
  const key = words(summary);
  return key !== '' && key === words(title);
}

function hostName(url: string | null): string | null {
  return url === null ? null : new URL(url).hostname;
}

function nonEmpty(text: string): string | null {
  return text === '' ? null : text;
}
