import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import countries from 'world-countries';
import {
  checkThresholds,
  evaluateTopics,
  evaluateSets,
  formatReport,
  labelledSetDirectories,
  parseCliArguments,
  parseLabelledRecords,
  scoreCounts,
  textLanguageOf,
  type LabelledRecord,
  type TopicTagger,
} from './eval-topics';
import { extractItems } from './extract-items';

function record(id: string, lang: string | null, gold: string[]): LabelledRecord {
  return { feed: 'hand-made', id, lang, title: `item ${id}`, summary: null, countries: gold };
}

// A tagger that answers from a table: the evaluation, not a matcher, is under test here.
function taggerFrom(answers: Record<string, string[]>): TopicTagger {
  return { tag: ({ title }) => answers[title] ?? [] };
}

// Five items chosen so that every kind of decision occurs: 3 true positives (a/russia,
// b/russia, d/kazakhstan), 1 false positive (b/ukraine), 2 false negatives (a/kazakhstan, e/ukraine).
const records = [
  record('a', 'ru', ['kazakhstan', 'russia']),
  record('b', 'en', ['russia']),
  record('c', 'en', []),
  record('d', 'en', ['kazakhstan']),
  record('e', null, ['ukraine']),
];
const tagger = taggerFrom({
  'item a': ['russia'],
  'item b': ['russia', 'ukraine'],
  'item d': ['kazakhstan'],
});

describe('evaluateTopics', () => {
  const evaluation = evaluateTopics(records, tagger);

  it('micro-averages precision, recall and F1 over every item-country pair', () => {
    expect(evaluation.overall).toEqual({
      support: 5,
      predicted: 4,
      truePositives: 3,
      falsePositives: 1,
      falseNegatives: 2,
      precision: 3 / 4,
      recall: 3 / 5,
      f1: 6 / 9,
    });
  });

  it('scores each topic with any gold or predicted label, sorted by support then slug', () => {
    expect(evaluation.perTopic.map((t) => [t.topic, t.support, t.predicted, t.precision, t.recall, t.f1])).toEqual([
      ['kazakhstan', 2, 1, 1, 0.5, 2 / 3],
      ['russia', 2, 2, 1, 1, 1],
      ['ukraine', 1, 1, 0, 0, 0],
    ]);
  });

  it('breaks the focus topics down by the item language, with und for an unknown one', () => {
    const rows = (topic: string) =>
      evaluation.perLanguage[topic]?.map((row) => [row.lang, row.support, row.recall]);
    expect(rows('russia')).toEqual([
      ['en', 1, 1],
      ['ru', 1, 1],
    ]);
    expect(rows('kazakhstan')).toEqual([
      ['en', 1, 1],
      ['ru', 1, 0],
    ]);
    const withUkraine = evaluateTopics(records, tagger, { focusTopics: ['ukraine'] });
    expect(withUkraine.perLanguage.ukraine?.map((row) => [row.lang, row.support, row.predicted])).toEqual([
      ['und', 1, 0],
      ['en', 0, 1],
    ]);
  });

  it('groups every pair by the language the text is written in, before the declared one', () => {
    const written = evaluateTopics(
      [
        { ...record('k1', 'kk', ['kazakhstan']), textLang: 'kk-Latn' },
        { ...record('k2', null, ['kazakhstan']), textLang: 'kk-Latn' },
        record('k3', 'kk', ['russia']),
      ],
      taggerFrom({ 'item k1': ['kazakhstan'], 'item k3': ['kazakhstan'] }),
    );
    expect(written.perTextLanguage.map((row) => [row.lang, row.support, row.predicted, row.truePositives])).toEqual([
      ['kk-Latn', 2, 1, 1],
      ['kk', 1, 1, 0],
    ]);
    expect(written.perLanguage.kazakhstan?.map((row) => [row.lang, row.support, row.recall])).toEqual([
      ['kk-Latn', 2, 0.5],
      ['kk', 0, null],
    ]);
    expect(textLanguageOf({ lang: null })).toBe('und');
  });

  it('lists every false positive and false negative with what was expected and what came back', () => {
    expect(evaluation.falsePositives).toEqual([
      { feed: 'hand-made', id: 'b', title: 'item b', expected: ['russia'], got: ['russia', 'ukraine'], topics: ['ukraine'] },
    ]);
    expect(evaluation.falseNegatives.map((m) => [m.id, m.expected, m.got, m.topics])).toEqual([
      ['a', ['kazakhstan', 'russia'], ['russia'], ['kazakhstan']],
      ['e', ['ukraine'], [], ['ukraine']],
    ]);
  });

  it('counts items tagged exactly as labelled, including an item with no country', () => {
    expect(evaluation.itemCount).toBe(5);
    expect(evaluation.exactMatchCount).toBe(2);
  });

  it('passes the title, summary and language of each item to the matcher', () => {
    const seen: unknown[] = [];
    evaluateTopics([{ ...record('x', 'kk', []), summary: 'Astana' }], {
      tag: (item) => {
        seen.push(item);
        return [];
      },
    });
    expect(seen).toEqual([{ title: 'item x', summary: 'Astana', language: 'kk' }]);
  });
});

