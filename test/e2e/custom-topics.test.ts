// Topics users define, end to end: define, re-tag stored items, preview, extend a built-in
// topic, delete — over the API, on a real database filled by polling real feeds.
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/api/app';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { startOrigin, type Origin } from '../helpers/origin';

const TOKEN = 'custom-topics-token';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const parser = new Parser();
const DRONE = 'Drone footage appears to show Russian military vehicles firing shots towards cyclist in Bucha';
const KREMLIN = 'Kremlin says talks with Kazakhstan on Caspian pipeline went well';

let origin: Origin;
let runtime: NodeRuntime;
let app: ReturnType<typeof createApp>;
const pending: Promise<unknown>[] = [];

async function json<T = any>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function titles(expr: string): Promise<string[]> {
  const response = await app.request(`/feeds/${expr}.rss?limit=500`);
  expect(response.status, expr).toBe(200);
  return (await parser.parseString(await response.text())).items.map((item) => item.title ?? '');
}

/** Saves a topic and waits for the background re-tagging to finish. */
async function put(slug: string, body: unknown): Promise<any> {
  const response = await app.request(`/api/topics/${slug}`, { method: 'PUT', headers: auth, body: JSON.stringify(body) });
  const payload = await json(response);
  expect(response.status, JSON.stringify(payload)).toBe(200);
  await Promise.all(pending.splice(0));
  return payload;
}

