// `npm run bench -- big-feed`: one poll of a 100,000-item, 6 MB RSS document served from
// 127.0.0.1, in this process: RSS growth, the longest event-loop stall (what /healthz would
// wait) and the poll's duration, with the topic matcher already compiled (as in a running server). Baseline in the same run: raw rss-parser on the same bytes.
import Parser from 'rss-parser';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/api/app';
import { pollSource } from '../src/pipeline/poll-source';
import { createNodeRuntime } from '../src/runtime/node-deps';
import { insertSource } from '../src/store/sources';
import { startOrigin } from '../test/helpers/origin';
const items = Array.from({ length: 100_000 }, (_, n) => `<item><guid>g${n}</guid><title>Story ${n} Astana</title></item>`).join('');
const body = `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`;
export async function main(): Promise<void> {
const origin = await startOrigin({ '/big.xml': { body, contentType: 'application/rss+xml' } });
const rt = await createNodeRuntime({ DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'big-')), 'b.db')}`, SEED_SOURCES: 'false', ALLOW_PRIVATE_SOURCES: 'true', POLL_INTERVAL_SECONDS: '0' });
const app = createApp(rt.app);
await app.request('/healthz');
const { source } = await insertSource(rt.db, { url: `${origin.url}/big.xml` }, Date.now());
// The matcher compiles once per process, and builds a script's forms on its first item of that
// script: a one-time cost of the process (reported as matcherColdMs), not of this feed's poll.
const m0 = performance.now();
const matcher = await rt.pipeline.matchers.get(rt.db);
matcher.tag({ title: 'Story 1 Astana', summary: null, language: null });
const matcherColdMs = performance.now() - m0;
const rss0 = process.memoryUsage().rss; let peak = rss0; let worst = 0; let done = false;
const probe = (async () => { while (!done) { const t = performance.now(); await app.request('/healthz'); worst = Math.max(worst, performance.now() - t); peak = Math.max(peak, process.memoryUsage().rss); await new Promise(r => setTimeout(r, 50)); } })();
const t0 = performance.now();
let last = performance.now(); let gap = 0;
const timer = setInterval(() => { const n = performance.now(); gap = Math.max(gap, n - last); last = n; peak = Math.max(peak, process.memoryUsage().rss); }, 20);
const report = await pollSource(rt.pipeline, source);
done = true; clearInterval(timer); await probe;
const pollMs = performance.now() - t0;
const r0 = performance.now();
await new Parser().parseString(body);
const rawMs = performance.now() - r0;
console.log(JSON.stringify({ bench: 'big-feed', items: report.entries, stored: report.newEntries, skipped: report.skippedEntries, bytes: body.length, pollMs: Math.round(pollMs), rawParseMs: Math.round(rawMs), rssGrowthMB: Math.round((peak - rss0) / 1e6), maxLoopStallMs: Math.round(gap), worstHealthzMs: Math.round(worst), matcherColdMs: Math.round(matcherColdMs) }));
rt.close(); await origin.close();
}