describe('scoreCounts', () => {
  it.each([
    [{ truePositives: 0, falsePositives: 0, falseNegatives: 0 }, null, null, null],
    [{ truePositives: 0, falsePositives: 2, falseNegatives: 0 }, 0, null, 0],
    [{ truePositives: 0, falsePositives: 0, falseNegatives: 3 }, null, 0, 0],
    [{ truePositives: 9, falsePositives: 1, falseNegatives: 3 }, 0.9, 0.75, 18 / 22],
  ])('scores %o as precision %s, recall %s, F1 %s', (counts, precision, recall, f1) => {
    expect(scoreCounts(counts)).toEqual({ ...counts, precision, recall, f1 });
  });
});

describe('checkThresholds', () => {
  const overall = evaluateTopics(records, tagger).overall;

  it.each([
    [{ minPrecision: 0.97, minRecall: 0.93 }, ['precision 0.750 < 0.97', 'recall 0.600 < 0.93']],
    [{ minPrecision: 0.75, minRecall: 0.6 }, []],
    [{ minPrecision: null, minRecall: 0.7 }, ['recall 0.600 < 0.7']],
    [{ minPrecision: null, minRecall: null }, []],
  ])('with %o reports %o', (thresholds, failures) => {
    expect(checkThresholds(overall, thresholds)).toEqual(failures);
  });

  it('fails a threshold whose figure is undefined rather than letting it pass', () => {
    const nothingPredicted = scoreCounts({ truePositives: 0, falsePositives: 0, falseNegatives: 4 });
    expect(checkThresholds(nothingPredicted, { minPrecision: 0.5, minRecall: null })).toEqual(['precision — < 0.5']);
  });
});

describe('parseCliArguments', () => {
  it('reads --json and both thresholds', () => {
    const options = parseCliArguments(['--json', '--min-precision', '0.97', '--min-recall', '0.93']);
    expect(options).toMatchObject({ json: true, minPrecision: 0.97, minRecall: 0.93 });
  });

  it('reads every labelled set unless --dir names some', () => {
    expect(parseCliArguments([]).directories).toEqual(labelledSetDirectories);
    expect(labelledSetDirectories.map((directory) => directory.split('/').filter(Boolean).at(-1))).toEqual([
      'labelled',
      'languages',
      'languages-heldout',
    ]);
    expect(parseCliArguments(['--dir', '/tmp/a', '--dir', '/tmp/b']).directories).toEqual(['/tmp/a', '/tmp/b']);
  });

  it.each([[['--min-recall']], [['--min-precision', '97']], [['--verbose']]])('rejects %o', (args) => {
    expect(() => parseCliArguments(args)).toThrow();
  });
});

describe('formatReport', () => {
  it('prints the per-topic table, the overall row and both mistake lists', () => {
    const report = formatReport(evaluateTopics(records, tagger));
    expect(report).toMatch(/^kazakhstan\s+2\s+1\s+1\s+0\s+1\s+1\.000\s+0\.500\s+0\.667$/m);
    expect(report).toMatch(/^overall \(micro\)\s+5\s+4\s+3\s+1\s+2\s+0\.750\s+0\.600\s+0\.667$/m);
    expect(report).toContain('False positives (1 items)');
    expect(report).toContain('expected [kazakhstan, russia]  got [russia]  (kazakhstan)');
  });

  it('prints each set overall and by language when given several sets', () => {
    const { all, sets } = evaluateSets(
      [
        { name: 'dev', records: records.slice(0, 3) },
        { name: 'held-out', records: records.slice(3) },
      ],
      tagger,
    );
    const report = formatReport(all, sets);
    expect(report).toMatch(/^dev\s+3\s+3\s+2\s+1\s+1\s+0\.667\s+0\.667\s+0\.667$/m);
    expect(report).toMatch(/^held-out\s+2\s+1\s+1\s+0\s+1\s+1\.000\s+0\.500\s+0\.667$/m);
    expect(report).toContain('held-out by language');
    expect(report).toMatch(/^all sets by language/m);
  });
});

