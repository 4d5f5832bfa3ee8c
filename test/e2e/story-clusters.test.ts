// Issue 10, story clusters, through the front door: a wire story and its syndicated copies
// (edited headline, "UPDATE 2-" prefix, cut summary, credit line) from different outlets become
// one cluster and one feed entry that says "Also reported by"; different stories with similar
// headlines stay apart; a cluster keeps its id when an item is edited or removed. Items are the
// real headlines and summary excerpts of the labelled pairs (test/fixtures/dedup, MIT).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { readPairs, PAIRS_DIR, type PairItem } from '../eval/eval-dedup';
import { startOrigin, type Origin } from '../helpers/origin';

const TOKEN = 'test-admin-token';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const pairs = readPairs(join(PAIRS_DIR, 'pairs.json'));
const pair = (group: string, kind: string) => {
  const found = pairs.find((p) => p.group === group && p.kind === kind);
  if (!found) throw new Error(`no ${kind} pair in ${group}`);
  return found;
};

// Wire copy: the Peru story (Al Jazeera) and a copy with a corrected headline; the Hezbollah
// story (Reuters) and its "UPDATE 2-" copy; Jesse Jackson's death told by two outlets.
const peru = pair('syn-corrected-name', 'syndicated');
const hezbollah = pair('syn-update-prefix', 'syndicated');
const jackson = pairs.find((p) => p.group === 'jackson-dies' && p.a.source === 'BBC News' && p.b.source === 'Al Jazeera')!;
// Two different stories with similar headlines: both sets of Geneva talks on one day.
const geneva = pair('neg-geneva-talks', 'hard-negative');

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
let counter = 0;
function rss(title: string, site: string, items: Array<PairItem & { guid?: string }>): string {
  const body = items
    .map((item) => {
      counter++;
      const link = `${site}/story/${counter}`;
      return `<item><title>${xml(item.title)}</title><link>${link}</link><guid isPermaLink="false">${xml(item.guid ?? item.title)}</guid>` +
        `${item.summary ? `<description>${xml(item.summary)}</description>` : ''}<pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate></item>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>${site}/</link><description>d</description>${body}</channel></rss>`;
}

let origin: Origin;
let runtime: NodeRuntime;
let app: ReturnType<typeof createApp>;
const ids: Record<string, number> = {};

async function addAndPoll(name: string, path: string) {
  const created = await app.request('/api/sources', { method: 'POST', headers: auth, body: JSON.stringify({ url: `${origin.url}${path}` }) });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: number };
  await app.request(`/api/sources/${id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ title: name }) });
  // A created source is polled at once; this poll finds it unchanged (or new, if it changed).
  const report = (await (await app.request(`/api/sources/${id}/poll`, { method: 'POST', headers: auth })).json()) as { status: string; newEntries: number };
  expect(['ok', 'not_modified']).toContain(report.status);
  ids[name] = id;
  return report;
}

async function poll(name: string) {
  const report = (await (await app.request(`/api/sources/${ids[name]}/poll`, { method: 'POST', headers: auth })).json()) as { status: string };
  expect(report.status).toBe('ok');
}

interface ApiItem { id: number; title: string; cluster: { id: number; size: number }; sources: Array<{ id: number; title: string | null }> }
async function listItems(query = ''): Promise<ApiItem[]> {
  const response = await app.request(`/api/items?limit=200${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: ApiItem[] }).items;
}
const byTitle = (items: ApiItem[], title: string) => {
  const item = items.find((i) => i.title === title);
  if (!item) throw new Error(`no item "${title}" in ${items.map((i) => i.title).join(' / ')}`);
  return item;
};

beforeAll(async () => {
  origin = await startOrigin({
    '/wire.xml': { body: rss('Wire', 'https://wire.example', [peru.a, hezbollah.a, jackson.a, geneva.a]), contentType: 'application/rss+xml' },
    '/mirror.xml': { body: rss('Mirror', 'https://mirror.example', [peru.b, hezbollah.b, jackson.b, geneva.b]), contentType: 'application/rss+xml' },
  });
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-clusters-'));
  runtime = await createNodeRuntime({
    DATABASE_URL: `file:${join(dir, 'e2e.db')}`, ADMIN_TOKEN: TOKEN, SEED_SOURCES: 'false', RETENTION_DAYS: '0',
    ALLOW_PRIVATE_SOURCES: 'true', POLL_INTERVAL_SECONDS: '0', PUBLIC_URL: 'http://topicwire.test',
  });
  app = createApp(runtime.app);
  await addAndPoll('Wire Service', '/wire.xml');
  await addAndPoll('Mirror Daily', '/mirror.xml');
}, 60_000);

afterAll(async () => {
  runtime?.close();
  await origin?.close();
});

describe('story clusters', () => {
  it('puts a wire story and its copies from another outlet in one cluster, named by the first item', async () => {
    const items = await listItems();
    for (const p of [peru, hezbollah, jackson]) {
      const first = byTitle(items, p.a.title);
      const copy = byTitle(items, p.b.title);
      expect(copy.id).not.toBe(first.id);
      expect(first.cluster).toEqual({ id: first.id, size: 2 });
      expect(copy.cluster).toEqual({ id: first.id, size: 2 });
    }
  });

  it('keeps two different stories with similar headlines apart', async () => {
    const items = await listItems();
    const a = byTitle(items, geneva.a.title);
    const b = byTitle(items, geneva.b.title);
    expect(a.cluster).toEqual({ id: a.id, size: 1 });
    expect(b.cluster).toEqual({ id: b.id, size: 1 });
  });

  it('lists each cluster once in a feed, with "Also reported by" naming the other outlet, and every item with ?collapse=false', async () => {
    const parser = new Parser();
    const collapsed = await parser.parseString(await (await app.request('/feeds/peru.rss')).text());
    expect(collapsed.items.map((item) => item.title)).toEqual([peru.a.title]);
    // RSS carries the entry's content in content:encoded (the description is the summary).
    const content = (collapsed.items[0] as Record<string, unknown> | undefined)?.['content:encodedSnippet'];
    expect(content).toContain('Also reported by: Mirror Daily');
    const every = await parser.parseString(await (await app.request('/feeds/peru.rss?collapse=false')).text());
    expect(every.items.map((item) => item.title).sort()).toEqual([peru.a.title, peru.b.title].sort());
    expect(every.items.some((item) => String((item as Record<string, unknown>)['content:encoded']).includes('Also reported by'))).toBe(false);
  });

  it('lists the cluster in a topic feed when any of its items is about the topic', async () => {
    // Only the wire's Hezbollah item names Lebanon ("the Lebanese government") in its summary;
    // the copy's cut summary may or may not: the cluster is listed once either way.
    const body = (await (await app.request('/feeds/lebanon.json')).json()) as { items: Array<{ title: string; _topicwire: { cluster: { id: number; size: number; also_reported_by: Array<{ title: string }> } } }> };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?._topicwire.cluster.size).toBe(2);
    expect(body.items[0]?._topicwire.cluster.also_reported_by.map((s) => s.title)).toEqual(['Mirror Daily']);
  });

  it('GET /api/items?collapse=true lists each cluster once, as its earliest item, with the others\' sources', async () => {
    const collapsed = await listItems('&collapse=true');
    const titles = collapsed.map((i) => i.title);
    expect(titles).toContain(peru.a.title);
    expect(titles).not.toContain(peru.b.title);
    expect(collapsed).toHaveLength(5);
    const shown = byTitle(collapsed, peru.a.title);
    expect(shown.sources.map((s) => s.title)).toEqual(['Wire Service', 'Mirror Daily']);
  });

  it('GET /api/items/{id} lists the cluster\'s items with their sources', async () => {
    const first = byTitle(await listItems(), jackson.a.title);
    const detail = (await (await app.request(`/api/items/${first.id}`)).json()) as { cluster: { id: number; size: number; items: Array<{ title: string; sources: Array<{ title: string }> }> } };
    expect(detail.cluster.id).toBe(first.id);
    expect(detail.cluster.size).toBe(2);
    expect(detail.cluster.items.map((i) => [i.title, i.sources.map((s) => s.title)])).toEqual([
      [jackson.a.title, ['Wire Service']],
      [jackson.b.title, ['Mirror Daily']],
    ]);
  });

  it('keeps the cluster when a copy is corrected, and when the first item is removed', async () => {
    const before = byTitle(await listItems(), peru.a.title);
    // The mirror corrects its headline (same guid): the item is edited in place, its cluster stays.
    const corrected = { ...peru.b, guid: peru.b.title, title: `${peru.b.title} (corrected)` };
    origin.routes.set('/mirror.xml', { body: rss('Mirror', 'https://mirror.example', [corrected, hezbollah.b, jackson.b, geneva.b]), contentType: 'application/rss+xml' });
    await poll('Mirror Daily');
    const edited = byTitle(await listItems(), corrected.title);
    expect(edited.cluster).toEqual({ id: before.id, size: 2 });
    // The first item goes: the copy keeps the cluster's id.
    const removed = await app.request(`/api/items/${before.id}`, { method: 'DELETE', headers: auth });
    expect(removed.status).toBe(204);
    const after = byTitle(await listItems(), corrected.title);
    expect(after.cluster).toEqual({ id: before.id, size: 1 });
    // A third outlet's copy arriving later joins that cluster.
    const third = { ...peru.a, source: 'Third', title: `UPDATE 1-${peru.a.title}` };
    origin.routes.set('/third.xml', { body: rss('Third', 'https://third.example', [third]), contentType: 'application/rss+xml' });
    await addAndPoll('Third Post', '/third.xml');
    expect(byTitle(await listItems(), third.title).cluster).toEqual({ id: before.id, size: 2 });
  });
});
