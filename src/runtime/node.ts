/**
 * `npm start`: serve the API and feeds on PORT, migrate and seed the database, and poll due
 * sources on a schedule, all in one process with an embedded libSQL database by default.
 */
import { serve } from '@hono/node-server';
import { createApp } from '../api/app';
import { countSources } from '../store/sources';
import { parseConfig } from '../config';
import { createLogger } from './logger';
import { createNodeRuntime } from './node-deps';
import { startScheduler } from './scheduler';

const log = (line: string) => console.log(`[${new Date().toISOString()}] ${line}`);

export async function main(env: Record<string, string | undefined> = process.env): Promise<void> {
  // One line per poll and per request, as text or JSON (LOG_FORMAT).
  const runtime = await createNodeRuntime(env, { log: createLogger(parseConfig(env).logFormat) });
  const { config } = runtime;
  const app = createApp({ ...runtime.app, logRequests: true });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: env.HOST ?? '0.0.0.0' }, (info) => {
    log(`topicwire listening on http://localhost:${info.port} (public URL ${config.publicUrl})`);
    log(`database ${config.databaseUrl}; subscribe to ${config.publicUrl}/feeds/kazakhstan+russia.rss`);
    if (!config.adminToken) log('ADMIN_TOKEN is not set: write endpoints answer 401 until it is');
  });
  log(`${await countSources(runtime.db)} source(s); polling every ${config.pollIntervalSeconds}s${config.pollIntervalSeconds === 0 ? ' (disabled)' : ''}`);
  const scheduler = startScheduler(runtime.pipeline, {
    intervalSeconds: config.pollIntervalSeconds,
    concurrency: config.pollConcurrency,
    log,
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: finishing the current poll round, then stopping`);
    server.close();
    void scheduler.stop().finally(() => {
      runtime.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`topicwire: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
