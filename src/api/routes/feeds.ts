/**
 * `GET /feeds/{expr}.rss|.atom|.json`: the republished feed of a topic expression.
 *
 * Validators come from the data version (store/meta.ts), not from the body, so a request finds
 * out whether anything changed before it reads an item or renders a byte:
 * - the request's key is its format, its expression (parsed, in canonical text) and every
 *   validated query value the request names (limit, and any later parameter that changes the
 *   output; see normalisedSearch), with the server's version and public URL;
 * - ETag = the data version + a hash of that key; Last-Modified = the time of the last change,
 *   once that second is over (a later change then falls in a later second);
 * - If-None-Match / If-Modified-Since are answered from that alone: one small statement, no
 *   topic look-up, no item query, no render. A 304 for an expression that would now be a 404
 *   cannot happen: topic edits and deletions move the version too;
 * - a 200 comes from the render cache (api/feed-cache.ts) when this key was rendered at this
 *   version, else from the items, rendered once and kept.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../domain/errors';
import type { TopicExpression } from '../../domain/types';
import { resolveTopicExpression } from '../../pipeline/topics';
import { renderFeed, type FeedFormat } from '../../publish/render-feed';
import { findItemIds, loadItems, type ItemDetail } from '../../store/items';
import type { PublishedItem } from '../../publish/render-feed';
import { listCollapsed } from '../clusters';
import { booleanParam } from '../schemas';
import { readDataVersion, type DataVersion } from '../../store/meta';
import { topicNames } from '../../store/topics';
import { describeExpression, formatExpression, parseExpression } from '../../tag/expression';
import type { AppDeps, AppEnv } from '../context';
import { FeedCache } from '../feed-cache';
import { toPublishedItem } from '../present';
import { problemResponses } from '../problem';

export const MAX_FEED_ITEMS = 500;
const FORMATS: Record<string, FeedFormat> = { rss: 'rss', atom: 'atom', json: 'json' };
const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=60';

const feedRoute = createRoute({
  method: 'get',
  path: '/feeds/{file}',
  tags: ['Feeds'],
  summary: 'The feed of a topic expression, as RSS 2.0, Atom 1.0 or JSON Feed 1.1',
  description: 'The file is `{expression}.{rss|atom|json}`, e.g. `kazakhstan+russia.rss`. Every story once, newest first.',
  request: {
    params: z.object({ file: z.string().max(600).openapi({ example: 'kazakhstan+russia.rss' }) }),
    query: z.object({
      limit: z.coerce.number().int().min(1).max(MAX_FEED_ITEMS).default(50),
      collapse: booleanParam.default(true).openapi({
        type: 'boolean',
        description: "`true` (default): each story once, as its cluster's earliest item, with \"Also reported by: …\" naming the other outlets (and `_topicwire.cluster` in JSON Feed); a cluster is listed when any of its items matches. `false`: every item.",
      }),
    }),
  },
  responses: {
    200: {
      description: 'The feed',
      content: {
        'application/rss+xml': { schema: z.string() },
        'application/atom+xml': { schema: z.string() },
        'application/feed+json': { schema: z.string() },
      },
    },
    304: { description: 'Not modified since the ETag / date the client sent' },
    ...problemResponses('validation_failed', 'invalid_expression', 'unknown_topic', 'rate_limited'),
  },
});

export function feedRoutes(cache: FeedCache = new FeedCache()): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(feedRoute, async (c) => {
    const { file } = c.req.valid('param');
    const query = c.req.valid('query');
    const dot = file.lastIndexOf('.');
    const format = dot > 0 ? FORMATS[file.slice(dot + 1).toLowerCase()] : undefined;
    if (!format) {
      throw new AppError(400, 'validation_failed', `a feed URL ends in .rss, .atom or .json (got "${file.slice(0, 80)}")`);
    }
    const deps = c.var.deps;
    const { db } = deps.pipeline;
    // Syntax only (a 400 here); which slugs exist is asked only when rendering.
    const parsed = parseExpression(file.slice(0, dot));
    const search = normalisedSearch(new URL(c.req.url).searchParams, query);
    const key = `${deps.version} ${deps.publicUrl} ${format} ${formatExpression(parsed)}${search}`;
    const data = await (deps.readDataVersion ? deps.readDataVersion() : readDataVersion(db));
    const version = `${data.version.toString(36)}.${data.changedAtSeconds.toString(36)}`;
    const etag = `"${version}-${fnv1a(key)}"`;
    // Only once the second of the last change is over: see the module header.
    const lastModified = data.changedAtSeconds > 0 && data.changedAtSeconds < data.nowSeconds ? data.changedAtSeconds : null;
    const headers: Record<string, string> = {
      etag,
      'cache-control': CACHE_CONTROL,
      'access-control-allow-origin': '*',
      vary: 'Accept-Encoding',
      ...(lastModified === null ? {} : { 'last-modified': new Date(lastModified * 1000).toUTCString() }),
    };
    // WebSub discovery (§4) by HTTP header too: readers may look here before parsing the body.
    const hubUrl = deps.pipeline.websub?.hubUrl ?? null;
    if (hubUrl !== null) {
      headers.link = `<${hubUrl}>; rel="hub", <${deps.publicUrl}/feeds/${formatExpression(parsed)}.${format}${search}>; rel="self"`;
    }
    const ifNoneMatch = c.req.header('if-none-match');
    const ifModifiedSince = c.req.header('if-modified-since');
    if (notModified(ifNoneMatch, ifModifiedSince, etag, lastModified, false)) return c.body(null, 304, headers);

    let rendered = cache.get(key, version);
    if (!rendered) {
      // `collapse` is a validated query value: when the request names it, it is in `search` and the key.
      rendered = { version, ...(await renderTopicFeed(deps, parsed, format, query.limit, query.collapse, search, data)) };
      cache.set(key, rendered);
    }
    // `*` matches any current representation: known only now that the expression resolved.
    if (notModified(ifNoneMatch, ifModifiedSince, etag, lastModified, true)) return c.body(null, 304, headers);
    return c.body(rendered.body, 200, { ...headers, 'content-type': rendered.contentType });
  });

  return app;
}

/**
 * The query as it decides the feed: the validated parameters the request named, by name, with
 * their parsed values (`?utm_source=x&limit=020` → `?limit=20`). It goes into the cache key and
 * the feed's self and alternate links, so that a reader following them gets the same items.
 */
