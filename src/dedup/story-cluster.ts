/**
 * Story clusters: the same news event from several outlets, or one wire story copied with an
 * edited headline, a "LIVE:"/"UPDATE 2-" prefix, a cut summary or a credit line, is one cluster.
 * Pure functions; the pipeline looks candidates up in the store's band table and stores the result.
 *
 * ## Candidates: MinHash bands (LSH), a constant number of index look-ups per item
 * An item's text is reduced to a set of word stems (`storyFeatures`: title + summary through the
 * tag stage's normaliser, function words and wire noise left out). Its **sketch** is a MinHash
 * signature cut into bands of one row: for each of SKETCH_HASHES (20) seeded hash functions over
 * all stems and TITLE_SKETCH_HASHES (4) over the title's, the member with the smallest hash; the
 * band key is (function, member). Two items whose sets have Jaccard similarity J agree on a band
 * with probability J. A stored item is a **candidate** when it agrees on at least
 * MIN_SHARED_BANDS (2) bands, inside the ±3-day window.
 * - One row per band is deliberate: reports of one event by two outlets share only 10–35 % of
 *   their stems (median 0.24 on the labelled cross-outlet pairs, test/fixtures/dedup), and bands
 *   of two rows would meet such a pair with probability 1 − (1 − J²)^b, under 40 % at J = 0.15.
 * - Two bands rather than one: one shared common word is what unrelated items have in common;
 *   asking for two cut the candidates read per item by ~3× on the benchmark's text and lost one
 *   tuning pair at 16 + 8 functions and none at 20 + 4 (16 + 4 with one band lost none but read 3× more).
 *   A pair at J = 0.15 with title J = 0.3 meets with probability ~0.95; copies always.
 * The store keeps (band key, published_at, item) under its primary key, so finding a chunk's
 * candidates is one index range per key inside the window, grouped per item in SQLite: the cost
 * depends on how many stories a window holds, not on how many items are stored. An item with
 * fewer than MIN_SHARED_TERMS stems is never sketched: it could never be confirmed.
 *
 * ## Confirmation: a similarity threshold, a time window, entities
 * A candidate is the same story when all of these hold (`sameStory`):
 * - published within WINDOW_MS (3 days) of each other;
 * - at least MIN_SHARED_TERMS (4) stems in common (two headlines of a few words that share
 *   "Africa" and "today" are not one story);
 * - score = 0.5 · Jaccard(all stems) + Jaccard(title stems) − 0.3 · Δt/24 h ≥ THRESHOLD (0.2):
 *   headlines carry the event, summaries add the names around it, and two items a day or two
 *   apart need more in common than two items an hour apart (a follow-up is a new story);
 * - not vetoed by their countries: when both are tagged with countries and share none, they are
 *   different stories (the tag stage's topics are the entity evidence here);
 * - not one outlet's series: items from the same source whose headlines have the same words but
 *   different numbers ("List of key events, day 1,455" / "day 1,454", dated digests) are
 *   different stories.
 * Measured on the tuning pairs (`npm run eval:dedup`), the weights were chosen as the family's
 * most recall at zero false merges, then the threshold raised from 0.14 to 0.2 to leave a margin
 * over the closest different pair (0.124). Measured with candidates and confirmation together:
 * tuning pairs P 1.00, R 0.90; held-out pairs P 0.95, R 0.82 (every constructed wire copy joins;
 * the misses are independent reports that share few words). The trade-off: at 0.14 tuning recall
 * is 0.96 but the margin is gone, at 0.3 it falls to 0.82; precision is the error we refuse (two different stories
 * merged hide one of them from every feed), so the threshold sits on the safe side.
 *
 * A cluster's id is its first item's id, kept when items are updated or removed.
 */
import { hashToken } from '../tag/normalize-text';
import type { StoryFeatures } from './story-features';

