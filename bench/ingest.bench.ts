// `npm run bench -- ingest`: ingest end to end against its same-run baselines, on the real feeds
// in test/fixtures (every distinct file of feeds/, api/ and parse/news/), each served by its own
// origin on 127.0.0.1 (one publisher each, as in life).
// - ingest: `pollDue` on a fresh database file (fetch, decode, parse, identify, tag, store) →
//   items/s, against fetch + raw `rss-parser.parseString` of the same URLs at the same
//   concurrency. Median of ROUNDS.
// - parse: `parseFeed` against raw `rss-parser.parseString` on the same decoded text, every
//   feed, median of ROUNDS passes.
import Parser from 'rss-parser';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { decodeBody } from '../src/fetch/decode-body';
import { parseFeed } from '../src/parse/parse-feed';
import { pollDue } from '../src/pipeline/poll-due';
import { createNodeRuntime, PROJECT_ROOT } from '../src/runtime/node-deps';
import { insertSources } from '../src/store/sources';
import { startOrigin, type Origin } from '../test/helpers/origin';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = 4;

function fixtureFeeds(): Array<{ name: string; bytes: Buffer }> {
  const seen = new Map<string, Buffer>();
  for (const dir of ['test/fixtures/feeds', 'test/fixtures/api', 'test/fixtures/parse/news']) {
    for (const file of readdirSync(join(PROJECT_ROOT, dir))) {
      if (!file.endsWith('.xml') || seen.has(file)) continue;
      seen.set(file, readFileSync(join(PROJECT_ROOT, dir, file)));
    }
  }
  return [...seen].map(([name, bytes]) => ({ name: basename(name), bytes }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

export async function main(): Promise<void> {
  const feeds = fixtureFeeds();
  const origins: Origin[] = [];
  for (const feed of feeds) origins.push(await startOrigin({ [`/${feed.name}`]: { body: feed.bytes, contentType: 'application/rss+xml' } }));
  const urls = feeds.map((feed, i) => `${origins[i]?.url}/${feed.name}`);

  const ours: number[] = [];
  const raw: number[] = [];
  let storedItems = 0;
  let rawItems = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
    const runtime = await createNodeRuntime({ DATABASE_URL: `file:${join(dir, 'ingest.db')}`, SEED_SOURCES: 'false', ALLOW_PRIVATE_SOURCES: 'true', POLL_INTERVAL_SECONDS: '0', RETENTION_DAYS: '0' });
    await insertSources(runtime.db, urls.map((url) => ({ url })), Date.now());
    await runtime.pipeline.matchers.get(runtime.db); // compiled once per process, not per round
    const t0 = performance.now();
    const reports = await pollDue(runtime.pipeline, { all: true, concurrency: CONCURRENCY });
    const seconds = (performance.now() - t0) / 1000;
    storedItems = reports.reduce((sum, report) => sum + report.newEntries, 0);
    const failed = reports.filter((report) => report.status !== 'ok');
    if (failed.length > 0) throw new Error(`ingest bench: ${failed.length} polls failed: ${failed[0]?.error}`);
    ours.push(storedItems / seconds);
    runtime.close();
    rmSync(dir, { recursive: true, force: true });

    const r0 = performance.now();
    let next = 0;
    let items = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      for (let n = next++; n < urls.length; n = next++) {
        const text = await (await fetch(urls[n] as string)).text();
        items += (await new Parser().parseString(text)).items.length;
      }
    }));
    rawItems = items;
    raw.push(items / ((performance.now() - r0) / 1000));
  }
  console.log(JSON.stringify({
    bench: 'ingest',
    feeds: feeds.length,
    storedItems,
    rawItems,
    itemsPerSecond: Math.round(median(ours)),
    rawItemsPerSecond: Math.round(median(raw)),
    ratio: Math.round((median(ours) / median(raw)) * 1000) / 1000,
  }));

  // parseFeed against raw rss-parser on the same decoded text.
  const texts = feeds.map((feed) => decodeBody(feed.bytes, 'application/rss+xml').text);
  const bytes = feeds.reduce((sum, feed) => sum + feed.bytes.length, 0);
  const oursParse: number[] = [];
  const rawParse: number[] = [];
  for (let round = 0; round < Math.max(ROUNDS, 7); round++) {
    const p0 = performance.now();
    for (const [i, text] of texts.entries()) await parseFeed(text, { baseUrl: urls[i] as string });
    oursParse.push(performance.now() - p0);
    const q0 = performance.now();
    for (const text of texts) await new Parser().parseString(text);
    rawParse.push(performance.now() - q0);
  }
  console.log(JSON.stringify({
    bench: 'parse',
    feeds: feeds.length,
    bytes,
    parseFeedMs: Math.round(median(oursParse)),
    rawRssParserMs: Math.round(median(rawParse)),
    ratio: Math.round((median(rawParse) / median(oursParse)) * 1000) / 1000,
  }));
  for (const origin of origins) await origin.close();
}
