/** Queries on items: saving a poll's entries, and reading items back by topic expression. */
import { and, asc, eq, getTableColumns, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Entry, TopicExpression } from '../domain/types';
import { runBatch, type Db } from './db';
import { bumpDataVersion } from './meta';
import { itemSources, items, itemTopics, sources, storyBands, tombstones, topics } from './schema';
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
  /** The entry had no date: `publishedAt` is the time it was first seen. */
  undated: boolean;
  topics: string[];
  /** Hash of the entry's title, summary and content: a known entry whose hash changed was edited. */
  contentHash: string;
  /** The story cluster it joins (a stored cluster's id); null or absent: its own, or `clusterLeaderKey`'s. */
  clusterId?: number | null;
  /** The dedup key of an entry of the same chunk whose new cluster it joins. */
  clusterLeaderKey?: string | null;
  /** Its story sketch's band keys (dedup/story-cluster.ts), stored for later candidates. */
  storyBands?: number[];
}

/** What this source stored before under one entry key. */
export interface KnownEntry {
  /** Null for a tombstone: the item was removed and stays removed. */
  itemId: number | null;
  /** Null for rows stored before content hashes were kept. */
  contentHash: string | null;
  /** The item's update time (epoch ms), if any. */
  updatedAt: number | null;
}

/** A known entry whose text changed: the item is rewritten in place and re-tagged. */
export interface EntryUpdate {
  itemId: number;
  prepared: PreparedEntry;
  /** The time the edit is recorded with (the entry's own update time, else now). */
  updatedAt: number;
  /** False when only the hash is recorded (a row from before hashes were kept). */
  rewrite: boolean;
}

// D1 allows at most 100 bound parameters per statement; stay under it everywhere.
const MAX_PARAMS = 90;

function chunk<T>(list: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  return chunks;
}

/**
 * The write side of a poll, in chunks. The contract:
 * - the pipeline hands entries over in chunks (at most a few hundred, see POLL_CHUNK_ENTRIES in
 *   pipeline/poll-source.ts); `findKnownEntryKeys` tells it which of a chunk this source has
 *   stored before, and `saveEntries` / `savePoll` write the rest;
 * - one chunk is one batch (one transaction): every new item, its source link and its topics
 *   are written together or not at all; `savePoll` adds the source's poll state to the batch,
 *   and the pipeline sends it with the last chunk, so a poll that stops half way (a crash, a
 *   store error) leaves whole chunks behind and its source still due: the next poll recognises
 *   those entries by key and finishes the rest;
 * - a chunk costs a constant number of statements whatever its size: each table is written by
 *   one `insert … select … from json_each(?)` over the chunk's rows, sent as one JSON
 *   parameter (split by size, see MAX_JSON_CHARS), which also keeps every statement far under
 *   D1's 100 bound parameters.
 */

/** A JSON parameter stays under this many characters (D1 limits a bound string to 2 MB). */
const MAX_JSON_CHARS = 800_000;

/** Entry keys of `sourceId` that are already stored, among `keys`: one statement per ~800 KB of keys. */
export async function findKnownEntryKeys(db: Db, sourceId: number, keys: string[]): Promise<Set<string>> {
  return new Set((await findKnownEntries(db, sourceId, keys)).keys());
}

/**
 * What `sourceId` stored before under each of `keys` (absent keys are new). A key whose item
 * was removed is known too, as a tombstone (`itemId` null): it is neither stored nor updated.
 */
export async function findKnownEntries(db: Db, sourceId: number, keys: string[]): Promise<Map<string, KnownEntry>> {
  const known = new Map<string, KnownEntry>();
  for (const part of jsonParts([...new Set(keys)], (key) => key)) {
    const removed = await db
      .select({ key: tombstones.entryKey })
      .from(tombstones)
      .where(and(eq(tombstones.sourceId, sourceId), sql`${tombstones.entryKey} in (select value from json_each(${part}))`));
    for (const row of removed) known.set(row.key, { itemId: null, contentHash: null, updatedAt: null });
    const rows = await db
      .select({ key: itemSources.entryKey, itemId: itemSources.itemId, contentHash: itemSources.contentHash, updatedAt: items.updatedAt })
      .from(itemSources)
      .innerJoin(items, eq(items.id, itemSources.itemId))
      .where(and(eq(itemSources.sourceId, sourceId), sql`${itemSources.entryKey} in (select value from json_each(${part}))`));
    for (const row of rows) known.set(row.key, { itemId: row.itemId, contentHash: row.contentHash, updatedAt: row.updatedAt });
  }
  return known;
}

