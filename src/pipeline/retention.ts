/**
 * Retention: items published more than RETENTION_DAYS ago are removed in the background, in
 * bounded steps, each leaving tombstones so that a source still listing an old entry does not
 * bring it back (see store/items.ts `removeItemsPublishedBefore`). Run after each poll round
 * by the Node scheduler and the Worker's cron; 0 days keeps everything.
 */
import { removeItemsPublishedBefore } from '../store/items';
import type { PipelineDeps } from './deps';

const DAY_MS = 86_400_000;
/** Items removed per batch: small enough that one step never holds the database for long. */
export const RETENTION_STEP_ITEMS = 500;

/** Removes expired items, at most `maxSteps` batches; returns how many items were removed. */
export async function applyRetention(deps: PipelineDeps, maxSteps = Number.POSITIVE_INFINITY): Promise<number> {
  const days = deps.retentionDays ?? 0;
  if (days <= 0) return 0;
  const now = deps.now();
  const before = now - days * DAY_MS;
  let removed = 0;
  for (let step = 0; step < maxSteps; step++) {
    const count = await removeItemsPublishedBefore(deps.db, before, RETENTION_STEP_ITEMS, now);
    removed += count;
    if (count < RETENTION_STEP_ITEMS) break;
    // Let requests run between two steps (setTimeout exists on Node and Workers).
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (removed > 0) deps.log?.('retention', { removed, olderThanDays: days });
  return removed;
}
