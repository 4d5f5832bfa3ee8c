/**
 * Polls every due source, politely: a bounded number of polls at once, and never two at once
 * against the same host (sources of one host wait their turn), so a big publisher with many
 * feeds sees one client, not a burst.
 *
 * Several pollers may share one database (two servers, `npm run poll`, a Worker's cron): each
 * claims the sources it polls with a lease in the database (claimSources), a page at a time so
 * that a lease never has to outlast a long round, and never fetches a source another holds.
 */
import { claimSource, claimSources, getSource, type ClaimedSource, type SourceRow } from '../store/sources';
import type { PipelineDeps } from './deps';
import { createNotModifiedBatch } from './not-modified-batch';
import { pollSource, type PollReport } from './poll-source';

export interface PollDueOptions {
  /** Poll every enabled source, due or not. */
  all?: boolean;
  /** At most this many sources in this run (the rest stay due for the next). */
  limit?: number;
  concurrency?: number;
  onProgress?: (report: PollReport, done: number, total: number) => void;
}

/**
 * Sources claimed at once; a page is polled before the next is claimed. Small enough that
 * pollers sharing a database share a round (a page of 500 left a second poller idle while the
 * first worked through it), large enough that claims are a small share of a round's statements.
 */
const CLAIM_PAGE = 100;
/** How long a claim holds: far longer than one page takes, short enough after a crash. */
export const POLL_LEASE_MS = 15 * 60_000;

export async function pollDue(deps: PipelineDeps, options: PollDueOptions = {}): Promise<PollReport[]> {
  const limit = options.limit ?? 10_000;
  const roundStart = deps.now();
  const reports: PollReport[] = [];
  while (reports.length < limit) {
    const now = deps.now();
    const page = await claimSources(deps.db, {
      now,
      leaseUntil: now + POLL_LEASE_MS,
      limit: Math.min(CLAIM_PAGE, limit - reports.length),
      ...(options.all ? { polledBefore: roundStart } : {}),
    });
    if (page.length === 0) break;
    const offset = reports.length;
    const onProgress = options.onProgress;
    reports.push(
      ...(await pollSources(deps, page, {
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
        // The total grows page by page: what has been claimed so far.
        ...(onProgress ? { onProgress: (report: PollReport, done: number) => onProgress(report, offset + done, offset + page.length) } : {}),
      })),
    );
    // A page smaller than asked for was everything due.
    if (page.length < Math.min(CLAIM_PAGE, limit)) break;
  }
  return reports;
}

/**
 * An operator's "poll now": polls one source whether due or not, under the same lease as a
 * round, so that it never runs beside another poller's poll of the same source.
 */
export async function pollSourceNow(deps: PipelineDeps, id: number): Promise<PollReport | 'not_found' | 'busy'> {
  const now = deps.now();
  const source = await claimSource(deps.db, id, { now, leaseUntil: now + POLL_LEASE_MS });
  if (source) return pollSource(deps, source);
  return (await getSource(deps.db, id)) ? 'busy' : 'not_found';
}

/**
 * Polls the given sources with bounded concurrency and one poll per host at a time. The state
 * rows of polls that found nothing new are written together (not-modified-batch.ts); all are
 * written when this returns.
 */
export async function pollSources(
  deps: PipelineDeps,
  list: Array<SourceRow | ClaimedSource>,
  options: Pick<PollDueOptions, 'concurrency' | 'onProgress'> = {},
): Promise<PollReport[]> {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const byHost = new Map<string, Array<SourceRow | ClaimedSource>>();
  for (const source of list) {
    const host = hostOf(source.url);
    const queue = byHost.get(host);
    if (queue) queue.push(source);
    else byHost.set(host, [source]);
  }
  const queues = [...byHost.values()];
  const reports: PollReport[] = [];
  let done = 0;
  let next = 0;
  const notModified = createNotModifiedBatch(deps);
  async function worker(): Promise<void> {
    // An index rather than shift(): shift() moves every remaining queue, O(n²) over a round.
    for (let queue = queues[next++]; queue; queue = queues[next++]) {
      for (const source of queue) {
        const report = await pollSource(deps, source, { notModified });
        reports.push(report);
        done++;
        options.onProgress?.(report, done, list.length);
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, queues.length) }, () => worker()));
  } finally {
    await notModified.close();
  }
  return reports;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
