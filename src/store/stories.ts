/**
 * Story clusters in the store: the band table the clusterer looks candidates up in, and the
 * reads that show a cluster (its size, its members, each cluster once in a listing).
 *
 * - `items.cluster_id` is the id of the cluster's first item; an item alone is its own cluster.
 *   It is written with the item (see entryStatements in items.ts) and never changed afterwards:
 *   an edit keeps it, and removing an item (even the first) leaves the others' ids as they are.
 * - `story_bands` holds (band key, published_at, item) for each key of an item's sketch
 *   (dedup/story-cluster.ts), under its primary key (band, published_at, item_id): finding the
 *   candidates of a chunk is one index range per key inside the ±3-day window, so it costs the
 *   same with 10,000 or 1,000,000 items stored.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './db';
import { findItemIds, type ItemCursor, type ItemFilters } from './items';
import type { TopicExpression } from '../domain/types';
import { items, itemSources, itemTopics, sources, storyBands } from './schema';

const MAX_PARAMS = 90;

function chunk<T>(list: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  return chunks;
}

/** A stored item offered as a candidate: what the clusterer compares. */
export interface StoryCandidate {
  itemId: number;
  clusterId: number;
  title: string;
  summary: string | null;
  publishedAt: number;
  sourceIds: number[];
  topics: string[];
  /** The band keys it shares with the chunk. */
  bands: number[];
}

/**
 * Items published in [from, to] that share at least `minShared` of the keys in `bands`, each once
 * with the keys it shares: one statement (band rows through the primary key, grouped per item
 * inside SQLite, then the candidates' text), so only candidates cross over to JavaScript.
 */
export async function findStoryCandidates(db: Db, bands: number[], from: number, to: number, minShared = 1): Promise<StoryCandidate[]> {
  if (bands.length === 0) return [];
  const rows = await db.all<{ id: number; cluster_id: number | null; title: string; summary: string | null; published_at: number; sources: string | null; topics: string | null; bands: string }>(sql`
    select i.id as id, i.cluster_id as cluster_id, i.title as title, i.summary as summary, i.published_at as published_at,
      (select group_concat(s.source_id) from ${itemSources} s where s.item_id = i.id) as sources,
      (select group_concat(t.topic) from ${itemTopics} t where t.item_id = i.id) as topics,
      m.bands as bands
    from (
      select b.item_id as item_id, group_concat(b.band) as bands from ${storyBands} b
      where b.band in (select value from json_each(${JSON.stringify([...new Set(bands)])}))
        and b.published_at between ${from} and ${to}
      group by b.item_id having count(*) >= ${minShared}
    ) m join ${items} i on i.id = m.item_id`);
  return rows.map((row) => ({
    itemId: Number(row.id),
    clusterId: Number(row.cluster_id ?? row.id),
    title: row.title,
    summary: row.summary,
    publishedAt: Number(row.published_at),
    sourceIds: row.sources ? row.sources.split(',').map(Number) : [],
    topics: row.topics ? row.topics.split(',') : [],
    bands: row.bands.split(',').map(Number),
  }));
}

/** One member of a cluster, with the sources that carried it. */
export interface ClusterMember {
  id: number;
  clusterId: number;
  title: string;
  url: string | null;
  publishedAt: number;
  sources: Array<{ id: number; title: string | null; url: string; siteUrl: string | null }>;
}

/** Cluster id → number of items in it, for the given clusters. */
export async function clusterSizes(db: Db, clusterIds: number[]): Promise<Map<number, number>> {
  const sizes = new Map<number, number>();
  for (const part of chunk([...new Set(clusterIds)], MAX_PARAMS)) {
    const rows = await db
      .select({ clusterId: items.clusterId, n: sql<number>`count(*)` })
      .from(items)
      .where(inArray(items.clusterId, part))
      .groupBy(items.clusterId);
    for (const row of rows) if (row.clusterId !== null) sizes.set(row.clusterId, Number(row.n));
  }
  return sizes;
}

