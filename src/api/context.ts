/** The types every route shares: what `createApp` is given, and Hono's typed context. */
import type { Context } from 'hono';
import type { PipelineDeps } from '../pipeline/deps';
import type { DataVersion } from '../store/meta';
import type { FeedCache } from './feed-cache';
import type { RateLimits } from './rate-limit';

export interface AppDeps {
  pipeline: PipelineDeps;
  /** Bearer token for writes; undefined = every write answers 401 with a hint. */
  adminToken: string | undefined;
  /** Base for absolute links in feeds, OPML and pages (no trailing slash). */
  publicUrl: string;
  version: string;
  /**
   * Runs work after the response (re-tagging after a topic is saved). Node lets the promise
   * run; the Worker hands it to `waitUntil`, and its cron finishes whatever is left.
   */
  runInBackground: (task: () => Promise<unknown>) => void;
  /**
   * Who a request comes from, for rate limits. Default: the connection's address (Node's socket,
   * or CF-Connecting-IP on Workers), or the last X-Forwarded-For hop when `trustProxy` is set.
   */
  clientKey?: (c: Context<AppEnv>) => string;
  /** Behind one reverse proxy (TRUST_PROXY): take the client address from X-Forwarded-For. */
  trustProxy?: boolean;
  /**
   * Reads the data version (default: store/meta.ts `readDataVersion` on the pipeline's db). The
   * Node runtime gives a cheaper reader for a database file (runtime/file-version-reader.ts).
   */
  readDataVersion?: () => Promise<DataVersion>;
  /** Rendered feeds kept in memory (default: a FeedCache of DEFAULT_FEED_CACHE_BYTES). */
  feedCache?: FeedCache;
  /** One `request` log line per request through `pipeline.log` (Node; the Worker has Cloudflare's request logs). */
  logRequests?: boolean;
  /** Per-client limits on writes and expensive reads; omitted parts keep DEFAULT_RATE_LIMITS. */
  rateLimits?: Partial<RateLimits>;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
  };
}
