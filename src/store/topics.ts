/** Queries on topics: the seeded catalogue, operators' rules, counts, and re-tagging writes. */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Db } from './db';
import { runBatch } from './db';
import { bumpDataVersion } from './meta';
import { items, itemTopics, topicRules, topics } from './schema';

export type TopicRow = typeof topics.$inferSelect;
export type TopicRuleRow = typeof topicRules.$inferSelect;

/**
 * Inserts or refreshes the built-in topics (names and aliases follow the data package) in one
 * statement over a JSON array: 250 rows as 250 statements cost ~90 ms of drizzle query building
 * at every first start, one `insert … select from json_each(?)` costs ~2 ms.
 */
export async function upsertTopics(db: Db, rows: TopicRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((row) => [row.slug, row.name, row.kind, row.iso2, JSON.stringify(row.aliases)]));
  const field = (index: number) => sql.raw(`j.value ->> ${index}`);
  await db.batch([
    // Feed titles name their topics.
    bumpDataVersion(db),
    db
      .insert(topics)
      // `where true`: SQLite needs it to tell an upsert's ON CONFLICT from a join constraint.
      .select(sql`select ${field(0)}, ${field(1)}, ${field(2)}, ${field(3)}, ${field(4)} from json_each(${json}) j where true`)
      .onConflictDoUpdate({
        target: topics.slug,
        set: { name: sql`excluded.name`, kind: sql`excluded.kind`, iso2: sql`excluded.iso2`, aliases: sql`excluded.aliases` },
      }),
  ]);
}

export interface TopicWithCount extends TopicRow {
  itemCount: number;
}

export async function listTopics(db: Db): Promise<TopicWithCount[]> {
  const counts = await topicCounts(db);
  const rows = await db.select().from(topics).orderBy(asc(topics.kind), asc(topics.name));
  return rows.map((row) => ({ ...row, itemCount: counts.get(row.slug) ?? 0 }));
}

/** Items per topic, read from the feed index. */
export async function topicCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ topic: itemTopics.topic, n: sql<number>`count(*)` })
    .from(itemTopics)
    .groupBy(itemTopics.topic);
  return new Map(rows.map((row) => [row.topic, Number(row.n)]));
}

export async function getTopic(db: Db, slug: string): Promise<TopicWithCount | undefined> {
  const row = await db.select().from(topics).where(eq(topics.slug, slug)).get();
  if (!row) return undefined;
  const count = await db
    .select({ n: sql<number>`count(*)` })
    .from(itemTopics)
    .where(eq(itemTopics.topic, slug))
    .get();
  return { ...row, itemCount: Number(count?.n ?? 0) };
}

export async function listTopicRules(db: Db): Promise<TopicRuleRow[]> {
  return db.select().from(topicRules).orderBy(asc(topicRules.slug));
}

export async function getTopicRule(db: Db, slug: string): Promise<TopicRuleRow | undefined> {
  return db.select().from(topicRules).where(eq(topicRules.slug, slug)).get();
}

/**
 * Saves an operator's rule (and, for a custom topic, the topic itself), and arms re-tagging:
 * progress starts at 0 of the items stored now, and resumes after `retagCursor`.
 */
export async function saveTopicRule(
  db: Db,
  rule: { slug: string; name: string | null; include: string[]; exclude: string[]; fields: Array<'title' | 'summary'> | null },
  custom: boolean,
  now: number,
): Promise<void> {
  const total = await db.select({ n: sql<number>`count(*)` }).from(items).get();
  const values = {
    slug: rule.slug,
    include: rule.include,
    exclude: rule.exclude,
    fields: rule.fields,
    updatedAt: now,
    retagDone: 0,
    retagTotal: Number(total?.n ?? 0),
    retagCursor: 0,
  };
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(topicRules).values(values).onConflictDoUpdate({ target: topicRules.slug, set: values }),
  ];
  if (custom) {
    // A custom topic's name is its feeds' title; its items move with the re-tagging steps.
    statements.push(bumpDataVersion(db));
    const topic = { slug: rule.slug, name: rule.name ?? rule.slug, kind: 'custom' as const, iso2: null, aliases: [] };
    statements.push(
      db.insert(topics).values(topic).onConflictDoUpdate({ target: topics.slug, set: { name: topic.name } }),
    );
  }
  await runBatch(db, statements);
}