describe('parseLabelledRecords', () => {
  it('keeps the language of the text when a record has one', () => {
    const text = `${JSON.stringify({ ...record('a', null, []), textLang: 'uz-Cyrl' })}\n`;
    expect(parseLabelledRecords(text, 'f.jsonl')[0]?.textLang).toBe('uz-Cyrl');
  });

  it('names the file and line of a malformed record', () => {
    const text = `${JSON.stringify(record('a', 'en', []))}\n{"feed":"f","id":"b","title":"t","countries":"russia"}\n`;
    expect(() => parseLabelledRecords(text, 'f.jsonl')).toThrow('f.jsonl:2: "countries" must be an array of slugs');
  });
});

// The labelled set itself: every label must be a world-countries slug, and every labelled file
// whose feed is kept beside it must still match what the extractor reads from that feed.
const topicsDirectory = fileURLToPath(new URL('../fixtures/topics/', import.meta.url));
const labelledFiles = readdirSync(join(topicsDirectory, 'labelled')).filter((name) => name.endsWith('.jsonl'));

function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
const knownSlugs = new Set(countries.map((country) => slugify(country.name.common)));

describe('labelled set', () => {
  it.each(labelledFiles)('%s labels only known country slugs, each once', (name) => {
    const records = parseLabelledRecords(readFileSync(join(topicsDirectory, 'labelled', name), 'utf8'), name);
    expect(records.length).toBeGreaterThan(0);
    for (const { countries: gold, title } of records) {
      expect(gold.filter((slug) => !knownSlugs.has(slug)), title).toEqual([]);
      expect(new Set(gold).size, title).toBe(gold.length);
    }
  });

  const withFeed = labelledFiles.filter((name) =>
    existsSync(join(topicsDirectory, 'feeds', name.replace(/\.jsonl$/, '.xml'))),
  );
  it.each(withFeed)('%s has one record per item of its feed, with the extracted text', async (name) => {
    const records = parseLabelledRecords(readFileSync(join(topicsDirectory, 'labelled', name), 'utf8'), name);
    const items = await extractItems(join(topicsDirectory, 'feeds', name.replace(/\.jsonl$/, '.xml')), null);
    expect(records.map(({ id, title, summary }) => ({ id, title, summary }))).toEqual(
      items.map(({ id, title, summary }) => ({ id, title, summary })),
    );
  });
});

// The hand-written sets of issue 12: one file per language of the text, the same languages in
// both folders, held-out ids numbered from 501, every label a known slug.
const languageFolders = ['languages', 'languages-heldout'] as const;

describe.each(languageFolders)('%s/', (folder) => {
  const files = readdirSync(join(topicsDirectory, folder)).filter((name) => name.endsWith('.jsonl'));

  it('holds the same languages as its sibling folder', () => {
    const sibling = folder === 'languages' ? 'languages-heldout' : 'languages';
    expect(files.sort()).toEqual(readdirSync(join(topicsDirectory, sibling)).filter((name) => name.endsWith('.jsonl')).sort());
  });

  it.each(files)('%s: every record is written in its file\'s language, with known sorted slugs and unique ids', (name) => {
    const records = parseLabelledRecords(readFileSync(join(topicsDirectory, folder, name), 'utf8'), name);
    const language = name.replace(/\.jsonl$/, '');
    expect(records.length).toBeGreaterThanOrEqual(folder === 'languages' ? 32 : 12);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    for (const r of records) {
      // zh.jsonl also holds traditional-script items (zh-Hant) from Taiwan and Hong Kong feeds.
      expect([language, `${language}-Hant`], r.id).toContain(r.textLang);
      expect(Number(r.id.split('-').at(-1)) >= 501, r.id).toBe(folder === 'languages-heldout');
      expect(r.countries.filter((slug) => !knownSlugs.has(slug)), r.id).toEqual([]);
      expect(r.countries, r.id).toEqual([...new Set(r.countries)].sort());
    }
  });
});
