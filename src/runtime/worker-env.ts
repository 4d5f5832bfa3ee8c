/**
 * What the Workers runtime hands the Worker: its bindings and vars (wrangler.toml), and the
 * platform objects of the three handlers. Typed structurally, with only the members topicwire
 * uses, so the project needs no Workers type package whose globals would clash with Node's and
 * the DOM's; the real objects satisfy these shapes.
 */

/** The subset of a D1 binding that drizzle-orm/d1 calls. */
export interface D1DatabaseBinding {
  prepare(query: string): unknown;
  batch(statements: unknown[]): Promise<unknown[]>;
  exec(query: string): Promise<unknown>;
}

/** The body of a message on the poll queue. */
export interface PollMessage {
  sourceId: number;
}

/** A Queue producer binding. */
export interface QueueProducer<Body> {
  sendBatch(messages: Iterable<{ body: Body }>): Promise<unknown>;
}

/** One delivered queue message. */
export interface QueueMessage<Body> {
  readonly id: string;
  readonly timestamp: Date;
  readonly body: Body;
  readonly attempts: number;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

/** What a queue consumer is handed. */
export interface MessageBatch<Body> {
  readonly queue: string;
  readonly messages: readonly QueueMessage<Body>[];
}

/** What a Cron Trigger invocation is handed. */
export interface ScheduledController {
  readonly scheduledTime: number;
  readonly cron: string;
}

export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * The Worker's environment. Storage is the D1 binding `DB` when present, else libSQL over
 * HTTP (Turso) at DATABASE_URL. The other names are the settings the Node process reads from
 * its environment (src/config.ts), plus the Worker's own polling knobs.
 */
export interface WorkerEnv {
  DB?: D1DatabaseBinding;
  POLL_QUEUE?: QueueProducer<PollMessage>;
  DATABASE_URL?: string;
  DATABASE_AUTH_TOKEN?: string;
  ADMIN_TOKEN?: string;
  PUBLIC_URL?: string;
  SEED_SOURCES?: string;
  ALLOW_PRIVATE_SOURCES?: string;
  FETCH_TIMEOUT_MS?: string;
  FETCH_MAX_BODY_BYTES?: string;
  POLL_CONCURRENCY?: string;
  WEBSUB_HUB_URL?: string;
  WEBSUB_SUBSCRIBE?: string;
  /** Sources one cron invocation polls itself; the rest go to POLL_QUEUE. */
  CRON_POLL_LIMIT?: string;
  /** Re-tagging steps (500 items each) one cron invocation takes. */
  CRON_RETAG_STEPS?: string;
  /** "false" silences the JSON line logged per poll, cron and queue batch. */
  LOG_EVENTS?: string;
  /**
   * "development" under `npm run dev:worker` (which passes it with --var): error messages then
   * name the local D1 (`--local`) rather than the deployed one (`--remote`).
   */
  WORKER_ENVIRONMENT?: string;
}
