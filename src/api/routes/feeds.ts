/**
 * `GET /feeds/{expr}.rss|.atom|.json`: the republished feed of a topic expression.
 * Validators come from the rendered body itself (a strong ETag over its bytes), so a 304 is
 * right by construction; Last-Modified is the newest time any listed item was first seen.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../domain/errors';
import { resolveTopicExpression } from '../../pipeline/topics';
import { renderFeed, type FeedFormat } from '../../publish/render-feed';
import { findItemIds, loadItems } from '../../store/items';
import { topicNames } from '../../store/topics';
import { describeExpression, formatExpression } from '../../tag/expression';
import type { AppEnv } from '../context';
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
    query: z.object({ limit: z.coerce.number().int().min(1).max(MAX_FEED_ITEMS).default(50) }),
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

export function feedRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(feedRoute, async (c) => {
    const { file } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    const dot = file.lastIndexOf('.');
    const format = dot > 0 ? FORMATS[file.slice(dot + 1).toLowerCase()] : undefined;
    if (!format) {
      throw new AppError(400, 'validation_failed', `a feed URL ends in .rss, .atom or .json (got "${file.slice(0, 80)}")`);
    }
    const { db, now } = c.var.deps.pipeline;
    const publicUrl = c.var.deps.publicUrl;
    const expression = await resolveTopicExpression(db, file.slice(0, dot));
    const canonical = formatExpression(expression);
    const ids = await findItemIds(db, { expression, limit });
    const items = await loadItems(db, ids.map((i) => i.id));
    // Names of the expression's topics only: listing every topic would count them all.
    const title = describeExpression(expression, await topicNames(db, expression.flat().map((term) => term.slug)));
    const newest = items.reduce((max, item) => Math.max(max, item.firstSeenAt, item.publishedAt), 0);
    // The query as requested (?limit=): a reader that follows self or an alternate gets the same items.
    const query = new URL(c.req.url).search;
    const feedUrls = {
      rss: `${publicUrl}/feeds/${canonical}.rss${query}`,
      atom: `${publicUrl}/feeds/${canonical}.atom${query}`,
      json: `${publicUrl}/feeds/${canonical}.json${query}`,
    };
    const { body, contentType } = renderFeed(
      {
        title: `topicwire: ${title}`,
        description: `Every story about ${title}, from every source, each story once.`,
        selfUrl: feedUrls[format],
        siteUrl: `${publicUrl}/topics/${canonical}`,
        feedUrls,
        updatedAt: new Date(newest || now()),
        generator: 'topicwire',
      },
      items.map(toPublishedItem),
      format,
    );
    const etag = `"${await digest(body)}"`;
    const lastModified = new Date(newest || now()).toUTCString();
    const headers = {
      etag,
      'last-modified': lastModified,
      'cache-control': CACHE_CONTROL,
      'access-control-allow-origin': '*',
      vary: 'Accept-Encoding',
    };
    if (notModified(c.req.header('if-none-match'), c.req.header('if-modified-since'), etag, newest)) {
      return c.body(null, 304, headers);
    }
    return c.body(body, 200, { ...headers, 'content-type': contentType });
  });

  return app;
}

/** RFC 9110: If-None-Match wins; If-Modified-Since is read only without it. */
function notModified(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, etag: string, newest: number): boolean {
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t === etag || t === `W/${etag}`;
    });
  }
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(newest / 1000) * 1000 <= since;
  }
  return false;
}

async function digest(text: string): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(hash).slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
