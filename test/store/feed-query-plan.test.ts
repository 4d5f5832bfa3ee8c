// The topic feed query's plans (EXPLAIN QUERY PLAN on the statement findItemIds really sends,
// captured through the libSQL client): every AND-group is read from the item_topics feed index
// of its first positive term in order, other terms are primary-key probes, and no table is
// scanned, so a page costs about `limit` index steps however many items the database holds.
import { createClient, type InStatement } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLibsqlDb, FILE_CLIENT_OPTIONS, tuneFileDatabase, type Db } from '../../src/store/db';
import { findItemIds } from '../../src/store/items';
import { migrateDatabase } from '../../src/store/migrate';
import { parseExpression } from '../../src/tag/expression';
import { MIGRATIONS_FOLDER } from '../helpers/db';

const client = createClient({ url: `file:${join(mkdtempSync(join(tmpdir(), 'topicwire-plan-')), 'plan.db')}`, ...FILE_CLIENT_OPTIONS });
let captured: InStatement | null = null;
const db: Db = createLibsqlDb(
  new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === 'execute') {
        return (statement: InStatement) => {
          captured = statement;
          return target.execute(statement);
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }),
);

beforeAll(async () => {
  await tuneFileDatabase(client);
  await migrateDatabase(db, MIGRATIONS_FOLDER);
  // Enough rows, and fresh statistics, for the planner to choose as it would on a large database.
  const ids = Array.from({ length: 20_000 }, (_, i) => i + 1);
  await client.execute({
    sql: `insert into items (id, dedup_key, title, published_at, first_seen_at) select value, 'k' || value, 't' || value, value * 1000, value * 1000 from json_each(?)`,
    args: [JSON.stringify(ids)],
  });
  const topics = ['russia', 'ukraine', 'kazakhstan', 'uzbekistan', 'china'];
  await client.execute({
    sql: `insert into item_topics (item_id, topic, published_at) select i.id, t.value, i.published_at from items i, json_each(?) t where (i.id + length(t.value)) % 3 = 0`,
    args: [JSON.stringify(topics)],
  });
  await client.execute('analyze');
});

afterAll(() => client.close());

async function plan(expression: string): Promise<string[]> {
  captured = null;
  await findItemIds(db, { expression: parseExpression(expression), limit: 51 });
  const statement = captured as InStatement | null;
  if (statement === null) throw new Error('findItemIds sent no statement through execute');
  const sql = typeof statement === 'string' ? statement : statement.sql;
  const args = typeof statement === 'string' ? [] : (statement.args ?? []);
  const result = await client.execute({ sql: `explain query plan ${sql}`, args } as InStatement);
  return result.rows.map((row) => String(row.detail));
}

describe('findItemIds query plans', () => {
  it.each(['russia', 'russia+!ukraine', 'kazakhstan+russia', 'kazakhstan,uzbekistan', 'kazakhstan+russia,china+!ukraine'])(
    '%s: each group walks the feed index, probes the rest by key, scans nothing',
    async (expression) => {
      const steps = await plan(expression);
      const groups = parseExpression(expression).length;
      expect(steps.filter((step) => /SEARCH d USING (COVERING )?INDEX item_topics_feed_idx \(topic=\?\)/.test(step)), steps.join('\n')).toHaveLength(groups);
      expect(steps.filter((step) => /^SCAN (d|i|x|items|item_topics)\b/.test(step)), steps.join('\n')).toEqual([]);
      // Within a group the index gives the order; only the merge of the groups' pages sorts.
      expect(steps.filter((step) => step.includes('TEMP B-TREE FOR ORDER BY')).length, steps.join('\n')).toBeLessThanOrEqual(groups + 1);
    },
  );
});
