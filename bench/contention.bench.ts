// `npm run bench -- contention`: several pollers on one database file, as real processes — two
// servers (`topicwire serve`, their schedulers polling every second) and `topicwire poll --all`
// started together, over SOURCES sources on loopback origins serving the real feeds of
// test/fixtures/feeds (copies of one feed on several sources, so their stories merge across
// sources: writers meet on the same rows). Meanwhile a client reads /healthz and a topic feed
// from both servers. Figures: failed polls, sources fetched more than once, duplicate items,
// 5xx answers, processes that died. Baseline in the same run: the same sources polled by one
// CLI alone on a fresh file (seconds).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { createNodeRuntime, PROJECT_ROOT } from '../src/runtime/node-deps';
import { insertSources } from '../src/store/sources';
import { startOrigin, type Origin } from '../test/helpers/origin';

const SOURCES = Number(process.env.BENCH_SOURCES ?? 240);
const ORIGINS = 12;
const BIN = join(PROJECT_ROOT, 'bin', 'topicwire.mjs');

interface Proc { child: ChildProcess; output: string; exit: Promise<number | null> }

function start(args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, [BIN, ...args], { env });
  const proc: Proc = { child, output: '', exit: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  const keep = (chunk: Buffer) => {
    proc.output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return proc;
}

async function prepare(file: string, urls: string[]): Promise<void> {
  const runtime = await createNodeRuntime({ DATABASE_URL: `file:${file}`, SEED_SOURCES: 'false', POLL_INTERVAL_SECONDS: '0' });
  await insertSources(runtime.db, urls.map((url) => ({ url })), Date.now());
  runtime.close();
}

async function waitForHealth(port: number, proc: Proc): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (proc.child.exitCode !== null) throw new Error(`server on ${port} exited: ${proc.output.slice(-500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server on ${port} did not answer /healthz`);
}

export async function main(): Promise<void> {
  const feeds = readdirSync(join(PROJECT_ROOT, 'test', 'fixtures', 'feeds')).filter((f) => f.endsWith('.xml'));
  const origins: Origin[] = [];
  const paths: string[][] = Array.from({ length: ORIGINS }, () => []);
  for (let n = 0; n < SOURCES; n++) paths[n % ORIGINS]?.push(`/s${n}-${feeds[n % feeds.length]}`);
  for (const list of paths) {
    const origin = await startOrigin(Object.fromEntries(list.map((path) => [path, { file: path.replace(/^\/s\d+-/, ''), contentType: 'application/rss+xml' }])));
    // Node's default 5 s keep-alive races a client reusing an idle connection on a loaded
    // machine ("other side closed"): a network figure, not what this bench measures.
    origin.server.keepAliveTimeout = 120_000;
    origins.push(origin);
  }
  const urls = paths.flatMap((list, o) => list.map((path) => `${origins[o]?.url}${path}`));
  const dir = mkdtempSync(join(tmpdir(), 'contention-'));
  const base = { ...process.env, SEED_SOURCES: 'false', ALLOW_PRIVATE_SOURCES: 'true', RETENTION_DAYS: '0', HOST: '127.0.0.1' };

  // Baseline: one CLI alone.
  const alone = join(dir, 'alone.db');
  await prepare(alone, urls);
  const a0 = performance.now();
  const solo = start(['poll', '--all'], { ...base, DATABASE_URL: `file:${alone}` });
  await solo.exit;
  const aloneSeconds = (performance.now() - a0) / 1000;
  for (const origin of origins) origin.requests.length = 0;

  // Three pollers on one file.
  const shared = join(dir, 'shared.db');
  await prepare(shared, urls);
  const env = { ...base, DATABASE_URL: `file:${shared}`, POLL_INTERVAL_SECONDS: '1' };
  const t0 = performance.now();
  const servers = [start(['serve'], { ...env, PORT: '0' }), start(['serve'], { ...env, PORT: '0' })];
  const cli = start(['poll', '--all'], env);
  const ports: number[] = [];
  for (const server of servers) {
    for (let i = 0; i < 600 && !/listening on http:\/\/localhost:(\d+)/.test(server.output); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const port = Number(/listening on http:\/\/localhost:(\d+)/.exec(server.output)?.[1]);
    await waitForHealth(port, server);
    ports.push(port);
  }
  // Readers on both servers until every source has been polled.
  const client = createClient({ url: `file:${shared}` });
  let reading = true;
  let answers = 0;
  let errors5xx = 0;
  const readers = ports.map(async (port) => {
    while (reading) {
      for (const path of ['/healthz', '/feeds/russia.rss', '/api/items?limit=20']) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`).catch(() => null);
        answers++;
        if (!response || response.status >= 500) errors5xx++;
        await response?.arrayBuffer();
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  const cliCode = await cli.exit;
  for (;;) {
    const row = (await client.execute('select count(*) as n from sources where last_polled_at is null or lease_until is not null')).rows[0];
    if (Number(row?.n) === 0) break;
    if (performance.now() - t0 > 600_000) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seconds = (performance.now() - t0) / 1000;
  reading = false;
  await Promise.all(readers);
  for (const server of servers) server.child.kill('SIGTERM');
  const serverCodes = await Promise.all(servers.map((server) => server.exit));

  const fetches = new Map<string, number>();
  for (const origin of origins) for (const request of origin.requests) fetches.set(request.path, (fetches.get(request.path) ?? 0) + 1);
  const doublePolls = [...fetches.values()].filter((n) => n > 1).length;
  const failedRows = (await client.execute("select url, last_error from sources where last_status = 'error'")).rows;
  const failedPolls = failedRows.length;
  const duplicateItems = (await client.execute('select count(*) as n from (select dedup_key from items group by dedup_key having count(*) > 1)')).rows[0]?.n;
  const items = (await client.execute('select count(*) as n from items')).rows[0]?.n;
  const busy = [cli, ...servers].filter((proc) => /SQLITE_BUSY|database is locked/i.test(proc.output)).length;
  const cliSummary = /polled (\d+) source/.exec(cli.output);
  const serverPolls = servers.map((server) => [...server.output.matchAll(/polled (\d+) source\(s\): \d+ new entries, (\d+) failed/g)].reduce((sum, m) => sum + Number(m[1]), 0));
  client.close();
  console.log(JSON.stringify({
    bench: 'contention',
    sources: SOURCES,
    pollers: 3,
    seconds: Math.round(seconds * 10) / 10,
    aloneSeconds: Math.round(aloneSeconds * 10) / 10,
    polledBy: { cli: Number(cliSummary?.[1] ?? 0), serverA: serverPolls[0], serverB: serverPolls[1] },
    fetched: fetches.size,
    failedPolls,
    failures: failedRows.slice(0, 5).map((row) => `${String(row.url).replace(/^http:\/\/127\.0\.0\.1:\d+/, '')}: ${String(row.last_error)}`),
    doublePolls,
    duplicateItems: Number(duplicateItems),
    items: Number(items),
    reads: answers,
    reads5xx: errors5xx,
    busyErrorsInLogs: busy,
    exitCodes: { cli: cliCode, servers: serverCodes },
  }));
  for (const origin of origins) await origin.close();
  rmSync(dir, { recursive: true, force: true });
}
