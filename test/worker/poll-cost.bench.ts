// What one source poll costs inside workerd, for the figures in docs/deploy-workers.md. A
// measurement, not a test: it runs only with
//   TOPICWIRE_WORKER_BENCH=1 npx vitest run --project workers
// and prints one JSON line per figure.
//
// How: workerd's clocks advance normally under the vitest pool (no Spectre-style coarsening
// locally), so performance.now() around pure computation is its CPU time on an idle machine,
// and an upper bound on a busy one (hence the minimum is reported too). A whole poll also
// waits on D1 (a local SQLite behind a Durable Object here), which the Workers CPU limit does
// not count; so each feed gets two figures: the CPU-only stages (parse, identify, tag) timed
// alone, and the whole poll (fetch from memory, parse, tag, D1 reads and the one write batch)
// as wall time, an upper bound on its CPU time. Each is the median and the minimum of several
// runs after one warm-up run; the cold costs (catalogue seed, matcher compile) are measured once.
import { applyD1Migrations, env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/parse/parse-feed';
import type { PipelineDeps } from '../../src/pipeline/deps';
import { createMatcherCache } from '../../src/pipeline/matcher-cache';
import { pollSource, prepareEntries } from '../../src/pipeline/poll-source';
import { seedTopics } from '../../src/pipeline/topics';
import { createD1Db, type Db } from '../../src/store/db';
import { getSource, insertSource } from '../../src/store/sources';
import { clearDatabase } from '../store-backends/store-suite';

let db: Db;
let d1Calls = 0;

function figure(name: string, value: number, unit: string, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ figure: name, value: round(value), unit, ...extra }));
}

const round = (value: number) => Math.round(value * 10) / 10;

/** The median and the minimum of several runs: on a shared machine, other load only adds. */
function summary(list: number[]): { median: number; min: number } {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median: round(median), min: round(sorted[0] ?? 0) };
}

/** Counts the D1 calls (one per query outside a batch, one per batch): each is a subrequest. */
function countingD1(binding: typeof env.DB): typeof env.DB {
  return {
    prepare: (query: string) => {
      d1Calls++;
      return binding.prepare(query);
    },
    batch: async (statements: unknown[]) => {
      // Their statements were counted when prepared; the batch is one call.
      d1Calls += 1 - statements.length;
      return binding.batch(statements);
    },
    exec: (query: string) => {
      d1Calls++;
      return binding.exec(query);
    },
  };
}

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  db = createD1Db(countingD1(env.DB));
});

const FEEDS = [
  { name: 'small', path: '/ndtv-20.xml', runs: 20 },
  { name: 'large', path: '/composite-500.xml', runs: 5 },
];

describe('the cost of a poll in workerd', () => {
  it('measures the cold start: catalogue seed and matcher compile', async () => {
    await clearDatabase(db);
    let started = performance.now();
    await seedTopics(db);
    figure('seed_topics_first_ms', performance.now() - started, 'ms wall (includes one D1 batch)');
    started = performance.now();
    await seedTopics(db);
    figure('seed_topics_again_ms', performance.now() - started, 'ms wall (one D1 read)');
    const matchers = createMatcherCache();
    started = performance.now();
    await matchers.get(db);
    figure('matcher_compile_ms', performance.now() - started, 'ms (CPU, plus one D1 read)');
  });

  it.each(FEEDS)('measures a $name feed', async ({ name, path, runs }) => {
    const url = `${env.ORIGIN_URL}${path}`;
    const text = await (await fetch(url)).text();
    const matchers = createMatcherCache();
    const matcher = await matchers.get(db);
    const now = Date.now();

    // CPU only: parse + identify + tag.
    let entries = 0;
    const cpu: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const started = performance.now();
      const feed = await parseFeed(text, { baseUrl: url });
      const prepared = prepareEntries(1, feed.entries, matcher, now);
      if (run > 0) cpu.push(performance.now() - started);
      entries = prepared.length;
    }
    figure(`${name}_parse_tag_ms`, summary(cpu).median, 'ms CPU per poll (median)', { ...summary(cpu), entries, bytes: new TextEncoder().encode(text).length, runs });

    // The whole poll, served from memory, into an emptied database each time (all entries new).
    const deps: PipelineDeps = {
      db,
      fetch: async () => new Response(text, { headers: { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"' } }),
      now: () => Date.now(),
      fetchOptions: { timeoutMs: 20_000, maxBodyBytes: 10 * 1024 * 1024, userAgent: 'topicwire-bench', allowPrivate: true },
      matchers,
    };
    const full: number[] = [];
    const again: number[] = [];
    const calls: number[] = [];
    for (let run = 0; run <= runs; run++) {
      await clearDatabase(db);
      const { source } = await insertSource(db, { url }, Date.now());
      d1Calls = 0;
      let started = performance.now();
      const report = await pollSource(deps, source);
      if (run > 0) full.push(performance.now() - started);
      calls.push(d1Calls);
      expect(report.status).toBe('ok');
      expect(report.newEntries).toBe(entries);
      // The same document again (a server without validators): every entry known, nothing new.
      const polled = await getSource(db, source.id);
      if (!polled) throw new Error('source vanished');
      started = performance.now();
      const second = await pollSource(deps, { ...polled, etag: null, lastModified: null });
      if (run > 0) again.push(performance.now() - started);
      expect(second.newEntries).toBe(0);
    }
    figure(`${name}_poll_all_new_ms`, summary(full).median, 'ms wall per poll, median (an upper bound on CPU)', { ...summary(full), entries, d1Calls: Math.max(...calls) });
    figure(`${name}_poll_all_known_ms`, summary(again).median, 'ms wall per poll, median (an upper bound on CPU)', { ...summary(again), entries });
  });
});
