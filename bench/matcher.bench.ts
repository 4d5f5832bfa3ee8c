/**
 * Benchmark of the topic matcher (issue 3: at least 100,000 items/s on one core with every
 * country and 100 custom topics, title + summary of ~300 characters).
 *
 *   npx tsx bench/matcher.bench.ts
 *
 * Prints one JSON line per figure. Items are the real titles and summaries of
 * test/fixtures/tag/bench-items.jsonl (from the corpus feeds, summaries cut so that title +
 * summary is at most 300 characters). Each figure is the median of several timed runs after a
 * warm-up. The baseline, measured in the same run, is the naive approach: one alternation
 * RegExp per topic over the lower-cased text, with every topic's names and terms.
 *
 * Compilation: the country trie is shared by every matcher of a catalogue and built per script
 * on first use (src/tag/README.md), so `compileMatcher` alone is not the whole cost. The
 * `matcher.compile` line gives the first compile of the process and the first item it tags (what
 * a cold Worker pays before its first poll, with English items), then medians of compiles from
 * a copy of the catalogue (nothing shared, warm JIT): `compileMatcher` alone, and with the forms
 * of every script built.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCountryCatalogue } from '../src/tag/country-catalogue';
import { compileMatcher, type TopicRules } from '../src/tag/matcher';

interface BenchItem {
  title: string;
  summary: string;
  lang: string | null;
}

const runs = 7;

/** One short text per script the country trie is built for. */
const scriptSamples = ['Moscow', 'Москва', 'Αθήνα', '서울', '北京', 'ישראל', 'پاکستان', 'ประเทศไทย'];