/** Dedup keys that are already stored (stories some source brought before), among `keys`. */
export async function findExistingDedupKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const existing = new Set<string>();
  for (const part of jsonParts([...new Set(keys)], (key) => key)) {
    const rows = await db
      .select({ key: items.dedupKey })
      .from(items)
      .where(sql`${items.dedupKey} in (select value from json_each(${part}))`);
    for (const row of rows) existing.add(row.key);
  }
  return existing;
}

/**
 * Writes one chunk of new entries (a story already stored from another source gains this
 * source instead of a copy) and the source's poll state, in one batch.
 */
export async function savePoll(
  db: Db,
  sourceId: number,
  entries: PreparedEntry[],
  state: SourcePollState,
  now: number,
  updates: EntryUpdate[] = [],
): Promise<void> {
  await runBatch(db, [
    // Before the source's update: it compares the source's name and site with the new ones.
    ...versionBumps(db, sourceId, entries, updates, state),
    updateSourcePollState(db, sourceId, state),
    ...entryStatements(db, sourceId, entries, now),
    ...updateStatements(db, sourceId, updates),
  ]);
}

/** Writes one chunk of new entries (and edits of known ones) in one batch, leaving the source's poll state as it is. */
export async function saveEntries(db: Db, sourceId: number, entries: PreparedEntry[], now: number, updates: EntryUpdate[] = []): Promise<void> {
  await runBatch(db, [
    ...versionBumps(db, sourceId, entries, updates, {}),
    ...entryStatements(db, sourceId, entries, now),
    ...updateStatements(db, sourceId, updates),
  ]);
}

/**
 * What a poll's batch adds to move the data version (store/meta.ts): always when it stores an
 * entry or rewrites an item; otherwise only when the source's name or site (every entry's "via"
 * line) or its feed URL (a 301/308 move; Atom's <source> id) is about to change. A 304 or an unchanged feed moves nothing.
 */
function versionBumps(
  db: Db,
  sourceId: number,
  entries: PreparedEntry[],
  updates: EntryUpdate[],
  state: Pick<SourcePollState, 'title' | 'siteUrl' | 'url'>,
): BatchItem<'sqlite'>[] {
  if (entries.length > 0 || updates.some((update) => update.rewrite)) return [bumpDataVersion(db)];
  const changes: SQL[] = [];
  if (state.title !== undefined) changes.push(sql`${sources.title} is not ${state.title}`);
  if (state.siteUrl !== undefined) changes.push(sql`${sources.siteUrl} is not ${state.siteUrl}`);
  if (state.url !== undefined) changes.push(sql`${sources.url} is not ${state.url}`);
  if (changes.length === 0) return [];
  return [bumpDataVersion(db, sql`exists (select 1 from ${sources} where ${sources.id} = ${sourceId} and (${sql.join(changes, sql` or `)}))`)];
}

/**
 * An edited entry is rewritten in place: its text, its update time and its topics (re-tagged),
 * never a second item. Edits are rare (a corrected headline), so a few statements each is fine.
 */
function updateStatements(db: Db, sourceId: number, updates: EntryUpdate[]): BatchItem<'sqlite'>[] {
  const statements: BatchItem<'sqlite'>[] = [];
  for (const { itemId, prepared, updatedAt, rewrite } of updates) {
    statements.push(
      db
        .update(itemSources)
        .set({ contentHash: prepared.contentHash })
        .where(and(eq(itemSources.sourceId, sourceId), eq(itemSources.entryKey, prepared.entryKey))),
    );
    if (!rewrite) continue;
    const { entry } = prepared;
    statements.push(
      db
        .update(items)
        .set({
          title: entry.title,
          summary: entry.summary,
          contentHtml: entry.contentHtml,
          author: entry.author,
          categories: entry.categories,
          enclosures: entry.enclosures,
          updatedAt,
        })
        .where(eq(items.id, itemId)),
      db.delete(itemTopics).where(eq(itemTopics.itemId, itemId)),
    );
    // The cluster stays; the new text's bands are added, so later copies of the corrected story find it.
    if (prepared.storyBands && prepared.storyBands.length > 0) {
      statements.push(
        db
          .insert(storyBands)
          .select(sql`select b.value, i.published_at, i.id from ${items} i, json_each(${JSON.stringify(prepared.storyBands)}) b where i.id = ${itemId}`)
          .onConflictDoNothing(),
      );
    }
    if (prepared.topics.length > 0) {
      statements.push(
        db
          .insert(itemTopics)
          .select(sql`select i.id, t.value, i.published_at from ${items} i, json_each(${JSON.stringify(prepared.topics)}) t where i.id = ${itemId}`)
          .onConflictDoNothing(),
      );
    }
  }
  return statements;
}

