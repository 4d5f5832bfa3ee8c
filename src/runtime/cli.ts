/**
 * `npx topicwire …` (and `npm run poll`): the operator's command line. It works directly on the
 * database named by DATABASE_URL, like the server does, so it needs no running server.
 */
import { SingleBar, Presets } from 'cli-progress';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeError } from '../domain/errors';
import { pollDue } from '../pipeline/poll-due';
import { addSource, describePoll, importOpml } from '../pipeline/sources';
import { defineTopic, previewDefinition, resolveTopicExpression, retagPending, type TopicDefinitionInput } from '../pipeline/topics';
import { renderOpml } from '../publish/opml';
import { findItemIds, loadItems } from '../store/items';
import { listSources } from '../store/sources';
import { listTopicRules, listTopics } from '../store/topics';
import { createNodeRuntime, type NodeRuntime } from './node-deps';

const USAGE = `usage: topicwire <command>

  serve                          start the server and scheduler (same as npm start)
  poll [--all]                   poll every due source once (--all: every enabled source), then exit
  sources list                   list sources with their poll state
  sources add URL [--force]      add a feed (or a page that links to one) and poll it at once;
                                 --force adds a URL that does not answer with a feed now
  sources import FILE.opml       import sources from OPML
  topics list [--custom]         list topics with item counts
  topics set SLUG --file F.json  define a custom topic, or extend a built-in one, and re-tag stored items
                                 F.json: {"name": "…", "include": ["term", "prefix*"], "exclude": [], "fields": ["title","summary"]}
  topics preview SLUG --file F.json | topics preview --expr EXPR
                                 show which stored items would match, before saving
  export opml [--sources]        OPML of the topic feeds (or of the sources) on stdout
  migrate                        apply database migrations and exit

Settings come from the environment (DATABASE_URL, PUBLIC_URL, …); see the README.`;

// bin/topicwire.mjs reports errors as the guard at the bottom does.
export { describeError };

type Out = (line: string) => void;

export async function runCli(argv: string[], env: Record<string, string | undefined>, out: Out = console.log): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      file: { type: 'string' },
      expr: { type: 'string' },
      custom: { type: 'boolean', default: false },
      sources: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    out(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'serve') {
    const { main } = await import('./node');
    await main(env);
    return -1; // keeps running
  }
  // Every command opens the database as the server would (migrated, seeded on first use).
  const runtime = await createNodeRuntime(env);
  try {
    return await dispatch(runtime, command, sub, arg, values, out);
  } finally {
    runtime.close();
  }
}

