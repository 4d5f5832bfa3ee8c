/**
 * Polls every due source, politely: a bounded number of polls at once, and never two at once
 * against the same host (sources of one host wait their turn), so a big publisher with many
 * feeds sees one client, not a burst.
 */
import { listDueSources, type SourceRow } from '../store/sources';
import type { PipelineDeps } from './deps';
import { pollSource, type PollReport } from './poll-source';

export interface PollDueOptions {
  /** Poll every enabled source, due or not. */
  all?: boolean;
  /** At most this many sources in this run (the rest stay due for the next). */
  limit?: number;
  concurrency?: number;
  onProgress?: (report: PollReport, done: number, total: number) => void;
}

export async function pollDue(deps: PipelineDeps, options: PollDueOptions = {}): Promise<PollReport[]> {
  const limit = options.limit ?? 10_000;
  const due = await listDueSources(deps.db, options.all ? Number.MAX_SAFE_INTEGER : deps.now(), limit);
  return pollSources(deps, due, options);
}

/** Polls the given sources with bounded concurrency and one poll per host at a time. */
export async function pollSources(
  deps: PipelineDeps,
  list: SourceRow[],
  options: Pick<PollDueOptions, 'concurrency' | 'onProgress'> = {},
): Promise<PollReport[]> {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const byHost = new Map<string, SourceRow[]>();
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
  async function worker(): Promise<void> {
    // An index rather than shift(): shift() moves every remaining queue, O(n²) over a round.
    for (let queue = queues[next++]; queue; queue = queues[next++]) {
      for (const source of queue) {
        const report = await pollSource(deps, source);
        reports.push(report);
        done++;
        options.onProgress?.(report, done, list.length);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, queues.length) }, () => worker()));
  return reports;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