/** One row of the chunk's JSON parameter; positions are read back by ROW below. */
type EntryRow = [
  dedupKey: string,
  url: string | null,
  title: string,
  summary: string | null,
  contentHtml: string | null,
  author: string | null,
  language: string | null,
  categories: string[],
  enclosures: PreparedEntry['entry']['enclosures'],
  publishedAt: number,
  updatedAt: number | null,
  entryKey: string,
  guid: string | null,
  entryUrl: string | null,
  topics: string[],
  contentHash: string,
  undated: boolean,
  clusterId: number | null,
  storyBands: number[],
];

function toRow(prepared: PreparedEntry): EntryRow {
  const { entry } = prepared;
  return [
    prepared.dedupKey,
    prepared.url,
    entry.title,
    entry.summary,
    entry.contentHtml,
    entry.author,
    entry.language,
    entry.categories,
    entry.enclosures,
    prepared.publishedAt,
    entry.updatedAt ? entry.updatedAt.getTime() : null,
    prepared.entryKey,
    entry.guid,
    entry.url,
    prepared.topics,
    prepared.contentHash,
    prepared.undated,
    prepared.clusterId ?? null,
    prepared.storyBands ?? [],
  ];
}

const field = (index: number) => sql.raw(`json_extract(j.value, '$[${index}]')`);

/**
 * The value of every `items` column in the chunk insert, by column key. A column added to the
 * schema must be given its value here: the check below names it at start-up rather than
 * letting the insert fail on a column count.
 */
function itemColumnValues(now: number): Record<string, SQL> {
  return {
    id: sql`null`,
    dedupKey: field(0),
    url: field(1),
    title: field(2),
    summary: field(3),
    contentHtml: field(4),
    author: field(5),
    language: field(6),
    categories: field(7),
    enclosures: field(8),
    publishedAt: field(9),
    updatedAt: field(10),
    firstSeenAt: sql`${now}`,
    undated: field(16),
    clusterId: field(17),
  };
}

const ITEM_COLUMNS = Object.keys(getTableColumns(items));
{
  const missing = ITEM_COLUMNS.filter((key) => !(key in itemColumnValues(0)));
  if (missing.length > 0) throw new Error(`store: items columns without a value in the chunk insert: ${missing.join(', ')}`);
}

function entryStatements(db: Db, sourceId: number, entries: PreparedEntry[], now: number): BatchItem<'sqlite'>[] {
  const statements: BatchItem<'sqlite'>[] = [];
  const values = itemColumnValues(now);
  const itemSelect = sql.join(ITEM_COLUMNS.map((key) => values[key] as SQL), sql`, `);
  for (const rows of jsonParts(entries, toRow)) {
    // `where true`: SQLite needs it to tell an upsert's ON CONFLICT from a join constraint.
    // insert(…).select(sql) rather than db.run(sql): drizzle's D1 batch cannot run raw
    // statements. The selected columns follow the table's column order.
    statements.push(
      db
        .insert(items)
        .select(sql`select ${itemSelect} from json_each(${rows}) j where true`)
        .onConflictDoNothing({ target: items.dedupKey }),
      db
        .insert(itemSources)
        .select(sql`select ${sourceId}, ${field(11)}, i.id, ${field(12)}, ${field(13)}, ${now}, ${field(15)}
          from json_each(${rows}) j join ${items} i on i.dedup_key = ${field(0)} where true`)
        .onConflictDoNothing(),
      db
        .insert(itemTopics)
        .select(sql`select i.id, t.value, i.published_at
          from json_each(${rows}) j join ${items} i on i.dedup_key = ${field(0)}, json_each(${field(14)}) t where true`)
        .onConflictDoNothing(),
      db
        .insert(storyBands)
        .select(sql`select b.value, i.published_at, i.id
          from json_each(${rows}) j join ${items} i on i.dedup_key = ${field(0)}, json_each(${field(18)}) b where true`)
        .onConflictDoNothing(),
    );
  }
  if (entries.length > 0) {
    // A new item that joined no stored cluster starts its own (its id); then the entries that
    // joined another new entry of this chunk take that entry's cluster. Only items first seen
    // now are touched: a stored item never changes cluster.
    statements.push(db.update(items).set({ clusterId: sql`${items.id}` }).where(isNull(items.clusterId)));
    const followers = entries.filter((e) => e.clusterId == null && e.clusterLeaderKey != null).map((e) => [e.dedupKey, e.clusterLeaderKey]);
    if (followers.length > 0) {
      const list = JSON.stringify(followers);
      statements.push(
        db
          .update(items)
          .set({
            clusterId: sql`(select l.cluster_id from ${items} l where l.dedup_key =
              (select json_extract(f.value, '$[1]') from json_each(${list}) f where json_extract(f.value, '$[0]') = ${items.dedupKey}))`,
          })
          .where(and(sql`${items.dedupKey} in (select json_extract(value, '$[0]') from json_each(${list}))`, eq(items.firstSeenAt, now))),
      );
    }
  }
  return statements;
}

