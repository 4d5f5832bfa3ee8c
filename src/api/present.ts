/** Turns stored rows into the API's JSON shapes and the publish stage's items. */
import type { PollReport } from '../pipeline/poll-source';
import type { PublishedItem } from '../publish/render-feed';
import type { ClusterSource } from './clusters';
import { sanitizeHtml } from '../publish/sanitize-html';
import type { ItemCursor, ItemDetail } from '../store/items';
import { MATCH_END, MATCH_START, type SearchHighlight } from '../store/search';
import type { SourceRow } from '../store/sources';

const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export function presentItem(item: ItemDetail) {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    summary: item.summary,
    contentHtml: item.contentHtml ? sanitizeHtml(item.contentHtml, { baseUrl: item.url }) : null,
    author: item.author,
    language: item.language,
    publishedAt: new Date(item.publishedAt).toISOString(),
    undated: item.undated,
    updatedAt: iso(item.updatedAt),
    firstSeenAt: new Date(item.firstSeenAt).toISOString(),
    categories: item.categories,
    enclosures: item.enclosures,
    topics: item.topics,
    sources: item.sources.map((source) => ({ ...source, firstSeenAt: new Date(source.firstSeenAt).toISOString() })),
    cluster: { id: item.cluster.id, size: item.cluster.size },
  };
}

/** An item found by a search: the item, with its highlighted passage and title. */
export function presentSearchHit(item: ItemDetail, highlight: SearchHighlight | undefined) {
  return {
    ...presentItem(item),
    snippet: markedToHtml(highlight?.snippet || item.summary || item.title),
    titleHighlight: markedToHtml(highlight?.title || item.title),
  };
}

/** Escapes text for HTML and turns the store's match marks into `<mark>` elements. */
export function markedToHtml(text: string): string {
  return escapeHtml(text).replaceAll(MATCH_START, '<mark>').replaceAll(MATCH_END, '</mark>');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A poll report as the API shows it (times as ISO strings). */
export function presentPollReport(report: PollReport) {
  return { ...report, nextPollAt: new Date(report.nextPollAt).toISOString() };
}

export function presentSource(source: SourceRow & { itemCount?: number }) {
  return {
    id: source.id,
    url: source.url,
    title: source.title,
    siteUrl: source.siteUrl,
    language: source.language,
    enabled: source.enabled,
    minIntervalSeconds: source.minIntervalSeconds,
    maxIntervalSeconds: source.maxIntervalSeconds,
    lastPolledAt: iso(source.lastPolledAt),
    lastSuccessAt: iso(source.lastSuccessAt),
    nextPollAt: iso(source.nextPollAt),
    lastStatus: source.lastStatus,
    lastHttpStatus: source.lastHttpStatus,
    lastError: source.lastError,
    errorCount: source.errorCount,
    ...(source.itemCount === undefined ? {} : { itemCount: source.itemCount }),
  };
}

export function toPublishedItem(item: ItemDetail, alsoReportedBy?: ClusterSource[]): PublishedItem {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    summary: item.summary,
    contentHtml: item.contentHtml,
    author: item.author,
    publishedAt: new Date(item.publishedAt),
    updatedAt: item.updatedAt === null ? null : new Date(item.updatedAt),
    language: item.language,
    sources: item.sources.map((source) => ({
      id: source.id,
      title: source.title ?? hostOf(source.url),
      siteUrl: source.siteUrl,
      feedUrl: source.url,
      firstSeenAt: new Date(source.firstSeenAt),
    })),
    topics: item.topics.map((topic) => ({ slug: topic.slug, name: topic.name })),
    enclosures: item.enclosures,
    cluster: {
      id: item.cluster.id,
      size: item.cluster.size,
      alsoReportedBy: (alsoReportedBy ?? []).map((source) => ({ title: source.title ?? hostOf(source.url), siteUrl: source.siteUrl })),
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** Opaque cursor for newest-first pagination: the last item's (publishedAt, id). */
export function encodeCursor(cursor: ItemCursor): string {
  return btoa(`${cursor.publishedAt}.${cursor.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(text: string): ItemCursor | null {
  try {
    const padded = text.replace(/-/g, '+').replace(/_/g, '/');
    const [at, id, extra] = atob(padded).split('.');
    if (extra !== undefined || at === undefined || id === undefined || !/^-?\d+$/.test(at) || !/^\d+$/.test(id)) return null;
    const publishedAt = Number(at);
    const itemId = Number(id);
    if (!Number.isSafeInteger(publishedAt) || !Number.isSafeInteger(itemId) || itemId < 0) return null;
    return { publishedAt, id: itemId };
  } catch {
    return null;
  }
}

/**
 * Opaque cursor for relevance-ordered search results: how many hits were shown. Ranks move as
 * items arrive, so a later page may repeat or skip a hit; newest-first pages never do.
 */
export function encodeRankCursor(offset: number): string {
  return `r${offset.toString(36)}`;
}

export function decodeRankCursor(text: string): number | null {
  if (!/^r[0-9a-z]{1,8}$/.test(text)) return null;
  const offset = Number.parseInt(text.slice(1), 36);
  return Number.isSafeInteger(offset) ? offset : null;
}
