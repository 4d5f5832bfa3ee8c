/**
 * `/admin`: sources with their poll state, adding and importing sources, topics with their
 * terms, and a topic editor whose preview shows the stored stories a definition would match
 * before it is saved.
 *
 * Auth: a login form checks the admin token and keeps it in a cookie (HttpOnly, SameSite=Strict,
 * Secure over https). Every form post needs that cookie and must come from our own pages
 * (Origin or Sec-Fetch-Site, see `isSameOrigin`); a post from anywhere else changes nothing.
 * The forms work without JavaScript; the one script only runs the live preview.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError, describeError } from '../../domain/errors';
import { pollSource } from '../../pipeline/poll-source';
import { addSource, describePoll, importOpml } from '../../pipeline/sources';
import { defineTopic, removeTopic, retagPending } from '../../pipeline/topics';
import { deleteSource, getSource, listSources, updateSource, type SourceWithCounts } from '../../store/sources';
import { getTopicRule, listTopicRules, listTopics, type TopicRuleRow, type TopicWithCount } from '../../store/topics';
import type { AppEnv } from '../context';
import { ADMIN_COOKIE, hasAdminToken, isSameOrigin, timingSafeEqualStrings } from '../middleware';
import { createNonce, formatDate, Layout, setPageHeaders } from './layout';

const FLASH_COOKIE = 'topicwire_flash';
const SESSION_SECONDS = 24 * 60 * 60;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const adminRoute = createRoute({
  method: 'get',
  path: '/admin',
  summary: 'Admin page: sources and their poll state, topics and the topic editor (a login form without the admin cookie)',
  tags: ['Pages'],
  request: { query: z.object({ edit: z.string().max(64).optional().openapi({ description: 'Open the topic editor on this topic.' }) }) },
  responses: { 200: { description: 'HTML page', content: { 'text/html': { schema: z.string() } } } },
});

interface Flash {
  kind: 'notice' | 'error';
  text: string;
}

function setFlash(c: Context<AppEnv>, flash: Flash): void {
  setCookie(c, FLASH_COOKIE, JSON.stringify({ kind: flash.kind, text: flash.text.slice(0, 600) }), cookieOptions(c, 60));
}

function takeFlash(c: Context<AppEnv>): Flash | null {
  const raw = getCookie(c, FLASH_COOKIE);
  if (raw === undefined) return null;
  deleteCookie(c, FLASH_COOKIE, { path: '/admin' });
  try {
    const parsed = JSON.parse(raw) as Partial<Flash>;
    return typeof parsed.text === 'string' ? { kind: parsed.kind === 'error' ? 'error' : 'notice', text: parsed.text } : null;
  } catch {
    return null;
  }
}

function cookieOptions(c: Context<AppEnv>, maxAgeSeconds: number) {
  // Behind a TLS-terminating proxy the request looks like http; the public URL says https.
  const secure = new URL(c.req.url).protocol === 'https:' || c.var.deps.publicUrl.startsWith('https:');
  return { path: '/admin', httpOnly: true, sameSite: 'Strict', secure, maxAge: maxAgeSeconds } as const;
}

/** Redirects back to the admin page (a section of it) with a message for the next render. */
function back(c: Context<AppEnv>, flash: Flash, anchor = ''): Response {
  setFlash(c, flash);
  return c.redirect(`/admin${anchor}`, 303);
}

/** Form posts: the admin cookie (or bearer token), sent by one of our own pages. */
function requireAdminForm(): MiddlewareHandler<AppEnv> {
  return async function requireAdminFormPost(c, next) {
    if (!isSameOrigin(c)) {
      return c.text('This form must be sent from the topicwire admin page itself.', 403);
    }
    if (!(await hasAdminToken(c))) return back(c, { kind: 'error', text: 'Please log in first (the session may have expired).' });
    await next();
  };
}