/** Every member of the given clusters, earliest first (published, then id), with their sources. */
export async function loadClusterMembers(db: Db, clusterIds: number[]): Promise<Map<number, ClusterMember[]>> {
  const members = new Map<number, ClusterMember[]>();
  for (const part of chunk([...new Set(clusterIds)], MAX_PARAMS)) {
    const rows = await db
      .select({ id: items.id, clusterId: items.clusterId, title: items.title, url: items.url, publishedAt: items.publishedAt })
      .from(items)
      .where(inArray(items.clusterId, part))
      .orderBy(asc(items.publishedAt), asc(items.id));
    const ids = rows.map((row) => row.id);
    const links: Array<{ itemId: number; id: number; title: string | null; url: string; siteUrl: string | null }> = [];
    for (const idPart of chunk(ids, MAX_PARAMS)) {
      links.push(
        ...(await db
          .select({ itemId: itemSources.itemId, id: sources.id, title: sources.title, url: sources.url, siteUrl: sources.siteUrl })
          .from(itemSources)
          .innerJoin(sources, eq(sources.id, itemSources.sourceId))
          .where(inArray(itemSources.itemId, idPart))
          .orderBy(asc(itemSources.firstSeenAt), asc(sources.id))),
      );
    }
    for (const row of rows) {
      const clusterId = row.clusterId ?? row.id;
      const member: ClusterMember = {
        id: row.id,
        clusterId,
        title: row.title,
        url: row.url,
        publishedAt: row.publishedAt,
        sources: links.filter((link) => link.itemId === row.id).map(({ itemId: _, ...source }) => source),
      };
      const list = members.get(clusterId);
      if (list) list.push(member);
      else members.set(clusterId, [member]);
    }
  }
  return members;
}

/** Cluster ids of the given items (an item without one is its own cluster). */
async function clusterIdsOf(db: Db, ids: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const part of chunk(ids, MAX_PARAMS)) {
    const rows = await db.select({ id: items.id, clusterId: items.clusterId }).from(items).where(inArray(items.id, part));
    for (const row of rows) out.set(row.id, row.clusterId ?? row.id);
  }
  return out;
}

/** A page of a listing with each cluster once. */
export interface CollapsedPage {
  /** Cluster ids, in the order their newest matching item comes in the listing. */
  clusterIds: number[];
  /** Where the next page starts (the last item read), or null at the end. */
  nextCursor: ItemCursor | null;
}

/**
 * Each cluster once: reads the listing newest first (the same query as `findItemIds`) and keeps a
 * cluster at its newest matching item; a cluster belongs to the listing when any of its items
 * matches. A later page (after `cursor`) leaves out clusters that have a matching item newer than
 * the cursor: the page before showed them. Reads about twice `limit` items per round, so a page
 * costs a few index walks, however many items are stored.
 */
export async function findClusterPage(
  db: Db,
  options: { expression: TopicExpression | null; filters?: ItemFilters; cursor?: ItemCursor | null; limit: number },
): Promise<CollapsedPage> {
  const { expression, filters = {}, limit } = options;
  const start = options.cursor ?? null;
  const clusterIds: number[] = [];
  const seen = new Set<number>();
  let cursor = start;
  const batch = limit * 2 + 10;
  for (;;) {
    const ids = await findItemIds(db, { expression, filters, cursor, limit: batch });
    const clusters = await clusterIdsOf(db, ids.map((i) => i.id));
    const shownBefore = start === null ? new Set<number>() : await clustersMatchingAfter(db, expression, filters, start, [...new Set(clusters.values())].filter((id) => !seen.has(id)));
    for (const item of ids) {
      const clusterId = clusters.get(item.id) ?? item.id;
      if (seen.has(clusterId)) continue;
      seen.add(clusterId);
      if (shownBefore.has(clusterId)) continue;
      if (clusterIds.length === limit) return { clusterIds, nextCursor: cursor };
      clusterIds.push(clusterId);
      cursor = item;
    }
    if (ids.length < batch) return { clusterIds, nextCursor: null };
    cursor = ids.at(-1) ?? cursor;
  }
}

/** Those of `clusterIds` that have an item matching the listing at or after `cursor` (newer, or the cursor item itself). */
async function clustersMatchingAfter(
  db: Db,
  expression: TopicExpression | null,
  filters: ItemFilters,
  cursor: ItemCursor,
  clusterIds: number[],
): Promise<Set<number>> {
  const out = new Set<number>();
  if (clusterIds.length === 0) return out;
  const newer = await db
    .select({ id: items.id, clusterId: items.clusterId, publishedAt: items.publishedAt })
    .from(items)
    .where(and(sql`${items.clusterId} in (select value from json_each(${JSON.stringify(clusterIds)}))`, sql`(${items.publishedAt} > ${cursor.publishedAt} or (${items.publishedAt} = ${cursor.publishedAt} and ${items.id} >= ${cursor.id}))`));
  if (newer.length === 0) return out;
  const matching = await findItemIds(db, {
    expression,
    filters: { ...filters, itemIds: newer.map((row) => row.id) },
    limit: newer.length,
  });
  const byId = new Map(newer.map((row) => [row.id, row.clusterId ?? row.id]));
  for (const item of matching) out.add(byId.get(item.id) as number);
  return out;
}
