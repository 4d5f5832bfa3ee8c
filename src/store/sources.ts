/** Queries on feed sources and their poll state. */
import { and, asc, eq, getTableColumns, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from './db';
import { runBatch } from './db';
import { bumpDataVersion } from './meta';
import { itemSources, itemTopics, items, sources, tombstones, websubSubscriptions } from './schema';

export type SourceRow = typeof sources.$inferSelect;

export interface NewSource {
  url: string;
  title?: string | null;
  siteUrl?: string | null;
  minIntervalSeconds?: number;
  maxIntervalSeconds?: number;
  enabled?: boolean;
  /** Inserted already leased (see claimSources) by the caller that polls it first. */
  leaseUntil?: number;
}

function newSourceValues(source: NewSource, now: number): typeof sources.$inferInsert {
  return {
    url: source.url,
    title: source.title ?? null,
    siteUrl: source.siteUrl ?? null,
    enabled: source.enabled ?? true,
    ...(source.minIntervalSeconds === undefined ? {} : { minIntervalSeconds: source.minIntervalSeconds }),
    ...(source.maxIntervalSeconds === undefined ? {} : { maxIntervalSeconds: source.maxIntervalSeconds }),
    nextPollAt: 0,
    ...(source.leaseUntil === undefined ? {} : { leaseUntil: source.leaseUntil }),
    createdAt: now,
  };
}

/** Inserts a source unless its URL is already known; returns the stored row either way. */
export async function insertSource(
  db: Db,
  source: NewSource,
  now: number,
): Promise<{ source: SourceRow; created: boolean }> {
  const inserted = await db
    .insert(sources)
    .values(newSourceValues(source, now))
    .onConflictDoNothing({ target: sources.url })
    .returning();
  const created = inserted[0];
  if (created) return { source: created, created: true };
  const existing = await db.select().from(sources).where(eq(sources.url, source.url)).get();
  if (!existing) throw new Error(`store: source ${source.url} vanished while being added`);
  return { source: existing, created: false };
}

/** Inserts many sources at once (seeding, OPML import); returns how many were new. */
export async function insertSources(db: Db, list: NewSource[], now: number): Promise<number> {
  if (list.length === 0) return 0;
  const before = await countSources(db);
  await runBatch(
    db,
    list.map((source) =>
      db
        .insert(sources)
        .values(newSourceValues(source, now))
        .onConflictDoNothing({ target: sources.url }),
    ),
  );
  return (await countSources(db)) - before;
}

export async function countSources(db: Db): Promise<number> {
  const row = await db.select({ n: sql<number>`count(*)` }).from(sources).get();
  return row?.n ?? 0;
}

/** The id of the source stored under `url`, if any. */
export async function findSourceIdByUrl(db: Db, url: string): Promise<number | null> {
  const row = await db.select({ id: sources.id }).from(sources).where(eq(sources.url, url)).get();
  return row?.id ?? null;
}

export async function getSource(db: Db, id: number): Promise<SourceRow | undefined> {
  return db.select().from(sources).where(eq(sources.id, id)).get();
}

export interface SourceWithCounts extends SourceRow {
  itemCount: number;
}

export async function listSources(db: Db): Promise<SourceWithCounts[]> {
  const rows = await db
    .select({
      source: sources,
      itemCount: sql<number>`(select count(*) from ${itemSources} where ${itemSources.sourceId} = ${sources.id})`,
    })
    .from(sources)
    .orderBy(asc(sources.id));
  return rows.map((row) => ({ ...row.source, itemCount: row.itemCount }));
}

/** Unleased, or leased by a poller whose lease has run out (it crashed, or is stuck). */
const unleased = (now: number) => or(isNull(sources.leaseUntil), lte(sources.leaseUntil, now));

/** Enabled, unleased sources whose next poll time has come, the most overdue first. */
export async function listDueSources(db: Db, now: number, limit: number): Promise<SourceRow[]> {
  return db
    .select()
    .from(sources)
    .where(and(eq(sources.enabled, true), lte(sources.nextPollAt, now), unleased(now)))
    .orderBy(asc(sources.nextPollAt), asc(sources.id))
    .limit(limit);
}

/** A claimed source, with what its schedule needs to know (see claimSources). */
export interface ClaimedSource extends SourceRow {
  /** Items this source brought since the claim's `countItemsSince`, counted by the claim itself. */
  itemsLastWeek: number;
}

/** The claimed rows, each with its recent item count, read by the claiming statement itself. */
function claimedColumns(countItemsSince: number) {
  return {
    ...getTableColumns(sources),
    itemsLastWeek: sql<number>`(select count(*) from ${itemSources} where ${itemSources.sourceId} = ${sources.id} and ${itemSources.firstSeenAt} >= ${countItemsSince})`,
  };
}

/**
 * Claims up to `limit` sources for one poller until `leaseUntil`, the most overdue first, in
 * one conditional `UPDATE … RETURNING` (D1 has it too): a source another poller holds a live
 * lease on is not taken, and of two pollers racing for the same rows each row goes to one,
 * because the lease condition is checked again by the update itself. The poll's own state
 * update releases the lease; a poller that dies leaves it to expire.
 *
 * Due means `next_poll_at <= now`; with `polledBefore` (a `--all` round that started then),
 * every enabled source not polled since. Each row comes back with the number of items its
 * source brought since `countItemsSince` (the scheduler's entry frequency), so that a poll
 * that finds nothing new (a 304) needs no query of its own.
 */
export async function claimSources(
  db: Db,
  options: { now: number; leaseUntil: number; limit: number; polledBefore?: number; countItemsSince?: number },
): Promise<ClaimedSource[]> {
  const { now, leaseUntil, limit, polledBefore, countItemsSince = now - WEEK_MS } = options;
  const due = polledBefore === undefined
    ? lte(sources.nextPollAt, now)
    : or(isNull(sources.lastPolledAt), lt(sources.lastPolledAt, polledBefore));
  const candidates = db
    .select({ id: sources.id })
    .from(sources)
    .where(and(eq(sources.enabled, true), due, unleased(now)))
    .orderBy(asc(sources.nextPollAt), asc(sources.id))
    .limit(limit);
  const rows = await db
    .update(sources)
    .set({ leaseUntil })
    .where(and(inArray(sources.id, candidates), unleased(now)))
    .returning(claimedColumns(countItemsSince));
  return rows.map(withCount).sort((a, b) => a.nextPollAt - b.nextPollAt || a.id - b.id);
}

/**
 * Claims one source, due or not (an operator's "poll now"), with the same lease as
 * claimSources; undefined when there is no such source or another poller holds it.
 */
export async function claimSource(
  db: Db,
  id: number,
  options: { now: number; leaseUntil: number; countItemsSince?: number },
): Promise<ClaimedSource | undefined> {
  const { now, leaseUntil, countItemsSince = now - WEEK_MS } = options;
  const rows = await db
    .update(sources)
    .set({ leaseUntil })
    .where(and(eq(sources.id, id), unleased(now)))
    .returning(claimedColumns(countItemsSince));
  const row = rows[0];
  return row ? withCount(row) : undefined;
}

function withCount<T extends { itemsLastWeek: number | string }>(row: T): T & { itemsLastWeek: number } {
  return { ...row, itemsLastWeek: Number(row.itemsLastWeek) };
}

const WEEK_MS = 7 * 86_400_000;

export async function listSourcesById(db: Db, ids: number[]): Promise<SourceRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(sources).where(inArray(sources.id, ids));
}

