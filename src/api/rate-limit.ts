/**
 * Per-client rate limits: a token bucket per (client, class of request), in memory.
 *
 * A bucket holds up to `burst` tokens and refills at `perMinute`; each request takes one, and a
 * request that finds the bucket empty is answered 429 `rate_limited` with Retry-After (the
 * seconds until a token is back). Three classes are limited: writes (every POST, PUT, PATCH and
 * DELETE, checked before the token so guessing it is slow too), expensive reads (searches,
 * large pages and feeds, topic previews), and WebSub pushes (`POST /websub/{id}`). Pushes have a
 * class of their own: one hub delivers for every source it serves, from one address, so the
 * writes' 60 a minute would turn a busy hub's deliveries into 429s (each checked by its HMAC
 * signature and ingested through the pipeline, so far cheaper to refuse than to guess a token).
 * Other reads are not limited.
 *
 * The buckets live in one process (or one Worker isolate): a limit per instance, not a global
 * one. Behind Cloudflare, its rate-limiting rules give a global limit on top.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { problemResponse } from './problem';

export interface BucketLimit {
  /** Requests allowed at once, after a quiet spell. */
  burst: number;
  /** Sustained requests per minute. */
  perMinute: number;
}

export interface RateLimits {
  writes: BucketLimit;
  expensiveReads: BucketLimit;
  /** Content distribution from WebSub hubs. */
  pushes: BucketLimit;
  /** Clients remembered at once; the least recently seen are forgotten first. */
  maxClients: number;
}

/** Generous: a person at the admin page or a script importing a few hundred feeds is not throttled. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  writes: { burst: 120, perMinute: 60 },
  expensiveReads: { burst: 60, perMinute: 60 },
  pushes: { burst: 600, perMinute: 600 },
  maxClients: 10_000,
};

/** Pages and feeds up to this many items are cheap reads. */
export const CHEAP_PAGE_ITEMS = 100;

export type RequestClass = 'writes' | 'expensiveReads' | 'pushes';

const LIMITED_WHAT: Record<RequestClass, string> = {
  writes: 'writes',
  expensiveReads: 'searches, previews or large pages',
  pushes: 'WebSub deliveries',
};

/** Which limit a request counts against, or null when it is not limited. */
export function classifyRequest(c: Context<AppEnv>): RequestClass | null {
  const method = c.req.method;
  const path = c.req.path;
  if (method === 'POST' && path === '/api/topics/preview') return 'expensiveReads';
  if (method === 'POST' && path.startsWith('/websub/')) return 'pushes';
  if (method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE') return 'writes';
  if (method !== 'GET' && method !== 'HEAD') return null;
  const limit = Number(c.req.query('limit') ?? 0);
  if (path === '/api/items') return c.req.query('q') || limit > CHEAP_PAGE_ITEMS ? 'expensiveReads' : null;
  if (path.startsWith('/feeds/')) return limit > CHEAP_PAGE_ITEMS ? 'expensiveReads' : null;
  return null;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Token buckets keyed by client and class, least recently used first (Map insertion order). */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #maxEntries: number;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  /** Takes a token; returns 0 when granted, else the milliseconds until one is back. */
  take(key: string, limit: BucketLimit, now: number): number {
    const ratePerMs = limit.perMinute / 60_000;
    const previous = this.#buckets.get(key);
    const refilled = previous
      ? Math.min(limit.burst, previous.tokens + Math.max(0, now - previous.updatedAt) * ratePerMs)
      : limit.burst;
    this.#buckets.delete(key);
    if (refilled >= 1) {
      this.#remember(key, { tokens: refilled - 1, updatedAt: now });
      return 0;
    }
    this.#remember(key, { tokens: refilled, updatedAt: now });
    return ratePerMs > 0 ? Math.ceil((1 - refilled) / ratePerMs) : Number.POSITIVE_INFINITY;
  }

  get size(): number {
    return this.#buckets.size;
  }

  #remember(key: string, bucket: Bucket): void {
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.#maxEntries) {
      const oldest = this.#buckets.keys().next();
      if (!oldest.done) this.#buckets.delete(oldest.value);
    }
  }
}

/** Limits requests per client; the client is `deps.clientKey(c)`, else the connection's address. */
export function rateLimit(): MiddlewareHandler<AppEnv> {
  let buckets: TokenBuckets | null = null;
  return async function rateLimitPerClient(c, next) {
    const requestClass = classifyRequest(c);
    if (requestClass === null) return next();
    const deps = c.var.deps;
    const limits = { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits };
    buckets ??= new TokenBuckets(limits.maxClients);
    const client = (deps.clientKey ?? clientKeyFromConnection({ trustProxy: deps.trustProxy ?? false }))(c);
    const waitMs = buckets.take(`${requestClass}:${client}`, limits[requestClass], deps.pipeline.now());
    if (waitMs === 0) return next();
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    const limit = limits[requestClass];
    return problemResponse(
      c,
      429,
      'rate_limited',
      `too many ${LIMITED_WHAT[requestClass]} from this client: ${limit.perMinute} a minute (bursts of ${limit.burst}); try again in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
      { 'retry-after': String(retryAfterSeconds) },
    );
  };
}

/** The shape of `c.env` under @hono/node-server, read without importing Node modules. */
interface NodeServerBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The default client key: the connection's address (Node's socket, or the address Cloudflare
 * reports in CF-Connecting-IP on Workers), or with `trustProxy` the last X-Forwarded-For hop
 * (the address the one reverse proxy in front saw). IPv6 addresses count per /64, since one
 * host usually has a whole /64 to pick from.
 */
export function clientKeyFromConnection(options: { trustProxy: boolean }): (c: Context<AppEnv>) => string {
  return function clientAddress(c) {
    if (options.trustProxy) {
      const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
      const last = hops.at(-1);
      if (last) return normalizeAddress(last);
    }
    const socketAddress = (c.env as NodeServerBindings | undefined)?.incoming?.socket?.remoteAddress;
    if (socketAddress) return normalizeAddress(socketAddress);
    const cloudflare = c.req.header('cf-connecting-ip');
    return cloudflare ? normalizeAddress(cloudflare) : 'unknown';
  };
}

/** An IPv4 address as is (also when IPv4-mapped); an IPv6 address as its /64 prefix. */
export function normalizeAddress(address: string): string {
  const text = address.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped?.[1]) return mapped[1];
  if (!text.includes(':')) return text;
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => (Number.parseInt(group, 16) || 0).toString(16)).join(':')}::/64`;
}
