/**
 * Measures the country matcher against the hand-labelled sets in test/fixtures/topics/ (issues 3
 * and 12, "Measured quality"; the labelling rules are in test/fixtures/topics/LABELLING.md):
 * labelled/ (real feeds, mostly English), languages/ (hand-written items in 28 languages) and
 * languages-heldout/ (the same languages, for evaluation only: never read while building rules).
 *
 *   npm run eval:topics [-- --json] [--min-precision 0.97] [--min-recall 0.93] [--dir DIR …]
 *
 * Without --dir every set is read. The report gives each set's overall figures, then precision
 * and recall per language of the text (the record's `textLang`, which says what the text is
 * written in, e.g. kk-Latn; else its declared `lang`; else "und"), then Kazakhstan and Russia per
 * language, then every mistake. Items whose feed declares no language are tagged with the language
 * the pipeline would detect for them (src/tag/detect-language.ts), as in production.
 *
 * Counting: every (item, country) pair is one decision. A pair the matcher gives and the labels
 * hold is a true positive, one it gives that the labels lack a false positive, one the labels
 * hold that it misses a false negative. Per-topic figures cover every topic with any gold or
 * predicted label; "overall" is micro-averaged over all pairs, so frequent countries weigh
 * more, which is what a reader of the feeds sees. A ratio whose denominator is zero is null
 * (shown as "—"), never 0 or 1, so an empty topic cannot pass or fail a threshold by accident.
 * With thresholds given, the process exits 1 when an overall figure is below one (or null).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface LabelledRecord {
  feed: string;
  id: string;
  lang: string | null;
  /** The language (and script) the text is really written in, when it may differ from `lang`. */
  textLang?: string;
  title: string;
  summary: string | null;
  /** Gold country slugs. */
  countries: string[];
  note?: string;
}

/** What the evaluation needs from a matcher: slugs for one item. */
export interface TopicTagger {
  tag(item: { title: string; summary: string | null; language: string | null }): readonly string[];
}

export interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface Scores extends Counts {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface SupportedScores extends Scores {
  /** Labelled pairs (for a topic: items labelled with it). */
  support: number;
  /** Predicted pairs (for a topic: items the matcher tagged with it). */
  predicted: number;
}

export interface TopicScores extends SupportedScores {
  topic: string;
}

export interface LanguageScores extends SupportedScores {
  lang: string;
}

export interface Mistake {
  feed: string;
  id: string;
  title: string;
  expected: string[];
  got: string[];
  /** The slugs that make this a mistake: extra ones for a false positive, missing ones for a false negative. */
  topics: string[];
}

export interface TopicEvaluation {
  itemCount: number;
  /** Items whose predicted set equals the labelled set exactly. */
  exactMatchCount: number;
  overall: SupportedScores;
  /** Sorted by support, largest first, then by slug. */
  perTopic: TopicScores[];
  /** Every pair, by the language of the text (`textLang`, else `lang`, else "und"), sorted by support. */
  perTextLanguage: LanguageScores[];
  /** For each focus topic, its figures per language of the text (sorted by support). */
  perLanguage: Record<string, LanguageScores[]>;
  falsePositives: Mistake[];
  falseNegatives: Mistake[];
}

export interface EvaluateOptions {
  /** Topics to break down by language; the seed's topics by default. */
  focusTopics?: readonly string[];
}

const defaultFocusTopics = ['kazakhstan', 'russia'] as const;
const unknownLanguage = 'und';

/** The language a record is grouped under: what its text is written in, else what its feed declares. */
export function textLanguageOf(record: Pick<LabelledRecord, 'lang' | 'textLang'>): string {
  return record.textLang ?? record.lang ?? unknownLanguage;
}

function ratioOrNull(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function scoreCounts(counts: Counts): Scores {
  const { truePositives: tp, falsePositives: fp, falseNegatives: fn } = counts;
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: ratioOrNull(tp, tp + fp),
    recall: ratioOrNull(tp, tp + fn),
    // 2PR/(P+R) written in counts, so it is defined whenever anything was labelled or predicted.
    f1: ratioOrNull(2 * tp, 2 * tp + fp + fn),
  };
}

interface Tally extends Counts {
  support: number;
  predicted: number;
}

function emptyTally(): Tally {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0, support: 0, predicted: 0 };
}

