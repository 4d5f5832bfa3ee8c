/**
 * `createApp(deps)`: the one Hono app, served by Node and by the Worker alike; they differ only
 * in the deps they inject.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { AppError } from '../domain/errors';
import type { AppDeps, AppEnv } from './context';
import { injectDeps, noSniff, observeRequests } from './middleware';
import { describeProblemCodes, handleError, problemResponse } from './problem';
import { rateLimit } from './rate-limit';
import { feedRoutes } from './routes/feeds';
import { itemRoutes } from './routes/items';
import { sourceRoutes } from './routes/sources';
import { systemRoutes } from './routes/system';
import { topicRoutes } from './routes/topics';
import { webSubRoutes } from './routes/websub';
import { adminPageRoutes } from './pages/admin-pages';
import { docsPageRoutes } from './pages/docs-page';
import { publicPageRoutes } from './pages/public-pages';

export const MAX_BODY_BYTES = 1024 * 1024;

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // Validation failures become problem+json like every other error.
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        const detail = issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
        throw new AppError(400, 'validation_failed', detail, { details: { errors: issues } });
      }
    },
  });

  // 1. Dependencies first: every later middleware and handler reads c.var.deps.
  app.use('*', injectDeps(deps));
  // 1a. Counted and logged around everything else, so refusals (401, 413, 429) are counted too.
  app.use('*', observeRequests());
  // 1b. nosniff on everything, errors and 404s included (it runs after them).
  app.use('*', noSniff());
  // 2. Reads are public and cross-origin; writes stay same-origin unless a token is sent.
  app.use('/api/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], allowHeaders: ['Authorization', 'Content-Type'], maxAge: 86_400 }));
  // 3. Rate limits before anything costly, the token check included, so guessing it is slow too.
  app.use('*', rateLimit());
  // 4. Bodies are capped before any handler reads them.
  //    A WebSub push is a whole feed: its callback caps it at the fetch size limit instead.
  //    Not for GET and HEAD, which have none: looking for one makes @hono/node-server build a
  //    full Request (abort signal and all), a fifth of the CPU of a feed 304 (measured).
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => problemResponse(c, 413, 'payload_too_large', `request bodies are limited to ${MAX_BODY_BYTES} bytes`),
  });
  app.use('*', async function limitRequestBody(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return c.req.path.startsWith('/websub/') ? next() : limitBody(c, next);
  });

  app.route('/', systemRoutes());
  app.route('/', feedRoutes(deps.feedCache));
  app.route('/', itemRoutes());
  app.route('/', topicRoutes());
  app.route('/', sourceRoutes());
  app.route('/', webSubRoutes());
  app.route('/', publicPageRoutes());
  app.route('/', adminPageRoutes());
  app.route('/', docsPageRoutes((origin) => app.getOpenAPI31Document(documentConfig(origin))));

  app.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', { type: 'http', scheme: 'bearer', description: 'The ADMIN_TOKEN of the server.' });
  const documentConfig = (origin: string) => ({
    openapi: '3.1.0',
    info: {
      title: 'topicwire',
      version: deps.version,
      description: [
        'News feeds by topic: every story about a combination of topics, from every source, each story once.',
        '**Topic expressions** (`topics=` and the feed and page paths): `kazakhstan+russia` both, `kazakhstan,uzbekistan` either, `russia+!ukraine` without; OR binds loosest.',
        '**Writes** need `Authorization: Bearer <ADMIN_TOKEN>` (or the cookie the /admin login sets, from this site\'s own pages). Reads are public and send CORS headers.',
        '**Limits**: request bodies up to 1 MiB (413); writes, searches, topic previews and pages or feeds of more than 100 items are rate-limited per client (429 with Retry-After).',
        `**Errors** are RFC 9457 problem details (\`application/problem+json\`) with a stable \`code\`; these are all of them:\n\n${describeProblemCodes()}`,
      ].join('\n\n'),
    },
    servers: [{ url: deps.publicUrl || origin }],
    tags: [
      { name: 'Items', description: 'Stored stories: listing, search, one story with its sources.' },
      { name: 'Feeds', description: 'The republished feeds of topic expressions, for feed readers.' },
      { name: 'Topics', description: 'Countries (built in) and custom topics: definitions, preview, re-tagging.' },
      { name: 'Sources', description: 'The feeds topicwire polls.' },
      { name: 'System', description: 'Health, metrics, OPML.' },
      { name: 'WebSub', description: 'The callback WebSub hubs call: verification of intent and content distribution.' },
      { name: 'Pages', description: 'HTML pages for people (server-rendered).' },
    ],
  });
  app.doc31('/api/openapi.json', (c) => documentConfig(new URL(c.req.url).origin));
  // doc31 serves the document without describing itself; this entry lists it with the rest.
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    tags: ['System'],
    responses: { 200: { description: 'The document', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
  });

  app.notFound((c) => problemResponse(c, 404, 'not_found', `no route for ${c.req.method} ${new URL(c.req.url).pathname}`));
  app.onError(handleError);
  return app;
}
