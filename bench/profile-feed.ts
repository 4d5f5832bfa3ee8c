// `npx tsx bench/profile-feed.ts [items] [outDir]`: runs the real server under `node --cpu-prof`
// while 50 connections ask for /feeds/kazakhstan+russia.rss for 10 s, then prints the functions
// with the most self time. Not part of `npm run bench` (its name does not end in .bench.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv, corpusDatabase } from './corpus-db';
import { load, startTopicwire } from './lib/http-load';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const items = Number(process.argv[2] ?? 100_000);
const outDir = process.argv[3] ?? '/tmp/topicwire-profile';
const headers: Record<string, string> = process.env.PROFILE_IF_NONE_MATCH ? { 'if-none-match': process.env.PROFILE_IF_NONE_MATCH } : {};
const file = await corpusDatabase(items);
const server = await startTopicwire(benchEnv(file), ['--cpu-prof', `--cpu-prof-dir=${outDir}`]);
const url = `${server.url}/feeds/kazakhstan+russia.rss`;
const result = await load({ url, connections: 50, durationSeconds: 10, headers });
await server.stop();
console.log(JSON.stringify({ profile: url, items, ...result }));
const newest = readdirSync(outDir).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1);
if (newest) {
  const profile = JSON.parse(readFileSync(join(outDir, newest), 'utf8')) as { nodes: ProfileNode[] };
  const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const bySelf = new Map<string, number>();
  for (const node of profile.nodes) {
    const where = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/')}:${node.callFrame.lineNumber}`;
    bySelf.set(where, (bySelf.get(where) ?? 0) + (node.hitCount ?? 0));
  }
  const top = [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [where, hits] of top) console.log(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${where}`);
  console.log(`profile: ${join(outDir, newest)}`);
}