function normalisedSearch(given: URLSearchParams, query: Record<string, unknown>): string {
  const params = Object.keys(query)
    .filter((name) => given.has(name))
    .sort()
    .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(String(query[name]))}`);
  return params.length === 0 ? '' : `?${params.join('&')}`;
}

async function renderTopicFeed(
  deps: AppDeps,
  parsed: TopicExpression,
  format: FeedFormat,
  limit: number,
  collapse: boolean,
  search: string,
  data: DataVersion,
): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string }> {
  const { db } = deps.pipeline;
  const publicUrl = deps.publicUrl;
  const expression = await resolveTopicExpression(db, formatExpression(parsed));
  const canonical = formatExpression(expression);
  let items: ItemDetail[];
  let published: PublishedItem[];
  if (collapse) {
    const page = await listCollapsed(db, { expression, limit });
    items = page.items.map((shown) => shown.item);
    published = page.items.map(({ item, alsoReportedBy }) => toPublishedItem(item, alsoReportedBy));
  } else {
    const ids = await findItemIds(db, { expression, limit });
    items = await loadItems(db, ids.map((i) => i.id));
    published = items.map((item) => toPublishedItem(item));
  }
  // Names of the expression's topics only: listing every topic would count them all.
  const title = describeExpression(expression, await topicNames(db, expression.flat().map((term) => term.slug)));
  const newest = items.reduce((max, item) => Math.max(max, item.firstSeenAt, item.publishedAt), 0);
  const feedUrls = {
    rss: `${publicUrl}/feeds/${canonical}.rss${search}`,
    atom: `${publicUrl}/feeds/${canonical}.atom${search}`,
    json: `${publicUrl}/feeds/${canonical}.json${search}`,
  };
  const { body, contentType } = renderFeed(
    {
      title: `topicwire: ${title}`,
      description: `Every story about ${title}, from every source, each story once.`,
      selfUrl: feedUrls[format],
      siteUrl: `${publicUrl}/topics/${canonical}`,
      feedUrls,
      // An empty feed is as new as the data it was read from.
      updatedAt: new Date(newest || data.changedAtSeconds * 1000 || deps.pipeline.now()),
      generator: 'topicwire',
      hubUrl: deps.pipeline.websub?.hubUrl ?? null,
    },
    published,
    format,
  );
  return { body: new TextEncoder().encode(body), contentType };
}

/**
 * RFC 9110: If-None-Match wins; If-Modified-Since is read only without it, and only when a
 * Last-Modified can be given. `*` is answered only when `exists` (the expression resolved).
 */
function notModified(
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
  etag: string,
  lastModifiedSeconds: number | null,
  exists: boolean,
): boolean {
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim();
      return (exists && t === '*') || t === etag || t === `W/${etag}`;
    });
  }
  if (ifModifiedSince !== undefined && lastModifiedSeconds !== null) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && lastModifiedSeconds * 1000 <= since;
  }
  return false;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}
