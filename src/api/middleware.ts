/** Middleware factories. Each returns a named function so stack traces and logs say which. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { problemResponse } from './problem';

/**
 * Requires `Authorization: Bearer <ADMIN_TOKEN>`. The comparison hashes both sides first, so it
 * takes the same time whatever the token's length or where it first differs.
 */
export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async function requireAdminToken(c, next) {
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
export function injectDeps(deps: AppEnv['Variables']['deps']): MiddlewareHandler<AppEnv> {
  return async function injectDependencies(c, next) {
    c.set('deps', deps);
    await next();
  };
}