export interface SourcePatch {
  title?: string | null;
  enabled?: boolean;
  minIntervalSeconds?: number;
  maxIntervalSeconds?: number;
}

export async function updateSource(db: Db, id: number, patch: SourcePatch): Promise<SourceRow | undefined> {
  if (Object.keys(patch).length === 0) return getSource(db, id);
  // Feeds name their sources; a rename must reach them (other fields change no feed, but a
  // PATCH is rare enough not to tell them apart).
  const [, rows] = await db.batch([
    bumpDataVersion(db, sql`exists (select 1 from ${sources} where ${sources.id} = ${id})`),
    db.update(sources).set(patch).where(eq(sources.id, id)).returning(),
  ]);
  return rows[0];
}

/**
 * Removes a source. Items that only this source carried go with it; items that other sources
 * also carry stay, losing only their link to this one.
 */
export async function deleteSource(db: Db, id: number): Promise<boolean> {
  const existing = await getSource(db, id);
  if (!existing) return false;
  // Parenthesised: drizzle's inArray() does not wrap a raw SQL subquery itself.
  const orphans = sql`(select ${itemSources.itemId} from ${itemSources} where ${itemSources.sourceId} = ${id}
    and not exists (select 1 from ${itemSources} other where other.item_id = ${itemSources.itemId} and other.source_id <> ${id}))`;
  await db.batch([
    bumpDataVersion(db),
    db.delete(itemTopics).where(inArray(itemTopics.itemId, orphans)),
    db.delete(items).where(inArray(items.id, orphans)),
    db.delete(itemSources).where(eq(itemSources.sourceId, id)),
    db.delete(tombstones).where(eq(tombstones.sourceId, id)),
    db.delete(websubSubscriptions).where(eq(websubSubscriptions.sourceId, id)),
    db.delete(sources).where(eq(sources.id, id)),
  ]);
  return true;
}

