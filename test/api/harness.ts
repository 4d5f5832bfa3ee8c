// The app as a client meets it: a real libSQL file database with the committed migrations, a
// loopback origin serving real feeds from test/fixtures/api, sources added and polled through
// the API itself.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/api/app';
import type { AppDeps } from '../../src/api/context';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { startOrigin, type Origin, type Route } from '../helpers/origin';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures', 'api');
export const TOKEN = 'test-admin-token-5f1c';
export const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
/** The fixture feeds are from 16–18 February 2026: "now" is the day after, so they are recent. */
export const NOW = Date.parse('2026-02-18T12:00:00Z');

export const ALL_FEEDS = [
  'bbc-news-world-20260218.xml',
  'dw-english-all-20260218.xml',
  'japantoday-world-20260218.xml',
  'golem-de-20181028.xml',
  'liberal-gr-20200424.xml',
  'aif-ru-20190518.xml',
  'ibash-org-ru-20180321.xml',
  'wire-20260218.xml',
];

export interface Harness {
  app: ReturnType<typeof createApp>;
  runtime: NodeRuntime;
  origin: Origin;
  /** Source id by fixture file name. */
  sourceIds: Record<string, number>;
  /** Adds a fixture feed as a source through the API and polls it; returns the source id. */
  addFeed: (file: string) => Promise<number>;
  close: () => Promise<void>;
}

export async function json<T = any>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

export async function startHarness(
  options: {
    /** Fixture feeds added and polled before the tests (default: ALL_FEEDS). */
    feeds?: string[];
    /** Further fixture feeds the origin serves, for tests to add later. */
    servable?: string[];
    /** Other origin routes (HTML pages, broken feeds). */
    routes?: Record<string, Route>;
    deps?: Partial<AppDeps>;
    env?: Record<string, string>;
  } = {},
): Promise<Harness> {
  const feeds = options.feeds ?? ALL_FEEDS;
  const servable = [...new Set([...feeds, ...(options.servable ?? [])])];
  const origin = await startOrigin({
    ...Object.fromEntries(
      servable.map((file) => [`/${file}`, { body: readFileSync(join(FIXTURES_DIR, file)), contentType: 'application/rss+xml' }]),
    ),
    ...options.routes,
  });
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-api-'));
  let tick = 0;
  const runtime = await createNodeRuntime(
    {
      DATABASE_URL: `file:${join(dir, 'api.db')}`,
      ADMIN_TOKEN: TOKEN,
      SEED_SOURCES: 'false',
      ALLOW_PRIVATE_SOURCES: 'true',
      POLL_INTERVAL_SECONDS: '0',
      PUBLIC_URL: 'http://topicwire.test',
      // Golem's feed advertises a real hub (superfeedr): tests must not subscribe to it.
      WEBSUB_SUBSCRIBE: 'false',
      ...options.env,
    },
    // A clock that still moves (1 ms a reading): the matcher cache tells rule versions apart by
    // their save time, so a frozen clock would hide an edit.
    { now: () => NOW + tick++ },
  );
  const app = createApp({ ...runtime.app, ...options.deps });
  const sourceIds: Record<string, number> = {};
  const addFeed = async (file: string): Promise<number> => {
    const created = await app.request('/api/sources', { method: 'POST', headers: AUTH, body: JSON.stringify({ url: `${origin.url}/${file}` }) });
    if (created.status !== 201 && created.status !== 200) throw new Error(`adding ${file}: ${created.status} ${await created.text()}`);
    const body = await json<{ id: number; poll?: { status: string; error: string | null } }>(created);
    const id = body.id;
    // A created source comes back polled; one that was there already is polled here.
    const report = body.poll ?? (await json<{ status: string; error: string | null }>(app.request(`/api/sources/${id}/poll`, { method: 'POST', headers: AUTH })));
    if (report.status !== 'ok') throw new Error(`polling ${file}: ${report.status} ${report.error}`);
    sourceIds[file] = id;
    return id;
  };
  for (const file of feeds) await addFeed(file);
  return {
    app,
    runtime,
    origin,
    sourceIds,
    addFeed,
    close: async () => {
      runtime.close();
      await origin.close();
    },
  };
}
