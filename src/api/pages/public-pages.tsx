/**
 * Pages for people: the landing page (topics, popular combinations, an expression box) and a
 * topic expression's page (its stories newest first, a 30-day chart, feed autodiscovery).
 * A bad expression is an HTML page with the same status and suggestions as the API's problem.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError } from '../../domain/errors';
import type { TopicExpression } from '../../domain/types';
import { resolveTopicExpression } from '../../pipeline/topics';
import { countItemsPerDay, findItemIds, findPopularTopicPairs, loadItems, type ItemCursor, type ItemDetail } from '../../store/items';
import { listCollapsed, type ClusterSource } from '../clusters';
import { booleanParam } from '../schemas';
import { listTopics, topicNames } from '../../store/topics';
import { describeExpression, formatExpression } from '../../tag/expression';
import type { AppEnv } from '../context';
import { decodeCursor, encodeCursor } from '../present';
import { createNonce, DayChart, FeedLinks, formatDate, Layout, setPageHeaders } from './layout';

export const TOPIC_PAGE_ITEMS = 50;
const CHART_DAYS = 30;
const PAIRS_SHOWN = 10;
const DAY_MS = 86_400_000;

const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

const landingRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Landing page: topics with item counts and subscribe links, popular combinations, an expression box',
  tags: ['Pages'],
  responses: { 200: html('HTML page') },
});

const expressionFormRoute = createRoute({
  method: 'get',
  path: '/topics',
  summary: "Target of the landing page's expression box: redirects to the topic page",
  tags: ['Pages'],
  request: { query: z.object({ expr: z.string().max(512).optional().openapi({ example: 'kazakhstan russia' }) }) },
  responses: { 303: { description: 'To `/topics/{expr}` (spaces read as AND), or to `/` when empty' } },
});

const topicPageRoute = createRoute({
  method: 'get',
  path: '/topics/{expr}',
  summary: "A topic expression's stories, newest first, with feed autodiscovery links and a 30-day chart",
  tags: ['Pages'],
  request: {
    params: z.object({ expr: z.string().max(512).openapi({ example: 'kazakhstan+russia' }) }),
    query: z.object({
      cursor: z.string().max(100).optional().openapi({ description: 'From the page\'s "Older stories" link.' }),
      collapse: booleanParam.default(true).openapi({ type: 'boolean', description: '`true` (default): each story once; `false`: every item.' }),
    }),
  },
  responses: {
    200: html('HTML page'),
    400: html('Malformed expression (an HTML page explaining it)'),
    404: html('Unknown topic (an HTML page with the closest known slugs)'),
  },
});

export function publicPageRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(landingRoute, async (c) => {
    const { db, now } = c.var.deps.pipeline;
    const [topics, pairs] = await Promise.all([
      listTopics(db),
      findPopularTopicPairs(db, { since: now() - CHART_DAYS * DAY_MS, limit: PAIRS_SHOWN }),
    ]);
    const names = new Map(topics.map((topic) => [topic.slug, topic.name]));
    const custom = topics.filter((topic) => topic.kind === 'custom');
    const countries = topics.filter((topic) => topic.kind === 'country' && topic.itemCount > 0).sort((a, b) => b.itemCount - a.itemCount || a.name.localeCompare(b.name));
    const nonce = createNonce();
    setPageHeaders(c, nonce);
    return c.html(
      <Layout title="topicwire: news by topic" nonce={nonce} head={<link rel="alternate" type="text/x-opml" title="topicwire topic feeds" href="/opml" />}>
        <h1>News by topic, from every source, each story once</h1>
        <p class="lead">Pick a topic or combine several, then read the stories here or subscribe in your feed reader.</p>
        <form class="card inline" method="get" action="/topics" role="search">
          <input type="text" name="expr" placeholder="kazakhstan+russia" aria-label="Topic expression" required autocomplete="off" autocapitalize="none" spellcheck={false} />
          <button type="submit">Show stories</button>
          <p class="small muted hint">
            <code>a+b</code> both · <code>a,b</code> either · <code>a+!b</code> without · topics are slugs such as <code>united-states</code>
          </p>
        </form>

        {pairs.length > 0 ? (
          <section>
            <h2>Popular combinations</h2>
            <p class="small muted">Topics that most often share a story in the last {CHART_DAYS} days.</p>
            <ul class="pairs">
              {pairs.map((pair) => (
                <li>
                  <a href={`/topics/${pair.first}+${pair.second}`}>
                    {names.get(pair.first) ?? pair.first} + {names.get(pair.second) ?? pair.second} <span class="count">{pair.itemCount}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {custom.length > 0 ? (
          <section>
            <h2>Custom topics</h2>
            <TopicList topics={custom} />
          </section>
        ) : null}

        <section>
          <h2>Countries with stories</h2>
          {countries.length === 0 ? <p>No stories yet: sources are polled on a schedule.</p> : <TopicList topics={countries} />}
        </section>

        <section class="card">
          <h2>Subscribe to everything</h2>
          <p class="small">
            Every topic feed in one file for your feed reader: <a href="/opml">OPML (RSS)</a> · <a href="/opml?format=atom">OPML (Atom)</a> ·{' '}
            <a href="/opml?format=json">OPML (JSON Feed)</a>
          </p>
        </section>
      </Layout>,
      200,
    );
  });

  // The expression box sends ?expr=…; a space is an AND, as in the API.
  app.openapi(expressionFormRoute, (c) => {
    const expr = (c.req.valid('query').expr ?? '').trim().replace(/\s+/g, '+');
    return c.redirect(expr ? `/topics/${encodeExpression(expr)}` : '/', 303);
  });

  app.openapi(topicPageRoute, async (c) => {
    const { db, now } = c.var.deps.pipeline;
    const { expr } = c.req.valid('param');
    const { cursor: cursorText, collapse } = c.req.valid('query');
    const nonce = createNonce();
    setPageHeaders(c, nonce);
    let expression: TopicExpression;
    try {
      expression = await resolveTopicExpression(db, expr);
    } catch (error) {
      if (error instanceof AppError && (error.status === 400 || error.status === 404)) return errorPage(c, nonce, error, expr);
      throw error;
    }
    const cursor = cursorText === undefined ? null : decodeCursor(cursorText);
    const canonical = formatExpression(expression);
    const names = await topicNames(db, expression.flat().map((term) => term.slug));
    const title = describeExpression(expression, names);
    const perDay = await countItemsPerDay(db, { expression, since: (Math.floor(now() / DAY_MS) - CHART_DAYS + 1) * DAY_MS });
    let shown: Array<{ item: ItemDetail; alsoReportedBy: ClusterSource[] }>;
    let next: ItemCursor | null;
    if (collapse) {
      const page = await listCollapsed(db, { expression, cursor, limit: TOPIC_PAGE_ITEMS });
      shown = page.items;
      next = page.nextCursor;
    } else {
      const ids = await findItemIds(db, { expression, cursor, limit: TOPIC_PAGE_ITEMS + 1 });
      const page = ids.slice(0, TOPIC_PAGE_ITEMS);
      shown = (await loadItems(db, page.map((i) => i.id))).map((item) => ({ item, alsoReportedBy: [] }));
      next = ids.length > TOPIC_PAGE_ITEMS ? (page.at(-1) ?? null) : null;
    }
    const items = shown.map((s) => s.item);
    const older = next ? `/topics/${encodeExpression(canonical)}?cursor=${encodeCursor(next)}${collapse ? '' : '&collapse=false'}` : null;
    const { publicUrl } = c.var.deps;
    const feedBase = `/feeds/${encodeExpression(canonical)}`;
    return c.html(
      <Layout
        title={`topicwire: ${title}`}
        nonce={nonce}
        head={
          <>
            <link rel="alternate" type="application/rss+xml" title={`topicwire: ${title} (RSS)`} href={`${publicUrl}${feedBase}.rss`} />
            <link rel="alternate" type="application/atom+xml" title={`topicwire: ${title} (Atom)`} href={`${publicUrl}${feedBase}.atom`} />
            <link rel="alternate" type="application/feed+json" title={`topicwire: ${title} (JSON Feed)`} href={`${publicUrl}${feedBase}.json`} />
            <link rel="canonical" href={`${publicUrl}/topics/${encodeExpression(canonical)}`} />
          </>
        }
      >
        <p class="small muted">
          <a href="/">Topics</a> › <code>{canonical}</code>
        </p>
        <h1>{title}</h1>
        <p class="lead">Every story about {title}, from every source, each story once.</p>
        <div class="card">
          <div class="copy">
            <strong class="small">Subscribe</strong> <FeedLinks base={feedBase} label={`Subscribe to ${title}`} />
          </div>
          <div class="copy">
            <input type="text" readonly value={`${publicUrl}${feedBase}.rss`} aria-label="RSS feed URL" />
          </div>
          <DayChart perDay={perDay} now={now()} days={CHART_DAYS} />
        </div>
        {items.length === 0 ? <p>{cursor ? 'No older stories.' : 'No stories yet.'}</p> : null}
        {shown.map(({ item, alsoReportedBy }) => (
          <ItemArticle item={item} alsoReportedBy={alsoReportedBy} />
        ))}
        {older ? (
          <p>
            <a class="button secondary" href={older} rel="next">
              Older stories →
            </a>
          </p>
        ) : null}
      </Layout>,
      200,
    );
  });

  return app;
}

function TopicList(props: { topics: Array<{ slug: string; name: string; itemCount: number }> }) {
  return (
    <ul class="topics">
      {props.topics.map((topic) => (
        <li>
          <a class="name" href={`/topics/${topic.slug}`}>
            {topic.name}
          </a>
          <span class="count">{topic.itemCount}</span>
          <FeedLinks base={`/feeds/${topic.slug}`} label={`Subscribe to ${topic.name}`} />
        </li>
      ))}
    </ul>
  );
}

function sourceName(source: { title: string | null; url: string; siteUrl: string | null }): string {
  if (source.title) return source.title;
  try {
    return new URL(source.siteUrl ?? source.url).hostname;
  } catch {
    return source.url;
  }
}

function ItemArticle(props: { item: ItemDetail; alsoReportedBy: ClusterSource[] }) {
  const { item } = props;
  const [first, ...sameItem] = item.sources;
  const others: Array<{ title: string | null; url: string; siteUrl: string | null; entryUrl: string | null }> = [
    ...sameItem,
    ...props.alsoReportedBy.map((source) => ({ ...source, entryUrl: null })),
  ];
  const summary = item.summary && item.summary.length > 320 ? `${item.summary.slice(0, 320).replace(/\s+\S*$/, '')}…` : item.summary;
  return (
    <article class="item">
      <h3>{item.url ? <a href={item.url}>{item.title}</a> : item.title}</h3>
      <div class="meta">
        <time datetime={new Date(item.publishedAt).toISOString()}>{formatDate(item.publishedAt)}</time>
        {first ? (
          <>
            {' · '}
            {first.entryUrl ? <a href={first.entryUrl}>{sourceName(first)}</a> : sourceName(first)}
          </>
        ) : null}
      </div>
      {summary ? <p>{summary}</p> : null}
      {others.length > 0 ? (
        <p class="meta also">
          Also reported by{' '}
          {others.map((source, i) => (
            <>
              {i > 0 ? ', ' : ''}
              {source.entryUrl ? <a href={source.entryUrl}>{sourceName(source)}</a> : sourceName(source)}
            </>
          ))}
        </p>
      ) : null}
      <div>
        {item.topics.map((topic) => (
          <a class="tag" href={`/topics/${topic.slug}`}>
            {topic.name}
          </a>
        ))}
      </div>
    </article>
  );
}

/** "Kazakhstan + Russia", "Russia + not Ukraine", "Kazakhstan, or Uzbekistan". */
/** An expression for a URL path: readable (`+`, `,` and `!` kept), everything else encoded. */
export function encodeExpression(expression: string): string {
  return encodeURIComponent(expression).replace(/%2B/gi, '+').replace(/%2C/gi, ',');
}

