// Issue 10, "no story lost", through the front door: feeds whose links do not identify their
// stories (a chronicle that links every entry to the home page, a live page shared by several
// guids) keep every story, and the poll report counts what was stored.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app';
import { applyRetention } from '../../src/pipeline/retention';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { startOrigin, type Origin } from '../helpers/origin';

const TOKEN = 'test-admin-token';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
function rss(channelLink: string, items: Array<{ title: string; link: string; guid?: string; pubDate?: string }>): string {
  const body = items
    .map((item) => `<item><title>${escape(item.title)}</title><link>${item.link}</link><description>${escape(item.title)}</description>` +
      `${item.guid ? `<guid isPermaLink="false">${item.guid}</guid>` : ''}<pubDate>${item.pubDate ?? 'Thu, 01 Jan 1970 00:00:00 +0000'}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Chronicle</title><link>${channelLink}</link><description>d</description>${body}</channel></rss>`;
}

// The shape of Meduza's "Хроника" feed (a python-feedgen regeneration): 24 items, every link the
// home page, no guid, every date the epoch. Titles are ours: the original has no licence.
const CHRONICLE_TITLES = Array.from({ length: 24 }, (_, i) => `Хроника, выпуск ${i + 1}: ${['Москва', 'Астана', 'Киев', 'Ереван', 'Тбилиси', 'Баку'][i % 6]} и ${i * 7} новостей дня`);
const chronicle = rss('https://meduza.io', CHRONICLE_TITLES.map((title) => ({ title, link: 'https://meduza.io/' })));

// A live page: five updates with their own guids and one shared link.
const LIVE_TITLES = ['Talks open in Astana', 'Delegations break for lunch', 'Ministers meet the press', 'A joint statement is drafted', 'Talks end without a deal'];
const live = rss('https://news.example/', LIVE_TITLES.map((title, i) => ({
  title, link: 'https://news.example/live/astana-talks', guid: `live-${i}`, pubDate: `Mon, 05 Jan 2026 1${i}:00:00 +0000`,
})));
// Another source whose single story also links the (same) home page: it must not merge.
const other = rss('https://meduza.io', [{ title: 'A different story on the same home page', link: 'https://meduza.io/' }]);

let origin: Origin;
let runtime: NodeRuntime;
let app: ReturnType<typeof createApp>;

async function addAndPoll(path: string): Promise<{ id: number; report: any }> {
  const created = await app.request('/api/sources', { method: 'POST', headers: auth, body: JSON.stringify({ url: `${origin.url}${path}` }) });
  expect(created.status, path).toBe(201);
  // A created source comes back with its first poll's report.
  const { id, poll: report } = (await created.json()) as { id: number; poll: any };
  return { id, report };
}

async function titlesOf(sourceId: number): Promise<string[]> {
  const body = (await (await app.request(`/api/items?source=${sourceId}&limit=200`)).json()) as { items: Array<{ title: string }> };
  return body.items.map((item) => item.title).sort();
}

beforeAll(async () => {
  origin = await startOrigin({
    '/chronicle.xml': { body: chronicle, contentType: 'application/rss+xml' },
    '/live.xml': { body: live, contentType: 'application/rss+xml' },
    '/other.xml': { body: other, contentType: 'application/rss+xml' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-nolost-'));
  runtime = await createNodeRuntime({
    DATABASE_URL: `file:${join(dir, 'e2e.db')}`, ADMIN_TOKEN: TOKEN, SEED_SOURCES: 'false',
    ALLOW_PRIVATE_SOURCES: 'true', POLL_INTERVAL_SECONDS: '0', PUBLIC_URL: 'http://topicwire.test',
  });
  app = createApp(runtime.app);
}, 60_000);

afterAll(async () => {
  runtime?.close();
  await origin?.close();
});

describe('entries whose links do not identify them', () => {
  it('a chronicle feed linking every entry to the home page keeps all 24 stories, and says 24 new', async () => {
    const { id, report } = await addAndPoll('/chronicle.xml');
    expect(report.status).toBe('ok');
    expect(report.newEntries).toBe(24);
    expect(await titlesOf(id)).toEqual([...CHRONICLE_TITLES].sort());
    // Polled again (a full download), it adds nothing.
    const again = await (await app.request(`/api/sources/${id}/poll`, { method: 'POST', headers: auth })).json();
    expect(again.newEntries).toBe(0);
    expect(await titlesOf(id)).toHaveLength(24);
  });

  it('five guids sharing one link keep five items, and the report counts five', async () => {
    const { id, report } = await addAndPoll('/live.xml');
    expect(report.newEntries).toBe(5);
    expect(await titlesOf(id)).toEqual([...LIVE_TITLES].sort());
  });

  it('two different stories from two sources that share a home-page link stay two items', async () => {
    const { id } = await addAndPoll('/other.xml');
    const [title] = await titlesOf(id);
    expect(title).toBe('A different story on the same home page');
    const detail = (await (await app.request(`/api/items?source=${id}`)).json()) as { items: Array<{ sources: unknown[] }> };
    expect(detail.items[0]?.sources).toHaveLength(1);
  });
});

describe('an entry the source edits', () => {
  it('a corrected headline (same guid, new text) updates the item in place, moves updatedAt and re-tags it', async () => {
    const story = (title: string) => rss('https://wire.example/', [
      { title, link: 'https://wire.example/2026/01/05/talks', guid: 'wire-1', pubDate: 'Mon, 05 Jan 2026 10:00:00 +0000' },
    ]);
    origin.routes.set('/edited.xml', { body: story('Talks in Tehran end early'), contentType: 'application/rss+xml' });
    const { id, report } = await addAndPoll('/edited.xml');
    expect(report.newEntries).toBe(1);
    const first = (await (await app.request(`/api/items?source=${id}`)).json()) as { items: Array<{ id: number; title: string; topics: Array<{ slug: string }>; updatedAt: string | null }> };
    const slugs = (item: { topics: Array<{ slug: string }> } | undefined) => (item?.topics ?? []).map((t) => t.slug);
    expect(slugs(first.items[0])).toContain('iran');

    origin.routes.set('/edited.xml', { body: story('Talks in Astana end early'), contentType: 'application/rss+xml' });
    const again = await (await app.request(`/api/sources/${id}/poll`, { method: 'POST', headers: auth })).json();
    expect(again.newEntries).toBe(0);
    expect(again.updatedEntries).toBe(1);
    const after = (await (await app.request(`/api/items?source=${id}`)).json()) as typeof first;
    expect(after.items).toHaveLength(1);
    expect(after.items[0]?.id).toBe(first.items[0]?.id);
    expect(after.items[0]?.title).toBe('Talks in Astana end early');
    expect(slugs(after.items[0])).toContain('kazakhstan');
    expect(slugs(after.items[0])).not.toContain('iran');
    expect(after.items[0]?.updatedAt).not.toBeNull();
    const feed = await (await app.request('/feeds/kazakhstan.rss')).text();
    expect(feed).toContain('Talks in Astana end early');
    expect(feed).not.toContain('Talks in Tehran');

    // The same text again is no edit.
    const third = await (await app.request(`/api/sources/${id}/poll`, { method: 'POST', headers: auth })).json();
    expect(third.updatedEntries).toBe(0);
  });
});

describe('DELETE /api/items/{id}', () => {
  it('removes an item for good: its source still lists it, and polls do not bring it back', async () => {
    origin.routes.set('/keep.xml', { body: rss('https://keep.example/', [
      { title: 'Story to remove', link: 'https://keep.example/2026/01/05/remove', pubDate: 'Mon, 05 Jan 2026 10:00:00 +0000' },
      { title: 'Story to keep', link: 'https://keep.example/2026/01/05/keep', pubDate: 'Mon, 05 Jan 2026 11:00:00 +0000' },
    ]), contentType: 'application/rss+xml' });
    const { id } = await addAndPoll('/keep.xml');
    const listed = (await (await app.request(`/api/items?source=${id}`)).json()) as { items: Array<{ id: number; title: string }> };
    const doomed = listed.items.find((item) => item.title === 'Story to remove');
    expect(doomed).toBeDefined();

    expect((await app.request(`/api/items/${doomed!.id}`, { method: 'DELETE' })).status).toBe(401);
    expect((await app.request(`/api/items/${doomed!.id}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect((await app.request(`/api/items/${doomed!.id}`)).status).toBe(404);
    expect((await app.request(`/api/items/${doomed!.id}`, { method: 'DELETE', headers: auth })).status).toBe(404);

    // A full download of the same document: the removed story stays removed, nothing is new.
    origin.routes.set('/keep.xml', { ...origin.routes.get('/keep.xml')!, body: `${(origin.routes.get('/keep.xml') as { body: string }).body}\n` });
    const report = await (await app.request(`/api/sources/${id}/poll`, { method: 'POST', headers: auth })).json();
    expect(report.status).toBe('ok');
    expect(report.newEntries).toBe(0);
    expect(await titlesOf(id)).toEqual(['Story to keep']);
  });
});

describe('retention (RETENTION_DAYS)', () => {
  it('removes items published before the cut-off, leaves the rest, and polls do not bring them back', async () => {
    const day = 86_400_000;
    const now = Date.now();
    const rfc = (ms: number) => new Date(ms).toUTCString();
    origin.routes.set('/aging.xml', { body: rss('https://aging.example/', [
      { title: 'An old story', link: 'https://aging.example/old', pubDate: rfc(now - 400 * day) },
      { title: 'A recent story', link: 'https://aging.example/recent', pubDate: rfc(now - day) },
    ]), contentType: 'application/rss+xml' });
    const { id } = await addAndPoll('/aging.xml');
    expect(await titlesOf(id)).toEqual(['A recent story', 'An old story']);

    const removed = await applyRetention({ ...runtime.app.pipeline, retentionDays: 180 });
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await titlesOf(id)).toEqual(['A recent story']);
    // Nothing is removed when retention is off.
    expect(await applyRetention({ ...runtime.app.pipeline, retentionDays: 0 })).toBe(0);

    origin.routes.set('/aging.xml', { ...origin.routes.get('/aging.xml')!, body: `${(origin.routes.get('/aging.xml') as { body: string }).body}\n` });
    const report = await (await app.request(`/api/sources/${id}/poll`, { method: 'POST', headers: auth })).json();
    expect(report.newEntries).toBe(0);
    expect(await titlesOf(id)).toEqual(['A recent story']);
  });
});
