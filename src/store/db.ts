/**
 * The database handle every query function takes first. One type for libSQL (embedded file,
 * `:memory:`, or a remote server over HTTP) and Cloudflare D1: both are async SQLite dialects
 * with `batch`, which is how we write atomically (D1 has no interactive transactions).
 */
import type { Client } from '@libsql/client';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import { drizzle as drizzleD1 } from 'drizzle-orm/d1';
// The web entry creates no client of its own when handed one, so it serves Node and the edge alike.
import { drizzle as drizzleLibsql } from 'drizzle-orm/libsql/web';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

export type Schema = typeof schema;

export interface Db extends BaseSQLiteDatabase<'async', unknown, Schema> {
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<BatchResponse<T>>;
}

/**
 * How an embedded libSQL file is opened, for the server, the CLI and the tests alike: several
 * processes may write one file (two servers and `npm run poll`), so a writer that finds the
 * file locked waits up to BUSY_TIMEOUT_MS instead of failing with SQLITE_BUSY. One connection
 * per process: libSQL's statements run synchronously anyway, and the per-connection pragmas
 * below then hold for every statement.
 */
export const BUSY_TIMEOUT_MS = 10_000;
export const FILE_CLIENT_OPTIONS = { timeout: BUSY_TIMEOUT_MS, concurrency: 1 } as const;

/**
 * WAL (readers never block the writer, and a commit appends instead of rewriting pages) with
 * synchronous=NORMAL (one fsync per checkpoint rather than per commit: a power cut may lose
 * the last commits, never corrupt the file). WAL is recorded in the file; the rest is per
 * connection, hence FILE_CLIENT_OPTIONS' single connection.
 */
export async function tuneFileDatabase(client: Client): Promise<void> {
  await client.execute(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`);
  await client.execute('pragma journal_mode = WAL');
  await client.execute('pragma synchronous = NORMAL');
}

/** A libSQL client from `@libsql/client` (Node) or `@libsql/client/web` (edge). */
export function createLibsqlDb(client: Client): Db {
  return drizzleLibsql(client, { schema }) as unknown as Db;
}

/** The minimal shape of a D1 binding that drizzle needs. */
export type D1Binding = Parameters<typeof drizzleD1>[0];

export function createD1Db(binding: D1Binding): Db {
  return drizzleD1(binding, { schema }) as unknown as Db;
}

/** Runs statements in one atomic batch; a no-op for an empty list. */
export async function runBatch(db: Db, statements: BatchItem<'sqlite'>[]): Promise<void> {
  const [first, ...rest] = statements;
  if (first === undefined) return;
  await db.batch([first, ...rest]);
}