/** What a poll changes about its source (validators, schedule, error state, a move, an ending). */
export interface SourcePollState {
  /** The new URL after a permanent redirect. */
  url?: string;
  /** false when the feed is gone (HTTP 410). */
  enabled?: boolean;
  title?: string | null;
  siteUrl?: string | null;
  description?: string | null;
  language?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  lastPolledAt: number;
  lastSuccessAt?: number;
  nextPollAt: number;
  lastStatus: 'ok' | 'not_modified' | 'error' | 'gone';
  lastHttpStatus: number | null;
  lastError: string | null;
  errorCount: number;
  lastNewItems: number;
}

/** The update statement for a source after a poll, to run inside the poll's batch; it releases the poll's lease. */
export function updateSourcePollState(db: Db, id: number, state: SourcePollState) {
  const patch = Object.fromEntries(Object.entries(state).filter(([, value]) => value !== undefined));
  return db.update(sources).set({ ...patch, leaseUntil: null }).where(eq(sources.id, id));
}

/** How many items `sourceId` brought since `since` (for the scheduler's entry frequency). */
export async function countSourceItemsSince(db: Db, sourceId: number, since: number): Promise<number> {
  const row = await db
    .select({ n: sql<number>`count(*)` })
    .from(itemSources)
    .where(and(eq(itemSources.sourceId, sourceId), gte(itemSources.firstSeenAt, since)))
    .get();
  return Number(row?.n ?? 0);
}

/**
 * Moves the next poll of `ids` to `until` (never earlier than already planned), in one batch.
 * The Worker's cron leases the sources it hands to its queue this way, so the next cron does
 * not hand them out again before a consumer polls them; the poll then sets the real next time.
 */
export async function deferSources(db: Db, ids: number[], until: number): Promise<void> {
  const statements = [];
  // D1 allows at most 100 bound parameters per statement.
  for (let i = 0; i < ids.length; i += 90) {
    statements.push(
      db
        .update(sources)
        .set({ nextPollAt: sql`max(${sources.nextPollAt}, ${until})` })
        .where(inArray(sources.id, ids.slice(i, i + 90))),
    );
  }
  await runBatch(db, statements);
}

/** A source's state after a 304 (or an unchanged document): validators and the next poll time. */
export interface NotModifiedState {
  id: number;
  etag: string | null;
  lastModified: string | null;
  /** When the poll happened (epoch ms): last polled, last success. */
  polledAt: number;
  nextPollAt: number;
}

/** JSON parameters stay far under D1's 2 MB limit on a bound string. */
const MAX_STATE_ROWS = 2000;

/**
 * Records polls that found nothing new, for any number of sources, in one small statement
 * (an `UPDATE … FROM json_each(?)` per MAX_STATE_ROWS): no transaction of its own, no read,
 * and nothing touched but the sources' rows. Releases the polls' leases, as every poll state
 * update does.
 */
export async function recordNotModified(db: Db, states: readonly NotModifiedState[]): Promise<void> {
  for (let i = 0; i < states.length; i += MAX_STATE_ROWS) {
    const rows = JSON.stringify(states.slice(i, i + MAX_STATE_ROWS).map((s) => [s.id, s.etag, s.lastModified, s.polledAt, s.nextPollAt]));
    await db.run(sql`update ${sources} set
        etag = json_extract(j.value, '$[1]'),
        last_modified = json_extract(j.value, '$[2]'),
        last_polled_at = json_extract(j.value, '$[3]'),
        last_success_at = json_extract(j.value, '$[3]'),
        next_poll_at = json_extract(j.value, '$[4]'),
        last_status = 'not_modified', last_http_status = 304, last_error = null,
        error_count = 0, last_new_items = 0, lease_until = null
      from json_each(${rows}) j
      where ${sources.id} = json_extract(j.value, '$[0]')`);
  }
}
