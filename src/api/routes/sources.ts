/** Sources: list, add (feed URL or page URL with autodiscovery), update, delete, poll now; OPML. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../domain/errors';
import { addSource, importOpml } from '../../pipeline/sources';
import { pollSourceNow } from '../../pipeline/poll-due';
import { renderOpml } from '../../publish/opml';
import { deleteSource, getSource, listSources, updateSource } from '../../store/sources';
import type { AppEnv } from '../context';
import { requireAdmin } from '../middleware';
import { presentPollReport, presentSource } from '../present';
import { problemResponses } from '../problem';
import { PollReportSchema, SourceSchema } from '../schemas';

const security = [{ Bearer: [] }];
const idParam = z.object({ id: z.coerce.number().int().positive().openapi({ example: 1 }) });

const NewSourceSchema = z
  .object({
    url: z.string().min(1).max(2048).openapi({ example: 'https://www.theguardian.com/world/rss', description: 'A feed URL, or a page URL whose feed is autodiscovered.' }),
    title: z.string().max(200).optional(),
    minIntervalSeconds: z.number().int().min(60).max(604_800).optional(),
    maxIntervalSeconds: z.number().int().min(60).max(2_592_000).optional(),
    force: z.boolean().optional().openapi({ description: 'Add the source even when the URL does not answer with a feed now (the failure is recorded on the source).' }),
  })
  .openapi('NewSource');

const CreatedSourceSchema = SourceSchema.extend({
  poll: PollReportSchema.openapi({ description: 'The first poll, made at once' }),
}).openapi('CreatedSource');

const SourcePatchSchema = z
  .object({
    title: z.string().max(200).nullable().optional(),
    enabled: z.boolean().optional(),
    minIntervalSeconds: z.number().int().min(60).max(604_800).optional(),
    maxIntervalSeconds: z.number().int().min(60).max(2_592_000).optional(),
  })
  .openapi('SourcePatch');

const listRoute = createRoute({
  method: 'get',
  path: '/api/sources',
  tags: ['Sources'],
  summary: 'Sources with their poll state',
  responses: { 200: { description: 'Sources', content: { 'application/json': { schema: z.object({ sources: z.array(SourceSchema) }) } } } },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/sources/{id}',
  tags: ['Sources'],
  summary: 'One source with its poll state and item count',
  request: { params: idParam },
  responses: {
    200: { description: 'The source', content: { 'application/json': { schema: SourceSchema } } },
    ...problemResponses('validation_failed', 'source_not_found'),
  },
});

const createSourceRoute = createRoute({
  method: 'post',
  path: '/api/sources',
  tags: ['Sources'],
  summary: 'Add a source by feed URL or page URL (autodiscovery); it is fetched first and polled at once',
  security,
  request: { body: { required: true, content: { 'application/json': { schema: NewSourceSchema } } } },
  responses: {
    201: { description: 'Added and polled: the source after its first poll, with that poll\'s report', content: { 'application/json': { schema: CreatedSourceSchema } } },
    200: { description: 'Already present (not polled)', content: { 'application/json': { schema: SourceSchema } } },
    ...problemResponses('validation_failed', 'invalid_url', 'unauthorized', 'cross_origin_rejected', 'rate_limited', 'no_feed_found', 'feed_unreachable', 'payload_too_large'),
  },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/sources/{id}',
  tags: ['Sources'],
  summary: 'Update a source (title, poll bounds, enabled)',
  security,
  request: { params: idParam, body: { required: true, content: { 'application/json': { schema: SourcePatchSchema } } } },
  responses: {
    200: { description: 'Updated', content: { 'application/json': { schema: SourceSchema } } },
    ...problemResponses('validation_failed', 'unauthorized', 'cross_origin_rejected', 'rate_limited', 'source_not_found', 'payload_too_large'),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/sources/{id}',
  tags: ['Sources'],
  summary: 'Delete a source; its items stay where other sources carry them',
  security,
  request: { params: idParam },
  responses: {
    204: { description: 'Deleted' },
    ...problemResponses('validation_failed', 'unauthorized', 'cross_origin_rejected', 'rate_limited', 'source_not_found'),
  },
});

const pollRoute = createRoute({
  method: 'post',
  path: '/api/sources/{id}/poll',
  tags: ['Sources'],
  summary: 'Poll one source now',
  security,
  request: { params: idParam },
  responses: {
    200: { description: 'The poll report (a failed fetch is a report with status "error", not an HTTP error)', content: { 'application/json': { schema: PollReportSchema } } },
    ...problemResponses('validation_failed', 'unauthorized', 'cross_origin_rejected', 'rate_limited', 'source_not_found', 'poll_in_progress'),
  },
});

const importRoute = createRoute({
  method: 'post',
  path: '/api/sources/import',
  tags: ['Sources'],
  summary: 'Import sources from an OPML document',
  security,
  request: { body: { required: true, content: { 'text/x-opml': { schema: z.string() }, 'application/xml': { schema: z.string() }, 'text/xml': { schema: z.string() } } } },
  responses: {
    200: {
      description: 'One result per outline',
      content: {
        'application/json': {
          schema: z.object({
            added: z.number().int(),
            present: z.number().int(),
            invalid: z.number().int(),
            results: z.array(z.object({ url: z.string(), status: z.enum(['added', 'present', 'invalid']), error: z.string().optional(), id: z.number().int().optional() })),
          }),
        },
      },
    },
    ...problemResponses('validation_failed', 'unauthorized', 'cross_origin_rejected', 'rate_limited', 'payload_too_large'),
  },
});

const opmlRoute = createRoute({
  method: 'get',
  path: '/api/sources.opml',
  tags: ['Sources'],
  summary: 'Every source as OPML',
  responses: { 200: { description: 'OPML 2.0', content: { 'text/x-opml': { schema: z.string() } } } },
});

export function sourceRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  // Every method but GET needs the admin token.
  app.use('/api/sources/*', async (c, next) => (c.req.method === 'GET' ? next() : requireAdmin()(c, next)));
  app.use('/api/sources', async (c, next) => (c.req.method === 'GET' ? next() : requireAdmin()(c, next)));

  app.openapi(opmlRoute, async (c) => {
    const sources = await listSources(c.var.deps.pipeline.db);
    const body = renderOpml({
      title: 'topicwire sources',
      createdAt: new Date(c.var.deps.pipeline.now()),
      outlines: sources.map((source) => ({ text: source.title ?? source.url, xmlUrl: source.url, htmlUrl: source.siteUrl, type: 'rss' })),
    });
    return c.body(body, 200, { 'content-type': 'text/x-opml; charset=utf-8', 'content-disposition': 'inline; filename="topicwire-sources.opml"' });
  });

  app.openapi(listRoute, async (c) => {
    const sources = await listSources(c.var.deps.pipeline.db);
    return c.json({ sources: sources.map(presentSource) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param');
    // The list query is the one that counts items; a few hundred sources make it cheap enough.
    const source = (await listSources(c.var.deps.pipeline.db)).find((row) => row.id === id);
    if (!source) throw new AppError(404, 'source_not_found', `no source ${id}`);
    return c.json(presentSource(source), 200);
  });

  app.openapi(createSourceRoute, async (c) => {
    const body = c.req.valid('json');
    const { source, created, poll } = await addSource(c.var.deps.pipeline, body);
    if (!created || !poll) return c.json(presentSource(source), 200);
    return c.json({ ...presentSource(source), poll: presentPollReport(poll) }, 201);
  });

  app.openapi(importRoute, async (c) => {
    const text = await c.req.text();
    const result = await importOpml(c.var.deps.pipeline, text);
    return c.json(result, 200);
  });

  app.openapi(patchRoute, async (c) => {
    const { id } = c.req.valid('param');
    const patch = c.req.valid('json');
    const current = await getSource(c.var.deps.pipeline.db, id);
    if (!current) throw new AppError(404, 'source_not_found', `no source ${id}`);
    const min = patch.minIntervalSeconds ?? current.minIntervalSeconds;
    const max = patch.maxIntervalSeconds ?? current.maxIntervalSeconds;
    if (min > max) throw new AppError(400, 'validation_failed', `minIntervalSeconds (${min}) is larger than maxIntervalSeconds (${max})`);
    const updated = await updateSource(c.var.deps.pipeline.db, id, patch);
    if (!updated) throw new AppError(404, 'source_not_found', `no source ${id}`);
    return c.json(presentSource(updated), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await deleteSource(c.var.deps.pipeline.db, id))) throw new AppError(404, 'source_not_found', `no source ${id}`);
    return c.body(null, 204);
  });

  app.openapi(pollRoute, async (c) => {
    const { id } = c.req.valid('param');
    const report = await pollSourceNow(c.var.deps.pipeline, id);
    if (report === 'not_found') throw new AppError(404, 'source_not_found', `no source ${id}`);
    if (report === 'busy') throw new AppError(409, 'poll_in_progress', `source ${id} is being polled right now (by the scheduler or another process); try again shortly`);
    return c.json(presentPollReport(report), 200);
  });

  return app;
}
