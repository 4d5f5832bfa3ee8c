/** Liveness, Prometheus metrics, and the OPML of topic feeds. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { renderOpml } from '../../publish/opml';
import { countItems } from '../../store/items';
import { listSources } from '../../store/sources';
import { listTopics } from '../../store/topics';
import type { AppEnv } from '../context';
import { problemResponses } from '../problem';

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['System'],
  summary: 'Liveness: the process answers and the database responds',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), version: z.string(), items: z.number().int() }) } } },
    503: { description: 'The database does not respond', content: { 'application/json': { schema: z.object({ status: z.literal('unavailable'), error: z.string() }) } } },
  },
});

const metricsRoute = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['System'],
  summary: 'Prometheus text metrics',
  responses: { 200: { description: 'Metrics in the Prometheus text format 0.0.4', content: { 'text/plain': { schema: z.string() } } } },
});

const opmlRoute = createRoute({
  method: 'get',
  path: '/opml',
  tags: ['System'],
  summary: 'OPML of the topic feeds that have items, for a feed reader',
  request: { query: z.object({ format: z.enum(['rss', 'atom', 'json']).default('rss') }) },
  responses: {
    200: { description: 'OPML 2.0', content: { 'text/x-opml': { schema: z.string() } } },
    ...problemResponses('validation_failed'),
  },
});

export function systemRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(healthRoute, async (c) => {
    try {
      const items = await countItems(c.var.deps.pipeline.db);
      return c.json({ status: 'ok' as const, version: c.var.deps.version, items }, 200);
    } catch (error) {
      return c.json({ status: 'unavailable' as const, error: error instanceof Error ? error.message : String(error) }, 503);
    }
  });

  app.openapi(metricsRoute, async (c) => {
    const { db } = c.var.deps.pipeline;
    const [items, sources, topics, links] = await Promise.all([
      countItems(db),
      listSources(db),
      listTopics(db),
      db.get<{ n: number }>(sql`select count(*) as n from item_sources`),
    ]);
    const byStatus = new Map<string, number>();
    for (const source of sources) {
      const status = source.enabled ? (source.lastStatus ?? 'never_polled') : 'disabled';
      byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    }
    const lines = [
      '# HELP topicwire_items Stories stored (each once, however many sources carried it).',
      '# TYPE topicwire_items gauge',
      `topicwire_items ${items}`,
      '# HELP topicwire_item_sources Source entries stored (a story from two sources counts twice).',
      '# TYPE topicwire_item_sources gauge',
      `topicwire_item_sources ${Number(links?.n ?? 0)}`,
      '# HELP topicwire_sources Sources by the outcome of their last poll.',
      '# TYPE topicwire_sources gauge',
      ...[...byStatus].map(([status, n]) => `topicwire_sources{status="${status}"} ${n}`),
      '# HELP topicwire_topics Topics by kind.',
      '# TYPE topicwire_topics gauge',
      `topicwire_topics{kind="country"} ${topics.filter((t) => t.kind === 'country').length}`,
      `topicwire_topics{kind="custom"} ${topics.filter((t) => t.kind === 'custom').length}`,
      '# HELP topicwire_source_errors Consecutive poll failures per source with failures.',
      '# TYPE topicwire_source_errors gauge',
      ...sources.filter((s) => s.errorCount > 0).map((s) => `topicwire_source_errors{source_id="${s.id}"} ${s.errorCount}`),
      // Counters and histograms of this process since it started (see domain/metrics.ts).
      ...(c.var.deps.pipeline.metrics ? [c.var.deps.pipeline.metrics.render()] : []),
      '',
    ];
    return c.text(lines.join('\n'), 200);
  });

  app.openapi(opmlRoute, async (c) => {
    const { format } = c.req.valid('query');
    const { publicUrl } = c.var.deps;
    const topics = (await listTopics(c.var.deps.pipeline.db)).filter((topic) => topic.itemCount > 0);
    const body = renderOpml({
      title: 'topicwire topic feeds',
      createdAt: new Date(c.var.deps.pipeline.now()),
      outlines: topics.map((topic) => ({
        text: `topicwire: ${topic.name}`,
        xmlUrl: `${publicUrl}/feeds/${topic.slug}.${format}`,
        htmlUrl: `${publicUrl}/topics/${topic.slug}`,
        type: 'rss',
        category: topic.kind,
      })),
    });
    return c.body(body, 200, { 'content-type': 'text/x-opml; charset=utf-8', 'access-control-allow-origin': '*' });
  });

  return app;
}
