/** What the pipeline needs from its runtime: the database, the network, the clock. */
import type { Metrics } from '../domain/metrics';
import type { Db } from '../store/db';
import type { MatcherCache } from './matcher-cache';

export interface PipelineDeps {
  db: Db;
  fetch: typeof globalThis.fetch;
  /** Epoch milliseconds. */
  now: () => number;
  fetchOptions: {
    timeoutMs: number;
    maxBodyBytes: number;
    userAgent: string;
    allowPrivate: boolean;
    resolveHost?: (hostname: string) => Promise<string[]>;
  };
  matchers: MatcherCache;
  /** Newest entries stored from one feed document per poll (POLL_MAX_ENTRIES); default 1000. */
  maxEntriesPerPoll?: number;
  /** Items published more than this many days ago are removed (RETENTION_DAYS; 0 or absent = never). */
  retentionDays?: number;
  /** One structured event per call ('poll' once per poll, and rarer ones); the runtime formats it. */
  log?: (event: string, fields: Record<string, unknown>) => void;
  /** Counters and histograms for /metrics (absent: nothing is counted). */
  metrics?: Metrics;
  /**
   * WebSub: absent = off. `subscribe`: subscribe to hubs that feeds advertise (the callback is
   * `{publicUrl}/websub/{id}`, so PUBLIC_URL must reach this server); `hubUrl`: the hub our topic
   * feeds advertise and ping (WEBSUB_HUB_URL).
   */
  websub?: { publicUrl: string; subscribe: boolean; hubUrl: string | null };
  /** False: new items are not put into story clusters (each stays its own); for the benchmark's baseline. Default true. */
  storyClusters?: boolean;
}