function loadItems(): BenchItem[] {
  const path = fileURLToPath(new URL('../test/fixtures/tag/bench-items.jsonl', import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as BenchItem);
}

/** 100 custom topics built from everyday news vocabulary: words, phrases, prefixes, excludes. */
export function makeCustomTopics(count = 100): TopicRules[] {
  const words = [
    'climate', 'election', 'inflation', 'oil', 'gas', 'pipeline', 'sanctions', 'refugees', 'migration', 'drought', 'flood',
    'earthquake', 'vaccine', 'pandemic', 'tariff', 'trade', 'bank', 'interest rate', 'central bank', 'stock market', 'bitcoin',
    'artificial intelligence', 'chip', 'semiconductor', 'satellite', 'rocket', 'nuclear', 'missile', 'drone', 'ceasefire',
    'protest', 'strike', 'court', 'supreme court', 'corruption', 'football', 'olympics', 'world cup', 'tennis', 'film festival',
    'museum', 'wildfire', 'heatwave', 'hurricane', 'typhoon', 'famine', 'aid', 'hostage', 'prison', 'police', 'border',
  ];
  const topics: TopicRules[] = [];
  for (let i = 0; i < count; i++) {
    const a = words[i % words.length] ?? 'news';
    const b = words[(i * 7 + 3) % words.length] ?? 'news';
    const c = words[(i * 13 + 5) % words.length] ?? 'news';
    topics.push({
      slug: `custom-${i}`,
      include: [a, `${b.split(' ')[0] ?? b}*`, `${c} crisis`],
      exclude: [words[(i * 11 + 1) % words.length] ?? 'sport'],
      fields: i % 5 === 0 ? ['title'] : undefined,
    });
  }
  return topics;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Items per second of CPU time (user + system of this process, which runs on one core), so
 * that other processes on a shared machine do not count against the matcher; the wall-clock
 * median is printed beside it.
 */
function time(items: BenchItem[], minItems: number, tag: (item: BenchItem) => number): { itemsPerSecond: number; medianMs: number; medianCpuMs: number } {
  const passes = Math.max(1, Math.ceil(minItems / items.length));
  let sink = 0;
  for (let w = 0; w < 3; w++) for (const item of items) sink += tag(item); // warm-up (JIT)
  const durations: number[] = [];
  const cpuDurations: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (let p = 0; p < passes; p++) for (const item of items) sink += tag(item);
    const cpu = process.cpuUsage(cpuStart);
    durations.push(performance.now() - start);
    cpuDurations.push((cpu.user + cpu.system) / 1000);
  }
  if (sink < 0) console.log(sink);
  const medianMs = median(durations);
  const medianCpuMs = median(cpuDurations);
  return {
    itemsPerSecond: Math.round((passes * items.length) / (medianCpuMs / 1000)),
    medianMs: Number(medianMs.toFixed(1)),
    medianCpuMs: Number(medianCpuMs.toFixed(1)),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function main(): void {
  const items = loadItems();
  const meanChars = Math.round(items.reduce((sum, item) => sum + item.title.length + item.summary.length, 0) / items.length);
  const countries = loadCountryCatalogue();
  const custom = makeCustomTopics(100);

  const toText = (item: BenchItem) => ({ title: item.title, summary: item.summary, language: item.lang });
  const compileStart = performance.now();
  const matcher = compileMatcher({ countries, rules: custom });
  const coldMs = performance.now() - compileStart;
  const firstItem = items[0];
  const firstItemStart = performance.now();
  if (firstItem) matcher.tag(toText(firstItem));
  const coldFirstItemMs = performance.now() - firstItemStart;
  const compileMs: number[] = [];
  const allScriptsMs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    const fresh = compileMatcher({ countries: [...countries], rules: custom });
    compileMs.push(performance.now() - start);
    for (const title of scriptSamples) fresh.tag({ title, summary: null, language: null });
    allScriptsMs.push(performance.now() - start);
  }
  console.log(
    JSON.stringify({
      bench: 'matcher.compile',
      countries: countries.length,
      customTopics: custom.length,
      coldMs: Number(coldMs.toFixed(0)),
      coldFirstItemMs: Number(coldFirstItemMs.toFixed(0)),
      runs: 5,
      medianMs: Number(median(compileMs).toFixed(1)),
      medianAllScriptsMs: Number(median(allScriptsMs).toFixed(0)),
    }),
  );

  const countriesOnly = compileMatcher({ countries, rules: [] });
  const ours = time(items, 50_000, (item) => matcher.tag(toText(item)).length);
  console.log(JSON.stringify({ bench: 'matcher.tag', topics: countries.length + custom.length, items: items.length, meanChars, runs, ...ours }));
  const oursCountries = time(items, 50_000, (item) => countriesOnly.tag(toText(item)).length);
  console.log(JSON.stringify({ bench: 'matcher.tag.countries-only', topics: countries.length, runs, ...oursCountries }));

  // Baseline: one alternation per topic (every name of the country in every language, and the
  // custom topics' terms), tested on the lower-cased text.
  const baselineTopics = [
    ...countries.map((country) => Object.values(country.names).flat()),
    ...custom.map((topic) => topic.include.map((term) => term.replace(/\*$/, ''))),
  ].map((names) => new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${[...new Set(names.map((n) => escapeRegExp(n.toLowerCase())))].join('|')})`, 'u'));
  const baseline = time(items, 300, (item) => {
    const text = `${item.title}\n${item.summary}`.toLowerCase();
    let hits = 0;
    for (const pattern of baselineTopics) if (pattern.test(text)) hits++;
    return hits;
  });
  console.log(JSON.stringify({ bench: 'matcher.baseline-regexp-per-topic', topics: baselineTopics.length, runs, ...baseline }));
  console.log(JSON.stringify({ bench: 'matcher.speedup-vs-baseline', ratio: Number((ours.itemsPerSecond / baseline.itemsPerSecond).toFixed(1)) }));

  // Cost per item does not grow with the number of topics: 1,000 custom topics.
  const many = compileMatcher({ countries, rules: makeCustomTopics(1000) });
  const manyTopics = time(items, 50_000, (item) => many.tag(toText(item)).length);
  console.log(JSON.stringify({ bench: 'matcher.tag.1000-custom-topics', topics: countries.length + 1000, runs, ...manyTopics }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
