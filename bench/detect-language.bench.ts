/**
 * Benchmark of language detection for feeds that declare no language (issue 12), and of what it
 * costs the tagging step.
 *
 *   npx tsx bench/detect-language.bench.ts     (or: npm run bench -- detect-language)
 *
 * Items: the real titles and summaries of test/fixtures/tag/bench-items.jsonl, grouped into
 * documents by the feed they came from, as the pipeline sees them. Figures, items per second of
 * CPU time (medians of several runs after a warm-up):
 * - `detect-language.per-item`: `detectLanguage` on each item alone (franc, ~0.5 ms an item: the
 *   reason detection runs once per document);
 * - `detect-language.tag.declared`: the baseline, measured in the same run: the country matcher
 *   (every country, 100 custom topics) on items whose feed declares a language: no detection;
 * - `detect-language.tag.undeclared`: the same items with no declared language: one
 *   `detectDocumentLanguages` per document, then the matcher with the detected language;
 * - `detect-language.tag.mixed-16pct`: the mix of the labelled sets, where 16% of the items come
 *   from feeds that declare nothing.
 * The fixture's documents hold 14 items on average; real feeds hold 20 to 100, over which the one
 * detection per document spreads further: the `.docs-of-50` figures regroup the same items into
 * documents of 50 (each feed's items repeated in turn).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCountryCatalogue } from '../src/tag/country-catalogue';
import { detectDocumentLanguages, detectLanguage } from '../src/tag/detect-language';
import { compileMatcher } from '../src/tag/matcher';
import { makeCustomTopics } from './matcher.bench';

interface BenchItem {
  feed: string;
  title: string;
  summary: string | null;
  lang: string | null;
}

const runs = 7;

function loadDocuments(): BenchItem[][] {
  const path = fileURLToPath(new URL('../test/fixtures/tag/bench-items.jsonl', import.meta.url));
  const byFeed = new Map<string, BenchItem[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const item = JSON.parse(line) as BenchItem;
    byFeed.set(item.feed, [...(byFeed.get(item.feed) ?? []), item]);
  }
  return [...byFeed.values()];
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Items per second of this process's CPU time, over `passes` passes of `work` (which returns its item count). */
function time(passes: number, work: () => number): { itemsPerSecond: number; medianCpuMs: number } {
  let items = 0;
  for (let w = 0; w < 2; w++) work();
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = process.cpuUsage();
    items = 0;
    for (let p = 0; p < passes; p++) items += work();
    const used = process.cpuUsage(start);
    cpu.push((used.user + used.system) / 1000);
  }
  const medianCpuMs = median(cpu);
  return { itemsPerSecond: Math.round(items / (medianCpuMs / 1000)), medianCpuMs: Number(medianCpuMs.toFixed(1)) };
}

export function main(): void {
  const documents = loadDocuments();
  const items = documents.flat();
  const matcher = compileMatcher({ countries: loadCountryCatalogue(), rules: makeCustomTopics(100) });

  const perItem = time(2, () => {
    for (const item of items) detectLanguage(`${item.title}\n${item.summary ?? ''}`);
    return items.length;
  });
  console.log(JSON.stringify({ bench: 'detect-language.per-item', items: items.length, runs, ...perItem }));

  const tagDocument = (document: BenchItem[], declared: boolean): number => {
    const texts = document.map((item) => ({ title: item.title, summary: item.summary, language: declared ? item.lang : null }));
    const languages = declared ? texts.map((text) => text.language) : detectDocumentLanguages(texts);
    let hits = 0;
    texts.forEach((text, index) => {
      hits += matcher.tag({ ...text, language: languages[index] ?? null }).length;
    });
    return hits >= 0 ? document.length : 0;
  };
  const passes = Math.ceil(50_000 / items.length);
  report('', documents, passes, tagDocument);
  const fifty = documents.map((document) => Array.from({ length: 50 }, (_, i) => document[i % document.length] as BenchItem));
  report('.docs-of-50', fifty, Math.ceil(50_000 / (fifty.length * 50)), tagDocument);
}

function report(suffix: string, documents: BenchItem[][], passes: number, tagDocument: (document: BenchItem[], declared: boolean) => number): void {
  const items = documents.flat();
  const declared = time(passes, () => documents.reduce((n, document) => n + tagDocument(document, true), 0));
  console.log(JSON.stringify({ bench: `detect-language.tag.declared${suffix}`, documents: documents.length, items: items.length, runs, ...declared }));
  const undeclared = time(passes, () => documents.reduce((n, document) => n + tagDocument(document, false), 0));
  console.log(JSON.stringify({ bench: `detect-language.tag.undeclared${suffix}`, runs, ...undeclared, ratioToDeclared: Number((undeclared.itemsPerSecond / declared.itemsPerSecond).toFixed(2)) }));
  // 16% undeclared: the time per item is the weighted mean of the two.
  const mixedPerSecond = Math.round(1 / (0.84 / declared.itemsPerSecond + 0.16 / undeclared.itemsPerSecond));
  console.log(JSON.stringify({ bench: `detect-language.tag.mixed-16pct${suffix}`, itemsPerSecond: mixedPerSecond, ratioToDeclared: Number((mixedPerSecond / declared.itemsPerSecond).toFixed(2)) }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
