/** Topics: list, read, define (custom or extension of a built-in), delete, preview. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../domain/errors';
import { defineTopic, previewDefinition, removeTopic, resolveTopicExpression, retagPending } from '../../pipeline/topics';
import { findItemIds, loadItems } from '../../store/items';
import { getTopic, getTopicRule, listTopicRules, listTopics, type TopicRuleRow, type TopicWithCount } from '../../store/topics';
import type { AppEnv } from '../context';
import { requireAdmin } from '../middleware';
import { presentItem } from '../present';
import { problemResponses } from '../problem';
import { ItemSchema, TopicDefinitionSchema, TopicSchema } from '../schemas';

const slugParam = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens').max(64).openapi({ example: 'kazakhstan' }),
});
const security = [{ Bearer: [] }];

export function presentTopic(publicUrl: string, topic: TopicWithCount, rule?: TopicRuleRow) {
  const base = `${publicUrl}/feeds/${topic.slug}`;
  return {
    slug: topic.slug,
    name: topic.name,
    kind: topic.kind,
    iso2: topic.iso2,
    aliases: topic.aliases,
    itemCount: topic.itemCount,
    ...(rule
      ? {
          include: rule.include,
          exclude: rule.exclude,
          fields: rule.fields,
          retag: { done: rule.retagDone, total: rule.retagTotal, running: rule.retagCursor !== null },
        }
      : {}),
    feeds: { rss: `${base}.rss`, atom: `${base}.atom`, json: `${base}.json`, html: `${publicUrl}/topics/${topic.slug}` },
  };
}

const listRoute = createRoute({
  method: 'get',
  path: '/api/topics',
  tags: ['Topics'],
  summary: 'Every topic with its item count',
  request: { query: z.object({ kind: z.enum(['country', 'custom']).optional() }) },
  responses: {
    200: { description: 'Topics', content: { 'application/json': { schema: z.object({ topics: z.array(TopicSchema) }) } } },
    ...problemResponses('validation_failed'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/topics/{slug}',
  tags: ['Topics'],
  summary: 'One topic, with its operator terms and re-tagging progress',
  request: { params: slugParam },
  responses: {
    200: { description: 'The topic', content: { 'application/json': { schema: TopicSchema } } },
    ...problemResponses('validation_failed', 'unknown_topic', 'topic_not_found'),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/api/topics/{slug}',
  tags: ['Topics'],
  summary: 'Define a custom topic, or extend a built-in one; stored items are re-tagged in the background',
  security,
  request: { params: slugParam, body: { required: true, content: { 'application/json': { schema: TopicDefinitionSchema } } } },
  responses: {
    200: { description: 'Saved; `retag` reports progress', content: { 'application/json': { schema: TopicSchema } } },
    ...problemResponses('validation_failed', 'unauthorized', 'cross_origin_rejected', 'rate_limited', 'payload_too_large'),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/topics/{slug}',
  tags: ['Topics'],
  summary: 'Delete a custom topic and its tags, or remove the extension of a built-in topic',
  security,
  request: { params: slugParam },
  responses: {
    200: { description: 'Deleted', content: { 'application/json': { schema: z.object({ slug: z.string(), result: z.enum(['deleted', 'extension_removed']) }) } } },
    ...problemResponses('validation_failed', 'unauthorized', 'cross_origin_rejected', 'rate_limited', 'topic_not_found', 'conflict'),
  },
});

const PreviewRequestSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(64).optional().openapi({ description: 'Compare with this saved topic (and name the preview topic).' }),
    definition: TopicDefinitionSchema.optional(),
    expression: z.string().max(512).optional().openapi({ example: 'kazakhstan+russia' }),
    limit: z.number().int().min(1).max(200).default(50).openapi({ description: 'How many matching items to return.' }),
    scan: z.number().int().min(1).max(20_000).default(5_000).openapi({ description: 'How many of the newest stored items to examine.' }),
  })
  .refine((body) => (body.definition === undefined) !== (body.expression === undefined), 'give exactly one of definition or expression')
  .openapi('TopicPreviewRequest');

const previewRoute = createRoute({
  method: 'post',
  path: '/api/topics/preview',
  tags: ['Topics'],
  summary: 'Which stored items a definition or expression would match, before saving',
  request: { body: { required: true, content: { 'application/json': { schema: PreviewRequestSchema } } } },
  responses: {
    200: {
      description: 'Matches, and what a definition would gain or lose against the saved topic',
      content: {
        'application/json': {
          schema: z.object({
            scanned: z.number().int(),
            matchCount: z.number().int(),
            items: z.array(ItemSchema),
            gained: z.array(z.number().int()),
            lost: z.array(z.number().int()),
          }),
        },
      },
    },
    ...problemResponses('validation_failed', 'invalid_expression', 'unknown_topic', 'payload_too_large', 'rate_limited'),
  },
});

export function topicRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(listRoute, async (c) => {
    const { kind } = c.req.valid('query');
    const { db } = c.var.deps.pipeline;
    const rules = new Map((await listTopicRules(db)).map((rule) => [rule.slug, rule]));
    const topics = (await listTopics(db)).filter((topic) => kind === undefined || topic.kind === kind);
    return c.json({ topics: topics.map((topic) => presentTopic(c.var.deps.publicUrl, topic, rules.get(topic.slug))) }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const { db } = c.var.deps.pipeline;
    const topic = await getTopic(db, slug);
    if (!topic) {
      // The expression resolver knows aliases and suggestions: let it explain the 404.
      await resolveTopicExpression(db, slug);
      throw new AppError(404, 'topic_not_found', `unknown topic "${slug}"`);
    }
    return c.json(presentTopic(c.var.deps.publicUrl, topic, await getTopicRule(db, slug)), 200);
  });

  // Writes to a topic need the token; a preview only reads, whoever asks (it is rate-limited).
  app.use('/api/topics/:slug', async (c, next) =>
    c.req.method === 'GET' || c.req.path === '/api/topics/preview' ? next() : requireAdmin()(c, next),
  );

  app.openapi(putRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const body = c.req.valid('json');
    const deps = c.var.deps;
    await defineTopic(deps.pipeline, slug, body);
    deps.runInBackground(() => retagPending(deps.pipeline));
    const topic = await getTopic(deps.pipeline.db, slug);
    if (!topic) throw new AppError(500, 'internal_error', `topic ${slug} was saved but cannot be read back`);
    return c.json(presentTopic(deps.publicUrl, topic, await getTopicRule(deps.pipeline.db, slug)), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const deps = c.var.deps;
    const result = await removeTopic(deps.pipeline, slug);
    if (result === 'extension_removed') deps.runInBackground(() => retagPending(deps.pipeline));
    return c.json({ slug, result }, 200);
  });

  app.openapi(previewRoute, async (c) => {
    const body = c.req.valid('json');
    const { pipeline } = c.var.deps;
    if (body.expression !== undefined) {
      const expression = await resolveTopicExpression(pipeline.db, body.expression);
      const ids = await findItemIds(pipeline.db, { expression, limit: body.limit });
      const items = await loadItems(pipeline.db, ids.map((i) => i.id));
      return c.json({ scanned: ids.length, matchCount: ids.length, items: items.map(presentItem), gained: [], lost: [] }, 200);
    }
    const definition = body.definition ?? { include: [] };
    const result = await previewDefinition(pipeline, body.slug ?? 'preview', definition, body.scan);
    const items = await loadItems(pipeline.db, result.matches.slice(0, body.limit));
    return c.json(
      { scanned: result.scanned, matchCount: result.matches.length, items: items.map(presentItem), gained: result.gained, lost: result.lost },
      200,
    );
  });

  return app;
}
