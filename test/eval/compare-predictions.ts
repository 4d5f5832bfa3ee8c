/**
 * Item-by-item comparison of the country matcher's predictions before and after a change that
 * must not change them (a refactor, a speed-up, a new language whose rules must leave the others
 * alone).
 *
 *   npx tsx test/eval/compare-predictions.ts --write before.jsonl   # on the old code
 *   npx tsx test/eval/compare-predictions.ts --compare before.jsonl [--langs en,ru]
 *
 * The items: every record of every labelled set (test/fixtures/topics/labelled, languages,
 * languages-heldout, and any other folder of .jsonl there) and every item of every fixture feed
 * (test/fixtures/**.xml that parses as a feed). Each prediction is keyed by where the item came
 * from, so the two runs are compared pair by pair. `--langs` restricts the comparison to items
 * whose text language (`textLang`, else the declared `lang`; feeds: the declared language) starts
 * with one of the codes; items without a language are always compared. Only predictions and
 * counts are printed, never which labelled item (of the held-out set) was right or wrong.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractItems } from './extract-items';

interface Item {
  key: string;
  lang: string | null;
  textLang: string | null;
  title: string;
  summary: string | null;
}

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

function walk(directory: string, out: string[]): string[] {
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

async function loadItems(): Promise<Item[]> {
  const items: Item[] = [];
  const files = walk(fixtures, []);
  for (const path of files.filter((p) => p.endsWith('.jsonl') && p.includes(`${join('fixtures', 'topics')}`))) {
    const where = relative(fixtures, path);
    readFileSync(path, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        const record = JSON.parse(line) as { lang?: string | null; textLang?: string | null; title?: string; summary?: string | null };
        if (typeof record.title !== 'string') return;
        items.push({ key: `${where}:${index + 1}`, lang: record.lang ?? null, textLang: record.textLang ?? null, title: record.title, summary: record.summary ?? null });
      });
  }
  for (const path of files.filter((p) => p.endsWith('.xml'))) {
    let extracted;
    try {
      extracted = await extractItems(path, null);
    } catch {
      continue; // not a feed rss-parser reads (broken fixtures of the parser tests)
    }
    const where = relative(fixtures, path);
    extracted.forEach((item, index) => {
      items.push({ key: `${where}#${index}`, lang: item.lang, textLang: null, title: item.title, summary: item.summary });
    });
  }
  return items;
}

async function main(args: string[]): Promise<number> {
  const mode = args[0];
  const file = args[1];
  if ((mode !== '--write' && mode !== '--compare') || file === undefined) {
    process.stderr.write('usage: compare-predictions.ts --write FILE | --compare FILE [--langs en,ru]\n');
    return 2;
  }
  const langsIndex = args.indexOf('--langs');
  const langs = langsIndex >= 0 ? (args[langsIndex + 1] ?? '').split(',').filter((l) => l.length > 0) : null;
  const { compileMatcher } = await import('../../src/tag/matcher');
  const { loadCountryCatalogue } = await import('../../src/tag/country-catalogue');
  const matcher = compileMatcher({ countries: loadCountryCatalogue(), rules: [] });
  const items = await loadItems();
  const predictions = items.map((item) => ({
    key: item.key,
    lang: item.textLang ?? item.lang,
    got: matcher.tag({ title: item.title, summary: item.summary, language: item.lang }).join(' '),
  }));
  if (mode === '--write') {
    writeFileSync(file, predictions.map((p) => JSON.stringify(p)).join('\n') + '\n');
    process.stdout.write(`${predictions.length} predictions written to ${file}\n`);
    return 0;
  }
  const before = new Map<string, { lang: string | null; got: string }>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const p = JSON.parse(line) as { key: string; lang: string | null; got: string };
    before.set(p.key, p);
  }
  const selected = (lang: string | null): boolean =>
    langs === null || lang === null || langs.some((code) => lang === code || lang.startsWith(`${code}-`));
  let compared = 0;
  let differences = 0;
  const heldOut = (key: string): boolean => key.includes('heldout');
  for (const p of predictions) {
    const old = before.get(p.key);
    if (!old || !selected(p.lang)) continue;
    compared++;
    if (old.got !== p.got) {
      differences++;
      // Held-out items are counted, never shown.
      if (!heldOut(p.key)) process.stdout.write(`${p.key} [${p.lang ?? '-'}]: ${old.got || '∅'} → ${p.got || '∅'}\n`);
    }
  }
  process.stdout.write(`${compared} predictions compared${langs ? ` (languages ${langs.join(',')} and undeclared)` : ''}, ${differences} differences\n`);
  return differences === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`compare-predictions: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
