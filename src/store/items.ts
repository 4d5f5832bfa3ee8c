/** Queries on items: saving a poll's entries, and reading items back by topic expression. */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Entry, TopicExpression } from '../domain/types';
import type { Db } from './db';
import { itemSources, items, itemTopics, sources, topics } from './schema';
import { matchCondition } from './search';
import { updateSourcePollState, type SourcePollState } from './sources';

export type ItemRow = typeof items.$inferSelect;

/** An entry ready to store: identified (per source and across sources) and tagged. */
export interface PreparedEntry {
  entry: Entry;
  /** Identity within its source (guid, else URL, else content hash). */
  entryKey: string;
  /** Identity across sources: the canonical URL, else a key private to this source. */
  dedupKey: string;
  /** The article's link as the first source gave it. */
  url: string | null;
  publishedAt: number;
  topics: string[];
}

// D1 allows at most 100 bound parameters per statement; stay under it everywhere.
const MAX_PARAMS = 90;

function chunk<T>(list: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  return chunks;
}

/** Entry keys of `sourceId` that are already stored, among `keys`. */
export async function findKnownEntryKeys(db: Db, sourceId: number, keys: string[]): Promise<Set<string>> {
  const known = new Set<string>();
  for (const part of chunk([...new Set(keys)], MAX_PARAMS)) {
    const rows = await db
      .select({ key: itemSources.entryKey })
      .from(itemSources)
      .where(and(eq(itemSources.sourceId, sourceId), inArray(itemSources.entryKey, part)));
    for (const row of rows) known.add(row.key);
  }
  return known;
}

/** Dedup keys that are already stored (stories some source brought before), among `keys`. */
export async function findExistingDedupKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const existing = new Set<string>();
  for (const part of chunk([...new Set(keys)], MAX_PARAMS)) {
    const rows = await db.select({ key: items.dedupKey }).from(items).where(inArray(items.dedupKey, part));
    for (const row of rows) existing.add(row.key);
  }
  return existing;
}

/**
 * Writes one poll: new items (a story already stored from another source gains this source
 * instead of a copy), their source links and topics, and the source's new poll state, all in
 * one batch, so a crash never leaves half a poll behind.
 */
export async function savePoll(
  db: Db,
  sourceId: number,
  entries: PreparedEntry[],
  state: SourcePollState,
  now: number,
): Promise<void> {
  const statements: BatchItem<'sqlite'>[] = [];
  for (const prepared of entries) {
    const { entry } = prepared;
    statements.push(
      db
        .insert(items)
        .values({
          dedupKey: prepared.dedupKey,
          url: prepared.url,
          title: entry.title,
          summary: entry.summary,
          contentHtml: entry.contentHtml,
          author: entry.author,
          language: entry.language,
          categories: entry.categories,
          enclosures: entry.enclosures,
          publishedAt: prepared.publishedAt,
          updatedAt: entry.updatedAt ? entry.updatedAt.getTime() : null,
          firstSeenAt: now,
        })
        .onConflictDoNothing({ target: items.dedupKey }),
      // insert(…).select(sql) rather than db.run(sql): drizzle's D1 batch cannot run raw
      // statements. The selected columns follow the table's column order.
      db
        .insert(itemSources)
        .select(sql`select ${sourceId}, ${prepared.entryKey}, ${items.id}, ${entry.guid}, ${entry.url}, ${now}
          from ${items} where ${items.dedupKey} = ${prepared.dedupKey}`)
        .onConflictDoNothing(),
    );
    if (prepared.topics.length > 0) {
      statements.push(
        db
          .insert(itemTopics)
          .select(sql`select ${items.id}, t.value, ${items.publishedAt}
            from ${items}, json_each(${JSON.stringify(prepared.topics)}) t
            where ${items.dedupKey} = ${prepared.dedupKey}`)
          .onConflictDoNothing(),
      );
    }
  }
  await db.batch([updateSourcePollState(db, sourceId, state), ...statements]);
}

/** Filters that narrow an item listing besides its topic expression. */
export interface ItemFilters {
  sourceId?: number;
  language?: string;
  since?: number;
  until?: number;
  /** An FTS5 MATCH expression from `parseSearchQuery` (store/search.ts): only items it matches. */
  match?: string;
}

/** A position in a newest-first listing: the last item seen. */
export interface ItemCursor {
  publishedAt: number;
  id: number;
}

