/** Middleware factories. Each returns a named function so stack traces and logs say which. */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from './context';
import { problemResponse } from './problem';

/** The cookie the /admin login form sets: the admin token itself, HttpOnly and SameSite=Strict. */
export const ADMIN_COOKIE = 'topicwire_admin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Requires the admin token: `Authorization: Bearer <ADMIN_TOKEN>`, or the /admin login cookie.
 * The comparison hashes both sides first, so it takes the same time whatever the token's length
 * or where it first differs. A browser sends the cookie by itself, so a write authorised by the
 * cookie must also come from our own pages (see `isSameOrigin`): no cross-site request forgery.
 */
export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async function requireAdminToken(c, next) {
    const cookie = c.req.header('authorization') === undefined ? getCookie(c, ADMIN_COOKIE) : undefined;
    if (cookie !== undefined && c.var.deps.adminToken && (await timingSafeEqualStrings(cookie, c.var.deps.adminToken))) {
      if (!SAFE_METHODS.has(c.req.method) && !isSameOrigin(c)) {
        return problemResponse(c, 403, 'cross_origin_rejected', 'a write authorised by the admin cookie must come from this site\'s own pages (Origin or Sec-Fetch-Site did not say so)');
      }
      return next();
    }
    const expected = c.var.deps.adminToken;
    if (!expected) {
      return problemResponse(
        c,
        401,
        'unauthorized',
        'writes are disabled: set ADMIN_TOKEN on the server, then send "Authorization: Bearer <token>"',
        {},
        { 'www-authenticate': 'Bearer realm="topicwire"' },
      );
    }
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (!match?.[1] || !(await timingSafeEqualStrings(match[1], expected))) {
      return problemResponse(
        c,
        401,
        'unauthorized',
        match ? 'the bearer token is not valid' : 'this endpoint needs "Authorization: Bearer <ADMIN_TOKEN>"',
        {},
        { 'www-authenticate': 'Bearer realm="topicwire", error="invalid_token"' },
      );
    }
    await next();
  };
}

/** Whether the admin token arrives with the request (bearer header or login cookie). */
export async function hasAdminToken(c: Context<AppEnv>): Promise<boolean> {
  const expected = c.var.deps.adminToken;
  if (!expected) return false;
  const bearer = /^Bearer\s+(.+)$/i.exec((c.req.header('authorization') ?? '').trim())?.[1];
  const presented = bearer ?? getCookie(c, ADMIN_COOKIE);
  return presented !== undefined && (await timingSafeEqualStrings(presented, expected));
}

/**
 * A browser request made by one of our own pages: its Origin is this server's (as the request
 * reached it, or its public URL behind a proxy), or, without Origin, Sec-Fetch-Site says
 * same-origin. A request that says neither is refused: every current browser sends one of them.
 */
export function isSameOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined) {
    const allowed = new Set([new URL(c.req.url).origin]);
    try {
      allowed.add(new URL(c.var.deps.publicUrl).origin);
    } catch {
      // An unusable public URL only means fewer allowed origins.
    }
    return allowed.has(origin);
  }
  return c.req.header('sec-fetch-site') === 'same-origin';
}

export async function timingSafeEqualStrings(a: string, b: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [ha, hb] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(a)),
    crypto.subtle.digest('SHA-256', encoder.encode(b)),
  ]);
  const x = new Uint8Array(ha);
  const y = new Uint8Array(hb);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/** Puts the dependencies on the context, so handlers read `c.var.deps` and never a global. */
/**
 * Counts every request in `topicwire_http_requests_total{route,status}` and, when the runtime
 * asks for it (`logRequests`, Node), logs one `request` line. `route` is the pattern of the route
 * that answered (`/api/sources/:id`), never the raw path, so a scan of random URLs adds no
 * series; a request no route matched counts as `unmatched`.
 */
export function observeRequests(): MiddlewareHandler<AppEnv> {
  return async function observeRequest(c, next) {
    const { pipeline, logRequests } = c.var.deps;
    const startedAt = pipeline.now();
    await next();
    const route = matchedRoutePattern(c);
    const status = c.res.status;
    pipeline.metrics?.observeRequest(route, status);
    if (logRequests) pipeline.log?.('request', { method: c.req.method, route, path: new URL(c.req.url).pathname, status, durationMs: pipeline.now() - startedAt });
  };
}

/** The last matched route that is a handler (middleware is registered for ALL methods). */
function matchedRoutePattern(c: Context<AppEnv>): string {
  const routes = matchedRoutes(c);
  for (let i = routes.length - 1; i >= 0; i--) {
    const route = routes[i];
    if (route && route.method !== 'ALL') return route.path;
  }
  return 'unmatched';
}

export function injectDeps(deps: AppEnv['Variables']['deps']): MiddlewareHandler<AppEnv> {
  return async function injectDependencies(c, next) {
    c.set('deps', deps);
    await next();
  };
}

/**
 * `X-Content-Type-Options: nosniff` on every response (JSON, feeds, pages, errors): a browser
 * must not read a feed or a JSON body that quotes a publisher's HTML as a page of ours.
 */
export function noSniff(): MiddlewareHandler<AppEnv> {
  return async function setNoSniff(c, next) {
    await next();
    try {
      c.res.headers.set('x-content-type-options', 'nosniff');
    } catch {
      // Immutable headers (a response passed through from fetch): copy it once.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set('x-content-type-options', 'nosniff');
    }
  };
}
