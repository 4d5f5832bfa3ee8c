// `npm run bench -- clusters`: what story clustering costs at ingest. 100,000 items are stored
// through the pipeline's own write path (`prepareEntries` → `findKnownEntries` → `ingestChunk`,
// 500 entries a chunk, as a poll does) into a fresh libSQL file, once with clustering on and once
// off (the baseline, in the same run and process). Prints one JSON line per figure, and the ratio
// (target: at most 1.3). Items: titles of 8 and summaries of 24 words drawn from a 20,000-word
// Zipf vocabulary of content words (ranks 300 on: the band table sees a news-like fan-out), 3,000 a day over ~33 days from 20 sources; one item in ten is a copy of an item a
// few hours older from another source with a "LIVE:" prefix and a cut summary, which must join it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entry } from '../src/domain/types';
import { ingestChunk, POLL_CHUNK_ENTRIES, prepareEntries } from '../src/pipeline/poll-source';
import { createNodeRuntime } from '../src/runtime/node-deps';
import { findKnownEntries } from '../src/store/items';
import { insertSource } from '../src/store/sources';

const ITEMS = Number(process.env.BENCH_CLUSTER_ITEMS ?? 100_000);
const SOURCES = 20;
const PER_DAY = 3_000;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function makeEntries(): Array<{ sourceIndex: number; entry: Entry }> {
  const next = random(7);
  const syllables = ['ka', 'zo', 'mi', 'ter', 'lan', 'vo', 'ris', 'nek', 'pa', 'sul', 'dor', 'fi', 'gra', 'hu', 'bel', 'tu'];
  const vocabulary = Array.from({ length: 20_000 }, (_, i) => {
    let word = '';
    let n = i + 1;
    while (n > 0) {
      word += syllables[n % syllables.length];
      n = Math.floor(n / syllables.length);
    }
    return word;
  });
  // Zipf: the word of rank r is drawn with probability ~ 1/r. Ranks start at 300: the most
  // frequent words of real text are function words, which the clusterer leaves out.
  const FIRST_RANK = 300;
  const weights = vocabulary.map((_, r) => 1 / (r + FIRST_RANK));
  const cumulative: number[] = [];
  weights.reduce((sum, w, r) => (cumulative[r] = sum + w), 0);
  const total = cumulative[cumulative.length - 1] as number;
  const word = () => {
    const u = next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo] as string;
  };
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const start = Date.UTC(2026, 0, 1);
  const out: Array<{ sourceIndex: number; entry: Entry }> = [];
  for (let i = 0; i < ITEMS; i++) {
    const publishedAt = new Date(start + Math.floor((i * 86_400_000) / PER_DAY));
    const original = i >= 20 && next() < 0.1 ? out[i - 1 - Math.floor(next() * 20)] : undefined;
    const title = original ? `LIVE: ${original.entry.title}` : words(8);
    const summary = original ? (original.entry.summary ?? '').slice(0, 80) : `${words(12)}. ${words(12)}.`;
    const sourceIndex = original ? (original.sourceIndex + 1) % SOURCES : Math.floor(next() * SOURCES);
    out.push({
      sourceIndex,
      entry: {
        guid: `g${i}`, url: `https://s${sourceIndex}.example/story/${i}`, title, summary, contentHtml: null, author: null,
        language: 'en', categories: [], enclosures: [], publishedAt, updatedAt: null,
      } as Entry,
    });
  }
  return out;
}

async function ingest(entries: Array<{ sourceIndex: number; entry: Entry }>, clusters: boolean): Promise<{ ms: number; clustered: number }> {
  const rt = await createNodeRuntime({
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'clusters-')), 'c.db')}`, SEED_SOURCES: 'false', POLL_INTERVAL_SECONDS: '0', RETENTION_DAYS: '0',
  });
  const deps = { ...rt.pipeline, storyClusters: clusters };
  const matcher = await deps.matchers.get(rt.db);
  const sourceIds: number[] = [];
  for (let s = 0; s < SOURCES; s++) sourceIds.push((await insertSource(rt.db, { url: `https://s${s}.example/feed.xml` }, Date.now())).source.id);
  const now = Date.UTC(2026, 3, 1);
  const t0 = performance.now();
  // Chunks of one source each, in time order, as polls of the 20 sources would bring them.
  for (let startAt = 0; startAt < entries.length; startAt += POLL_CHUNK_ENTRIES * 4) {
    const window = entries.slice(startAt, startAt + POLL_CHUNK_ENTRIES * 4);
    for (let s = 0; s < SOURCES; s++) {
      const mine = window.filter((e) => e.sourceIndex === s).map((e) => e.entry);
      if (mine.length === 0) continue;
      const sourceId = sourceIds[s] as number;
      const prepared = prepareEntries(sourceId, mine, matcher, now);
      const known = await findKnownEntries(rt.db, sourceId, prepared.map((p) => p.entryKey));
      await ingestChunk(deps, sourceId, prepared, known, now, null);
    }
  }
  const ms = performance.now() - t0;
  const row = await rt.client.execute('select count(*) as n from items where cluster_id <> id');
  rt.close();
  return { ms, clustered: Number(row.rows[0]?.n ?? 0) };
}

export async function main(): Promise<void> {
  const entries = makeEntries();
  const copies = entries.filter((e) => e.entry.title.startsWith('LIVE: ')).length;
  const off = await ingest(entries, false);
  const on = await ingest(entries, true);
  console.log(JSON.stringify({ bench: 'clusters-ingest', clustering: 'off', items: ITEMS, ms: Math.round(off.ms), itemsPerSecond: Math.round(ITEMS / (off.ms / 1000)) }));
  console.log(JSON.stringify({ bench: 'clusters-ingest', clustering: 'on', items: ITEMS, ms: Math.round(on.ms), itemsPerSecond: Math.round(ITEMS / (on.ms / 1000)), copies, joinedACluster: on.clustered }));
  console.log(JSON.stringify({ bench: 'clusters-ingest', figure: 'on/off', ratio: +(on.ms / off.ms).toFixed(2), target: 1.3 }));
}