function errorPage(c: Context<AppEnv>, nonce: string, error: AppError, expr: string) {
  const suggestions = (error.details?.suggestions ?? {}) as Record<string, string[]>;
  const entries = Object.entries(suggestions).filter(([, list]) => Array.isArray(list) && list.length > 0);
  const status = error.status === 404 ? 404 : 400;
  return c.html(
    <Layout title={`topicwire: ${status === 404 ? 'unknown topic' : 'malformed expression'}`} nonce={nonce}>
      <h1>{status === 404 ? 'Unknown topic' : 'That expression does not parse'}</h1>
      {entries.length === 0 ? <p>{error.message}</p> : null}
      {entries.length > 0 ? (
        <ul>
          {entries.map(([wrong, list]) => (
            <li>
              There is no topic <code>{wrong}</code>. Did you mean{' '}
              {list.map((slug, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a href={`/topics/${encodeExpression(expr.replace(wrong, slug))}`}>{slug}</a>
                </>
              ))}
              ?
            </li>
          ))}
        </ul>
      ) : null}
      <form class="card inline" method="get" action="/topics">
        <input type="text" name="expr" value={expr} aria-label="Topic expression" required />
        <button type="submit">Try again</button>
      </form>
      <p>
        <a href="/">All topics</a>
      </p>
    </Layout>,
    status,
  );
}
