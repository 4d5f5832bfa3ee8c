/**
 * `GET /websub/{id}` and `POST /websub/{id}`: the WebSub callback of source {id} (W3C WebSub
 * §5.3 verification of intent, §7 content distribution). Hubs call these, not people: no
 * admin token (the secret the hub was given signs every push instead), no rate limit beyond
 * the global one. The pipeline decides; these only translate HTTP.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../domain/errors';
import { receivePush, verifyIntent } from '../../pipeline/websub';
import type { AppEnv } from '../context';
import { problemResponse, problemResponses } from '../problem';

const idParam = z.object({ id: z.coerce.number().int().positive().openapi({ example: 1 }) });

const verifyRoute = createRoute({
  method: 'get',
  path: '/websub/{id}',
  tags: ['WebSub'],
  summary: 'Verification of intent: a hub confirms a subscription we asked for',
  description:
    'Echoes `hub.challenge` (200, text/plain) when `hub.mode=subscribe` names the topic we asked this callback to receive, and records the lease. `hub.mode=denied` is acknowledged (200, empty). Anything else is refused with 404: a topic we did not ask for, a source with no subscription, an unsubscribe we did not request.',
  request: {
    params: idParam,
    query: z.object({
      'hub.mode': z.string().max(32),
      'hub.topic': z.string().max(4096),
      'hub.challenge': z.string().max(1024).optional(),
      'hub.lease_seconds': z.coerce.number().int().min(0).optional(),
      'hub.reason': z.string().max(1024).optional(),
    }),
  },
  responses: {
    200: { description: 'The challenge, echoed (or an empty body for `denied`)', content: { 'text/plain': { schema: z.string() } } },
    ...problemResponses('validation_failed', 'websub_not_requested'),
  },
});

const pushRoute = createRoute({
  method: 'post',
  path: '/websub/{id}',
  tags: ['WebSub'],
  summary: 'Content distribution: a hub delivers the updated feed',
  description:
    'The body is the feed document (any format topicwire reads). With a right `X-Hub-Signature` (`sha1=`, `sha256=`, `sha384=` or `sha512=` HMAC of the raw body, keyed with the secret sent when subscribing) it is stored at once, as a poll would store it (202). A wrong or missing signature is acknowledged and ignored (202, nothing stored), as WebSub requires. 410 when this callback has no subscription, which tells the hub to stop.',
  request: {
    params: idParam,
    headers: z.object({ 'x-hub-signature': z.string().max(1024).optional() }),
  },
  responses: {
    202: {
      description: 'Received: `stored` (with the new and updated entry counts) or `ignored` (with the reason)',
      content: {
        'application/json': {
          schema: z.object({
            status: z.enum(['stored', 'ignored']),
            newEntries: z.number().int().optional(),
            updatedEntries: z.number().int().optional(),
            reason: z.string().optional(),
          }),
        },
      },
    },
    ...problemResponses('validation_failed', 'payload_too_large', 'websub_no_subscription'),
  },
});

export function webSubRoutes(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(verifyRoute, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const challenge = await verifyIntent(c.var.deps.pipeline, id, {
      mode: query['hub.mode'],
      topic: query['hub.topic'],
      challenge: query['hub.challenge'],
      leaseSeconds: query['hub.lease_seconds'],
      reason: query['hub.reason'],
    });
    if (challenge === null) {
      throw new AppError(404, 'websub_not_requested', `no subscription to ${query['hub.topic'].slice(0, 200)} was requested on this callback`);
    }
    return c.text(challenge, 200);
  });

  // A push carries a whole feed: capped at the size a poll would accept, not the API's 1 MiB.
  app.use('/websub/:id', async function limitPushBody(c, next) {
    if (c.req.method !== 'POST') return next();
    const maxSize = c.var.deps.pipeline.fetchOptions.maxBodyBytes;
    return bodyLimit({
      maxSize,
      onError: (ctx) => problemResponse(ctx, 413, 'payload_too_large', `pushed documents are limited to ${maxSize} bytes`),
    })(c, next);
  });

  app.openapi(pushRoute, async (c) => {
    const { id } = c.req.valid('param');
    const body = new Uint8Array(await c.req.arrayBuffer());
    const outcome = await receivePush(c.var.deps.pipeline, id, body, {
      contentType: c.req.header('content-type') ?? null,
      signature: c.req.header('x-hub-signature'),
    });
    if (outcome.status === 'unknown') {
      throw new AppError(410, 'websub_no_subscription', `source ${id} has no WebSub subscription`);
    }
    if (outcome.status === 'ignored') return c.json({ status: 'ignored' as const, reason: outcome.reason }, 202);
    return c.json({ status: 'stored' as const, newEntries: outcome.report.newEntries, updatedEntries: outcome.report.updatedEntries }, 202);
  });

  return app;
}
