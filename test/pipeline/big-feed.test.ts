// One poll of a 100,000-item, 6 MB feed (under the fetch body cap): memory stays bounded and
// the server keeps answering while it ingests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app';
import { pollSource } from '../../src/pipeline/poll-source';
import { createNodeRuntime, type NodeRuntime } from '../../src/runtime/node-deps';
import { insertSource } from '../../src/store/sources';
import { startOrigin, type Origin } from '../helpers/origin';

const ITEMS = 100_000;
let origin: Origin;
let runtime: NodeRuntime;

beforeAll(async () => {
  const items = Array.from({ length: ITEMS }, (_, n) => `<item><guid>g${n}</guid><title>Story ${n} from Astana</title></item>`).join('');
  origin = await startOrigin({ '/big.xml': { body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`, contentType: 'application/rss+xml' } });
  runtime = await createNodeRuntime({
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'topicwire-big-')), 'big.db')}`,
    SEED_SOURCES: 'false',
    ALLOW_PRIVATE_SOURCES: 'true',
    POLL_INTERVAL_SECONDS: '0',
  });
});

afterAll(async () => {
  runtime?.close();
  await origin?.close();
});

describe('pollSource on a 100,000-item feed', () => {
  it('ingests with bounded memory while /healthz keeps answering', async () => {
    const app = createApp(runtime.app);
    expect((await app.request('/healthz')).status).toBe(200);
    // The matcher is compiled once per process; compile it first so only the poll is measured.
    // (and it builds a script's forms on its first item of that script).
    (await runtime.pipeline.matchers.get(runtime.db)).tag({ title: 'Story from Astana', summary: null, language: null });
    const { source } = await insertSource(runtime.db, { url: `${origin.url}/big.xml` }, Date.now());
    const before = process.memoryUsage().rss;
    // The longest time the event loop went without turning: what any request would have waited.
    let last = performance.now();
    let worstStallMs = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      worstStallMs = Math.max(worstStallMs, now - last);
      last = now;
    }, 10);
    let peak = before;
    let done = false;
    const answers: number[] = [];
    const probe = (async () => {
      while (!done) {
        answers.push((await app.request('/healthz')).status);
        peak = Math.max(peak, process.memoryUsage().rss);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const report = await pollSource(runtime.pipeline, source);
    done = true;
    clearInterval(ticker);
    await probe;
    expect(report).toMatchObject({ status: 'ok', entries: ITEMS, newEntries: 1000, skippedEntries: ITEMS - 1000 });
    expect((peak - before) / 1e6).toBeLessThan(250);
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.every((status) => status === 200)).toBe(true);
    // The document is parsed in chunks that yield (parse/read-xml-feed.ts): no multi-second
    // stall. 1 s is the goal (npm run bench -- big-feed); the margin is for a loaded machine.
    expect(worstStallMs).toBeLessThan(1500);
  }, 60_000);
});
