// What a poll that finds nothing new costs the database, counted through a wrapped libSQL
// client (a real file database with the committed migrations; the wrapper only records): one
// small statement on the sources table for a 304, a shared one for a round of 304s, and never
// a transaction or a read of the items tables.
import { createClient, type Client, type InStatement } from '@libsql/client';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMatcherCache } from '../../src/pipeline/matcher-cache';
import { pollDue, pollSourceNow } from '../../src/pipeline/poll-due';
import type { PipelineDeps } from '../../src/pipeline/deps';
import { seedTopics } from '../../src/pipeline/topics';
import { createLibsqlDb, FILE_CLIENT_OPTIONS, tuneFileDatabase } from '../../src/store/db';
import { migrateDatabase } from '../../src/store/migrate';
import { insertSources, listSources } from '../../src/store/sources';
import { MIGRATIONS_FOLDER } from '../helpers/db';
import { startOrigin, type Origin } from '../helpers/origin';

const FEEDS = ['theguardian-international-20220405.xml', 'skynews-20220405.xml', 'nytimes-topstories-20220405.xml'];
/** 30 sources over 3 real feeds. */
const PATHS = Array.from({ length: 30 }, (_, n) => ({ path: `/f${n}.xml`, file: FEEDS[n % FEEDS.length] as string }));

/** What went through the client: one entry per execute() (a statement) or batch() (a transaction). */
interface Call { kind: 'execute' | 'batch'; sql: string[] }

function recording(client: Client, calls: Call[]): Client {
  const text = (statement: InStatement) => (typeof statement === 'string' ? statement : statement.sql);
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'execute') {
        return (statement: InStatement, ...rest: unknown[]) => {
          calls.push({ kind: 'execute', sql: [text(statement)] });
          return (target.execute as (...args: unknown[]) => unknown).call(target, statement, ...rest);
        };
      }
      if (property === 'batch') {
        return (statements: InStatement[], ...rest: unknown[]) => {
          calls.push({ kind: 'batch', sql: statements.map(text) });
          return (target.batch as (...args: unknown[]) => unknown).call(target, statements, ...rest);
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

const ITEM_TABLES = /\b(items|item_sources|item_topics|items_fts|tombstones)\b/;

let origin: Origin;
let client: Client;
let deps: PipelineDeps;
const calls: Call[] = [];

beforeAll(async () => {
  origin = await startOrigin(Object.fromEntries(PATHS.map(({ path, file }) => [path, { file, contentType: 'application/rss+xml' }])));
  client = createClient({ url: `file:${join(mkdtempSync(join(tmpdir(), 'topicwire-304-')), 'cost.db')}`, ...FILE_CLIENT_OPTIONS });
  await tuneFileDatabase(client);
  const db = createLibsqlDb(recording(client, calls));
  await migrateDatabase(db, MIGRATIONS_FOLDER);
  await seedTopics(db);
  deps = {
    db,
    fetch: globalThis.fetch,
    now: Date.now,
    fetchOptions: { timeoutMs: 10_000, maxBodyBytes: 5_000_000, userAgent: 'topicwire-test', allowPrivate: true },
    matchers: createMatcherCache(),
  };
  await insertSources(db, PATHS.map(({ path }) => ({ url: `${origin.url}${path}` })), Date.now());
  const first = await pollDue(deps, { all: true });
  expect(first.filter((report) => report.status !== 'ok')).toEqual([]);
}, 60_000);

afterAll(async () => {
  client?.close();
  await origin?.close();
});

beforeEach(() => {
  calls.length = 0;
});

describe('a poll that finds nothing new', () => {
  it('a round of 30 304s costs its claim and one shared update of the sources table, no transaction, nothing read from the items tables', async () => {
    const reports = await pollDue(deps, { all: true });
    expect(reports).toHaveLength(30);
    expect(reports.every((report) => report.status === 'not_modified')).toBe(true);
    expect(calls.filter((call) => call.kind === 'batch')).toEqual([]);
    const [claim, ...rest] = calls;
    expect(claim?.sql[0]).toMatch(/^update "sources" set "lease_until"/);
    // The claim counts each source's recent items (its schedule); nothing else touches items.
    // Rows are written MAX_ROWS at a time or a second after the first: a few statements at most.
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.length).toBeLessThan(reports.length / 5);
    for (const call of rest) expect(call.sql[0]).toMatch(/^update "sources" set\s+etag = [^]* from json_each/);
    expect(rest.some((call) => call.sql.some((text) => ITEM_TABLES.test(text)))).toBe(false);
    // And the state is stored: every source is not_modified, unleased, due again later.
    const stored = await listSources(deps.db);
    expect(stored.every((source) => source.lastStatus === 'not_modified' && source.lastHttpStatus === 304 && source.leaseUntil === null)).toBe(true);
    expect(stored.every((source) => source.nextPollAt > Date.now())).toBe(true);
    const byId = new Map(reports.map((report) => [report.sourceId, report.nextPollAt]));
    expect(stored.every((source) => source.nextPollAt === byId.get(source.id))).toBe(true);
  });

  it('one source polled now: its claim and one update statement', async () => {
    const [source] = await listSources(deps.db);
    calls.length = 0;
    const report = await pollSourceNow(deps, source?.id ?? 0);
    expect(report).toMatchObject({ status: 'not_modified', httpStatus: 304 });
    expect(calls.map((call) => call.kind)).toEqual(['execute', 'execute']);
    expect(calls[1]?.sql[0]).toMatch(/^update "sources" set\s+etag = /);
    expect(ITEM_TABLES.test(calls[1]?.sql[0] ?? '')).toBe(false);
  });

  it('the schedule of a 304 still counts the items the source brought last week', async () => {
    const stored = await listSources(deps.db);
    // Each source brought a whole feed's items this week: polled far more often than the one-day maximum.
    for (const source of stored) {
      expect(source.itemCount).toBeGreaterThanOrEqual(10);
      expect(source.nextPollAt - (source.lastPolledAt ?? 0)).toBeLessThan(86_400_000 * 0.9);
    }
  });
});
