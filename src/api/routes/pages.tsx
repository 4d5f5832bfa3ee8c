/** Pages for people: the landing page and a topic page with feed autodiscovery. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Child } from 'hono/jsx';
import { resolveTopicExpression } from '../../pipeline/topics';
import { findItemIds, loadItems } from '../../store/items';
import { listTopics } from '../../store/topics';
import { formatExpression } from '../../tag/expression';
import type { AppEnv } from '../context';

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:0 auto;padding:1rem;color:#1b1b1b;background:#fdfdfc}
a{color:#0b57d0}h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.2rem;margin-top:2rem}
ul.topics{columns:14rem;padding:0;list-style:none}ul.topics li{break-inside:avoid;margin:.15rem 0}
.count{color:#666;font-size:.85em}.feeds a{margin-right:.5rem;font-size:.85em}
form{display:flex;gap:.5rem;margin:1rem 0}input[type=text]{flex:1;padding:.5rem;font-size:1rem}button{padding:.5rem 1rem}
article{border-top:1px solid #e3e3e3;padding:.75rem 0}article h3{margin:0;font-size:1.05rem}
.meta{color:#555;font-size:.85em}.tag{display:inline-block;background:#eef3fb;border-radius:.3rem;padding:0 .35rem;margin:.1rem;font-size:.8em}
@media (prefers-color-scheme:dark){body{background:#15171a;color:#e6e6e6}a{color:#8ab4f8}.tag{background:#23304a}.meta,.count{color:#aaa}}
`;

function Layout(props: { title: string; head?: Child; children: Child }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <style>{STYLE}</style>
        {props.head}
      </head>
      <body>{props.children}</body>
    </html>
  );
}

export function pageRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.get('/', async (c) => {
    const { publicUrl } = c.var.deps;
    const topics = await listTopics(c.var.deps.pipeline.db);
    const withItems = topics.filter((t) => t.itemCount > 0).sort((a, b) => b.itemCount - a.itemCount);
    return c.html(
      <Layout title="topicwire" head={<link rel="alternate" type="text/x-opml" title="topicwire topic feeds" href={`${publicUrl}/opml`} />}>
        <h1>topicwire</h1>
        <p>Every story about any combination of topics, from every source, each story once.</p>
        <form method="get" action="/topics">
          <input type="text" name="expr" placeholder="kazakhstan+russia" aria-label="Topic expression" required />
          <button type="submit">Show</button>
        </form>
        <p class="meta">
          <code>a+b</code> both · <code>a,b</code> either · <code>a+!b</code> without · <a href="/opml">OPML of all topic feeds</a> · <a href="/api/docs">API</a>
        </p>
        <h2>Topics with stories</h2>
        <ul class="topics">
          {withItems.map((topic) => (
            <li>
              <a href={`/topics/${topic.slug}`}>{topic.name}</a> <span class="count">{topic.itemCount}</span>{' '}
              <span class="feeds">
                <a href={`/feeds/${topic.slug}.rss`}>RSS</a>
              </span>
            </li>
          ))}
        </ul>
        {withItems.length === 0 ? <p>No stories yet: sources are polled on a schedule.</p> : null}
      </Layout>,
    );
  });

  // The landing page's form sends ?expr=…; a space is an AND, as in the API.
  app.get('/topics', (c) => {
    const expr = (c.req.query('expr') ?? '').trim().replace(/\s+/g, '+');
    return c.redirect(expr ? `/topics/${expr}` : '/', 303);
  });

  app.get('/topics/:expr', async (c) => {
    const { db } = c.var.deps.pipeline;
    const { publicUrl } = c.var.deps;
    const expression = await resolveTopicExpression(db, c.req.param('expr'));
    const canonical = formatExpression(expression);
    const names = new Map((await listTopics(db)).map((t) => [t.slug, t.name]));
    const title = expression
      .map((group) => group.map((term) => `${term.negated ? 'not ' : ''}${names.get(term.slug) ?? term.slug}`).join(' + '))
      .join(', or ');
    const ids = await findItemIds(db, { expression, limit: 100 });
    const items = await loadItems(db, ids.map((i) => i.id));
    const feed = (ext: string) => `${publicUrl}/feeds/${canonical}.${ext}`;
    return c.html(
      <Layout
        title={`topicwire: ${title}`}
        head={
          <>
            <link rel="alternate" type="application/rss+xml" title={`topicwire: ${title}`} href={feed('rss')} />
            <link rel="alternate" type="application/atom+xml" title={`topicwire: ${title}`} href={feed('atom')} />
            <link rel="alternate" type="application/feed+json" title={`topicwire: ${title}`} href={feed('json')} />
          </>
        }
      >
        <p><a href="/">topicwire</a></p>
        <h1>{title}</h1>
        <p class="feeds">
          Subscribe: <a href={feed('rss')}>RSS</a> <a href={feed('atom')}>Atom</a> <a href={feed('json')}>JSON Feed</a>
        </p>
        {items.length === 0 ? <p>No stories yet.</p> : null}
        {items.map((item) => (
          <article>
            <h3>{item.url ? <a href={item.url}>{item.title}</a> : item.title}</h3>
            <div class="meta">
              <time datetime={new Date(item.publishedAt).toISOString()}>{new Date(item.publishedAt).toISOString().slice(0, 16).replace('T', ' ')}</time>
              {' · '}
              {item.sources.map((s, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  {s.entryUrl ? <a href={s.entryUrl}>{s.title ?? s.url}</a> : (s.title ?? s.url)}
                </>
              ))}
            </div>
            {item.summary ? <p>{item.summary.length > 300 ? `${item.summary.slice(0, 300)}…` : item.summary}</p> : null}
            <div>
              {item.topics.map((t) => (
                <a class="tag" href={`/topics/${t.slug}`}>{t.name}</a>
              ))}
            </div>
          </article>
        ))}
      </Layout>,
    );
  });

  return app;
}