beforeAll(async () => {
  origin = await startOrigin({
    '/sky.xml': { file: 'skynews-20220405.xml', contentType: 'application/rss+xml' },
    '/wire.xml': { file: 'syndicated-wire.xml', contentType: 'application/rss+xml' },
    '/guardian.xml': { file: 'theguardian-international-20220405.xml', contentType: 'application/rss+xml' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-topics-'));
  runtime = await createNodeRuntime({
    DATABASE_URL: `file:${join(dir, 'topics.db')}`,
    ADMIN_TOKEN: TOKEN,
    SEED_SOURCES: 'false',
    ALLOW_PRIVATE_SOURCES: 'true',
  });
  // Background work is collected so each test can wait for re-tagging to finish.
  app = createApp({ ...runtime.app, runInBackground: (task) => void pending.push(task()) });
  for (const path of ['/sky.xml', '/wire.xml', '/guardian.xml']) {
    const source = await json(await app.request('/api/sources', { method: 'POST', headers: auth, body: JSON.stringify({ url: `${origin.url}${path}` }) }));
    expect(source.poll.status).toBe('ok');
  }
}, 60_000);

afterAll(async () => {
  runtime?.close();
  await origin?.close();
});

describe('custom topics', () => {
  it('a new topic tags the items already stored, and its feed serves them', async () => {
    const topic = await put('caspian-energy', { name: 'Caspian energy', include: ['Caspian pipeline', 'pipeline consortium'] });
    expect(topic).toMatchObject({ slug: 'caspian-energy', kind: 'custom', name: 'Caspian energy' });
    const after = await json(await app.request('/api/topics/caspian-energy'));
    expect(after.retag).toMatchObject({ running: false });
    expect(after.retag.done).toBe(after.retag.total);
    expect(after.itemCount).toBe(1);
    expect(await titles('caspian-energy')).toEqual([KREMLIN]);
    expect(await titles('caspian-energy+russia')).toEqual([KREMLIN]);
  });

  it('prefix terms match word beginnings, exclude terms veto, fields restrict', async () => {
    await put('bucha-war', { include: ['Buch*'], exclude: ['cyclist'] });
    const bucha = await titles('bucha-war');
    expect(bucha.length).toBeGreaterThan(0);
    expect(bucha).not.toContain(DRONE);
    for (const title of bucha) expect(title.toLowerCase()).not.toContain('cyclist');
    // "Caspian Pipeline Consortium" is only in the wire item's summary, not its title.
    await put('caspian-energy', { include: ['pipeline consortium'], fields: ['title'] });
    expect((await json(await app.request('/api/topics/caspian-energy'))).itemCount).toBe(0);
    await put('caspian-energy', { include: ['pipeline consortium'], fields: ['summary'] });
    expect(await titles('caspian-energy')).toEqual([KREMLIN]);
  });

  it('preview shows matches and what would be gained or lost, without saving', async () => {
    const response = await app.request('/api/topics/preview', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ slug: 'caspian-energy', definition: { include: ['Caspian', 'Bucha'] } }),
    });
    expect(response.status).toBe(200);
    const preview = await json(response);
    const previewTitles = preview.items.map((i: any) => i.title);
    expect(previewTitles).toContain(KREMLIN);
    expect(previewTitles).toContain(DRONE);
    expect(preview.gained.length).toBe(preview.matchCount - 1);
    expect(preview.lost).toEqual([]);
    // Nothing was saved.
    expect(await titles('caspian-energy')).toEqual([KREMLIN]);
    const byExpression = await json(await app.request('/api/topics/preview', { method: 'POST', headers: auth, body: JSON.stringify({ expression: 'kazakhstan+russia' }) }));
    expect(byExpression.items.map((i: any) => i.title)).toEqual([KREMLIN]);
  });

  it('extending a built-in topic widens it, and removing the extension narrows it back', async () => {
    expect(await titles('kazakhstan')).not.toContain(DRONE);
    const extended = await put('kazakhstan', { include: ['Bucha'] });
    expect(extended).toMatchObject({ slug: 'kazakhstan', kind: 'country', include: ['Bucha'] });
    expect(await titles('kazakhstan')).toContain(DRONE);
    expect(await titles('kazakhstan')).toContain(KREMLIN);
    const removed = await app.request('/api/topics/kazakhstan', { method: 'DELETE', headers: auth });
    expect(await json(removed)).toEqual({ slug: 'kazakhstan', result: 'extension_removed' });
    await Promise.all(pending.splice(0));
    expect(await titles('kazakhstan')).toEqual([KREMLIN]);
    expect((await app.request('/api/topics/kazakhstan', { method: 'DELETE', headers: auth })).status).toBe(409);
  });

  it('an exclude term on a built-in topic vetoes it', async () => {
    await put('russia', { include: [], exclude: ['Bucha'] });
    const russia = await titles('russia');
    expect(russia).not.toContain(DRONE);
    expect(russia).toContain(KREMLIN);
    await app.request('/api/topics/russia', { method: 'DELETE', headers: auth });
    await Promise.all(pending.splice(0));
    expect(await titles('russia')).toContain(DRONE);
  });

  it('new polls are tagged with the saved topics', async () => {
    await put('trostianets', { include: ['Trostianets'] });
    const before = await titles('trostianets');
    expect(before.length).toBeGreaterThan(0);
    // A second copy of the Guardian feed adds source links, not items; a new story is tagged on arrival.
    origin.routes.set('/guardian-mirror.xml', { file: 'theguardian-international-20220405.xml', contentType: 'application/rss+xml' });
    origin.routes.set('/local.xml', {
      contentType: 'application/rss+xml',
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><link>https://local.example/</link>
        <item><title>Trostianets begins to rebuild its railway station</title><link>https://local.example/trostianets-station</link>
        <pubDate>Wed, 06 Apr 2022 09:00:00 GMT</pubDate></item></channel></rss>`,
    });
    for (const path of ['/guardian-mirror.xml', '/local.xml']) {
      const source = await json(await app.request('/api/sources', { method: 'POST', headers: auth, body: JSON.stringify({ url: `${origin.url}${path}` }) }));
      expect(source.poll.status).toBe('ok');
    }
    expect(await titles('trostianets')).toEqual(['Trostianets begins to rebuild its railway station', ...before]);
  });

  it('deleting a custom topic removes its tags and its feed', async () => {
    const response = await app.request('/api/topics/caspian-energy', { method: 'DELETE', headers: auth });
    expect(await json(response)).toEqual({ slug: 'caspian-energy', result: 'deleted' });
    expect((await app.request('/feeds/caspian-energy.rss')).status).toBe(404);
    const { topics } = await json(await app.request('/api/topics?kind=custom'));
    expect(topics.map((t: any) => t.slug)).not.toContain('caspian-energy');
  });

  it('rejects invalid definitions with a 400 problem', async () => {
    for (const body of [{ include: [] }, { include: ['a*b'] }, { include: ['x'.repeat(101)] }, { include: 'Caspian' }, {}]) {
      const response = await app.request('/api/topics/bad-topic', { method: 'PUT', headers: auth, body: JSON.stringify(body) });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await json(response)).code).toBe('validation_failed');
    }
    expect((await app.request('/api/topics/Bad_Slug', { method: 'PUT', headers: auth, body: '{"include":["x"]}' })).status).toBe(400);
    expect((await app.request('/api/topics/no-token', { method: 'PUT', body: '{"include":["x"]}' })).status).toBe(401);
  });
});
