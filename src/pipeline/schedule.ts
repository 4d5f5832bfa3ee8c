/**
 * When to poll a source next. The scheduling formula:
 *
 *   success:  interval = 7 days / (items this source brought in the last 7 days),
 *             clamped to [minIntervalSeconds, maxIntervalSeconds]; a busy feed is polled
 *             often, a quiet one rarely (Miniflux's "entry frequency" scheduler).
 *   error:    interval = minIntervalSeconds × 2^(consecutive errors − 1), capped at
 *             maxIntervalSeconds: a broken or overloaded server is asked less and less.
 *   always:   at least what the server asked for (Retry-After on 429/503, Cache-Control
 *             max-age on success), up to one day; then ±10 % jitter, derived from the source id
 *             and the time, so sources added together drift apart instead of polling in bursts.
 */

const WEEK_SECONDS = 7 * 86_400;
const MAX_SERVER_DELAY_SECONDS = 86_400;

export interface ScheduleInput {
  now: number;
  sourceId: number;
  ok: boolean;
  /** Consecutive failures including this one (0 after a success). */
  errorCount: number;
  /** Items this source brought in the last seven days, including this poll's. */
  itemsLastWeek: number;
  minIntervalSeconds: number;
  maxIntervalSeconds: number;
  /** What the server asked for, if anything. */
  serverDelaySeconds: number | null;
}

export function computeNextPollAt(input: ScheduleInput): number {
  const min = Math.max(1, input.minIntervalSeconds);
  const max = Math.max(min, input.maxIntervalSeconds);
  let seconds: number;
  if (input.ok) {
    seconds = input.itemsLastWeek > 0 ? WEEK_SECONDS / input.itemsLastWeek : max;
  } else {
    seconds = min * 2 ** Math.min(Math.max(input.errorCount - 1, 0), 20);
  }
  seconds = Math.min(Math.max(seconds, min), max);
  if (input.serverDelaySeconds !== null && input.serverDelaySeconds > seconds) {
    seconds = Math.min(input.serverDelaySeconds, MAX_SERVER_DELAY_SECONDS);
  }
  return input.now + Math.round(seconds * 1000 * jitterFactor(input.sourceId, input.now));
}

/** A factor in [0.9, 1.1), deterministic for a (source, time) pair. */
function jitterFactor(sourceId: number, now: number): number {
  let h = (sourceId * 2_654_435_761 + Math.floor(now / 1000)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 0;
  return 0.9 + ((h ^ (h >>> 16)) >>> 0) / 2 ** 32 / 5;
}
