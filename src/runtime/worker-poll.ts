/**
 * Polling on the edge: the Cron Trigger and the Queue consumer, over the same pipeline as the
 * Node scheduler.
 *
 * A cron invocation claims every due source (up to MAX_DUE_PER_CRON, the most overdue first)
 * with a lease of QUEUE_LEASE_MS in the database (claimSources, the same lease the Node
 * pollers take, so an overlapping cron, the next one, a server or the CLI do not take them
 * again), sends all but the first `cronPollLimit` to the queue in
 * batches of at most 100 messages, then polls those first ones itself and takes a few
 * re-tagging steps. Enqueueing comes before polling so that sources are handed out even when
 * the invocation runs out of time while polling. Without a queue binding the cron polls its
 * share only and the rest stay due for the next cron.
 *
 * A consumer polls the sources named in its batch. A source polled since its message was sent
 * (a redelivery), disabled or deleted meanwhile is acknowledged without a poll; a poll whose
 * result could not be stored is retried by the queue; any other poll, failed or not, is done:
 * its failure is recorded on the source and rescheduled by the poll itself.
 */
import { pollSources } from '../pipeline/poll-due';
import type { PollReport } from '../pipeline/poll-source';
import { applyRetention } from '../pipeline/retention';
import { renewSubscriptions } from '../pipeline/websub';
import { retagPending } from '../pipeline/topics';
import { claimSources, listSourcesById } from '../store/sources';
import type { WorkerRuntime } from './worker-deps';
import type { MessageBatch, PollMessage } from './worker-env';

/** Cloudflare Queues accepts at most 100 messages per sendBatch call. */
export const MAX_MESSAGES_PER_SEND = 100;
/** Enough for thousands of sources per cron; anything beyond waits five minutes. */
const MAX_DUE_PER_CRON = 5_000;

export interface CronReport {
  due: number;
  polled: PollReport[];
  enqueued: number;
  retagSteps: number;
}

export async function runCronPoll(runtime: WorkerRuntime, scheduledTime: number): Promise<CronReport> {
  const { pipeline, settings, pollQueue } = runtime;
  await runtime.ready();
  const now = Math.max(scheduledTime, pipeline.now());
  // The same lease as every poller's (claimSources): what is not polled now goes to the queue,
  // leased for its consumers; without a queue only the cron's own share is claimed.
  const due = await claimSources(pipeline.db, {
    now,
    leaseUntil: now + settings.queueLeaseMs,
    limit: pollQueue ? MAX_DUE_PER_CRON : settings.cronPollLimit,
  });
  const own = due.slice(0, settings.cronPollLimit);
  const rest = pollQueue ? due.slice(settings.cronPollLimit) : [];

  let enqueued = 0;
  if (pollQueue) {
    for (let i = 0; i < rest.length; i += MAX_MESSAGES_PER_SEND) {
      const part = rest.slice(i, i + MAX_MESSAGES_PER_SEND);
      await pollQueue.sendBatch(part.map((source): { body: PollMessage } => ({ body: { sourceId: source.id } })));
      enqueued += part.length;
    }
  }
  const polled = await pollSources(pipeline, own, { concurrency: runtime.config.pollConcurrency });
  const retagSteps = await retagPending(pipeline, settings.cronRetagSteps);
  // A few bounded steps per invocation keep the cron within its CPU budget; the rest waits.
  const expired = await applyRetention(pipeline, 4);
  const renewed = await renewSubscriptions(pipeline);
  pipeline.log?.('cron', {
    due: due.length,
    polled: polled.length,
    failed: polled.filter((report) => report.status === 'error').length,
    enqueued,
    retagSteps,
    expired,
    renewed,
  });
  return { due: due.length, polled, enqueued, retagSteps };
}

export interface QueueReport {
  polled: PollReport[];
  skipped: number;
  retried: number;
}

export async function runQueuePoll(runtime: WorkerRuntime, batch: MessageBatch<unknown>): Promise<QueueReport> {
  const { pipeline } = runtime;
  await runtime.ready();
  const wanted = new Map<number, Array<MessageBatch<unknown>['messages'][number]>>();
  let skipped = 0;
  for (const message of batch.messages) {
    const sourceId = readSourceId(message.body);
    if (sourceId === null) {
      // Not ours to understand; retrying would not help.
      pipeline.log?.('queue_bad_message', { id: message.id });
      message.ack();
      skipped++;
      continue;
    }
    wanted.set(sourceId, [...(wanted.get(sourceId) ?? []), message]);
  }

  const rows = await listSourcesById(pipeline.db, [...wanted.keys()]);
  const toPoll = rows.filter((source) => {
    const sentAt = Math.min(...(wanted.get(source.id) ?? []).map((message) => message.timestamp.getTime()));
    return source.enabled && !(source.lastPolledAt !== null && source.lastPolledAt >= sentAt);
  });
  const polling = new Set(toPoll.map((source) => source.id));
  for (const [sourceId, messages] of wanted) {
    if (polling.has(sourceId)) continue;
    for (const message of messages) message.ack();
    skipped += messages.length;
  }

  const polled = await pollSources(pipeline, toPoll, { concurrency: runtime.config.pollConcurrency });
  let retried = 0;
  for (const report of polled) {
    for (const message of wanted.get(report.sourceId) ?? []) {
      if (report.errorCode === 'store_failed') {
        message.retry();
        retried++;
      } else {
        message.ack();
      }
    }
  }
  pipeline.log?.('queue', { messages: batch.messages.length, polled: polled.length, skipped, retried });
  return { polled, skipped, retried };
}

function readSourceId(body: unknown): number | null {
  if (typeof body !== 'object' || body === null || !('sourceId' in body)) return null;
  const { sourceId } = body;
  return typeof sourceId === 'number' && Number.isSafeInteger(sourceId) && sourceId > 0 ? sourceId : null;
}
