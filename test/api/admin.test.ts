// /admin: the login form and its cookie, the sources and topics it shows, and its forms, which
// work only with the cookie and only when posted from the page itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_COOKIE } from '../../src/api/middleware';
import { json, startHarness, TOKEN, type Harness } from './harness';
import { attr, find, findAll, parseHtml, text } from './html';

let h: Harness;
const ORIGIN = 'http://localhost';
let session = '';

/** Posts a form as a browser on the admin page would; returns the response and any new cookies. */
async function post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = { origin: ORIGIN }) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return h.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(session ? { cookie: session } : {}), ...headers },
    body,
  });
}

/** The admin page as the logged-in browser sees it, with the flash message it carries. */
async function adminPage(query = '') {
  const response = await h.app.request(`/admin${query}`, { headers: { cookie: session } });
  expect(response.status).toBe(200);
  return parseHtml(await response.text());
}

function cookieFrom(response: Response, name: string): string | undefined {
  return response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
}

/** Follows a form's redirect with its flash cookie, as a browser would, and returns the message. */
async function flashAfter(response: Response): Promise<string> {
  expect(response.status).toBe(303);
  const flash = cookieFrom(response, 'topicwire_flash')?.split(';')[0] ?? '';
  const page = await h.app.request(response.headers.get('location') ?? '/admin', { headers: { cookie: [session, flash].filter(Boolean).join('; ') } });
  return text(find(parseHtml(await page.text()), 'p', { role: /alert|status/ }));
}

beforeAll(async () => {
  h = await startHarness({
    feeds: ['bbc-news-world-20260218.xml', 'wire-20260218.xml'],
    servable: ['japantoday-world-20260218.xml', 'golem-de-20181028.xml'],
    routes: { '/gone.xml': { contentType: 'text/plain', body: 'gone', status: 410 } },
  });
}, 60_000);
afterAll(async () => h?.close());