/**
 * Groups `list` into JSON arrays of at most MAX_JSON_CHARS characters each (one bound
 * parameter per array); a single larger element still gets an array of its own.
 */
function jsonParts<T, R>(list: readonly T[], toJson: (element: T) => R): string[] {
  const parts: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const element of list) {
    const json = JSON.stringify(toJson(element));
    if (current.length > 0 && size + json.length + 1 > MAX_JSON_CHARS) {
      parts.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(json);
    size += json.length + 1;
  }
  if (current.length > 0) parts.push(`[${current.join(',')}]`);
  return parts;
}

/**
 * Removes an item, leaving a tombstone for each (source, entry key) that brought it, so that
 * polls do not bring it back while its sources still list it. False when there is no such item.
 */
export async function deleteItem(db: Db, id: number, now: number): Promise<boolean> {
  const [existing] = await db.select({ id: items.id }).from(items).where(eq(items.id, id));
  if (!existing) return false;
  await db.batch([
    bumpDataVersion(db),
    db
      .insert(tombstones)
      .select(sql`select ${itemSources.sourceId}, ${itemSources.entryKey}, ${now} from ${itemSources} where ${itemSources.itemId} = ${id}`)
      .onConflictDoNothing(),
    db.delete(itemTopics).where(eq(itemTopics.itemId, id)),
    db.delete(storyBands).where(eq(storyBands.itemId, id)),
    db.delete(itemSources).where(eq(itemSources.itemId, id)),
    db.delete(items).where(eq(items.id, id)),
  ]);
  return true;
}

/**
 * Removes up to `limit` of the oldest items published before `before` (epoch ms), leaving
 * tombstones as `deleteItem` does; returns how many were removed. Read through the
 * `items_published_idx` index, so a step costs about `limit` rows however large the table.
 */
export async function removeItemsPublishedBefore(db: Db, before: number, limit: number, now: number): Promise<number> {
  const rows = await db
    .select({ id: items.id })
    .from(items)
    .where(sql`${items.publishedAt} < ${before}`)
    .orderBy(asc(items.publishedAt), asc(items.id))
    .limit(limit);
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return 0;
  const list = JSON.stringify(ids);
  const chosen = sql`(select value from json_each(${list}))`;
  await db.batch([
    bumpDataVersion(db),
    db
      .insert(tombstones)
      .select(sql`select ${itemSources.sourceId}, ${itemSources.entryKey}, ${now} from ${itemSources} where ${itemSources.itemId} in ${chosen}`)
      .onConflictDoNothing(),
    db.delete(itemTopics).where(inArray(itemTopics.itemId, chosen)),
    db.delete(storyBands).where(inArray(storyBands.itemId, chosen)),
    db.delete(itemSources).where(inArray(itemSources.itemId, chosen)),
    db.delete(items).where(inArray(items.id, chosen)),
  ]);
  return ids.length;
}

/** Filters that narrow an item listing besides its topic expression. */
export interface ItemFilters {
  sourceId?: number;
  language?: string;
  since?: number;
  until?: number;
  /** An FTS5 MATCH expression from `parseSearchQuery` (store/search.ts): only items it matches. */
  match?: string;
  /** Only these items (a cluster's members, when a listing checks which of them it shows). */
  itemIds?: number[];
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
  if (filters.itemIds !== undefined) conditions.push(sql`i.id in (select value from json_each(${JSON.stringify(filters.itemIds)}))`);
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
  /** Its story cluster: the cluster's id (its first item's) and how many items it holds. */
  cluster: { id: number; size: number };
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
  const sizes = new Map<number, number>();
  for (const part of chunk([...new Set(rows.map((row) => row.clusterId ?? row.id))], MAX_PARAMS)) {
    const counted = await db
      .select({ clusterId: items.clusterId, n: sql<number>`count(*)` })
      .from(items)
      .where(inArray(items.clusterId, part))
      .groupBy(items.clusterId);
    for (const row of counted) if (row.clusterId !== null) sizes.set(row.clusterId, Number(row.n));
  }
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        ...row,
        cluster: { id: row.clusterId ?? row.id, size: sizes.get(row.clusterId ?? row.id) ?? 1 },
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
