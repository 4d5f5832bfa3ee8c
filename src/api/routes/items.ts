/** `GET /api/items` (newest first, cursor-paginated), `GET /api/items/{id}` and `DELETE /api/items/{id}` (admin). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../domain/errors';
import { resolveTopicExpression } from '../../pipeline/topics';
import { deleteItem, findItemIds, loadItems, matchingItemsQuery, type ItemFilters } from '../../store/items';
import { loadSearchHighlights, MAX_QUERY_CHARS, parseSearchQuery, rankSearchHits } from '../../store/search';
import type { AppEnv } from '../context';
import { requireAdmin } from '../middleware';
import { decodeCursor, decodeRankCursor, encodeCursor, encodeRankCursor, presentItem, presentSearchHit } from '../present';
import { problemResponses } from '../problem';
import { booleanParam, ItemDetailSchema, ItemPageSchema } from '../schemas';
import { listCollapsed } from '../clusters';
import { loadClusterMembers } from '../../store/stories';
import type { ItemDetail } from '../../store/items';
import type { SearchHighlight } from '../../store/search';

function hitMarks(item: ItemDetail | undefined, highlights: Map<number, SearchHighlight>) {
  if (!item) return {};
  const { snippet, titleHighlight } = presentSearchHit(item, highlights.get(item.id));
  return { snippet, titleHighlight };
}

export const MAX_PAGE_SIZE = 200;


const dateParam = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO 8601 date or date-time')
  .transform((value) => Date.parse(value));

const listRoute = createRoute({
  method: 'get',
  path: '/api/items',
  tags: ['Items'],
  summary: 'Items, newest first, or full-text search hits',
  description:
    'Filters combine: a topic expression, a full-text search (`q`), a source, a language and a date range. ' +
    'Pages are newest first; pass `nextCursor` back as `cursor` for the next page. Items that arrive ' +
    'meanwhile never make a page repeat or skip an older item.',
  request: {
    query: z.object({
      topics: z.string().max(512).optional().openapi({ description: 'Topic expression: `a+b` AND, `a,b` OR, `!a` NOT.', example: 'kazakhstan+russia' }),
      q: z
        .string()
        .max(MAX_QUERY_CHARS)
        .optional()
        .openapi({
          description:
            'Full-text search in titles and summaries, any script, case and accents folded. Words must all match; `"a phrase"`; `prefix*` (also catches inflections: `казахстан*`); `-word` excludes; `OR` between alternatives. Hits carry `snippet` and `titleHighlight`.',
          example: 'pipeline -oil',
        }),
      sort: z
        .enum(['newest', 'relevance'])
        .default('newest')
        .openapi({ description: '`relevance` (only with `q`): best matches first (BM25, title hits weigh most).' }),
      source: z.coerce.number().int().positive().optional().openapi({ description: 'Only items carried by this source id.' }),
      lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/).optional().openapi({ example: 'ru' }),
      since: dateParam.optional().openapi({ type: 'string', format: 'date-time' }),
      until: dateParam.optional().openapi({ type: 'string', format: 'date-time' }),
      limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
      cursor: z.string().max(100).optional(),
      collapse: booleanParam
        .default(false)
        .openapi({ type: 'boolean', description: "`true`: each story cluster once, as its earliest item, with the sources of the cluster's other items in `sources` (newest-first listings only)." }),
    }),
  },
  responses: {
    200: { description: 'A page of items', content: { 'application/json': { schema: ItemPageSchema } } },
    ...problemResponses('validation_failed', 'invalid_expression', 'invalid_query', 'unknown_topic', 'rate_limited'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/items/{id}',
  tags: ['Items'],
  summary: 'One item, with its topics, its sources and its duplicates',
  request: { params: z.object({ id: z.coerce.number().int().positive() }) },
  responses: {
    200: { description: 'The item', content: { 'application/json': { schema: ItemDetailSchema } } },
    ...problemResponses('validation_failed', 'item_not_found'),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/items/{id}',
  tags: ['Items'],
  summary: 'Remove an item; a tombstone keeps its sources from bringing it back',
  security: [{ Bearer: [] }],
  request: { params: z.object({ id: z.coerce.number().int().positive() }) },
  responses: {
    204: { description: 'Removed' },
    ...problemResponses('validation_failed', 'unauthorized', 'cross_origin_rejected', 'rate_limited', 'item_not_found'),
  },
});

export function itemRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.use('/api/items/:id', async (c, next) => (c.req.method === 'DELETE' ? requireAdmin()(c, next) : next()));

  app.openapi(listRoute, async (c) => {
    const { db } = c.var.deps.pipeline;
    const query = c.req.valid('query');
    const expression = query.topics ? await resolveTopicExpression(db, query.topics) : null;
    const search = query.q === undefined || query.q.trim() === '' ? null : parseSearchQuery(query.q);
    if (query.sort === 'relevance' && search === null) {
      throw new AppError(400, 'validation_failed', 'sort: "relevance" needs a search (q)');
    }
    if (query.sort === 'relevance' && query.collapse) {
      throw new AppError(400, 'validation_failed', 'collapse: only newest-first listings collapse story clusters');
    }
    const filters: ItemFilters = {
      ...(query.source === undefined ? {} : { sourceId: query.source }),
      ...(query.lang === undefined ? {} : { language: query.lang.toLowerCase() }),
      ...(query.since === undefined ? {} : { since: query.since }),
      ...(query.until === undefined ? {} : { until: query.until }),
    };
    const badCursor = () => new AppError(400, 'validation_failed', 'cursor: not a cursor this API returned for this ordering');

    let pageIds: number[];
    let nextCursor: string | null;
    if (search !== null && query.sort === 'relevance') {
      const offset = query.cursor === undefined ? 0 : decodeRankCursor(query.cursor);
      if (offset === null) throw badCursor();
      // The candidates carry the match too, so the set ranked is the hits, not every item.
      const narrowed = expression !== null || Object.keys(filters).length > 0;
      const candidates = narrowed ? matchingItemsQuery(expression, { ...filters, match: search.match }) : null;
      const ids = await rankSearchHits(db, { match: search.match, candidates, limit: query.limit + 1, offset });
      pageIds = ids.slice(0, query.limit);
      nextCursor = ids.length > query.limit ? encodeRankCursor(offset + query.limit) : null;
    } else if (query.collapse) {
      const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
      if (query.cursor !== undefined && cursor === null) throw badCursor();
      const page = await listCollapsed(db, { expression, cursor, limit: query.limit, filters: search === null ? filters : { ...filters, match: search.match } });
      const presented = page.items.map(({ item, alsoReportedBy }) => {
        const shown = presentItem(item);
        const others = alsoReportedBy.map((source) => ({ ...source, entryUrl: null, firstSeenAt: shown.firstSeenAt }));
        return { ...shown, sources: [...shown.sources, ...others] };
      });
      const next = page.nextCursor === null ? null : encodeCursor(page.nextCursor);
      if (search === null) return c.json({ items: presented, nextCursor: next }, 200);
      const highlights = await loadSearchHighlights(db, presented.map((item) => item.id), search.match);
      return c.json({ items: presented.map((item, index) => ({ ...item, ...hitMarks(page.items[index]?.item, highlights) })), nextCursor: next }, 200);
    } else {
      const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
      if (query.cursor !== undefined && cursor === null) throw badCursor();
      // One extra row tells whether there is a next page.
      const ids = await findItemIds(db, {
        expression,
        cursor,
        limit: query.limit + 1,
        filters: search === null ? filters : { ...filters, match: search.match },
      });
      const page = ids.slice(0, query.limit);
      const last = page.at(-1);
      pageIds = page.map((i) => i.id);
      nextCursor = ids.length > query.limit && last ? encodeCursor(last) : null;
    }
    const items = await loadItems(db, pageIds);
    if (search === null) return c.json({ items: items.map(presentItem), nextCursor }, 200);
    const highlights = await loadSearchHighlights(db, pageIds, search.match);
    return c.json({ items: items.map((item) => presentSearchHit(item, highlights.get(item.id))), nextCursor }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.var.deps.pipeline;
    const [item] = await loadItems(db, [id]);
    if (!item) throw new AppError(404, 'item_not_found', `no item ${id}`);
    const presented = presentItem(item);
    const members = (await loadClusterMembers(db, [item.cluster.id])).get(item.cluster.id) ?? [];
    const cluster = {
      id: item.cluster.id,
      size: item.cluster.size,
      items: members.map((member) => ({
        id: member.id,
        title: member.title,
        url: member.url,
        sources: member.sources.map((source) => ({ id: source.id, title: source.title, siteUrl: source.siteUrl })),
      })),
    };
    return c.json({ ...presented, cluster, duplicates: presented.sources.slice(1) }, 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { db, now } = c.var.deps.pipeline;
    if (!(await deleteItem(db, id, now()))) throw new AppError(404, 'item_not_found', `no item ${id}`);
    return c.body(null, 204);
  });

  return app;
}