describe('GET /admin', () => {
  it('shows a login form, and nothing else, without the admin cookie', async () => {
    const response = await h.app.request('/admin');
    expect(response.status).toBe(200);
    const doc = parseHtml(await response.text());
    expect(attr(find(doc, 'form'), 'action')).toBe('/admin/login');
    expect(attr(find(doc, 'input', { name: 'token' }), 'type')).toBe('password');
    expect(findAll(doc, 'table')).toEqual([]);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('POST /admin/login', () => {
  it('refuses a wrong token and sets no cookie', async () => {
    const response = await post('/admin/login', { token: 'wrong' });
    expect(cookieFrom(response, ADMIN_COOKIE)).toBeUndefined();
    expect(await flashAfter(response)).toBe('That is not the admin token.');
  });

  it('refuses a login posted from another site', async () => {
    const response = await post('/admin/login', { token: TOKEN }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(cookieFrom(response, ADMIN_COOKIE)).toBeUndefined();
  });

  it('keeps the token in an HttpOnly, SameSite=Strict cookie, Secure over https', async () => {
    const response = await post('/admin/login', { token: TOKEN });
    const cookie = cookieFrom(response, ADMIN_COOKIE) ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    session = cookie.split(';')[0] ?? '';
    const secure = await h.app.request('https://topicwire.example/admin/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://topicwire.example' },
      body: new URLSearchParams({ token: TOKEN }),
    });
    expect(cookieFrom(secure, ADMIN_COOKIE)).toMatch(/Secure/);
  });
});

describe('the admin page, logged in', () => {
  it('shows every source with its poll state and last error', async () => {
    await h.app.request('/api/sources', { method: 'POST', headers: { cookie: session, origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ url: `${h.origin.url}/gone.xml`, force: true }) });
    const gone = (await json(h.app.request('/api/sources'))).sources.find((s: any) => s.url.endsWith('/gone.xml'));
    await h.app.request(`/api/sources/${gone.id}/poll`, { method: 'POST', headers: { cookie: session, origin: ORIGIN } });
    const doc = await adminPage();
    const rows = findAll(find(doc, 'section', { id: 'sources' }), 'tr', { 'data-source-id': /\d+/ });
    expect(rows).toHaveLength(3);
    const bbc = rows.find((row) => attr(row, 'data-source-id') === String(h.sourceIds['bbc-news-world-20260218.xml']))!;
    expect(text(find(bbc, 'span', { class: 'status' }))).toBe('ok');
    expect(text(find(bbc, 'td', { 'data-label': 'Items' }))).toBe('33');
    const failing = rows.find((row) => attr(row, 'data-source-id') === String(gone.id))!;
    expect(text(find(failing, 'span', { class: 'status' }))).toBe('gone');
    expect(text(find(failing, 'div', { class: 'error-text' }))).toMatch(/410/);
  });

  it('adds a source from its form, with the cookie and from the page only', async () => {
    const url = `${h.origin.url}/japantoday-world-20260218.xml`;
    const forged = await post('/admin/sources', { url }, { origin: 'https://evil.example' });
    expect(forged.status).toBe(403);
    const anonymous = await h.app.request('/admin/sources', { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ url }) });
    expect(await flashAfter(anonymous)).toMatch(/log in/);
    expect((await json(h.app.request('/api/sources'))).sources.map((s: any) => s.url)).not.toContain(url);
    expect(await flashAfter(await post('/admin/sources', { url }))).toMatch(/^Added .*japantoday-world-20260218\.xml: \d+ new of \d+ entries\.$/);
    expect((await json(h.app.request('/api/sources'))).sources.map((s: any) => s.url)).toContain(url);
    expect(await flashAfter(await post('/admin/sources', { url: 'ftp://nope' }))).toMatch(/only http and https/);
  });

  it('imports an OPML file from a multipart form', async () => {
    const form = new FormData();
    const opml = `<opml version="2.0"><head/><body><outline text="Golem" type="rss" xmlUrl="${h.origin.url}/golem-de-20181028.xml"/></body></opml>`;
    form.append('opml', new File([opml], 'feeds.opml', { type: 'text/x-opml' }));
    const response = await h.app.request('/admin/sources/import', { method: 'POST', headers: { cookie: session, origin: ORIGIN }, body: form });
    expect(await flashAfter(response)).toBe('OPML import: 1 added, 0 already present, 0 invalid.');
  });

  it('polls, pauses and deletes a source from its buttons', async () => {
    const golem = (await json(h.app.request('/api/sources'))).sources.find((s: any) => s.url.endsWith('/golem-de-20181028.xml'));
    expect(await flashAfter(await post(`/admin/sources/${golem.id}/poll`, {}))).toBe('Polled Golem: 40 new of 40 entries.');
    expect(await flashAfter(await post(`/admin/sources/${golem.id}/toggle`, {}))).toBe('Golem is paused.');
    expect((await json(h.app.request(`/api/sources/${golem.id}`))).enabled).toBe(false);
    expect(await flashAfter(await post(`/admin/sources/${golem.id}/delete`, {}))).toMatch(/^Deleted Golem/);
    expect((await h.app.request(`/api/sources/${golem.id}`)).status).toBe(404);
    const gone = (await json(h.app.request('/api/sources'))).sources.find((s: any) => s.url.endsWith('/gone.xml'));
    expect(await flashAfter(await post(`/admin/sources/${gone.id}/poll`, {}))).toMatch(/^Polling .*\/gone\.xml failed: .*410/);
  });

  it('saves a topic from the editor; it shows in /api/topics and in the topics table', async () => {
    const saved = await post('/admin/topics', { slug: 'caspian-energy', name: 'Caspian energy', include: 'Caspian pipeline\nTengiz*', exclude: '', fields: ['title', 'summary'] });
    expect(await flashAfter(saved)).toMatch(/^Saved topic "caspian-energy"/);
    const topic = await json(h.app.request('/api/topics/caspian-energy'));
    expect(topic).toMatchObject({ name: 'Caspian energy', kind: 'custom', include: ['Caspian pipeline', 'Tengiz*'], exclude: [], fields: null });
    const doc = await adminPage();
    const row = find(doc, 'tr', { 'data-topic': 'caspian-energy' });
    expect(text(find(row, 'td', { 'data-label': 'Include' }))).toBe('Caspian pipeline, Tengiz*');
    expect(await flashAfter(await post('/admin/topics', { slug: 'Bad Slug', include: 'x' }))).toMatch(/slug is lower-case/);
    expect(await flashAfter(await post('/admin/topics', { slug: 'empty', include: '' }))).toMatch(/at least one include term/);
  });

  it('opens the editor on a saved topic, with its terms and the preview script', async () => {
    const doc = await adminPage('?edit=caspian-energy');
    const editor = find(doc, 'form', { id: 'editor' });
    expect(attr(find(editor, 'input', { name: 'slug' }), 'value')).toBe('caspian-energy');
    expect(text(find(editor, 'textarea', { name: 'include' }))).toBe('Caspian pipeline Tengiz*');
    const script = text(find(editor, 'script'));
    expect(script).toContain("fetch('/api/topics/preview'");
    expect(findAll(editor, 'button', { id: 'preview-button' })).toHaveLength(1);
  });

  it('deletes a topic from its button, and logs out', async () => {
    expect(await flashAfter(await post('/admin/topics/caspian-energy/delete', {}))).toBe('Deleted topic "caspian-energy".');
    expect((await h.app.request('/api/topics/caspian-energy')).status).toBe(404);
    const out = await post('/admin/logout', {});
    expect(cookieFrom(out, ADMIN_COOKIE)).toMatch(/Max-Age=0/);
  });
});
