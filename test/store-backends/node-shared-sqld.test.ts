// Two Node instances sharing one libSQL server (DATABASE_URL=http://…), as several `npm start`
// processes behind a load balancer would: both migrate and seed at start without stepping on
// each other, and what one polls the other serves.
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { startOrigin, type Origin } from '../helpers/origin';
import { sqldAvailability, startSqld, type Sqld } from './sqld';

const TOKEN = 'shared-db-token';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

// Without sqld the file says why it did not run; on Linux x64 test/binaries.test.ts fails instead.
const sqld = sqldAvailability();

let server: Sqld;
let origin: Origin;
const runtimes: NodeRuntime[] = [];

function settings(url: string): Record<string, string> {
  return { DATABASE_URL: url, ADMIN_TOKEN: TOKEN, SEED_SOURCES: 'false', ALLOW_PRIVATE_SOURCES: 'true', POLL_INTERVAL_SECONDS: '0', PUBLIC_URL: 'http://topicwire.test' };
}

describe.skipIf(!sqld.ok)(sqld.ok ? 'sqld' : `sqld: not run, ${sqld.reason}`, () => {
  beforeAll(async () => {
    server = await startSqld();
    origin = await startOrigin({
      '/wire.xml': { file: 'syndicated-wire.xml', contentType: 'application/rss+xml' },
      '/sky.xml': { file: 'skynews-20220405.xml', contentType: 'application/rss+xml' },
    });
    // Started together: both apply the migrations and seed the catalogue on the same database.
    runtimes.push(...(await Promise.all([createNodeRuntime(settings(server.url)), createNodeRuntime(settings(server.url))])));
  }, 60_000);

  afterAll(async () => {
    for (const runtime of runtimes) runtime.close();
    await origin?.close();
    await server?.stop();
  });

  describe('Node on a shared libSQL server', () => {
    it('serves from one instance what the other added and polled', async () => {
      const [first, second] = runtimes.map((runtime) => createApp(runtime.app));
      if (!first || !second) throw new Error('two runtimes expected');
      // The first instance adds the sources, which polls them; the second polls them again and
      // finds the validators the first stored in the shared database (the origin answers 304).
      const ids: number[] = [];
      for (const path of ['/wire.xml', '/sky.xml']) {
        const response = await first.request('/api/sources', { method: 'POST', headers: auth, body: JSON.stringify({ url: `${origin.url}${path}` }) });
        expect(response.status, path).toBe(201);
        const created = (await response.json()) as { id: number; poll: { status: string } };
        expect(created.poll.status).toBe('ok');
        ids.push(created.id);
      }
      for (const id of ids) {
        const report = (await (await second.request(`/api/sources/${id}/poll`, { method: 'POST', headers: auth })).json()) as { status: string };
        expect(report.status).toBe('not_modified');
      }
      const feed = await new Parser().parseString(await (await first.request('/feeds/kazakhstan+russia.rss')).text());
      expect(feed.items.map((item) => item.title)).toEqual(['Kremlin says talks with Kazakhstan on Caspian pipeline went well']);
      const topics = (await (await second.request('/api/topics')).json()) as { topics: Array<{ kind: string }> };
      // Seeded once, not twice.
      expect(topics.topics.filter((t) => t.kind === 'country').length).toBeGreaterThanOrEqual(249);
      expect(new Set(topics.topics.map((t) => JSON.stringify(t))).size).toBe(topics.topics.length);
    });
  });
});