/** Runs a form action; an AppError becomes the message shown on the admin page. */
async function act(c: Context<AppEnv>, anchor: string, action: () => Promise<string | Flash>): Promise<Response> {
  try {
    const outcome = await action();
    return back(c, typeof outcome === 'string' ? { kind: 'notice', text: outcome } : outcome, anchor);
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return back(c, { kind: 'error', text: error.message }, anchor);
    throw error;
  }
}

function formString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

function formLines(body: Record<string, unknown>, name: string): string[] {
  return formString(body, name)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function adminPageRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(adminRoute, async (c) => {
    const nonce = createNonce();
    setPageHeaders(c, nonce);
    c.header('cache-control', 'no-store');
    const flash = takeFlash(c);
    if (!(await hasAdminToken(c))) return c.html(<LoginPage nonce={nonce} flash={flash} configured={Boolean(c.var.deps.adminToken)} />, 200);
    const { db, now } = c.var.deps.pipeline;
    const [sources, topics, rules] = await Promise.all([listSources(db), listTopics(db), listTopicRules(db)]);
    const editSlug = c.req.valid('query').edit;
    const editing = editSlug === undefined ? null : (topics.find((topic) => topic.slug === editSlug) ?? null);
    const editingRule = editSlug === undefined ? undefined : rules.find((rule) => rule.slug === editSlug);
    return c.html(
      <AdminPage
        nonce={nonce}
        flash={flash}
        now={now()}
        sources={sources}
        topics={topics}
        rules={rules}
        editing={editing}
        editingRule={editingRule}
      />,
      200,
    );
  });

  // The form endpoints below are not in the OpenAPI document on purpose: they are the targets
  // of /admin's forms (urlencoded, answering with redirects), not an API. Programs use the
  // documented /api/sources and /api/topics routes, which do the same.

  app.post('/admin/login', async (c) => {
    if (!isSameOrigin(c)) return c.text('Log in from the topicwire admin page itself.', 403);
    const expected = c.var.deps.adminToken;
    const body = await c.req.parseBody();
    const token = formString(body, 'token').trim();
    if (!expected || !token || !(await timingSafeEqualStrings(token, expected))) {
      return back(c, { kind: 'error', text: expected ? 'That is not the admin token.' : 'ADMIN_TOKEN is not set on the server.' });
    }
    setCookie(c, ADMIN_COOKIE, token, { ...cookieOptions(c, SESSION_SECONDS), path: '/' });
    return back(c, { kind: 'notice', text: 'Logged in.' });
  });

  app.post('/admin/logout', requireAdminForm(), (c) => {
    deleteCookie(c, ADMIN_COOKIE, { path: '/' });
    return back(c, { kind: 'notice', text: 'Logged out.' });
  });

  app.post('/admin/sources', requireAdminForm(), async (c) => {
    const body = await c.req.parseBody();
    return act(c, '#sources', async () => {
      const title = formString(body, 'title').trim();
      const { source, created, poll } = await addSource(c.var.deps.pipeline, { url: formString(body, 'url'), ...(title ? { title } : {}) });
      if (!created || !poll) return `${source.url} was already a source.`;
      return `Added ${source.url}: ${describePoll(poll)}.`;
    });
  });

  app.post('/admin/sources/import', requireAdminForm(), async (c) => {
    const body = await c.req.parseBody();
    const file = body.opml;
    const text = typeof file === 'object' && file !== null && 'text' in file && file.size > 0 ? await file.text() : formString(body, 'opmlText');
    return act(c, '#sources', async () => {
      if (text.trim() === '') throw new AppError(400, 'validation_failed', 'Choose an OPML file or paste one.');
      const result = await importOpml(c.var.deps.pipeline, text);
      const invalid = result.results.filter((r) => r.status === 'invalid').slice(0, 3).map((r) => `${r.url}: ${r.error ?? 'invalid'}`);
      return `OPML import: ${result.added} added, ${result.present} already present, ${result.invalid} invalid${invalid.length ? ` (${invalid.join('; ')})` : ''}.`;
    });
  });

  app.post('/admin/sources/:id/poll', requireAdminForm(), async (c) => {
    return act(c, '#sources', async () => {
      const source = await getSource(c.var.deps.pipeline.db, Number(c.req.param('id')));
      if (!source) throw new AppError(404, 'source_not_found', 'That source no longer exists.');
      const report = await pollSource(c.var.deps.pipeline, source);
      if (report.status === 'error') return { kind: 'error', text: `Polling ${source.url} failed: ${report.error ?? 'unknown error'}` };
      return `Polled ${source.title ?? source.url}: ${report.status === 'not_modified' ? 'not modified' : `${report.newEntries} new of ${report.entries} entries`}.`;
    });
  });

  app.post('/admin/sources/:id/toggle', requireAdminForm(), async (c) => {
    return act(c, '#sources', async () => {
      const { db } = c.var.deps.pipeline;
      const source = await getSource(db, Number(c.req.param('id')));
      if (!source) throw new AppError(404, 'source_not_found', 'That source no longer exists.');
      await updateSource(db, source.id, { enabled: !source.enabled });
      return `${source.title ?? source.url} is ${source.enabled ? 'paused' : 'enabled again'}.`;
    });
  });

  app.post('/admin/sources/:id/delete', requireAdminForm(), async (c) => {
    return act(c, '#sources', async () => {
      const { db } = c.var.deps.pipeline;
      const source = await getSource(db, Number(c.req.param('id')));
      if (!source || !(await deleteSource(db, source.id))) throw new AppError(404, 'source_not_found', 'That source no longer exists.');
      return `Deleted ${source.title ?? source.url}; stories other sources also carry stay.`;
    });
  });

  app.post('/admin/topics', requireAdminForm(), async (c) => {
    const body = await c.req.parseBody({ all: true });
    const slug = formString(body, 'slug').trim().toLowerCase();
    const fieldValues = body.fields;
    const fields = (Array.isArray(fieldValues) ? fieldValues : [fieldValues]).filter((f): f is 'title' | 'summary' => f === 'title' || f === 'summary');
    return act(c, '#topics', async () => {
      if (!SLUG.test(slug) || slug.length > 64) {
        throw new AppError(400, 'validation_failed', 'The slug is lower-case letters, digits and single hyphens, such as "caspian-energy".');
      }
      const name = formString(body, 'name').trim();
      const deps = c.var.deps;
      const { builtIn } = await defineTopic(deps.pipeline, slug, {
        ...(name ? { name } : {}),
        include: formLines(body, 'include'),
        exclude: formLines(body, 'exclude'),
        ...(fields.length > 0 && fields.length < 2 ? { fields } : {}),
      });
      deps.runInBackground(() => retagPending(deps.pipeline));
      return `Saved ${builtIn ? 'the extension of' : 'topic'} "${slug}"; stored stories are being re-tagged.`;
    });
  });

  app.post('/admin/topics/:slug/delete', requireAdminForm(), async (c) => {
    const slug = c.req.param('slug');
    return act(c, '#topics', async () => {
      const deps = c.var.deps;
      const result = await removeTopic(deps.pipeline, slug);
      if (result === 'extension_removed') deps.runInBackground(() => retagPending(deps.pipeline));
      return result === 'deleted' ? `Deleted topic "${slug}".` : `Removed the extra terms of "${slug}".`;
    });
  });

  return app;
}

