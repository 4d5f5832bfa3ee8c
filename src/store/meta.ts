/**
 * Small facts about the database itself: whether the default sources were seeded, the
 * catalogue's digest, and the data version.
 *
 * The data version is what a feed's validators are derived from (see api/routes/feeds.ts): a
 * request compares it with what the client holds before it reads any item. Contract:
 * - every write that can change a feed or the items API adds `bumpDataVersion` to its batch
 *   (new items or sources of an item, edits in place, re-tagging, topic edits and deletes,
 *   item deletion, retention, source renames and deletes), so the bump commits with the change;
 * - a bump adds 1 to `data_version` and sets `data_changed_at` to the database's clock in
 *   seconds (`strftime('%s')`, shared by every process on the file or server);
 * - `readDataVersion` returns both and the database's clock, in one statement. The time of the
 *   last change is a safe Last-Modified only once its second is over: a later change then
 *   falls in a later second, so an If-Modified-Since cannot hide it.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from './db';
import { meta } from './schema';

export async function readMeta(db: Db, key: string): Promise<string | undefined> {
  const row = await db.select().from(meta).where(eq(meta.key, key)).get();
  return row?.value;
}

export async function writeMeta(db: Db, key: string, value: string): Promise<void> {
  await db.insert(meta).values({ key, value }).onConflictDoUpdate({ target: meta.key, set: { value } });
}

/**
 * Writes `value` under `key` unless the key is already set, and returns what is stored: the
 * first writer's value wins, also between processes racing on one shared database.
 */
export async function claimMeta(db: Db, key: string, value: string): Promise<string> {
  await db.insert(meta).values({ key, value }).onConflictDoNothing({ target: meta.key });
  return (await readMeta(db, key)) ?? value;
}

export const DATA_VERSION_KEY = 'data_version';
export const DATA_CHANGED_AT_KEY = 'data_changed_at';
const NOW_SECONDS = sql`cast(strftime('%s', 'now') as integer)`;

/**
 * The statement that moves the data version on, for the batch of a write that changes what
 * feeds show. With `when`, only if that condition (evaluated before the batch's later
 * statements) holds: e.g. "this source's title is about to change".
 */
export function bumpDataVersion(db: Db, when: SQL = sql`1`) {
  return db
    .insert(meta)
    .select(sql`select ${DATA_VERSION_KEY}, 1 where ${when} union all select ${DATA_CHANGED_AT_KEY}, ${NOW_SECONDS} where ${when}`)
    .onConflictDoUpdate({
      target: meta.key,
      set: { value: sql`case when ${meta.key} = ${DATA_VERSION_KEY} then cast(${meta.value} as integer) + 1 else excluded.value end` },
    });
}

export interface DataVersion {
  /** How many changes the database has seen (0: never written). */
  version: number;
  /** When the last change was committed (epoch seconds, the database's clock; 0: never). */
  changedAtSeconds: number;
  /** The database's clock now (epoch seconds). */
  nowSeconds: number;
}

/**
 * The one statement that reads the data version and the database's clock, as plain SQL without
 * parameters, so that a runtime may prepare it once on a connection of its own (see
 * runtime/file-version-reader.ts); `toDataVersion` reads its row.
 */
export const DATA_VERSION_QUERY = `select
  (select value from meta where key = '${DATA_VERSION_KEY}') as version,
  (select value from meta where key = '${DATA_CHANGED_AT_KEY}') as changedAt,
  cast(strftime('%s', 'now') as integer) as now`;

export function toDataVersion(row: unknown): DataVersion {
  const { version, changedAt, now } = (row ?? {}) as { version?: unknown; changedAt?: unknown; now?: unknown };
  return { version: Number(version ?? 0), changedAtSeconds: Number(changedAt ?? 0), nowSeconds: Number(now ?? 0) };
}

/** The data version and the database's clock: one statement, two primary-key reads. */
export async function readDataVersion(db: Db): Promise<DataVersion> {
  const [row] = await db.all(sql.raw(DATA_VERSION_QUERY));
  return toDataVersion(row);
}
