// How fast a topic feed is read as the items table grows: `findItemIds` (driven by the
// item_topics feed index) against the straightforward query (scan items newest first, test
// each for its topics), on real libSQL files of 10,000 and 100,000 items. Prints JSON lines.
import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLibsqlDb, type Db } from '../src/store/db';
import { findItemIds } from '../src/store/items';
import { migrateDatabase } from '../src/store/migrate';
import { MIGRATIONS_FOLDER } from '../src/runtime/node-deps';
import { parseExpression } from '../src/tag/expression';

const TOPIC_SHARES: Array<[string, number]> = [
  ['united-states', 0.25],
  ['russia', 0.2],
  ['ukraine', 0.15],
  ['china', 0.1],
  ['uzbekistan', 0.01],
  ['kazakhstan', 0.005],
];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

async function fill(db: Db, count: number): Promise<void> {
  const next = random(42);
  const start = Date.UTC(2026, 0, 1);
  const rowsPerStatement = 500;
  for (let offset = 0; offset < count; offset += rowsPerStatement) {
    const items = [];
    const tags = [];
    for (let i = offset; i < Math.min(count, offset + rowsPerStatement); i++) {
      const at = start + i * 60_000;
      items.push(sql`(${i + 1}, ${`https://example.org/${i}`}, ${`Story ${i}`}, ${at}, ${at})`);
      for (const [topic, share] of TOPIC_SHARES) if (next() < share) tags.push(sql`(${i + 1}, ${topic}, ${at})`);
    }
    await db.run(sql`insert into items (id, dedup_key, title, published_at, first_seen_at) values ${sql.join(items, sql`, `)}`);
    if (tags.length > 0) await db.run(sql`insert into item_topics (item_id, topic, published_at) values ${sql.join(tags, sql`, `)}`);
  }
}

/** The straightforward query: newest items first, each tested for every term. */
async function naiveIds(db: Db, expression: string, limit: number): Promise<number[]> {
  const groups = parseExpression(expression).map((group) =>
    sql.join(
      group.map((term) =>
        term.negated
          ? sql`not exists (select 1 from item_topics t where t.item_id = i.id and t.topic = ${term.slug})`
          : sql`exists (select 1 from item_topics t where t.item_id = i.id and t.topic = ${term.slug})`,
      ),
      sql` and `,
    ),
  );
  const where = sql.join(groups.map((g) => sql`(${g})`), sql` or `);
  const rows = await db.all<{ id: number }>(sql`select i.id from items i where ${where} order by i.published_at desc, i.id desc limit ${limit}`);
  return rows.map((r) => r.id);
}

async function median(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  await task(); // warm up
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export async function main(): Promise<void> {
  for (const count of [10_000, 100_000]) {
    const dir = mkdtempSync(join(tmpdir(), 'topicwire-bench-'));
    const client = createClient({ url: `file:${join(dir, 'bench.db')}` });
    const db = createLibsqlDb(client);
    await migrateDatabase(db, MIGRATIONS_FOLDER);
    await fill(db, count);
    await db.run(sql`analyze`);
    for (const expression of ['russia', 'kazakhstan+russia', 'russia+!ukraine', 'kazakhstan,uzbekistan']) {
      const parsed = parseExpression(expression);
      const ours = await findItemIds(db, { expression: parsed, limit: 50 });
      const naive = await naiveIds(db, expression, 50);
      if (JSON.stringify(ours.map((i) => i.id)) !== JSON.stringify(naive)) throw new Error(`results differ for ${expression}`);
      const oursMs = await median(15, () => findItemIds(db, { expression: parsed, limit: 50 }));
      const naiveMs = await median(15, () => naiveIds(db, expression, 50));
      console.log(
        JSON.stringify({
          bench: 'store.findItemIds',
          items: count,
          expression,
          limit: 50,
          medianMs: Number(oursMs.toFixed(3)),
          baselineMedianMs: Number(naiveMs.toFixed(3)),
          speedup: Number((naiveMs / oursMs).toFixed(1)),
        }),
      );
    }
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
