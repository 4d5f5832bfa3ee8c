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