/**
 * Ids of the newest items matching `expression` (all items when it is null) and the filters,
 * strictly after `cursor`, newest first. Each AND-group is read from the `item_topics` feed
 * index of its first positive term, in order, checking the other terms by primary key; the
 * groups of an OR are merged. So a page costs about `limit` index steps per group, however
 * many items the database holds.
 */
export async function findItemIds(
  db: Db,
  options: { expression: TopicExpression | null; filters?: ItemFilters; cursor?: ItemCursor | null; limit: number },
): Promise<ItemCursor[]> {
  const { expression, filters = {}, cursor = null, limit } = options;
  const groups = expression ?? [[]];
  const selects = groups.map((group) => groupQuery(group, filters, cursor, limit));
  const union = sql.join(
    selects.map((select) => sql`select * from (${select})`),
    sql` union `,
  );
  const rows = await db.all<{ id: number; published_at: number }>(
    sql`select id, published_at from (${union}) order by published_at desc, id desc limit ${limit}`,
  );
  return rows.map((row) => ({ id: Number(row.id), publishedAt: Number(row.published_at) }));
}

function groupQuery(
  group: TopicExpression[number],
  filters: ItemFilters,
  cursor: ItemCursor | null,
  limit: number | null,
): SQL {
  const positives = group.filter((term) => !term.negated);
  const negatives = group.filter((term) => term.negated);
  const [driver, ...others] = positives;
  // The driving table gives the order: a topic's feed index, or the items' own date index.
  const from = driver
    ? sql`from ${itemTopics} d join ${items} i on i.id = d.item_id`
    : sql`from ${items} i`;
  const order = driver ? { at: sql`d.published_at`, id: sql`d.item_id` } : { at: sql`i.published_at`, id: sql`i.id` };
  const conditions: SQL[] = [];
  if (driver) conditions.push(sql`d.topic = ${driver.slug}`);
  for (const term of others) {
    conditions.push(sql`exists (select 1 from ${itemTopics} x where x.item_id = i.id and x.topic = ${term.slug})`);
  }
  for (const term of negatives) {
    conditions.push(sql`not exists (select 1 from ${itemTopics} x where x.item_id = i.id and x.topic = ${term.slug})`);
  }
  if (cursor) {
    conditions.push(
      sql`(${order.at} < ${cursor.publishedAt} or (${order.at} = ${cursor.publishedAt} and ${order.id} < ${cursor.id}))`,
    );
  }
  if (filters.since !== undefined) conditions.push(sql`${order.at} >= ${filters.since}`);
  if (filters.until !== undefined) conditions.push(sql`${order.at} < ${filters.until}`);
  if (filters.language !== undefined) {
    conditions.push(sql`(i.language = ${filters.language} or i.language like ${`${filters.language}-%`})`);
  }
  if (filters.sourceId !== undefined) {
    conditions.push(
      sql`exists (select 1 from ${itemSources} s where s.item_id = i.id and s.source_id = ${filters.sourceId})`,
    );
  }
  if (filters.match !== undefined) conditions.push(matchCondition(filters.match));
  const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  if (limit === null) return sql`select i.id as id, ${order.at} as published_at ${from} ${where}`;
  return sql`select i.id as id, ${order.at} as published_at ${from} ${where} order by ${order.at} desc, ${order.id} desc limit ${limit}`;
}

/**
 * Every item matching `expression` (all items when null) and the filters, unordered, as an SQL
 * select of `id, published_at`: for aggregates and ranking over the same set a listing shows.
 */
export function matchingItemsQuery(expression: TopicExpression | null, filters: ItemFilters = {}): SQL {
  const groups = expression ?? [[]];
  return sql.join(
    groups.map((group) => sql`select * from (${groupQuery(group, filters, null, null)})`),
    sql` union `,
  );
}

/** Items per UTC day (epoch-day number → count) of an expression, from `since` on. */
export async function countItemsPerDay(
  db: Db,
  options: { expression: TopicExpression | null; since: number; until?: number },
): Promise<Map<number, number>> {
  const filters: ItemFilters = { since: options.since, ...(options.until === undefined ? {} : { until: options.until }) };
  const rows = await db.all<{ day: number; n: number }>(
    sql`select published_at / 86400000 as day, count(*) as n from (${matchingItemsQuery(options.expression, filters)}) group by day`,
  );
  return new Map(rows.map((row) => [Number(row.day), Number(row.n)]));
}