async function dispatch(
  runtime: NodeRuntime,
  command: string,
  sub: string | undefined,
  arg: string | undefined,
  values: { all?: boolean; file?: string; expr?: string; custom?: boolean; sources?: boolean; force?: boolean },
  out: Out,
): Promise<number> {
  const { pipeline, db, config } = runtime;
  switch (`${command} ${sub ?? ''}`.trim()) {
    case 'migrate':
      out(`database ${config.databaseUrl} is up to date`);
      return 0;
    case 'poll': {
      const bar = process.stderr.isTTY ? new SingleBar({ format: 'polling [{bar}] {value}/{total} {source}', hideCursor: true }, Presets.shades_classic) : null;
      let started = false;
      // Without a terminal, one line per source, written in runs: a write per line cost a
      // round of 10,000 304s an eighth of its CPU.
      const lines: string[] = [];
      let flushedAt = Date.now();
      const flushLines = () => {
        if (lines.length > 0) out(lines.splice(0).join('\n'));
        flushedAt = Date.now();
      };
      const reports = await pollDue(pipeline, {
        all: values.all ?? false,
        concurrency: config.pollConcurrency,
        onProgress: (report, done, total) => {
          if (bar && !started) {
            bar.start(total, 0, { source: '' });
            started = true;
          }
          bar?.update(done, { source: new URL(report.url).host });
          if (!bar) lines.push(`[${done}/${total}] ${report.status.padEnd(12)} ${String(report.newEntries).padStart(4)} new${report.updatedEntries > 0 ? `, ${report.updatedEntries} updated` : ''}${report.skippedEntries > 0 ? ` (${report.skippedEntries} over POLL_MAX_ENTRIES)` : ''}  ${report.url}${report.error ? `  (${report.error})` : ''}`);
          if (lines.length >= 500 || Date.now() - flushedAt > 500) flushLines();
        },
      });
      flushLines();
      bar?.stop();
      await retagPending(pipeline);
      const failed = reports.filter((r) => r.status === 'error');
      out(`polled ${reports.length} source(s): ${reports.reduce((s, r) => s + r.newEntries, 0)} new entries, ${reports.filter((r) => r.status === 'not_modified').length} not modified, ${failed.length} failed`);
      const skipped = reports.filter((r) => r.skippedEntries > 0);
      if (skipped.length > 0) out(`${skipped.reduce((s, r) => s + r.skippedEntries, 0)} older entries over POLL_MAX_ENTRIES=${config.pollMaxEntries} not read, in ${skipped.length} source(s)`);
      if (bar) for (const report of failed) out(`  failed: ${report.url}: ${report.error}`);
      return 0;
    }
    case 'sources list': {
      for (const s of await listSources(db)) {
        out(`${String(s.id).padStart(4)}  ${(s.lastStatus ?? 'new').padEnd(12)} ${String(s.itemCount).padStart(5)} items  ${s.url}${s.lastError ? `\n      last error: ${s.lastError}` : ''}`);
      }
      return 0;
    }
    case 'sources add': {
      if (!arg) throw new Error('sources add needs a URL');
      const { source, created, poll } = await addSource(pipeline, { url: arg, force: values.force ?? false });
      out(`${created ? 'added' : 'already present'}: source ${source.id} ${source.url}`);
      if (poll) out(`first poll: ${describePoll(poll)}`);
      return 0;
    }
    case 'sources import': {
      if (!arg) throw new Error('sources import needs an OPML file');
      const result = await importOpml(pipeline, readFileSync(arg, 'utf8'));
      for (const r of result.results) out(`${r.status.padEnd(8)} ${r.url}${r.error ? `  (${r.error})` : ''}`);
      out(`${result.added} added, ${result.present} already present, ${result.invalid} invalid`);
      return result.invalid > 0 && result.added + result.present === 0 ? 1 : 0;
    }
    case 'topics list': {
      const rules = new Set((await listTopicRules(db)).map((r) => r.slug));
      for (const t of await listTopics(db)) {
        if (values.custom && t.kind !== 'custom') continue;
        out(`${t.slug.padEnd(36)} ${String(t.itemCount).padStart(6)}  ${t.kind}${rules.has(t.slug) && t.kind === 'country' ? ' (extended)' : ''}  ${t.name}`);
      }
      return 0;
    }
    case 'topics set': {
      if (!arg || !values.file) throw new Error('usage: topics set SLUG --file topic.json');
      const definition = readDefinition(values.file);
      const { builtIn } = await defineTopic(pipeline, arg, definition);
      out(`${builtIn ? 'extended built-in' : 'saved custom'} topic ${arg}; re-tagging stored items…`);
      const steps = await retagPending(pipeline);
      const topic = (await listTopics(db)).find((t) => t.slug === arg);
      out(`done (${steps} step(s)); ${topic?.itemCount ?? 0} item(s) carry ${arg}`);
      return 0;
    }
    case 'topics preview': {
      if (values.expr) {
        const expression = await resolveTopicExpression(db, values.expr);
        const ids = await findItemIds(db, { expression, limit: 50 });
        for (const item of await loadItems(db, ids.map((i) => i.id))) out(`${item.id}\t${item.title}`);
        return 0;
      }
      if (!arg || !values.file) throw new Error('usage: topics preview SLUG --file topic.json, or topics preview --expr EXPR');
      const result = await previewDefinition(pipeline, arg, readDefinition(values.file), 5000);
      const items = await loadItems(db, result.matches.slice(0, 50));
      for (const item of items) out(`${result.gained.includes(item.id) ? '+' : ' '} ${item.id}\t${item.title}`);
      out(`${result.matches.length} of ${result.scanned} newest items match; ${result.gained.length} gained, ${result.lost.length} lost against the saved topic`);
      return 0;
    }
    case 'export opml': {
      if (values.sources) {
        const sources = await listSources(db);
        out(renderOpml({ title: 'topicwire sources', createdAt: new Date(), outlines: sources.map((s) => ({ text: s.title ?? s.url, xmlUrl: s.url, htmlUrl: s.siteUrl, type: 'rss' })) }));
        return 0;
      }
      const topics = (await listTopics(db)).filter((t) => t.itemCount > 0);
      out(renderOpml({
        title: 'topicwire topic feeds',
        createdAt: new Date(),
        outlines: topics.map((t) => ({ text: `topicwire: ${t.name}`, xmlUrl: `${config.publicUrl}/feeds/${t.slug}.rss`, htmlUrl: `${config.publicUrl}/topics/${t.slug}`, type: 'rss', category: t.kind })),
      }));
      return 0;
    }
    default:
      out(`unknown command: ${command}${sub ? ` ${sub}` : ''}\n\n${USAGE}`);
      return 2;
  }
}

function readDefinition(file: string): TopicDefinitionInput {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as { include?: unknown }).include)) {
    throw new Error(`${file}: expected {"include": [...], "exclude"?: [...], "name"?: "...", "fields"?: [...]}`);
  }
  return parsed as TopicDefinitionInput;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2), process.env).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (error: unknown) => {
      console.error(`topicwire: ${describeError(error)}`);
      process.exit(1);
    },
  );
}
