// Databases of 10k, 100k, 1M items for the growth and serve benchmarks, generated
// deterministically from the real feeds in test/fixtures/feeds: item n is a copy of the
// corpus entry n mod (corpus size), with its own link and guid, published 30 s after item n-1,
// identified, tagged and stored through the same functions a poll uses (prepareEntries,
// saveEntries), so what is stored is what ingest stores today.
//
// A generated file is kept in the OS temp directory under a name that depends on the item
// count, the migrations and this generator's version, and reused by later runs: 1M items take
// minutes to write.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entry } from '../src/domain/types';
import { parseFeed } from '../src/parse/parse-feed';
import { prepareEntries } from '../src/pipeline/poll-source';
import { createNodeRuntime, MIGRATIONS_FOLDER, PROJECT_ROOT } from '../src/runtime/node-deps';
import { saveEntries } from '../src/store/items';
import { insertSource } from '../src/store/sources';

/** Raise it when what ingest stores changes (the migrations are part of the name already). */
const GENERATOR_VERSION = 2;
const FEEDS_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'feeds');
const START = Date.UTC(2025, 0, 1);
const STEP_MS = 30_000;
const CHUNK = 500;

/** The environment a benchmark server or runtime opens a generated database with. */
export function benchEnv(file: string): Record<string, string> {
  return {
    DATABASE_URL: `file:${file}`,
    SEED_SOURCES: 'false',
    POLL_INTERVAL_SECONDS: '0',
    RETENTION_DAYS: '0',
    ALLOW_PRIVATE_SOURCES: 'true',
  };
}

async function loadCorpus(): Promise<Array<{ name: string; entries: Entry[] }>> {
  const feeds = [];
  for (const name of readdirSync(FEEDS_DIR).filter((f) => f.endsWith('.xml')).sort()) {
    const text = readFileSync(join(FEEDS_DIR, name), 'utf8');
    const parsed = await parseFeed(text, { baseUrl: `https://bench.topicwire.test/${name}` });
    if (parsed.entries.length > 0) feeds.push({ name, entries: parsed.entries });
  }
  return feeds;
}

function fingerprint(): string {
  const hash = createHash('sha256');
  hash.update(String(GENERATOR_VERSION));
  for (const name of readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (name.endsWith('.sql')) hash.update(readFileSync(join(MIGRATIONS_FOLDER, name)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** The path of a database with `count` items, generated now unless an identical one exists. */
export async function corpusDatabase(count: number, log: (line: string) => void = console.error): Promise<string> {
  const file = join(tmpdir(), `topicwire-bench-${count}-${fingerprint()}.db`);
  if (existsSync(file)) return file;
  const building = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  const started = performance.now();
  const runtime = await createNodeRuntime(benchEnv(building));
  const corpus = await loadCorpus();
  const matcher = await runtime.pipeline.matchers.get(runtime.db);
  const sourceIds: number[] = [];
  for (const feed of corpus) {
    const { source } = await insertSource(runtime.db, { url: `https://bench.topicwire.test/${feed.name}`, title: feed.name.replace(/\.xml$/, '') }, START);
    sourceIds.push(source.id);
  }
  const templates = corpus.flatMap((feed, f) => feed.entries.map((entry) => ({ entry, sourceIndex: f })));
  for (let offset = 0; offset < count; offset += CHUNK) {
    const bySource = new Map<number, Entry[]>();
    for (let n = offset; n < Math.min(count, offset + CHUNK); n++) {
      const template = templates[n % templates.length] as (typeof templates)[number];
      const at = new Date(START + n * STEP_MS);
      const entry: Entry = { ...template.entry, guid: `bench-${n}`, url: `https://bench.topicwire.test/story/${n}`, publishedAt: at, updatedAt: null };
      const sourceId = sourceIds[template.sourceIndex] as number;
      bySource.set(sourceId, [...(bySource.get(sourceId) ?? []), entry]);
    }
    const now = START + (offset + CHUNK) * STEP_MS;
    for (const [sourceId, entries] of bySource) {
      await saveEntries(runtime.db, sourceId, prepareEntries(sourceId, entries, matcher, now), now);
    }
    if (offset % 100_000 === 0 && offset > 0) log(`# corpus ${count}: ${offset} items, ${Math.round((performance.now() - started) / 1000)} s`);
  }
  await runtime.client.execute('analyze');
  // A standalone copy (no WAL beside it), written whole or not at all.
  await runtime.client.execute({ sql: 'vacuum into ?', args: [`${file}.tmp`] });
  runtime.close();
  renameSync(`${file}.tmp`, file);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  log(`# corpus ${count}: generated in ${Math.round((performance.now() - started) / 1000)} s → ${file}`);
  return file;
}
