/** Small facts about the database itself, such as whether the default sources were seeded. */
import { eq } from 'drizzle-orm';
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
