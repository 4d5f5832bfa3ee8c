/** WebSub subscriptions: one per source, the hub's lease and the secret pushes are signed with. */
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from './db';
import { websubSubscriptions } from './schema';

export type WebSubSubscription = typeof websubSubscriptions.$inferSelect;

export async function getSubscription(db: Db, sourceId: number): Promise<WebSubSubscription | undefined> {
  return db.select().from(websubSubscriptions).where(eq(websubSubscriptions.sourceId, sourceId)).get();
}

/**
 * Records that a subscription was (or is about to be) requested. A new hub or topic starts over
 * as `pending`; a renewal of an active subscription stays active until its lease ends.
 */
export async function recordSubscriptionRequest(
  db: Db,
  request: { sourceId: number; hubUrl: string; topicUrl: string; secret: string; requestedAt: number; lastError?: string },
): Promise<void> {
  const values = { ...request, lastError: request.lastError ?? null };
  await db
    .insert(websubSubscriptions)
    .values({ ...values, state: 'pending' })
    .onConflictDoUpdate({
      target: websubSubscriptions.sourceId,
      set: {
        ...values,
        // Same hub and topic: a renewal keeps the current state; anything else starts over.
        state: sqlKeepStateIfSame(request.hubUrl, request.topicUrl),
      },
    });
}

function sqlKeepStateIfSame(hubUrl: string, topicUrl: string) {
  return sql`case when ${websubSubscriptions.hubUrl} = ${hubUrl} and ${websubSubscriptions.topicUrl} = ${topicUrl} and ${websubSubscriptions.state} = 'active' then 'active' else 'pending' end`;
}

/** The hub verified our intent: active for `leaseSeconds` from `now`. */
export async function activateSubscription(db: Db, sourceId: number, now: number, leaseSeconds: number): Promise<void> {
  await db
    .update(websubSubscriptions)
    .set({ state: 'active', leaseSeconds, verifiedAt: now, expiresAt: now + leaseSeconds * 1000, lastError: null })
    .where(eq(websubSubscriptions.sourceId, sourceId));
}

export async function markSubscriptionDenied(db: Db, sourceId: number, reason: string): Promise<void> {
  await db.update(websubSubscriptions).set({ state: 'denied', lastError: reason.slice(0, 2000) }).where(eq(websubSubscriptions.sourceId, sourceId));
}

export async function recordPush(db: Db, sourceId: number, now: number): Promise<void> {
  await db.update(websubSubscriptions).set({ lastPushAt: now }).where(eq(websubSubscriptions.sourceId, sourceId));
}

/** Active subscriptions whose lease ends within `marginMs` of `now`, soonest first. */
export async function listSubscriptionsToRenew(db: Db, now: number, marginMs: number, limit: number): Promise<WebSubSubscription[]> {
  return db
    .select()
    .from(websubSubscriptions)
    .where(and(eq(websubSubscriptions.state, 'active'), lt(websubSubscriptions.expiresAt, now + marginMs)))
    .orderBy(asc(websubSubscriptions.expiresAt))
    .limit(limit);
}

/** Whether the source has a subscription whose lease has not ended. */
export async function hasActiveSubscription(db: Db, sourceId: number, now: number): Promise<boolean> {
  const row = await db
    .select({ sourceId: websubSubscriptions.sourceId })
    .from(websubSubscriptions)
    .where(and(eq(websubSubscriptions.sourceId, sourceId), eq(websubSubscriptions.state, 'active'), gt(websubSubscriptions.expiresAt, now)))
    .get();
  return row !== undefined;
}
