// `npm run bench -- growth`: how feeds and search hold up as the database grows, on generated
// databases of 10,000 and 100,000 items (and 1,000,000 with BENCH_1M=1: about 10 minutes to
// generate the first time, 2.4 GB in the temp directory). Per size, against the real server
// (bundled, as `npm start` runs it):
// - feed p50/p99 at 1 and 50 connections, for a popular feed (served from the render cache)
//   and for feeds asked for the first time at this data version (rendered from the items:
//   600 distinct expression × limit pairs in turn);
// - search throughput, `/api/items?q=president` in this process (rate limits off), sequential.
// Ratios are against the 10,000-item database in the same run. Targets (issue 9): p50 ≤ 5 ms
// at 1M, p99(1M) ≤ 2 × p99(10k), search(1M) ≥ 0.5 × search(10k). Writes the chart of p99
// against size to bench/results/growth-p99.svg and the figures to bench/results/growth.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../src/api/app';
import { createNodeRuntime, PROJECT_ROOT } from '../src/runtime/node-deps';
import { benchEnv, corpusDatabase } from './corpus-db';
import { load, startTopicwire } from './lib/http-load';

const DURATION_SECONDS = Number(process.env.BENCH_DURATION_SECONDS ?? 5);
const EXPRESSIONS = ['russia', 'ukraine', 'china', 'united-states', 'kazakhstan+russia', 'russia+!ukraine'];
const RENDER_PATHS = EXPRESSIONS.flatMap((expr) => Array.from({ length: 100 }, (_, i) => `/feeds/${expr}.rss?limit=${1 + i}`));

interface Figure {
  items: number;
  connections: number;
  kind: 'cached' | 'render';
  p50Ms: number;
  p99Ms: number;
  reqPerSec: number;
}

async function measureFeeds(items: number, file: string): Promise<Figure[]> {
  const server = await startTopicwire(benchEnv(file));
  const figures: Figure[] = [];
  try {
    const popular = `${server.url}/feeds/kazakhstan+russia.rss`;
    await load({ url: popular, connections: 10, durationSeconds: 1 });
    for (const connections of [1, 50]) {
      const cached = await load({ url: popular, connections, durationSeconds: DURATION_SECONDS });
      figures.push({ items, connections, kind: 'cached', p50Ms: cached.p50Ms, p99Ms: cached.p99Ms, reqPerSec: cached.requestsPerSecond });
    }
    for (const connections of [1, 50]) {
      // A new server each time, so that no render of the first run is in its cache.
      const fresh = connections === 1 ? server : await startTopicwire(benchEnv(file));
      try {
        const rendered = await load({ url: fresh.url, connections, durationSeconds: DURATION_SECONDS, paths: RENDER_PATHS });
        figures.push({ items, connections, kind: 'render', p50Ms: rendered.p50Ms, p99Ms: rendered.p99Ms, reqPerSec: rendered.requestsPerSecond });
      } finally {
        if (fresh !== server) await fresh.stop();
      }
    }
  } finally {
    await server.stop();
  }
  return figures;
}

async function measureSearch(file: string): Promise<{ reqPerSec: number; p50Ms: number }> {
  const runtime = await createNodeRuntime(benchEnv(file));
  const unlimited = { burst: 1e9, perMinute: 1e9 };
  const app = createApp({ ...runtime.app, rateLimits: { expensiveReads: unlimited } });
  const times: number[] = [];
  const until = performance.now() + DURATION_SECONDS * 1000;
  await app.request('/api/items?q=president');
  while (performance.now() < until) {
    const started = performance.now();
    const response = await app.request('/api/items?q=president');
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`search answered ${response.status}`);
    times.push(performance.now() - started);
  }
  runtime.close();
  times.sort((a, b) => a - b);
  const total = times.reduce((sum, t) => sum + t, 0);
  return { reqPerSec: Math.round((times.length / total) * 1000), p50Ms: Number((times[Math.floor(times.length / 2)] ?? 0).toFixed(2)) };
}

function chart(figures: Figure[]): string {
  const sizes = [...new Set(figures.map((f) => f.items))].sort((a, b) => a - b);
  const series = (['cached', 'render'] as const).flatMap((kind) => [1, 50].map((connections) => ({ kind, connections, points: figures.filter((f) => f.kind === kind && f.connections === connections) })));
  const width = 640;
  const height = 360;
  const left = 60;
  const bottom = 40;
  const top = 30;
  const right = 170;
  const maxP99 = Math.max(1, ...figures.map((f) => f.p99Ms));
  const x = (items: number) => left + ((Math.log10(items) - 4) / Math.max(1, Math.log10(sizes.at(-1) ?? 1e5) - 4)) * (width - left - right);
  const y = (ms: number) => height - bottom - (ms / maxP99) * (height - bottom - top);
  const colours = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728'];
  const lines = series.map((s, i) => {
    const d = s.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p.items).toFixed(1)},${y(p.p99Ms).toFixed(1)}`).join(' ');
    const dots = s.points.map((p) => `<circle cx="${x(p.items).toFixed(1)}" cy="${y(p.p99Ms).toFixed(1)}" r="3" fill="${colours[i]}"><title>${p.p99Ms} ms</title></circle>`).join('');
    const legendY = top + 10 + i * 18;
    return `<path d="${d}" fill="none" stroke="${colours[i]}" stroke-width="2"/>${dots}<text x="${width - right + 10}" y="${legendY}" font-size="12" fill="${colours[i]}">${s.kind}, ${s.connections} conn.</text>`;
  });
  const xTicks = sizes.map((n) => `<text x="${x(n).toFixed(1)}" y="${height - bottom + 16}" font-size="12" text-anchor="middle">${n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`}</text>`);
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => `<text x="${left - 6}" y="${y(f * maxP99) + 4}" font-size="12" text-anchor="end">${Math.round(f * maxP99)}</text><line x1="${left}" x2="${width - right}" y1="${y(f * maxP99)}" y2="${y(f * maxP99)}" stroke="#ddd"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${left}" y="18" font-size="14">Feed p99 latency (ms) against database size (items)</text>
${yTicks.join('\n')}
${xTicks.join('\n')}
${lines.join('\n')}
</svg>
`;
}

export async function main(): Promise<void> {
  const sizes = [10_000, 100_000, ...(process.env.BENCH_1M === '1' ? [1_000_000] : [])];
  const figures: Figure[] = [];
  const search = new Map<number, { reqPerSec: number; p50Ms: number }>();
  for (const items of sizes) {
    const file = await corpusDatabase(items);
    for (const figure of await measureFeeds(items, file)) {
      figures.push(figure);
      const base = figures.find((f) => f.items === sizes[0] && f.kind === figure.kind && f.connections === figure.connections);
      console.log(JSON.stringify({ bench: `growth-feed-${figure.kind}`, ...figure, p99VsSmallest: base ? Number((figure.p99Ms / Math.max(base.p99Ms, 1)).toFixed(2)) : null }));
    }
    const found = await measureSearch(file);
    search.set(items, found);
    const base = search.get(sizes[0] ?? 0);
    console.log(JSON.stringify({ bench: 'growth-search', query: 'president', items, ...found, throughputVsSmallest: base ? Number((found.reqPerSec / base.reqPerSec).toFixed(3)) : null }));
  }
  const out = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'growth-p99.svg'), chart(figures));
  writeFileSync(join(out, 'growth.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), figures, search: Object.fromEntries(search) }, null, 2)}\n`);
}