function tallyFor<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (tally === undefined) {
    tally = emptyTally();
    map.set(key, tally);
  }
  return tally;
}

function bySupportThenName(a: { support: number; name: string }, b: { support: number; name: string }): number {
  return b.support - a.support || a.name.localeCompare(b.name);
}

/** Runs the matcher over every record and compares its slugs with the labels. Pure. */
export function evaluateTopics(
  records: readonly LabelledRecord[],
  matcher: TopicTagger,
  options: EvaluateOptions = {},
): TopicEvaluation {
  const focusTopics = new Set(options.focusTopics ?? defaultFocusTopics);
  const perTopic = new Map<string, Tally>();
  const perTopicLanguage = new Map<string, Map<string, Tally>>();
  const perTextLanguage = new Map<string, Tally>();
  const overall = emptyTally();
  const falsePositives: Mistake[] = [];
  const falseNegatives: Mistake[] = [];
  let exactMatchCount = 0;

  for (const record of records) {
    const expected = new Set(record.countries);
    const got = new Set(matcher.tag({ title: record.title, summary: record.summary, language: record.lang }));
    const lang = textLanguageOf(record);
    const extra: string[] = [];
    const missing: string[] = [];

    for (const topic of new Set([...expected, ...got])) {
      const isExpected = expected.has(topic);
      const isPredicted = got.has(topic);
      const tallies = [overall, tallyFor(perTopic, topic), tallyFor(perTextLanguage, lang)];
      if (focusTopics.has(topic)) {
        let byLanguage = perTopicLanguage.get(topic);
        if (byLanguage === undefined) {
          byLanguage = new Map();
          perTopicLanguage.set(topic, byLanguage);
        }
        tallies.push(tallyFor(byLanguage, lang));
      }
      for (const tally of tallies) {
        if (isExpected) tally.support += 1;
        if (isPredicted) tally.predicted += 1;
        if (isExpected && isPredicted) tally.truePositives += 1;
        else if (isPredicted) tally.falsePositives += 1;
        else tally.falseNegatives += 1;
      }
      if (isPredicted && !isExpected) extra.push(topic);
      if (isExpected && !isPredicted) missing.push(topic);
    }

    if (extra.length === 0 && missing.length === 0) exactMatchCount += 1;
    const mistake = (topics: string[]): Mistake => ({
      feed: record.feed,
      id: record.id,
      title: record.title,
      expected: [...expected].sort(),
      got: [...got].sort(),
      topics: topics.sort(),
    });
    if (extra.length > 0) falsePositives.push(mistake(extra));
    if (missing.length > 0) falseNegatives.push(mistake(missing));
  }

  const topicScores = [...perTopic]
    .map(([topic, tally]) => ({ name: topic, support: tally.support, tally }))
    .sort(bySupportThenName)
    .map(({ name, tally }): TopicScores => ({
      topic: name,
      support: tally.support,
      predicted: tally.predicted,
      ...scoreCounts(tally),
    }));

  const perLanguage: Record<string, LanguageScores[]> = {};
  for (const topic of focusTopics) perLanguage[topic] = languageRows(perTopicLanguage.get(topic) ?? new Map<string, Tally>());

  return {
    itemCount: records.length,
    exactMatchCount,
    overall: { support: overall.support, predicted: overall.predicted, ...scoreCounts(overall) },
    perTopic: topicScores,
    perTextLanguage: languageRows(perTextLanguage),
    perLanguage,
    falsePositives,
    falseNegatives,
  };
}

function languageRows(byLanguage: Map<string, Tally>): LanguageScores[] {
  return [...byLanguage]
    .map(([lang, tally]) => ({ name: lang, support: tally.support, tally }))
    .sort(bySupportThenName)
    .map(({ name, tally }): LanguageScores => ({
      lang: name,
      support: tally.support,
      predicted: tally.predicted,
      ...scoreCounts(tally),
    }));
}

