/**
 * The Cloudflare Worker entry (wrangler.toml `main`): the same Hono app as on Node for
 * `fetch`, the Cron Trigger for `scheduled` (poll due sources, fan the rest out to the queue)
 * and the Queue consumer for `queue` (poll the sources handed over). Deps are built once per
 * isolate from the env; see worker-deps.ts and worker-poll.ts.
 */
import { Hono } from 'hono';
import { problemResponse } from '../api/problem';
import { describeError } from '../domain/errors';
import { getWorkerRuntime, runInInvocation } from './worker-deps';
import type { ExecutionContext, MessageBatch, ScheduledController, WorkerEnv } from './worker-env';
import { runCronPoll, runQueuePoll } from './worker-poll';

// Answers every request while the Worker cannot start (bad settings, no database), so that an
// operator sees why instead of Cloudflare's bare error page.
function misconfigured(error: unknown): Hono {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`topicwire cannot start: ${describeError(error)}`);
  return new Hono().all('*', (c) => problemResponse(c, 500, 'internal_error', `the Worker cannot start: ${message}`));
}

const worker = {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    try {
      const runtime = getWorkerRuntime(env);
      await runtime.ready();
      const app = runtime.appFor(new URL(request.url).origin);
      return await runInInvocation(ctx, () => app.fetch(request));
    } catch (error) {
      return misconfigured(error).fetch(request);
    }
  },

  async scheduled(controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const runtime = getWorkerRuntime(env);
    await runInInvocation(ctx, () => runCronPoll(runtime, controller.scheduledTime));
  },

  async queue(batch: MessageBatch<unknown>, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    const runtime = getWorkerRuntime(env);
    await runInInvocation(ctx, () => runQueuePoll(runtime, batch));
  },
};

export default worker;