/**
 * The topic pairs that most often tag the same item among items published since `since`,
 * most frequent first: the landing page's "popular combinations".
 */
export async function findPopularTopicPairs(
  db: Db,
  options: { since: number; limit: number },
): Promise<Array<{ first: string; second: string; itemCount: number }>> {
  const rows = await db.all<{ first: string; second: string; n: number }>(sql`
    select a.topic as first, b.topic as second, count(*) as n
    from ${itemTopics} a join ${itemTopics} b on b.item_id = a.item_id and b.topic > a.topic
    where a.published_at >= ${options.since}
    group by a.topic, b.topic
    order by n desc, first, second
    limit ${options.limit}`);
  return rows.map((row) => ({ first: row.first, second: row.second, itemCount: Number(row.n) }));
}

/** An item with everything a feed or the API shows about it. */
export interface ItemDetail extends ItemRow {
  sources: Array<{ id: number; title: string | null; url: string; siteUrl: string | null; entryUrl: string | null; firstSeenAt: number }>;
  topics: Array<{ slug: string; name: string; kind: 'country' | 'custom' }>;
}

/** Loads items with their sources (first seen first) and topics, in the order of `ids`. */
export async function loadItems(db: Db, ids: number[]): Promise<ItemDetail[]> {
  if (ids.length === 0) return [];
  const rows: ItemRow[] = [];
  const links: Array<{ itemId: number; id: number; title: string | null; url: string; siteUrl: string | null; entryUrl: string | null; firstSeenAt: number }> = [];
  const tags: Array<{ itemId: number; slug: string; name: string; kind: 'country' | 'custom' }> = [];
  for (const part of chunk(ids, MAX_PARAMS)) {
    rows.push(...(await db.select().from(items).where(inArray(items.id, part))));
    links.push(
      ...(await db
        .select({
          itemId: itemSources.itemId,
          id: sources.id,
          title: sources.title,
          url: sources.url,
          siteUrl: sources.siteUrl,
          entryUrl: itemSources.url,
          firstSeenAt: itemSources.firstSeenAt,
        })
        .from(itemSources)
        .innerJoin(sources, eq(sources.id, itemSources.sourceId))
        .where(inArray(itemSources.itemId, part))
        .orderBy(asc(itemSources.firstSeenAt), asc(sources.id))),
    );
    tags.push(
      ...(await db
        .select({ itemId: itemTopics.itemId, slug: topics.slug, name: topics.name, kind: topics.kind })
        .from(itemTopics)
        .innerJoin(topics, eq(topics.slug, itemTopics.topic))
        .where(inArray(itemTopics.itemId, part))
        .orderBy(asc(topics.kind), asc(topics.name))),
    );
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        ...row,
        sources: links.filter((link) => link.itemId === id).map(({ itemId: _, ...link }) => link),
        topics: tags.filter((tag) => tag.itemId === id).map(({ itemId: _, ...tag }) => tag),
      },
    ];
  });
}

/** Newest `published_at` among the items matched, for Last-Modified; null when none. */
export function newestPublishedAt(list: ItemCursor[]): number | null {
  return list.reduce<number | null>((newest, item) => (newest === null || item.publishedAt > newest ? item.publishedAt : newest), null);
}

/** Total items and the time of the last change to any item (for cheap feed validators). */
export async function itemsVersion(db: Db): Promise<{ count: number; lastSeenAt: number }> {
  const row = await db
    .select({ count: sql<number>`count(*)`, lastSeenAt: sql<number>`coalesce(max(${items.firstSeenAt}), 0)` })
    .from(items)
    .get();
  return { count: Number(row?.count ?? 0), lastSeenAt: Number(row?.lastSeenAt ?? 0) };
}

export async function countItems(db: Db): Promise<number> {
  return (await itemsVersion(db)).count;
}


/** The text the matcher reads, for the given items. */
export async function loadItemTexts(
  db: Db,
  ids: number[],
): Promise<Map<number, { title: string; summary: string | null; language: string | null }>> {
  const texts = new Map<number, { title: string; summary: string | null; language: string | null }>();
  for (const part of chunk(ids, MAX_PARAMS)) {
    const rows = await db
      .select({ id: items.id, title: items.title, summary: items.summary, language: items.language })
      .from(items)
      .where(inArray(items.id, part));
    for (const { id, ...text } of rows) texts.set(id, text);
  }
  return texts;
}