function FlashMessage(props: { flash: Flash | null }) {
  if (!props.flash) return null;
  return (
    <p class={props.flash.kind === 'error' ? 'notice error' : 'notice'} role={props.flash.kind === 'error' ? 'alert' : 'status'}>
      {props.flash.text}
    </p>
  );
}

function LoginPage(props: { nonce: string; flash: Flash | null; configured: boolean }) {
  return (
    <Layout title="topicwire admin: log in" nonce={props.nonce}>
      <h1>Admin</h1>
      <FlashMessage flash={props.flash} />
      {props.configured ? (
        <form class="card" method="post" action="/admin/login">
          <label for="token">Admin token</label>
          <p class="small muted">The server's ADMIN_TOKEN. It is kept in a cookie for this site only, for a day.</p>
          <input id="token" class="wide" type="password" name="token" autocomplete="current-password" required />
          <p>
            <button type="submit">Log in</button>
          </p>
        </form>
      ) : (
        <p class="notice error">Writes are disabled: set ADMIN_TOKEN on the server to use this page.</p>
      )}
    </Layout>
  );
}

function ago(now: number, at: number | null): string {
  if (at === null) return 'never';
  const seconds = Math.round((now - at) / 1000);
  const future = seconds < 0;
  const s = Math.abs(seconds);
  const text = s < 90 ? `${s} s` : s < 5400 ? `${Math.round(s / 60)} min` : s < 129_600 ? `${Math.round(s / 3600)} h` : `${Math.round(s / 86_400)} days`;
  return future ? `in ${text}` : `${text} ago`;
}

