// `npm run bench -- poll-round`: 10,000 sources on one database file, polled by the real CLI
// (`node bin/topicwire.mjs poll --all`, a child process) against origins on 127.0.0.1. The
// first round fetches every feed (200s); the figure is the second round, where every origin
// answers 304: wall time and the CLI's peak RSS (from /usr/bin/time). Baseline in the same
// run: the same 10,000 conditional requests made with plain fetch at the same concurrency.
// Wall time depends on what else the machine runs: cpuSeconds (user + system) is steadier.
// BENCH_SOURCES changes the count.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeRuntime, PROJECT_ROOT } from '../src/runtime/node-deps';
import { insertSources } from '../src/store/sources';

const SOURCES = Number(process.env.BENCH_SOURCES ?? 10_000);
/** Origins (distinct host:port), so that the one-poll-per-host rule does not serialise the round. */
const ORIGINS = Number(process.env.BENCH_ORIGINS ?? 64);
const CONCURRENCY = 4;

function feedFor(path: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${path}</title><link>http://example.org${path}</link>` +
    `<item><guid>${path}#1</guid><title>First story of ${path} from Astana</title><link>http://example.org${path}/1</link></item>` +
    `<item><guid>${path}#2</guid><title>Second story of ${path}</title><link>http://example.org${path}/2</link></item></channel></rss>`;
}

async function startOrigins(): Promise<{ urls: string[]; servers: Server[]; requests: () => number }> {
  let requests = 0;
  const servers: Server[] = [];
  const urls: string[] = [];
  for (let i = 0; i < ORIGINS; i++) {
    const server = createServer((req, res) => {
      requests++;
      const body = feedFor(req.url ?? '/');
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return { urls, servers, requests: () => requests };
}

/** Runs the CLI asynchronously: the origins live in this process and must keep answering. */
async function runPoll(env: NodeJS.ProcessEnv, extraArgs: string[] = []): Promise<{ seconds: number; cpuSeconds: number; maxRssMB: number; summary: string }> {
  const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M %U %S', process.execPath, ...extraArgs, join(PROJECT_ROOT, 'bin', 'topicwire.mjs'), 'poll', '--all'], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    // Keep only the tail: the per-source lines are not needed.
    stdout = (stdout + chunk.toString()).slice(-20_000);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  await new Promise((resolve) => child.on('close', resolve));
  const time = /TIME ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
  const summary = stdout.split('\n').find((line) => line.startsWith('polled ')) ?? `(no summary) ${stderr.slice(-500)}`;
  return { seconds: Number(time?.[1] ?? NaN), cpuSeconds: Math.round((Number(time?.[3] ?? NaN) + Number(time?.[4] ?? NaN)) * 100) / 100, maxRssMB: Math.round(Number(time?.[2] ?? NaN) / 1024), summary };
}

export async function main(): Promise<void> {
  // The CLI runs the bundle: build it now, so that no round pays for a rebuild.
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'build.mjs')], { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'poll-round-'));
  const origins = await startOrigins();
  const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'round.db')}`, SEED_SOURCES: 'false', ALLOW_PRIVATE_SOURCES: 'true', POLL_INTERVAL_SECONDS: '0', POLL_CONCURRENCY: String(CONCURRENCY), RETENTION_DAYS: '0' };
  const urls = Array.from({ length: SOURCES }, (_, n) => `${origins.urls[n % ORIGINS]}/f/${n}.xml`);
  const runtime = await createNodeRuntime(env);
  await insertSources(runtime.db, urls.map((url) => ({ url })), Date.now());
  runtime.close();

  const first = await runPoll(env);
  const second = await runPoll(env, process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []);

  // Baseline: the same conditional requests with plain fetch, CONCURRENCY at a time.
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let n = next++; n < SOURCES; n = next++) {
      const url = urls[n] as string;
      const path = new URL(url).pathname;
      const etag = `"${createHash('sha1').update(feedFor(path)).digest('hex').slice(0, 16)}"`;
      const response = await fetch(url, { headers: { 'if-none-match': etag } });
      await response.arrayBuffer();
    }
  }));
  const rawSeconds = (performance.now() - t0) / 1000;

  console.log(JSON.stringify({
    bench: 'poll-round-304',
    sources: SOURCES,
    seconds: second.seconds,
    cpuSeconds: second.cpuSeconds,
    maxRssMB: second.maxRssMB,
    summary: second.summary,
    firstRoundSeconds: first.seconds,
    firstRoundCpuSeconds: first.cpuSeconds,
    firstRoundMaxRssMB: first.maxRssMB,
    firstSummary: first.summary,
    rawFetchSeconds: Math.round(rawSeconds * 100) / 100,
    ratio: Math.round((rawSeconds / second.seconds) * 1000) / 1000,
    originRequests: origins.requests(),
  }));
  for (const server of origins.servers) {
    server.closeAllConnections();
    server.close();
  }
  rmSync(dir, { recursive: true, force: true });
}