export const SKETCH_HASHES = 20;
export const TITLE_SKETCH_HASHES = 4;
export const WINDOW_MS = 3 * 86_400_000;
export const MIN_SHARED_TERMS = 4;
export const THRESHOLD = 0.2;
const TIME_PENALTY_PER_DAY = 0.3;

/** 32-bit mixing (murmur3's finaliser): one seeded hash function per band. */
function mix(value: number, seed: number): number {
  let h = (value ^ seed) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: SKETCH_HASHES + TITLE_SKETCH_HASHES }, (_, i) => mix(i + 1, 0x9e3779b9));

/**
 * The item's band keys: for each hash function, (function index, the member with the smallest
 * hash), as one integer below 2^53 (index · 2^32 + member hash) so that JSON and SQLite carry it
 * exactly. Empty for an item with no content words.
 */
export function storySketch(features: StoryFeatures): number[] {
  const keys: number[] = [];
  // An item that could never be confirmed (too few content words) is never a candidate either.
  if (features.terms.size < MIN_SHARED_TERMS) return keys;
  addMinima(features.terms, SKETCH_HASHES, 0, keys);
  addMinima(features.titleTerms, TITLE_SKETCH_HASHES, SKETCH_HASHES, keys);
  return keys;
}

/** Appends the members (hashed) that `count` seeded hash functions pick as their minimum over `terms`. */
function addMinima(terms: ReadonlySet<string>, count: number, firstSeed: number, keys: number[]): void {
  if (terms.size === 0) return;
  const members = [...terms].map((term) => hashToken(term) >>> 0);
  for (let band = firstSeed; band < firstSeed + count; band++) {
    const seed = SEEDS[band] as number;
    let best = 0;
    let bestHash = Number.POSITIVE_INFINITY;
    for (const member of members) {
      const h = mix(member, seed);
      if (h < bestHash) {
        bestHash = h;
        best = member;
      }
    }
    keys.push(band * 2 ** 32 + best);
  }
}

/** One side of a comparison. */
export interface StoryItem {
  features: StoryFeatures;
  publishedAt: number;
  /** Sources that brought it (for the series rule). */
  sourceIds: readonly number[];
  /** Its country topics (slugs). */
  countries: readonly string[];
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) n++;
  return n;
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && shared(a, b) === a.size;
}

/** The similarity score of two items (see the header), or null when a rule rules them out. */
export function storyScore(a: StoryItem, b: StoryItem): number | null {
  const dt = Math.abs(a.publishedAt - b.publishedAt);
  if (dt > WINDOW_MS) return null;
  const common = shared(a.features.terms, b.features.terms);
  if (common < MIN_SHARED_TERMS) return null;
  if (a.countries.length > 0 && b.countries.length > 0 && !a.countries.some((c) => b.countries.includes(c))) return null;
  if (
    a.sourceIds.some((id) => b.sourceIds.includes(id)) &&
    sameMembers(a.features.titleTerms, b.features.titleTerms) &&
    !sameMembers(a.features.titleNumbers, b.features.titleNumbers)
  ) {
    return null;
  }
  const jaccard = common / (a.features.terms.size + b.features.terms.size - common);
  const titleCommon = shared(a.features.titleTerms, b.features.titleTerms);
  const titleUnion = a.features.titleTerms.size + b.features.titleTerms.size - titleCommon;
  const titleJaccard = titleUnion === 0 ? 0 : titleCommon / titleUnion;
  return 0.5 * jaccard + titleJaccard - (TIME_PENALTY_PER_DAY * dt) / 86_400_000;
}

export function sameStory(a: StoryItem, b: StoryItem): boolean {
  const score = storyScore(a, b);
  return score !== null && score >= THRESHOLD;
}

/** Band keys a candidate must share with an item to be compared with it. */
export const MIN_SHARED_BANDS = 2;

/** True when two sketches share enough bands (the pair would be looked at). */
export function sketchesMeet(a: readonly number[], b: readonly number[]): boolean {
  const set = new Set(a);
  return b.filter((key) => set.has(key)).length >= MIN_SHARED_BANDS;
}
