/** `GET /api/items` (newest first, cursor-paginated) and `GET /api/items/{id}`. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../domain/errors';
import { resolveTopicExpression } from '../../pipeline/topics';
import { findItemIds, loadItems } from '../../store/items';
import type { AppEnv } from '../context';
import { decodeCursor, encodeCursor, presentItem } from '../present';
import { ProblemSchema } from '../problem';
import { ItemDetailSchema, ItemPageSchema } from '../schemas';

export const MAX_PAGE_SIZE = 200;

const problems = {
  400: { description: 'Malformed query (bad expression, cursor or date)', content: { 'application/problem+json': { schema: ProblemSchema } } },
  404: { description: 'Unknown topic or item', content: { 'application/problem+json': { schema: ProblemSchema } } },
} as const;

const dateParam = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'an ISO 8601 date or date-time')
  .transform((value) => Date.parse(value));

const listRoute = createRoute({
  method: 'get',
  path: '/api/items',
  summary: 'Items, newest first',
  request: {
    query: z.object({
      topics: z.string().max(512).optional().openapi({ description: 'Topic expression: `a+b` AND, `a,b` OR, `!a` NOT.', example: 'kazakhstan+russia' }),
      source: z.coerce.number().int().positive().optional().openapi({ description: 'Only items carried by this source id.' }),
      lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/).optional().openapi({ example: 'ru' }),
      since: dateParam.optional().openapi({ type: 'string', format: 'date-time' }),
      until: dateParam.optional().openapi({ type: 'string', format: 'date-time' }),
      limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
      cursor: z.string().max(100).optional(),
    }),
  },
  responses: {
    200: { description: 'A page of items', content: { 'application/json': { schema: ItemPageSchema } } },
    ...problems,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/items/{id}',
  summary: 'One item, with its topics, its sources and its duplicates',
  request: { params: z.object({ id: z.coerce.number().int().positive() }) },
  responses: {
    200: { description: 'The item', content: { 'application/json': { schema: ItemDetailSchema } } },
    ...problems,
  },
});

export function itemRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(listRoute, async (c) => {
    const { db } = c.var.deps.pipeline;
    const query = c.req.valid('query');
    const expression = query.topics ? await resolveTopicExpression(db, query.topics) : null;
    const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
    if (query.cursor !== undefined && cursor === null) {
      throw new AppError(400, 'validation_failed', 'cursor: not a cursor this API returned');
    }
    // One extra row tells whether there is a next page.
    const ids = await findItemIds(db, {
      expression,
      cursor,
      limit: query.limit + 1,
      filters: {
        ...(query.source === undefined ? {} : { sourceId: query.source }),
        ...(query.lang === undefined ? {} : { language: query.lang.toLowerCase() }),
        ...(query.since === undefined ? {} : { since: query.since }),
        ...(query.until === undefined ? {} : { until: query.until }),
      },
    });
    const page = ids.slice(0, query.limit);
    const items = await loadItems(db, page.map((i) => i.id));
    const last = page.at(-1);
    return c.json(
      { items: items.map(presentItem), nextCursor: ids.length > query.limit && last ? encodeCursor(last) : null },
      200,
    );
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    const [item] = await loadItems(c.var.deps.pipeline.db, [id]);
    if (!item) throw new AppError(404, 'item_not_found', `no item ${id}`);
    const presented = presentItem(item);
    return c.json({ ...presented, duplicates: presented.sources.slice(1) }, 200);
  });

  return app;
}