/** Removes a custom topic with its tags, or a built-in topic's extension (the caller re-tags). */
export async function deleteTopicRule(db: Db, slug: string, custom: boolean): Promise<void> {
  const statements: BatchItem<'sqlite'>[] = [db.delete(topicRules).where(eq(topicRules.slug, slug))];
  if (custom) {
    statements.push(bumpDataVersion(db));
    statements.push(db.delete(itemTopics).where(eq(itemTopics.topic, slug)));
    statements.push(db.delete(topics).where(eq(topics.slug, slug)));
  }
  await runBatch(db, statements);
}

/** Rules whose re-tagging has not finished. */
export async function listPendingRetags(db: Db): Promise<TopicRuleRow[]> {
  return db.select().from(topicRules).where(sql`${topicRules.retagCursor} is not null`);
}

/** The next items to re-tag: ids after `afterId`, in id order. */
export async function itemsAfter(db: Db, afterId: number, limit: number) {
  return db
    .select({ id: items.id, title: items.title, summary: items.summary, language: items.language, publishedAt: items.publishedAt })
    .from(items)
    .where(gt(items.id, afterId))
    .orderBy(asc(items.id))
    .limit(limit);
}

/**
 * Writes one re-tagging step for `slug` in one batch: among `itemIds`, exactly `matchedIds`
 * carry the topic afterwards; progress moves to `cursor` (null when finished).
 */
export async function writeRetagStep(
  db: Db,
  slug: string,
  step: { itemIds: number[]; matched: Array<{ id: number; publishedAt: number }>; cursor: number | null; done: number },
): Promise<void> {
  const statements: BatchItem<'sqlite'>[] = [];
  if (step.itemIds.length > 0) {
    const matchedIds = step.matched.map((m) => m.id);
    // The version moves only when this step adds or removes a tag: re-tagging a million items
    // after a small edit changes a few feeds, not all of them every step. Evaluated first, on
    // the tags as they were.
    const unmatched = JSON.stringify(step.itemIds.filter((id) => !matchedIds.includes(id)));
    statements.push(
      bumpDataVersion(
        db,
        sql`exists (select 1 from ${itemTopics} where ${itemTopics.topic} = ${slug} and ${itemTopics.itemId} in (select value from json_each(${unmatched})))
          or exists (select 1 from json_each(${JSON.stringify(matchedIds)}) m where not exists
            (select 1 from ${itemTopics} where ${itemTopics.topic} = ${slug} and ${itemTopics.itemId} = m.value))`,
      ),
    );
    for (let i = 0; i < step.itemIds.length; i += 90) {
      const part = step.itemIds.slice(i, i + 90).filter((id) => !matchedIds.includes(id));
      if (part.length > 0) {
        statements.push(db.delete(itemTopics).where(and(eq(itemTopics.topic, slug), inArray(itemTopics.itemId, part))));
      }
    }
    for (const m of step.matched) {
      statements.push(
        db.insert(itemTopics).values({ itemId: m.id, topic: slug, publishedAt: m.publishedAt }).onConflictDoNothing(),
      );
    }
  }
  statements.push(
    db.update(topicRules).set({ retagCursor: step.cursor, retagDone: step.done }).where(eq(topicRules.slug, slug)),
  );
  await runBatch(db, statements);
}

export async function listTopicSlugs(db: Db): Promise<string[]> {
  const rows = await db.select({ slug: topics.slug }).from(topics);
  return rows.map((row) => row.slug);
}

/** Display names of the given topics (slugs it does not know are left out). */
export async function topicNames(db: Db, slugs: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ slug: topics.slug, name: topics.name }).from(topics).where(inArray(topics.slug, unique));
  return new Map(rows.map((row) => [row.slug, row.name]));
}
