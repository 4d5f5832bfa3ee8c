/**
 * Prometheus counters and histograms kept in memory, rendered in the text exposition format
 * 0.0.4 beside the gauges /metrics reads from the database.
 *
 * A registry of our own rather than prom-client: prom-client is written for Node (process and
 * cluster APIs, default collectors) while the same app runs on Workers, and five series need
 * little code. This module imports nothing, so the pipeline (polls) and the API (requests)
 * both record into it. Counts are those of the process since it started (on a Worker, of one
 * isolate, which Cloudflare may start and stop at will: there, prefer the database gauges).
 */

/** Upper bounds (seconds) of the poll duration histogram: from a quick 304 to a slow large feed. */
export const POLL_DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] as const;

type Labels = Record<string, string>;

class Counter {
  private readonly series = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelled = false,
  ) {}

  inc(labels: Labels = {}, value = 1): void {
    const key = labelText(labels);
    const entry = this.series.get(key);
    if (entry) entry.value += value;
    else this.series.set(key, { labels, value });
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    // An unlabelled counter is shown at 0 before its first event, so dashboards find it.
    if (this.series.size === 0 && !this.labelled) lines.push(`${this.name} 0`);
    for (const [key, { value }] of this.series) lines.push(`${this.name}${key} ${value}`);
    return lines;
  }
}

class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0);
  }

  observe(value: number): void {
    this.buckets.forEach((bound, index) => {
      if (value <= bound) this.counts[index] = (this.counts[index] ?? 0) + 1;
    });
    this.sum += value;
    this.count += 1;
  }

  render(): string[] {
    return [
      `# HELP ${this.name} ${this.help}`,
      `# TYPE ${this.name} histogram`,
      // Cumulative: each bucket counts every observation at or under its bound.
      ...this.buckets.map((bound, index) => `${this.name}_bucket{le="${bound}"} ${this.counts[index] ?? 0}`),
      `${this.name}_bucket{le="+Inf"} ${this.count}`,
      `${this.name}_sum ${this.sum}`,
      `${this.name}_count ${this.count}`,
    ];
  }
}

/** What a poll tells the metrics (a subset of the pipeline's PollReport). */
export interface PollObservation {
  status: 'ok' | 'not_modified' | 'error';
  errorCode: string | null;
  newEntries: number;
  durationMs: number;
  fetchedBytes: number;
}

export class Metrics {
  private readonly polls = new Counter('topicwire_polls_total', 'Polls by outcome (ok, not_modified, error, gone) since the process started.', true);
  private readonly itemsIngested = new Counter('topicwire_items_ingested_total', 'Entries stored that their source had not brought before.');
  private readonly fetchBytes = new Counter('topicwire_fetch_bytes_total', 'Feed body bytes received by polls.');
  private readonly pollDuration = new Histogram('topicwire_poll_duration_seconds', 'Time a poll took: fetch, parse, tag and store.', POLL_DURATION_BUCKETS);
  private readonly httpRequests = new Counter('topicwire_http_requests_total', 'HTTP requests answered, by matched route pattern and status.', true);

  observePoll(poll: PollObservation): void {
    this.polls.inc({ outcome: poll.errorCode === 'gone' ? 'gone' : poll.status });
    this.countIngested(poll.newEntries);
    if (poll.fetchedBytes > 0) this.fetchBytes.inc({}, poll.fetchedBytes);
    this.pollDuration.observe(Math.max(0, poll.durationMs) / 1000);
  }

  /** Entries stored that their source had not brought before (by a poll, or by a WebSub push). */
  countIngested(newEntries: number): void {
    if (newEntries > 0) this.itemsIngested.inc({}, newEntries);
  }

  /** `route` is the matched route pattern (`/feeds/:file`), never the raw path: one series per route. */
  observeRequest(route: string, status: number): void {
    this.httpRequests.inc({ route, status: String(status) });
  }

  render(): string {
    return [this.polls, this.itemsIngested, this.fetchBytes, this.pollDuration, this.httpRequests].flatMap((metric) => metric.render()).join('\n');
  }
}

function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

/** The text format's escapes for a label value: backslash, double quote, line feed. */
function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