interface AdminPageProps {
  nonce: string;
  flash: Flash | null;
  now: number;
  sources: SourceWithCounts[];
  topics: TopicWithCount[];
  rules: TopicRuleRow[];
  editing: TopicWithCount | null;
  editingRule: TopicRuleRow | undefined;
}

function AdminPage(props: AdminPageProps) {
  const { now, sources, topics, rules } = props;
  const topicBySlug = new Map(topics.map((topic) => [topic.slug, topic]));
  const failing = sources.filter((source) => source.lastStatus === 'error').length;
  return (
    <Layout title="topicwire admin" nonce={props.nonce}>
      <div class="inline copy">
        <h1>Admin</h1>
        <form method="post" action="/admin/logout" class="push-right">
          <button class="secondary small" type="submit">
            Log out
          </button>
        </form>
      </div>
      <FlashMessage flash={props.flash} />

      <section id="sources">
        <h2>
          Sources <span class="count">{sources.length} · {failing} failing</span>
        </h2>
        <div class="grid2">
          <form class="card" method="post" action="/admin/sources">
            <label for="source-url">Add a source</label>
            <p class="small muted">A feed URL, or a web page that links to its feed.</p>
            <input id="source-url" class="wide" type="url" name="url" placeholder="https://example.org/news" required />
            <p>
              <button type="submit">Add source</button>
            </p>
          </form>
          <form class="card" method="post" action="/admin/sources/import" enctype="multipart/form-data">
            <label for="opml-file">Import OPML</label>
            <p class="small muted">From a feed reader's export; sources already present are kept.</p>
            <input id="opml-file" type="file" name="opml" accept=".opml,.xml,text/x-opml,text/xml,application/xml" />
            <details>
              <summary class="small">or paste it</summary>
              <textarea name="opmlText" aria-label="OPML document" />
            </details>
            <p>
              <button type="submit">Import</button>
            </p>
          </form>
        </div>
        <div class="table-wrap card">
          <table class="responsive">
            <thead>
              <tr>
                <th>Source</th>
                <th>Last poll</th>
                <th>Items</th>
                <th>Next poll</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((source) => {
                const status = source.lastStatus === 'gone' ? 'gone' : source.enabled ? (source.lastStatus ?? 'never') : 'paused';
                return (
                  <tr data-source-id={String(source.id)}>
                    <td>
                      <strong>{source.title ?? '(untitled)'}</strong>
                      <div class="url muted">{source.url}</div>
                    </td>
                    <td data-label="Last poll">
                      <span class={`status ${status}`}>{status.replace('_', ' ')}</span>
                      <div class="small muted">
                        {ago(now, source.lastPolledAt)}
                        {source.lastHttpStatus !== null ? ` · HTTP ${source.lastHttpStatus}` : ''}
                      </div>
                      {source.lastError ? (
                        <div class="error-text">
                          {source.lastError}
                          {source.errorCount > 1 ? ` (${source.errorCount} times in a row)` : ''}
                        </div>
                      ) : null}
                    </td>
                    <td class="count" data-label="Items">
                      {source.itemCount}
                    </td>
                    <td class="small" data-label="Next poll">
                      {source.enabled ? ago(now, source.nextPollAt) : '—'}
                    </td>
                    <td>
                      <div class="actions">
                        <form method="post" action={`/admin/sources/${source.id}/poll`}>
                          <button class="secondary small" type="submit">
                            Poll now
                          </button>
                        </form>
                        <form method="post" action={`/admin/sources/${source.id}/toggle`}>
                          <button class="secondary small" type="submit">
                            {source.enabled ? 'Pause' : 'Enable'}
                          </button>
                        </form>
                        <ConfirmDelete action={`/admin/sources/${source.id}/delete`} label={`Delete ${source.title ?? 'source'}`} />
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {sources.length === 0 ? <p class="muted">No sources yet: add one above.</p> : null}
        </div>
      </section>

      <section id="topics">
        <h2>Topics</h2>
        <p class="small muted">
          Every country is a built-in topic (its names, demonyms and capital in many languages). Define your own topics here, or widen a country with extra
          terms (a city, a leader) by editing it under its slug.
        </p>
        <div class="table-wrap card">
          <table class="responsive">
            <thead>
              <tr>
                <th>Topic</th>
                <th>Include</th>
                <th>Exclude</th>
                <th>Items</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => {
                const topic = topicBySlug.get(rule.slug);
                return (
                  <tr data-topic={rule.slug}>
                    <td>
                      <strong>{topic?.name ?? rule.slug}</strong>
                      <div class="small muted">
                        <code>{rule.slug}</code> {topic?.kind === 'country' ? 'country + extra terms' : 'custom'}
                        {rule.fields?.length === 1 ? ` · ${rule.fields[0]} only` : ''}
                      </div>
                      {rule.retagCursor !== null ? (
                        <div class="small">
                          re-tagging {rule.retagDone} / {rule.retagTotal}
                        </div>
                      ) : null}
                    </td>
                    <td class="small" data-label="Include">
                      {rule.include.join(', ') || '—'}
                    </td>
                    <td class="small" data-label="Exclude">
                      {rule.exclude.join(', ') || '—'}
                    </td>
                    <td class="count" data-label="Items">
                      <a href={`/topics/${rule.slug}`}>{topic?.itemCount ?? 0}</a>
                    </td>
                    <td>
                      <div class="actions">
                        <a class="button secondary small" href={`/admin?edit=${rule.slug}#editor`}>
                          Edit
                        </a>
                        <ConfirmDelete
                          action={`/admin/topics/${rule.slug}/delete`}
                          label={topic?.kind === 'country' ? 'Remove extra terms' : `Delete ${rule.slug}`}
                        />
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rules.length === 0 ? <p class="muted">No custom topics yet: define one below.</p> : null}
        </div>
        <TopicEditor nonce={props.nonce} editing={props.editing} rule={props.editingRule} />
      </section>
    </Layout>
  );
}

function TopicEditor(props: { nonce: string; editing: TopicWithCount | null; rule: TopicRuleRow | undefined }) {
  const { editing, rule } = props;
  const country = editing?.kind === 'country';
  const fields = rule?.fields ?? null;
  return (
    <form id="editor" class="card" method="post" action="/admin/topics" data-editor="">
      <h2>{editing ? `Edit ${editing.name}` : 'Define a topic'}</h2>
      <div class="field-row">
        <div>
          <label for="topic-slug">Slug</label>
          <input id="topic-slug" type="text" name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxlength={64} placeholder="caspian-energy" value={editing?.slug ?? ''} autocapitalize="none" spellcheck={false} />
        </div>
        <div>
          <label for="topic-name">Name</label>
          <input id="topic-name" type="text" name="name" maxlength={200} placeholder="Caspian energy" value={editing?.name ?? ''} readonly={country} />
        </div>
      </div>
      <div class="field-row">
        <div>
          <label for="topic-include">Include: one word or phrase per line</label>
          <textarea id="topic-include" name="include" placeholder={'Caspian pipeline\nCPC\nTengiz*'}>
            {rule?.include.join('\n') ?? ''}
          </textarea>
        </div>
        <div>
          <label for="topic-exclude">Exclude</label>
          <textarea id="topic-exclude" name="exclude" placeholder="Caspian Sea monster">
            {rule?.exclude.join('\n') ?? ''}
          </textarea>
        </div>
      </div>
      <p class="small muted">A trailing * matches a prefix (Tengiz* finds Tengizchevroil). Terms match whole words in any case; no regular expressions.</p>
      <div>
        <span class="small">Match in: </span>
        <label class="check">
          <input type="checkbox" name="fields" value="title" checked={fields === null || fields.includes('title')} /> titles
        </label>
        <label class="check">
          <input type="checkbox" name="fields" value="summary" checked={fields === null || fields.includes('summary')} /> summaries
        </label>
      </div>
      <p class="actions">
        <button type="button" class="secondary" id="preview-button">
          Preview matches
        </button>
        <button type="submit">Save topic</button>
      </p>
      <div id="preview" aria-live="polite" class="small" />
      <script nonce={props.nonce} dangerouslySetInnerHTML={{ __html: PREVIEW_SCRIPT }} />
    </form>
  );
}

/**
 * The editor's live preview: on a pause in typing (or the button), the definition goes to
 * POST /api/topics/preview and the matching stories are listed. Everything shown is set as
 * text, never as HTML.
 */
const PREVIEW_SCRIPT = `(() => {
  const form = document.getElementById('editor');
  const out = document.getElementById('preview');
  const lines = (name) => form.elements[name].value.split('\\n').map((s) => s.trim()).filter(Boolean);
  const el = (tag, text, className) => { const e = document.createElement(tag); if (text) e.textContent = text; if (className) e.className = className; return e; };
  let timer = 0, sequence = 0;
  async function preview() {
    const include = lines('include');
    if (include.length === 0) { out.replaceChildren(el('p', 'Add include terms to preview the stories they match.', 'muted')); return; }
    const fields = [...form.querySelectorAll('input[name=fields]:checked')].map((i) => i.value);
    const slug = form.elements.slug.value.trim();
    const body = { definition: { include, exclude: lines('exclude') }, limit: 20 };
    if (fields.length === 1) body.definition.fields = fields;
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) body.slug = slug;
    const mine = ++sequence;
    out.setAttribute('aria-busy', 'true');
    let response, data;
    try {
      response = await fetch('/api/topics/preview', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      data = await response.json();
    } catch (error) { data = { detail: String(error) }; }
    if (mine !== sequence) return;
    out.removeAttribute('aria-busy');
    if (!response || !response.ok) { out.replaceChildren(el('p', data.detail || 'The preview failed.', 'notice error')); return; }
    const gained = new Set(data.gained), lost = data.lost.length;
    const summary = el('p', data.matchCount + ' of the ' + data.scanned + ' newest stories match' + (data.gained.length || lost ? ' (' + data.gained.length + ' more and ' + lost + ' fewer than saved)' : '') + '.');
    summary.id = 'preview-summary';
    const list = el('ol');
    for (const item of data.items) {
      const li = el('li');
      const link = el('a', item.title);
      if (item.url) link.href = item.url;
      li.append(link, el('span', ' · ' + item.publishedAt.slice(0, 10) + ' · ' + (item.sources[0] ? (item.sources[0].title || new URL(item.sources[0].url).hostname) : ''), 'muted'));
      if (gained.has(item.id)) li.append(el('span', ' new', 'gained'));
      list.append(li);
    }
    out.replaceChildren(summary, list);
  }
  form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(preview, 400); });
  document.getElementById('preview-button').addEventListener('click', preview);
  if (lines('include').length > 0) preview();
})();`;

/** A delete button folded away behind "Delete…", so one click cannot delete anything. */
function ConfirmDelete(props: { action: string; label: string }) {
  return (
    <details>
      <summary class="small">Delete…</summary>
      <form method="post" action={props.action}>
        <button class="danger small" type="submit">
          {props.label}
        </button>
      </form>
    </details>
  );
}