/** Parses one JSON Lines file of labelled records; throws with the file and line on a bad record. */
export function parseLabelledRecords(text: string, source: string): LabelledRecord[] {
  const records: LabelledRecord[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${source}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${where}: not JSON`, { cause: error });
    }
    records.push(toLabelledRecord(value, where));
  });
  return records;
}

function toLabelledRecord(value: unknown, where: string): LabelledRecord {
  if (typeof value !== 'object' || value === null) throw new Error(`${where}: not an object`);
  const record = value as Record<string, unknown>;
  const text = (key: string): string => {
    const field = record[key];
    if (typeof field !== 'string') throw new Error(`${where}: "${key}" must be a string`);
    return field;
  };
  const optionalText = (key: string): string | null => {
    const field = record[key];
    if (field === null || field === undefined) return null;
    if (typeof field !== 'string') throw new Error(`${where}: "${key}" must be a string or null`);
    return field;
  };
  const countries = record.countries;
  if (!Array.isArray(countries) || !countries.every((slug): slug is string => typeof slug === 'string')) {
    throw new Error(`${where}: "countries" must be an array of slugs`);
  }
  const note = optionalText('note');
  const textLang = optionalText('textLang');
  return {
    feed: text('feed'),
    id: text('id'),
    lang: optionalText('lang'),
    ...(textLang === null ? {} : { textLang }),
    title: text('title'),
    summary: optionalText('summary'),
    countries,
    ...(note === null ? {} : { note }),
  };
}

export function loadLabelledRecords(directory: string): LabelledRecord[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => parseLabelledRecords(readFileSync(join(directory, name), 'utf8'), name));
}

function formatRatio(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

function formatRow(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells
    .map((cell, index) => {
      const width = widths[index] ?? 0;
      return index === 0 ? String(cell).padEnd(width) : String(cell).padStart(width);
    })
    .join('  ');
}

const scoreHeader = ['support', 'predicted', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1'];

function scoreCells(scores: SupportedScores): (string | number)[] {
  return [
    scores.support,
    scores.predicted,
    scores.truePositives,
    scores.falsePositives,
    scores.falseNegatives,
    formatRatio(scores.precision),
    formatRatio(scores.recall),
    formatRatio(scores.f1),
  ];
}

function formatTable(first: string, rows: readonly (string | number)[][]): string {
  const header = [first, ...scoreHeader];
  const widths = header.map((cell, index) =>
    Math.max(String(cell).length, ...rows.map((row) => String(row[index] ?? '').length)),
  );
  return [formatRow(header, widths), ...rows.map((row) => formatRow(row, widths))].join('\n');
}

function formatMistakes(heading: string, mistakes: readonly Mistake[]): string {
  const lines = mistakes.map(
    (m) =>
      `  ${m.feed} | ${m.title}\n    expected [${m.expected.join(', ')}]  got [${m.got.join(', ')}]  (${m.topics.join(', ')})`,
  );
  return [`${heading} (${mistakes.length} items)`, ...lines].join('\n');
}

/** The human report: per-topic table, overall, the per-language breakdowns, then every mistake. */
export function formatReport(evaluation: TopicEvaluation, sets: readonly NamedEvaluation[] = []): string {
  const overallRow = ['overall (micro)', ...scoreCells(evaluation.overall)];
  const sections = [
    `${evaluation.itemCount} items, ${evaluation.exactMatchCount} tagged exactly as labelled`,
    formatTable('topic', [...evaluation.perTopic.map((t) => [t.topic, ...scoreCells(t)]), overallRow]),
    ...(sets.length > 1 ? [formatTable('set', sets.map(({ name, evaluation: e }) => [name, ...scoreCells(e.overall)]))] : []),
    ...sets.map(({ name, evaluation: e }) =>
      formatTable(`${name} by language`, e.perTextLanguage.map((row) => [row.lang, ...scoreCells(row)])),
    ),
    formatTable('all sets by language', evaluation.perTextLanguage.map((row) => [row.lang, ...scoreCells(row)])),
    ...Object.entries(evaluation.perLanguage).map(([topic, rows]) =>
      rows.length === 0
        ? `${topic} by language: no labels or predictions`
        : formatTable(`${topic} by language`, rows.map((row) => [row.lang, ...scoreCells(row)])),
    ),
    formatMistakes('False positives', evaluation.falsePositives),
    formatMistakes('False negatives', evaluation.falseNegatives),
  ];
  return `${sections.join('\n\n')}\n`;
}

/** One labelled set (a folder) and its evaluation. */
export interface NamedEvaluation {
  name: string;
  evaluation: TopicEvaluation;
}

export interface Thresholds {
  minPrecision: number | null;
  minRecall: number | null;
}

/** The reasons the overall figures miss the thresholds; empty when they pass. */
export function checkThresholds(overall: Scores, thresholds: Thresholds): string[] {
  const failures: string[] = [];
  const check = (name: string, value: number | null, minimum: number | null): void => {
    if (minimum === null) return;
    if (value === null || value < minimum) failures.push(`${name} ${formatRatio(value)} < ${minimum}`);
  };
  check('precision', overall.precision, thresholds.minPrecision);
  check('recall', overall.recall, thresholds.minRecall);
  return failures;
}

interface CliOptions extends Thresholds {
  json: boolean;
  directories: string[];
}

/** Every labelled set, in the order the report lists them. */
export const labelledSetDirectories: readonly string[] = ['labelled', 'languages', 'languages-heldout'].map((name) =>
  fileURLToPath(new URL(`../fixtures/topics/${name}/`, import.meta.url)),
);

function parseRatio(flag: string, raw: string | undefined): number {
  const value = raw === undefined ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new Error(`${flag} needs a number between 0 and 1`);
  return value;
}

export function parseCliArguments(args: readonly string[]): CliOptions {
  const options: CliOptions = { json: false, directories: [], minPrecision: null, minRecall: null };
  for (let index = 0; index < args.length; index += 1) {
    const flag = args[index];
    if (flag === '--json') options.json = true;
    else if (flag === '--min-precision') options.minPrecision = parseRatio(flag, args[++index]);
    else if (flag === '--min-recall') options.minRecall = parseRatio(flag, args[++index]);
    else if (flag === '--dir') {
      const directory = args[++index];
      if (directory === undefined) throw new Error('--dir needs a directory');
      options.directories.push(resolve(directory));
    } else throw new Error(`unknown argument ${flag}`);
  }
  if (options.directories.length === 0) options.directories = [...labelledSetDirectories];
  return options;
}

/**
 * The tagger the pipeline uses on an item: the country matcher with no custom rules, told the
 * item's declared language or, when its feed declares none, the detected one.
 */
export async function createPipelineTagger(): Promise<TopicTagger> {
  // Loaded here rather than at the top so that the pure functions above can be imported (by
  // the test) without building the country catalogue.
  const { compileMatcher } = await import('../../src/tag/matcher');
  const { loadCountryCatalogue } = await import('../../src/tag/country-catalogue');
  const { detectDocumentLanguages } = await import('../../src/tag/detect-language');
  const matcher = compileMatcher({ countries: loadCountryCatalogue(), rules: [] });
  return {
    tag: (item) => {
      const [language = null] = detectDocumentLanguages([item]);
      return matcher.tag({ ...item, language });
    },
  };
}

/** Evaluates each set on its own and all of them together. */
export function evaluateSets(
  sets: readonly { name: string; records: readonly LabelledRecord[] }[],
  tagger: TopicTagger,
): { all: TopicEvaluation; sets: NamedEvaluation[] } {
  return {
    all: evaluateTopics(sets.flatMap((set) => set.records), tagger),
    sets: sets.map(({ name, records }) => ({ name, evaluation: evaluateTopics(records, tagger) })),
  };
}

async function main(args: readonly string[]): Promise<number> {
  const options = parseCliArguments(args);
  const tagger = await createPipelineTagger();
  const { all: evaluation, sets } = evaluateSets(
    options.directories.map((directory) => ({ name: basename(directory), records: loadLabelledRecords(directory) })),
    tagger,
  );
  const failures = checkThresholds(evaluation.overall, options);
  if (options.json) {
    const thresholds = { minPrecision: options.minPrecision, minRecall: options.minRecall, failures };
    const bySet = Object.fromEntries(sets.map(({ name, evaluation: e }) => [name, { overall: e.overall, perTextLanguage: e.perTextLanguage, perLanguage: e.perLanguage }]));
    process.stdout.write(`${JSON.stringify({ ...evaluation, sets: bySet, thresholds })}\n`);
  } else {
    process.stdout.write(formatReport(evaluation, sets));
    if (failures.length > 0) process.stdout.write(`\nBelow threshold: ${failures.join('; ')}\n`);
  }
  return failures.length > 0 ? 1 : 0;
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`eval-topics: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
