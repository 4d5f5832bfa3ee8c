/**
 * Puts a chunk of new entries into story clusters before they are stored: the pipeline's glue
 * between dedup/story-cluster.ts (the decision) and store/stories.ts (the band table).
 *
 * One candidate query per chunk: every band key of the chunk's sketches, inside the window
 * around the chunk's publication times. Each entry joins the cluster of its best-scoring
 * candidate that `sameStory` confirms: a stored item (its cluster id), or an earlier entry of the
 * same chunk (its cluster, or that entry itself as the new cluster's first item). An entry with
 * no such candidate starts a cluster of its own.
 */
import { MIN_SHARED_BANDS, sameStory, storyScore, storySketch, WINDOW_MS, type StoryItem } from '../dedup/story-cluster';
import { storyFeatures, type StoryFeatures } from '../dedup/story-features';
import type { PreparedEntry } from '../store/items';
import type { Db } from '../store/db';
import { findStoryCandidates } from '../store/stories';
import { loadCountryCatalogue } from '../tag/country-catalogue';

let countrySlugs: Set<string> | null = null;
function countriesOf(topics: readonly string[]): string[] {
  countrySlugs ??= new Set(loadCountryCatalogue().map((country) => country.slug));
  const slugs = countrySlugs;
  return topics.filter((slug) => slugs.has(slug));
}

/**
 * Features of stored items, by id and text: the same items are candidates for chunk after chunk
 * while they are inside the window, and reading a text again costs more than the comparison.
 * Bounded: the oldest half is dropped when it is full.
 */
const FEATURE_CACHE_ITEMS = 50_000;
const featureCache = new Map<number, { text: string; features: StoryFeatures }>();
function cachedFeatures(itemId: number, title: string, summary: string | null): StoryFeatures {
  const text = `${title}\n${summary ?? ''}`;
  const hit = featureCache.get(itemId);
  if (hit && hit.text === text) return hit.features;
  const features = storyFeatures(title, summary);
  if (featureCache.size >= FEATURE_CACHE_ITEMS) {
    let drop = FEATURE_CACHE_ITEMS / 2;
    for (const key of featureCache.keys()) {
      if (drop-- <= 0) break;
      featureCache.delete(key);
    }
  }
  featureCache.set(itemId, { text, features });
  return features;
}

/** Sets `storyBands` on each entry (for updates: the bands of its new text). */
export function sketchEntries(entries: PreparedEntry[]): void {
  for (const prepared of entries) {
    prepared.storyBands = storySketch(storyFeatures(prepared.entry.title, prepared.entry.summary));
  }
}

export async function assignStoryClusters(db: Db, sourceId: number, fresh: PreparedEntry[]): Promise<void> {
  if (fresh.length === 0) return;
  const local: Array<StoryItem & { prepared: PreparedEntry; bands: number[] }> = [];
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  const allBands: number[] = [];
  for (const prepared of fresh) {
    const features = storyFeatures(prepared.entry.title, prepared.entry.summary);
    const bands = storySketch(features);
    prepared.storyBands = bands;
    local.push({ features, publishedAt: prepared.publishedAt, sourceIds: [sourceId], countries: countriesOf(prepared.topics), prepared, bands });
    from = Math.min(from, prepared.publishedAt - WINDOW_MS);
    to = Math.max(to, prepared.publishedAt + WINDOW_MS);
    allBands.push(...bands);
  }
  const candidates = await findStoryCandidates(db, allBands, from, to, MIN_SHARED_BANDS);
  const byBand = new Map<number, Array<StoryItem & { clusterId: number }>>();
  for (const candidate of candidates) {
    const item = {
      features: cachedFeatures(candidate.itemId, candidate.title, candidate.summary),
      publishedAt: candidate.publishedAt,
      sourceIds: candidate.sourceIds,
      countries: countriesOf(candidate.topics),
      clusterId: candidate.clusterId,
    };
    for (const band of candidate.bands) {
      const list = byBand.get(band);
      if (list) list.push(item);
      else byBand.set(band, [item]);
    }
  }
  const localByBand = new Map<number, number[]>();
  local.forEach((entry, index) => {
    let best: { score: number; clusterId: number | null; leaderKey: string | null } | null = null;
    const consider = (other: StoryItem, clusterId: number | null, leaderKey: string | null) => {
      if (!sameStory(entry, other)) return;
      const score = storyScore(entry, other) as number;
      if (best === null || score > best.score) best = { score, clusterId, leaderKey };
    };
    // Candidates that share at least MIN_SHARED_BANDS keys with this entry, as the eval counts.
    const stored = new Map<StoryItem & { clusterId: number }, number>();
    const earlier = new Map<number, number>();
    for (const band of entry.bands) {
      for (const other of byBand.get(band) ?? []) stored.set(other, (stored.get(other) ?? 0) + 1);
      for (const other of localByBand.get(band) ?? []) earlier.set(other, (earlier.get(other) ?? 0) + 1);
    }
    for (const [other, count] of stored) if (count >= MIN_SHARED_BANDS) consider(other, other.clusterId, null);
    for (const [position, count] of earlier) {
      const other = local[position];
      if (!other || count < MIN_SHARED_BANDS) continue;
      const { clusterId, clusterLeaderKey } = other.prepared;
      consider(other, clusterId ?? null, clusterId == null ? (clusterLeaderKey ?? other.prepared.dedupKey) : null);
    }
    const chosen = best as { score: number; clusterId: number | null; leaderKey: string | null } | null;
    entry.prepared.clusterId = chosen?.clusterId ?? null;
    entry.prepared.clusterLeaderKey = chosen?.leaderKey ?? null;
    for (const band of entry.bands) {
      const list = localByBand.get(band);
      if (list) list.push(index);
      else localByBand.set(band, [index]);
    }
  });
}
