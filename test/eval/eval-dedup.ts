/**
 * `npm run eval:dedup`: precision and recall of the story clusterer's "same story" decisions on
 * the labelled pairs in test/fixtures/dedup (see its README). A pair is decided "same" when the
 * two items' sketches share a band (the store would offer one as the other's candidate) and
 * `sameStory` confirms it, with the countries the tag stage gives each item.
 *
 *   npx tsx test/eval/eval-dedup.ts [--verbose] [FILE.json …]
 *
 * Without files it reads pairs.json (tuning) and pairs-heldout.json. `--verbose` lists the wrong
 * decisions of the tuning file only: the held-out file's errors are not printed, so that nobody
 * tunes on them.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sameStory, sketchesMeet, storySketch, type StoryItem } from '../../src/dedup/story-cluster';
import { storyFeatures } from '../../src/dedup/story-features';
import { loadCountryCatalogue } from '../../src/tag/country-catalogue';
import { compileMatcher } from '../../src/tag/matcher';

export interface PairItem {
  source: string;
  title: string;
  summary: string | null;
  url: string | null;
  publishedAt: string;
}
export interface LabelledPair {
  id: string;
  group: string;
  kind: string;
  label: 'same' | 'different';
  a: PairItem;
  b: PairItem;
}

export interface Scores {
  pairs: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export const TARGET_PRECISION = 0.99;
export const TARGET_RECALL = 0.9;

const here = dirname(fileURLToPath(import.meta.url));
export const PAIRS_DIR = join(here, '..', 'fixtures', 'dedup');

export function readPairs(path: string): LabelledPair[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${path}: expected a JSON array of pairs`);
  return parsed as LabelledPair[];
}

export function createJudge(): (pair: LabelledPair) => boolean {
  const matcher = compileMatcher({ countries: loadCountryCatalogue(), rules: [] });
  const sourceIds = new Map<string, number>();
  const toItem = (item: PairItem): StoryItem & { sketch: number[] } => {
    const features = storyFeatures(item.title, item.summary);
    if (!sourceIds.has(item.source)) sourceIds.set(item.source, sourceIds.size + 1);
    return {
      features,
      sketch: storySketch(features),
      publishedAt: Date.parse(item.publishedAt),
      sourceIds: [sourceIds.get(item.source) as number],
      countries: matcher.tag({ title: item.title, summary: item.summary, language: null }),
    };
  };
  return (pair) => {
    const a = toItem(pair.a);
    const b = toItem(pair.b);
    return sketchesMeet(a.sketch, b.sketch) && sameStory(a, b);
  };
}

export function scorePairs(pairs: LabelledPair[], judge: (pair: LabelledPair) => boolean): Scores & { wrong: LabelledPair[] } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong: LabelledPair[] = [];
  for (const pair of pairs) {
    const same = judge(pair);
    if (same && pair.label === 'same') tp++;
    else if (same) {
      fp++;
      wrong.push(pair);
    } else if (pair.label === 'same') {
      fn++;
      wrong.push(pair);
    }
  }
  return {
    pairs: pairs.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    wrong,
  };
}

const runDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (runDirectly) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const files = args.filter((a) => !a.startsWith('--'));
  const paths = files.length > 0 ? files : [join(PAIRS_DIR, 'pairs.json'), join(PAIRS_DIR, 'pairs-heldout.json')];
  const judge = createJudge();
  let failed = false;
  for (const path of paths) {
    const pairs = readPairs(path);
    const scores = scorePairs(pairs, judge);
    const { wrong, ...figures } = scores;
    const kinds = [...new Set(pairs.map((p) => p.kind))].sort().map((kind) => {
      const s = scorePairs(pairs.filter((p) => p.kind === kind), judge);
      const label = pairs.find((p) => p.kind === kind)?.label;
      return `${kind}: ${label === 'same' ? `${s.truePositives}/${s.truePositives + s.falseNegatives} joined` : `${s.falsePositives}/${s.pairs} merged`}`;
    });
    console.log(JSON.stringify({ file: basename(path), ...figures, precision: +figures.precision.toFixed(3), recall: +figures.recall.toFixed(3) }));
    console.log(`  ${kinds.join('; ')}`);
    if (verbose && !basename(path).includes('heldout')) {
      for (const pair of wrong) console.log(`  ${pair.label === 'same' ? 'missed' : 'MERGED'} ${pair.id} ${pair.a.title} | ${pair.b.title}`);
    }
    if (figures.precision < TARGET_PRECISION || figures.recall < TARGET_RECALL) failed = true;
  }
  console.log(`targets: precision >= ${TARGET_PRECISION}, recall >= ${TARGET_RECALL}: ${failed ? 'NOT MET' : 'met'}`);
  process.exitCode = failed ? 1 : 0;
}
