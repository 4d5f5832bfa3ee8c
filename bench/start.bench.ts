// `npm run bench -- start`: how soon a freshly launched server answers its first /healthz, on an
// empty database, and how much memory it holds once idle. Ours is the esbuild bundle on plain
// node, launched as `npm start` launches it (bin/topicwire.mjs serve; npm's own ~0.3 s is left
// out of both); the baseline, measured in the same run and interleaved with it,
// is the TypeScript run through tsx (what `npm start` ran before). RSS is summed over the
// launched process and all its descendants (tsx runs the app in a child node). Prints JSON lines.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRuntime } from '../scripts/build.mjs';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_START_RUNS ?? 5);
const IDLE_MS = 2_000;

const VARIANTS = {
  bundle: [process.execPath, join(ROOT, 'bin', 'topicwire.mjs'), 'serve'],
  tsx: [process.execPath, join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'runtime', 'node.ts')],
} as const;

interface Launch {
  firstHealthzMs: number;
  idleRssMb: number;
  processes: number;
}

function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/PID/stat is the parent; the name in parentheses may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(parents.get(all[i] ?? -1) ?? []));
  return all;
}

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function launch(command: readonly string[]): Promise<Launch> {
  const dir = mkdtempSync(join(tmpdir(), 'topicwire-start-bench-'));
  const started = performance.now();
  const [bin, ...args] = command;
  if (!bin) throw new Error('no command');
  const child = spawn(bin, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'topicwire.db')}`, PORT: '0', HOST: '127.0.0.1', SEED_SOURCES: 'false', POLL_INTERVAL_SECONDS: '0' },
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`exited (code ${code}) before listening: ${output.trim().split('\n').at(-1)}`)));
  });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const firstHealthzMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const pids = descendants(child.pid ?? -1);
  const idleRssMb = pids.reduce((sum, pid) => sum + rssKb(pid), 0) / 1024;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  for (const pid of pids.reverse()) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await exited;
  rmSync(dir, { recursive: true, force: true });
  return { firstHealthzMs, idleRssMb, processes: pids.length };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function main(): Promise<void> {
  const buildStarted = performance.now();
  await buildRuntime();
  const buildMs = performance.now() - buildStarted;
  const results: Record<keyof typeof VARIANTS, Launch[]> = { bundle: [], tsx: [] };
  // One warm-up launch each (disk cache, the native libsql module), then interleaved runs so
  // that the machine's noise falls on both alike.
  await launch(VARIANTS.bundle);
  await launch(VARIANTS.tsx);
  for (let run = 0; run < RUNS; run++) {
    results.bundle.push(await launch(VARIANTS.bundle));
    results.tsx.push(await launch(VARIANTS.tsx));
  }
  const figure = (variant: keyof typeof VARIANTS) => ({
    firstHealthzMs: Math.round(median(results[variant].map((r) => r.firstHealthzMs))),
    idleRssMb: Math.round(median(results[variant].map((r) => r.idleRssMb))),
    processes: results[variant][0]?.processes ?? 0,
  });
  const ours = figure('bundle');
  const baseline = figure('tsx');
  console.log(JSON.stringify({ bench: 'start.build', ms: Math.round(buildMs) }));
  console.log(
    JSON.stringify({ bench: 'start.first-healthz', runs: RUNS, ms: ours.firstHealthzMs, baselineTsxMs: baseline.firstHealthzMs, ratio: Number((ours.firstHealthzMs / baseline.firstHealthzMs).toFixed(2)), targetMs: 1000 }),
  );
  console.log(
    JSON.stringify({
      bench: 'start.idle-rss',
      runs: RUNS,
      mb: ours.idleRssMb,
      processes: ours.processes,
      baselineTsxMb: baseline.idleRssMb,
      baselineProcesses: baseline.processes,
      ratio: Number((ours.idleRssMb / baseline.idleRssMb).toFixed(2)),
      targetMb: 130,
    }),
  );
}
