// Several pollers on one database file: each source is fetched once per round, whoever polls
// it, and a crashed poller's claim runs out.
import { sql } from 'drizzle-orm';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollDue, POLL_LEASE_MS } from '../../src/pipeline/poll-due';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { claimSources, insertSources } from '../../src/store/sources';
import { startOrigin, type Origin } from '../helpers/origin';

const FEEDS = ['theguardian-international-20220405.xml', 'skynews-20220405.xml', 'nytimes-topstories-20220405.xml', 'npr-world-20260217.xml', 'syndicated-wire.xml'];
// Many sources on many hosts' worth of paths: 5 real feeds, 8 copies each.
const PATHS = FEEDS.flatMap((file, f) => Array.from({ length: 8 }, (_, copy) => ({ path: `/f${f}-${copy}.xml`, file })));

let origin: Origin;
const runtimes: NodeRuntime[] = [];
let file: string;

const settings = () => ({
  DATABASE_URL: `file:${file}`,
  SEED_SOURCES: 'false',
  ALLOW_PRIVATE_SOURCES: 'true',
  POLL_INTERVAL_SECONDS: '0',
});

beforeAll(async () => {
  origin = await startOrigin(Object.fromEntries(PATHS.map(({ path, file: feed }) => [path, { file: feed, contentType: 'application/rss+xml' }])));
  file = join(mkdtempSync(join(tmpdir(), 'topicwire-shared-')), 'shared.db');
  runtimes.push(await createNodeRuntime(settings()), await createNodeRuntime(settings()));
});

afterAll(async () => {
  for (const runtime of runtimes) runtime.close();
  await origin?.close();
});

describe('two runtimes polling one database file', () => {
  it('fetch every source exactly once between them, without errors or duplicate items', async () => {
    const [a, b] = runtimes as [NodeRuntime, NodeRuntime];
    await insertSources(a.db, PATHS.map(({ path }) => ({ url: `${origin.url}${path}` })), Date.now());
    const [ra, rb] = await Promise.all([pollDue(a.pipeline, { concurrency: 4 }), pollDue(b.pipeline, { concurrency: 4 })]);
    const all = [...ra, ...rb];
    expect(all.filter((report) => report.status !== 'ok')).toEqual([]);
    expect(all).toHaveLength(PATHS.length);
    expect(new Set(all.map((report) => report.sourceId)).size).toBe(PATHS.length);
    const fetches = new Map<string, number>();
    for (const request of origin.requests) fetches.set(request.path, (fetches.get(request.path) ?? 0) + 1);
    expect([...fetches.values()].every((n) => n === 1)).toBe(true);
    expect(fetches.size).toBe(PATHS.length);
    const dup = await a.db.all<{ n: number }>(sql`select count(*) as n from (select dedup_key from items group by dedup_key having count(*) > 1)`);
    expect(Number(dup[0]?.n)).toBe(0);
    const links = await a.db.all<{ n: number }>(sql`select count(*) as n from item_sources`);
    expect(Number(links[0]?.n)).toBe(all.reduce((sum, report) => sum + report.newEntries, 0));
  });

  it('skips a source another poller has claimed, until that claim runs out', async () => {
    const [a, b] = runtimes as [NodeRuntime, NodeRuntime];
    const now = Date.now();
    await insertSources(a.db, [{ url: `${origin.url}/f0-0.xml?crash` }], now);
    // Poller A claims it and "crashes": it never polls and never releases the lease.
    const claimed = await claimSources(a.db, { now, leaseUntil: now + POLL_LEASE_MS, limit: 10 });
    expect(claimed.map((source) => source.url)).toEqual([`${origin.url}/f0-0.xml?crash`]);
    const before = origin.requests.length;
    expect(await pollDue(b.pipeline)).toEqual([]);
    expect(origin.requests.length).toBe(before);
    // After the lease, B takes it over.
    const later = { ...b.pipeline, now: () => now + POLL_LEASE_MS + 1 };
    const reports = await pollDue(later);
    expect(reports.map((report) => [report.url, report.status])).toEqual([[`${origin.url}/f0-0.xml?crash`, 'ok']]);
    // The poll released its lease.
    const row = await b.db.all<{ lease_until: number | null }>(sql`select lease_until from sources where url = ${`${origin.url}/f0-0.xml?crash`}`);
    expect(row[0]?.lease_until).toBeNull();
  });
});
