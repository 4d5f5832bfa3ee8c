// `npm run bench -- serve`: requests per second of a topic feed on the real server (bundled,
// started as `npm start` starts it) against a bare Hono route sending the same bytes, for 200s
// and for 304s (If-None-Match), 50 connections, on a generated database (100,000 items unless
// BENCH_SERVE_ITEMS says otherwise). One JSON line per figure, with the ratio to the baseline
// measured in the same run. Targets (issue 9): 200s ≥ 0.3× bare, 304s ≥ 0.7× bare.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchEnv, corpusDatabase } from './corpus-db';
import { load, startBare, startTopicwire, type LoadResult } from './lib/http-load';

const FEED = '/feeds/kazakhstan+russia.rss';
const CONNECTIONS = 50;
const DURATION_SECONDS = Number(process.env.BENCH_DURATION_SECONDS ?? 10);

export async function main(): Promise<void> {
  const items = Number(process.env.BENCH_SERVE_ITEMS ?? 100_000);
  const file = await corpusDatabase(items);
  const server = await startTopicwire(benchEnv(file));
  let bare: Awaited<ReturnType<typeof startBare>> | null = null;
  try {
    const first = await fetch(`${server.url}${FEED}`);
    const body = await first.text();
    const etag = first.headers.get('etag') ?? '';
    if (first.status !== 200 || !etag) throw new Error(`serve: ${FEED} answered ${first.status} without an ETag`);
    const bodyFile = join(mkdtempSync(join(tmpdir(), 'topicwire-serve-')), 'feed.rss');
    writeFileSync(bodyFile, body);
    bare = await startBare(bodyFile, etag);
    const runs: Array<{ name: string; headers?: Record<string, string> }> = [
      { name: '200' },
      { name: '304', headers: { 'if-none-match': etag } },
    ];
    for (const run of runs) {
      // Warm both up, then measure the baseline and topicwire back to back.
      await load({ url: `${server.url}${FEED}`, connections: CONNECTIONS, durationSeconds: 2, ...(run.headers ? { headers: run.headers } : {}) });
      const baseline = await load({ url: `${bare.url}${FEED}`, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, ...(run.headers ? { headers: run.headers } : {}) });
      const measured = await load({ url: `${server.url}${FEED}`, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, ...(run.headers ? { headers: run.headers } : {}) });
      print(`serve-${run.name}`, items, body.length, measured, baseline, run.name === '200' ? 0.3 : 0.7);
    }
  } finally {
    await bare?.stop();
    await server.stop();
  }
}

function print(figure: string, items: number, bytes: number, measured: LoadResult, baseline: LoadResult, target: number): void {
  console.log(
    JSON.stringify({
      bench: figure,
      feed: FEED,
      items,
      bodyBytes: bytes,
      connections: CONNECTIONS,
      reqPerSec: measured.requestsPerSecond,
      bareReqPerSec: baseline.requestsPerSecond,
      ratio: Number((measured.requestsPerSecond / baseline.requestsPerSecond).toFixed(3)),
      target,
      p50Ms: measured.p50Ms,
      p99Ms: measured.p99Ms,
      statusCodes: measured.statusCodes,
      errors: measured.errors,
    }),
  );
}
