/**
 * Settings, parsed and validated once at start. The runtime hands in a plain record of strings
 * (process.env on Node, the Worker's vars/bindings on the edge); nothing else reads the environment.
 */
import { z } from 'zod';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const settingsSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  DATABASE_URL: z.string().min(1).default('file:data/topicwire.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  ADMIN_TOKEN: z.string().optional(),
  PUBLIC_URL: z.url().optional(),
  POLL_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  SEED_SOURCES: booleanString.default(true),
  ALLOW_PRIVATE_SOURCES: booleanString.default(false),
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  FETCH_MAX_BODY_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  POLL_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  POLL_MAX_ENTRIES: z.coerce.number().int().min(1).max(100_000).default(1000),
  RETENTION_DAYS: z.coerce.number().int().min(0).default(180),
  TRUST_PROXY: booleanString.default(false),
  LOG_FORMAT: z.enum(['text', 'json']).default('text'),
  WEBSUB_HUB_URL: z.url().optional(),
  WEBSUB_SUBSCRIBE: booleanString.default(true),
});

export interface Config {
  port: number;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  adminToken: string | undefined;
  publicUrl: string;
  pollIntervalSeconds: number;
  seedSources: boolean;
  allowPrivateSources: boolean;
  fetchTimeoutMs: number;
  fetchMaxBodyBytes: number;
  pollConcurrency: number;
  /** Newest entries taken from one feed document per poll; the rest are counted, not stored. */
  pollMaxEntries: number;
  /** Items published longer ago than this are removed, leaving tombstones (0 = keep forever). */
  retentionDays: number;
  /** Behind one reverse proxy: rate limits key on the last X-Forwarded-For hop. */
  trustProxy: boolean;
  /** How the Node server writes its log lines (one per poll and per request): `text` or `json`. */
  logFormat: 'text' | 'json';
  userAgent: string;
  /** A WebSub hub our topic feeds advertise and ping when they change (WEBSUB_HUB_URL). */
  websubHubUrl: string | null;
  /**
   * Subscribe to the hubs feeds advertise (WEBSUB_SUBSCRIBE, default on). Only with PUBLIC_URL
   * set: a hub must reach the callback, and the localhost default is reachable by no hub.
   */
  websubSubscribe: boolean;
}

export const VERSION = '0.1.0';

/** Parses settings; throws an Error naming every bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // An empty string means "unset" for optional settings (a blank line in .env, an empty var).
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => key in settingsSchema.shape && value !== undefined && value !== ''),
  );
  const result = settingsSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  const s = result.data;
  const publicUrl = (s.PUBLIC_URL ?? `http://localhost:${s.PORT}`).replace(/\/+$/, '');
  return {
    port: s.PORT,
    databaseUrl: s.DATABASE_URL,
    databaseAuthToken: s.DATABASE_AUTH_TOKEN,
    adminToken: s.ADMIN_TOKEN,
    publicUrl,
    pollIntervalSeconds: s.POLL_INTERVAL_SECONDS,
    seedSources: s.SEED_SOURCES,
    allowPrivateSources: s.ALLOW_PRIVATE_SOURCES,
    fetchTimeoutMs: s.FETCH_TIMEOUT_MS,
    fetchMaxBodyBytes: s.FETCH_MAX_BODY_BYTES,
    pollConcurrency: s.POLL_CONCURRENCY,
    pollMaxEntries: s.POLL_MAX_ENTRIES,
    retentionDays: s.RETENTION_DAYS,
    trustProxy: s.TRUST_PROXY,
    logFormat: s.LOG_FORMAT,
    userAgent: `topicwire/${VERSION} (+${publicUrl})`,
    websubHubUrl: s.WEBSUB_HUB_URL ?? null,
    websubSubscribe: s.WEBSUB_SUBSCRIBE && s.PUBLIC_URL !== undefined,
  };
}
